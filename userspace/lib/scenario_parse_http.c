// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* An HTTP flow (type "http"): the ByteBlower test framework's HTTPFlow
 * keys, plus bb's tcp_congestion_control and ecn. Which side is the
 * client (GET/PUT/AUTO) and the default server port are settled when the
 * flow is expanded to its port pairs (scenario_expand.c). */
#include <stdio.h>
#include <string.h>

#include "scenario_int.h"

#define HTTP_DURATION_DFLT_S	10.0
#define HTTP_DURATION_MAX_S	86400.0
#define HTTP_SIZE_MAX		(1ull << 48)
#define HTTP_BITRATE_MAX	1e12
#define WSCALE_MAX		14	/* RFC 7323 */
#define RTT_MAX_MS		3600000.0
#define SSTHRESH_MAX_BYTES	(1ull << 31)	/* bytes */

static const char *const http_analysis[] = { "minimum_goodput", "max_rtt", NULL };

static const char *const method_names[] = {
	[BB_HTTP_AUTO] = "AUTO", [BB_HTTP_GET] = "GET", [BB_HTTP_PUT] = "PUT",
};

const char *bb_http_method_name(enum bb_http_method m)
{
	return (unsigned int)m < 3 ? method_names[m] : "unknown";
}

static int method(struct sc_ctx *c, json_t *o, const char *path,
		  struct bb_scenario_http *h)
{
	json_t *v = json_object_get(o, "http_method");
	unsigned int i;

	h->method = BB_HTTP_AUTO;
	if (!v) {
		json_object_set_new(o, "http_method", json_string("AUTO"));
		return 0;
	}
	for (i = 0; json_is_string(v) && i < 3; i++)
		if (!strcmp(json_string_value(v), method_names[i])) {
			h->method = (enum bb_http_method)i;
			return 0;
		}
	return sc_fail_key(c, path, "http_method", "must be one of \"GET\", \"PUT\", \"AUTO\"");
}

/* request_size (bytes) | request_duration (s); neither: 10 s. */
static int length(struct sc_ctx *c, json_t *o, const char *path,
		  struct bb_scenario_http *h)
{
	static const double dflt = HTTP_DURATION_DFLT_S;
	int ret = sc_conflict(c, o, path, "request_size", "request_duration");

	if (!ret && json_object_get(o, "request_size"))
		return sc_uint(c, o, path, "request_size", 1, HTTP_SIZE_MAX, NULL,
			       &h->request_size);
	if (!ret)
		ret = sc_number(c, o, path, "request_duration", 0, true,
				HTTP_DURATION_MAX_S, &dflt, &h->request_duration_s);
	return ret;
}

/* maximum_bitrate (bit/s), or the deprecated rate_limit (bytes/s). */
static int bitrate(struct sc_ctx *c, json_t *o, const char *path,
		   struct bb_scenario_http *h)
{
	double bytes;
	int ret = sc_conflict(c, o, path, "maximum_bitrate", "rate_limit");

	if (!ret && (ret = sc_number(c, o, path, "rate_limit", 0, true,
				     HTTP_BITRATE_MAX / 8, NULL, &bytes)) == 0) {
		h->maximum_bitrate = bytes * 8;
		return 0;
	}
	if (ret == 1)
		ret = sc_number(c, o, path, "maximum_bitrate", 0, true,
				HTTP_BITRATE_MAX, NULL, &h->maximum_bitrate);
	return ret == 1 ? 0 : ret;
}

/* A Linux congestion control name: what TCP_CONGESTION takes. */
static int congestion(struct sc_ctx *c, json_t *o, const char *path,
		      struct bb_scenario_http *h)
{
	static const bool no = false;
	int ret = sc_bool(c, o, path, "enable_tcp_prague", &no, &h->prague);
	size_t i;

	if (!ret && (ret = sc_string(c, o, path, "tcp_congestion_control", false,
				     h->congestion, sizeof(h->congestion))) == 1)
		ret = 0;
	else if (ret && json_object_get(o, "tcp_congestion_control"))
		return sc_fail_key(c, path, "tcp_congestion_control",
				   "must be the name of a Linux congestion control (1 to %d characters, like \"cubic\")",
				   BB_TCP_CC_MAX - 1);
	for (i = 0; !ret && h->congestion[i]; i++)
		if (!strchr("abcdefghijklmnopqrstuvwxyz0123456789_", h->congestion[i]))
			return sc_fail_key(c, path, "tcp_congestion_control",
					   "\"%s\" is not a congestion control name (a-z, 0-9, _)",
					   h->congestion);
	if (!ret && h->prague && h->congestion[0] && strcmp(h->congestion, "prague"))
		return sc_fail_key(c, path, "tcp_congestion_control",
				   "conflicts with %s.enable_tcp_prague (which uses \"prague\")", path);
	if (!ret && h->prague)
		snprintf(h->congestion, sizeof(h->congestion), "prague");
	return ret;
}

