// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * A framework gaming flow in bb's dialect. The framework draws its sizes
 * as UDP lengths (header + payload) from a normal distribution, clamps
 * them to [packet_length_min, packet_length_max], adds the Ethernet and IP
 * headers, and sends an IMIX of imix_number_of_frames such frames; its
 * verdict is P99 latency within max_threshold_latency. bb sends the same
 * as a frame_blasting flow: an IMIX of the distribution's quantiles (no
 * dice: the same file gives the same frames) and the P99 latency analyser.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include <linux/bbgen.h>

#include "frame.h"
#include "scenario_framework_int.h"

struct gaming {
	double mean, dev, min, max, count;
};

/* The framework's defaults (its GamingFlow). */
static const struct gaming gaming_dflt = { 110, 20, 22, 1480, 20 };
#define GAMING_FPS		30
#define GAMING_S		10
#define GAMING_LATENCY_MS	1.0

/* z with P(Z <= z) = p for the standard normal, by bisection (exact to
 * far below a byte at any sane deviation). */
static double probit(double p)
{
	double lo = -10, hi = 10, mid;
	int i;

	for (i = 0; i < 80; i++) {
		mid = (lo + hi) / 2;
		if (0.5 * erfc(-mid / sqrt(2)) < p)
			lo = mid;
		else
			hi = mid;
	}
	return (lo + hi) / 2;
}

static int number(struct fw_ctx *c, json_t *o, const char *path,
		  const char *key, double min, double max, double *out)
{
	json_t *v = json_object_get(o, key);
	char kpath[FW_PATH_MAX];

	if (!v)
		return 0;
	fw_path(kpath, "%s.%s", path, key);
	if (!json_is_number(v) || json_number_value(v) < min || json_number_value(v) > max)
		return fw_fail(c, kpath, "must be a number from %g to %g", min, max);
	*out = json_number_value(v);
	json_object_del(o, key);
	return 0;
}

static int params(struct fw_ctx *c, json_t *o, const char *path, struct gaming *g)
{
	int ret;

	*g = gaming_dflt;
	ret = number(c, o, path, "packet_length", 8, 9000, &g->mean);
	if (!ret)
		ret = number(c, o, path, "packet_length_deviation", 0, 9000, &g->dev);
	if (!ret)
		ret = number(c, o, path, "packet_length_min", 8, 9000, &g->min);
	if (!ret)
		ret = number(c, o, path, "packet_length_max", 8, 9000, &g->max);
	if (!ret)
		ret = number(c, o, path, "imix_number_of_frames", 1, BB_SCENARIO_IMIX_MAX, &g->count);
	if (!ret && g->min > g->max)
		ret = fw_fail(c, path, "packet_length_min %g is above packet_length_max %g", g->min, g->max);
	g->count = floor(g->count);
	return ret;
}

static bool in_group(const json_t *port, const char *g)
{
	json_t *v;
	size_t i;

	json_array_foreach(json_object_get(port, "port_group"), i, v)
		if (json_is_string(v) && !strcmp(json_string_value(v), g))
			return true;
	return false;
}

/* The first port of the selector's first group, or NULL. */
static const json_t *first_port(const struct fw_ctx *c, const json_t *sel)
{
	const char *g = json_string_value(json_array_get(json_object_get(sel, "port_group"), 0));
	const json_t *p;
	size_t i;

	json_array_foreach(c->ports, i, p)
		if (g && in_group(p, g))
			return p;
	return NULL;
}

/* The family bb will pick for the flow's (first) port pair. */
static int family(const struct fw_ctx *c, const json_t *o)
{
	const json_t *s = first_port(c, json_object_get(o, "source"));
	const json_t *d = first_port(c, json_object_get(o, "destination"));

	if (s && d && !(json_object_get(s, "ipv4") && json_object_get(d, "ipv4")) &&
	    json_object_get(s, "ipv6") && json_object_get(d, "ipv6"))
		return AF_INET6;
	return AF_INET;
}

/* The quantiles (k + 1/2) / count as frame sizes; equal sizes merged. */
static json_t *imix(const struct gaming *g, int fam)
{
	unsigned int hdr = BB_ETH_HLEN + (fam == AF_INET ? BB_IPV4_HLEN : BB_IPV6_HLEN);
	double smallest = (double)bb_frame_min_size(fam, 0, true), len;
	json_t *arr = json_array(), *last = NULL;
	unsigned int k, n = (unsigned int)g->count;

	for (k = 0; arr && k < n; k++) {
		len = round(g->mean + g->dev * probit((k + 0.5) / n));
		len = fmin(fmax(len, g->min), g->max) + hdr;
		len = fmin(fmax(len, smallest), BBGEN_FRAME_MAX);
		/* ascending quantiles: an equal size can only be the last one */
		if (last && json_integer_value(json_object_get(last, "size")) == (json_int_t)len) {
			json_object_set_new(last, "weight", json_integer(
				json_integer_value(json_object_get(last, "weight")) + 1));
			continue;
		}
		last = json_pack("{s:I,s:i}", "size", (json_int_t)len, "weight", 1);
		json_array_append_new(arr, last);
	}
	return arr;
}

static void analysis(json_t *o)
{
	json_t *a = json_object_get(o, "analysis");

	if (!a)
		json_object_set_new(o, "analysis", a = json_object());
	if (!json_is_object(a))
		return;		/* bb's parser: "must be an object" */
	json_object_set_new(a, "latency", json_true());
	json_object_set_new(a, "quantile", json_integer(99));
	if (!json_object_get(a, "max_threshold_latency"))
		json_object_set_new(a, "max_threshold_latency", json_real(GAMING_LATENCY_MS));
}

int fw_gaming(struct fw_ctx *c, json_t *o, const char *path)
{
	char tpath[FW_PATH_MAX];
	struct gaming g;
	json_t *sizes;
	int fam, ret = params(c, o, path, &g);

	if (ret)
		return ret;
	fam = family(c, o);
	sizes = imix(&g, fam);
	if (!sizes)
		return -ENOMEM;
	json_object_set_new(o, "type", json_string("frame_blasting"));
	json_object_set_new(o, "imix", sizes);
	if (!json_object_get(o, "frame_rate") && !json_object_get(o, "bitrate"))
		json_object_set_new(o, "frame_rate", json_integer(GAMING_FPS));
	if (!json_object_get(o, "number_of_frames") && !json_object_get(o, "duration"))
		json_object_set_new(o, "duration", json_integer(GAMING_S));
	analysis(o);
	fw_path(tpath, "%s.type", path);
	fw_note(c, tpath, "mapped", "gaming sent as frame_blasting: an IMIX of %zu frame sizes, the quantiles of UDP lengths %g +- %g within %g..%g plus %s headers, with the P99 latency analyser",
		json_array_size(sizes), g.mean, g.dev, g.min, g.max, fam == AF_INET ? "IPv4" : "IPv6");
	return 0;
}