/* ecn is the TCP option here: the kernel's TCP writes the ECN bits of
 * its segments itself, so the frame-blasting meaning (0-3) cannot apply. */
static int tcp_bits(struct sc_ctx *c, json_t *o, const char *path,
		    struct bb_scenario_flow *f)
{
	static const uint64_t zero = 0;
	bool dflt = f->http.prague;
	uint64_t v;
	int ret = sc_uint(c, o, path, "dscp", 0, 63, &zero, &v);

	f->dscp = (uint8_t)v;
	if (!ret && json_object_get(o, "ecn") && !json_is_boolean(json_object_get(o, "ecn")))
		return sc_fail_key(c, path, "ecn",
				   "must be true or false for an http flow (negotiate ECN; the kernel's TCP sets the ECN bits)");
	if (!ret)
		ret = sc_bool(c, o, path, "ecn", &dflt, &f->http.ecn);
	return ret;
}

/* An optional TCP port: 0 when absent. */
static int tcp_port(struct sc_ctx *c, json_t *o, const char *path,
		    const char *key, uint16_t *out)
{
	uint64_t v;
	int ret = sc_uint(c, o, path, key, 1, 65535, NULL, &v);

	*out = ret ? 0 : (uint16_t)v;
	return ret < 0 ? ret : 0;
}

static int knobs(struct sc_ctx *c, json_t *o, const char *path,
		 struct bb_scenario_http *h)
{
	uint64_t v;
	int ret = tcp_port(c, o, path, "tcp_server_port", &h->server_port);

	if (!ret)
		ret = tcp_port(c, o, path, "tcp_client_port", &h->client_port);
	h->receive_window_scaling = -1;
	if (!ret && !(ret = sc_uint(c, o, path, "receive_window_scaling", 0,
				    WSCALE_MAX, NULL, &v)))
		h->receive_window_scaling = (int)v;
	if (ret >= 0 && (ret = sc_uint(c, o, path, "slow_start_threshold", 2,
				       SSTHRESH_MAX_BYTES, NULL, &v)) == 0)
		h->slow_start_threshold = (uint32_t)v;
	return ret < 0 ? ret : 0;
}

static int analysis(struct sc_ctx *c, json_t *o, const char *fpath,
		    struct bb_scenario_http *h)
{
	char path[SC_PATH_MAX];
	json_t *a = json_object_get(o, "analysis");
	int ret;

	sc_path(path, "%s.analysis", fpath);
	if (!a)
		json_object_set_new(o, "analysis", a = json_object());
	ret = sc_check_object(c, a, path, "the analysis of an http flow", http_analysis);
	if (!ret && (ret = sc_number(c, a, path, "minimum_goodput", 0, true,
				     HTTP_BITRATE_MAX, NULL, &h->minimum_goodput)) == 1)
		ret = 0;
	if (!ret && (ret = sc_number(c, a, path, "max_rtt", 0, true, RTT_MAX_MS,
				     NULL, &h->max_rtt_ms)) == 1)
		ret = 0;
	return ret;
}

int sc_parse_http(struct sc_ctx *c, json_t *o, const char *path,
		  struct bb_scenario_flow *f)
{
	static const double zero_s = 0;
	static const bool no = false;
	int ret = sc_bool(c, o, path, "add_reverse_direction", &no, &f->reverse);

	if (!ret)
		ret = sc_number(c, o, path, "initial_time_to_wait", 0, false, 86400,
				&zero_s, &f->initial_time_to_wait_s);
	if (!ret)
		ret = method(c, o, path, &f->http);
	if (!ret)
		ret = length(c, o, path, &f->http);
	if (!ret)
		ret = bitrate(c, o, path, &f->http);
	if (!ret)
		ret = sc_parse_http_tcp(c, o, path, f);
	if (!ret)
		ret = analysis(c, o, path, &f->http);
	return ret;
}

int sc_parse_http_tcp(struct sc_ctx *c, json_t *o, const char *path,
		      struct bb_scenario_flow *f)
{
	int ret = congestion(c, o, path, &f->http);

	if (!ret)
		ret = tcp_bits(c, o, path, f);
	if (!ret)
		ret = knobs(c, o, path, &f->http);
	return ret;
}
