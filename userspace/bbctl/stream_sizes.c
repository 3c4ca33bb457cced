// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* bbctl stream add: frame sizes (size, sizes, imix, size-dist) and the
 * rate over them (rate FPS, or bitrate BPS with the layer-2 speed mode). */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <linux/bbgen.h>

#include "bbctl.h"
#include "decimal.h"
#include "genl.h"
#include "parse.h"
#include "stream.h"

/* "an IPv4/UDP frame with 2 VLAN tags and a latency tag" */
static const char *frame_desc(const struct bb_frame_spec *f)
{
	static char buf[96];
	char tags[32] = "";

	if (f->nvlan)
		snprintf(tags, sizeof(tags), "%u VLAN tag%s and ", f->nvlan,
			 f->nvlan > 1 ? "s" : "");
	snprintf(buf, sizeof(buf), "an %s/UDP frame with %sa %s tag",
		 f->src.family == AF_INET ? "IPv4" : "IPv6", tags,
		 f->latency ? "latency" : "sequence");
	return buf;
}

static size_t min_size(const struct bb_frame_spec *f)
{
	return bb_frame_min_size(f->src.family, f->nvlan, f->latency);
}

/* Every size of the mix within the frame limits, named by field. */
static int check_mix_sizes(const char *field, const struct bb_mix *m,
			   const struct bb_frame_spec *f)
{
	unsigned int i;

	if (m->n > BBGEN_TEMPLATES_MAX)
		return usage_err("%s: must list at most %d sizes (got %u)",
				 field, BBGEN_TEMPLATES_MAX, m->n);
	for (i = 0; i < m->n; i++) {
		if (m->size[i] > BBGEN_FRAME_MAX)
			return usage_err("%s: %u bytes is too large (maximum %d)",
					 field, m->size[i], BBGEN_FRAME_MAX);
		if (m->size[i] < min_size(f))
			return usage_err("%s: %u bytes is too small for %s (minimum %zu)",
					 field, m->size[i], frame_desc(f),
					 min_size(f));
	}
	return 0;
}

static int parse_size(const char *s, struct stream_req *r)
{
	size_t min = min_size(&r->frame);
	uint64_t v = 0;
	int ret;

	ret = bb_parse_u64(s, 0, UINT64_MAX, &v);
	if (ret == -EINVAL)
		return usage_err("size: must be an integer from %zu to %d (got \"%s\")",
				 min, BBGEN_FRAME_MAX, s);
	if (ret || v > BBGEN_FRAME_MAX)
		return usage_err("size: %s bytes is too large (maximum %d)", s,
				 BBGEN_FRAME_MAX);
	if (v < min)
		return usage_err("size: %" PRIu64 " bytes is too small for %s (minimum %zu)",
				 v, frame_desc(&r->frame), min);
	bb_mix_one(&r->mix, (uint32_t)v);
	return 0;
}

static int parse_sizes(const char *s, struct stream_req *r)
{
	if (bb_mix_parse_sizes(s, &r->mix))
		return usage_err("sizes: must be frame sizes separated by commas, like 64,128,1518 (got \"%s\")",
				 s);
	return check_mix_sizes("sizes", &r->mix, &r->frame);
}

static uint64_t gcd64(uint64_t a, uint64_t b)
{
	while (b) {
		uint64_t t = a % b;

		a = b;
		b = t;
	}
	return a;
}

/* The kernel cycles each template weight/gcd times. */
static uint64_t cycle_len(const struct bb_mix *m)
{
	uint64_t g = 0, sum = 0;
	unsigned int i;

	for (i = 0; i < m->n; i++)
		g = gcd64(g, m->weight[i]);
	for (i = 0; i < m->n; i++)
		sum += m->weight[i] / g;
	return sum;
}

static int parse_imix(const char *s, const char *order, struct stream_req *r)
{
	uint32_t bad;
	int ret = bb_mix_parse_imix(s, &r->mix, &bad);

	if (ret == -ERANGE)
		return usage_err("imix: weights must be integers from 1 to %d (got \"%s\")",
				 BB_MIX_WEIGHT_MAX, s);
	if (ret == -EEXIST)
		return usage_err("imix: size %u is listed twice (each size once)",
				 bad);
	if (ret)
		return usage_err("imix: must be default or SIZE:WEIGHT,... like 64:7,576:4,1518:1 (got \"%s\")",
				 s);
	ret = check_mix_sizes("imix", &r->mix, &r->frame);
	if (!ret && cycle_len(&r->mix) > BBGEN_CYCLE_MAX)
		ret = usage_err("imix: the weights make a cycle of %" PRIu64 " frames (at most %d: use smaller weights)",
				cycle_len(&r->mix), BBGEN_CYCLE_MAX);
	if (ret || !order)
		return ret;
	r->has_order = true;
	if (!strcmp(order, "fixed") || !strcmp(order, "shuffle")) {
		r->order = !strcmp(order, "fixed") ? BBGEN_ORDER_FIXED :
			   BBGEN_ORDER_SHUFFLE;
		return 0;
	}
	return usage_err("imix-order: must be fixed or shuffle (got \"%s\")",
			 order);
}

/* MEAN or STDDEV: a decimal number of bytes. */
static int dist_number(const char *name, const char *s, double *v)
{
	struct bb_dec d;

	if (bb_dec_parse(s, &d))
		return usage_err("size-dist: %s must be a number of bytes >= 0 (got \"%s\")",
				 name, s);
	*v = strtod(s, NULL);	/* checked above: plain decimal */
	return 0;
}

static int dist_values(char **a, const struct bb_frame_spec *f,
		       struct bb_size_dist *d)
{
	size_t min = min_size(f);
	uint64_t lo, hi;
	int ret;

	if (strcmp(a[0], "normal"))
		return usage_err("size-dist: distribution must be normal (got \"%s\")",
				 a[0]);
	ret = dist_number("MEAN", a[1], &d->mean);
	if (!ret)
		ret = dist_number("STDDEV", a[2], &d->stddev);
	if (!ret && bb_parse_u64(a[3], min, BBGEN_FRAME_MAX, &lo))
		ret = usage_err("size-dist: MIN must be an integer from %zu to %d for %s (got \"%s\")",
				min, BBGEN_FRAME_MAX, frame_desc(f), a[3]);
	if (!ret && bb_parse_u64(a[4], lo, BBGEN_FRAME_MAX, &hi))
		ret = usage_err("size-dist: MAX must be an integer from MIN (%" PRIu64 ") to %d (got \"%s\")",
				lo, BBGEN_FRAME_MAX, a[4]);
	if (ret)
		return ret;
	d->min = (uint32_t)lo;
	d->max = (uint32_t)hi;
	return 0;
}

static int parse_size_dist(char **a, struct stream_req *r)
{
	struct bb_size_dist d;
	int ret = dist_values(a, &r->frame, &d);

	if (ret)
		return ret;
	bb_mix_normal(&r->mix, &d, BB_SIZE_DIST_SAMPLES, STREAM_SIZE_DIST_SEED);
	if (r->mix.n > BBGEN_TEMPLATES_MAX)
		return usage_err("size-dist: the sample has %u different sizes (at most %d: narrow STDDEV or MIN..MAX)",
				 r->mix.n, BBGEN_TEMPLATES_MAX);
	return 0;
}

/* The templates must fit in one request. */
static int check_request(const char *field, const struct stream_req *r)
{
	if (stream_req_size(r) > BB_GENL_REQ_MAX)
		return usage_err("%s: the frames take %zu bytes, more than one request carries (at most %d)",
				 field, stream_req_size(r), BB_GENL_REQ_MAX);
	return 0;
}

int stream_parse_sizes(const struct arg_val *v, struct stream_req *r)
{
	const struct bb_frame_spec *f = &r->frame;
	const char *field = "size";
	int ret = 0;

	if (v[S_SIZES].n) {
		field = "sizes";
		ret = parse_sizes(arg_str(&v[S_SIZES]), r);
	} else if (v[S_IMIX].n) {
		field = "imix";
		ret = parse_imix(arg_str(&v[S_IMIX]), arg_str(&v[S_IMIX_ORDER]),
				 r);
	} else if (v[S_SIZE_DIST].n) {
		field = "size-dist";
		ret = parse_size_dist(v[S_SIZE_DIST].at[0], r);
	} else if (v[S_SIZE].n) {
		ret = parse_size(arg_str(&v[S_SIZE]), r);
	} else {
		bb_mix_one(&r->mix, (uint32_t)bb_frame_default_size(
				   f->src.family, f->nvlan, f->latency));
	}
	return ret ? ret : check_request(field, r);
}

static int parse_fps(const char *s, struct bb_rate *rate)
{
	struct bb_dec d;
	int ret = bb_dec_parse(s, &d);

	if (ret == -EDOM)
		return usage_err("rate: must have at most %d decimals (got \"%s\")",
				 BB_DEC_MAX_DECIMALS, s);
	if (!ret)
		ret = bb_rate_from_fps(&d, rate);
	if (ret == -EINVAL)
		return usage_err("rate: must be a number > 0 (got \"%s\")", s);
	if (ret == -ERANGE)
		return usage_err("rate: must be at most 1000000000 fps (got \"%s\")",
				 s);
	if (ret)
		return usage_err("rate: must be at least one frame per hour, 0.000278 fps (got \"%s\")",
				 s);
	return 0;
}

static int parse_bitrate(const char *s, const char *mode,
			 const struct bb_mix *m, struct bb_rate *rate)
{
	enum bb_l2_speed l2 = BB_L2_FRAME;
	uint64_t bytes, weight;
	struct bb_dec d;
	int ret;

	if (mode && bb_l2_speed_parse(mode, &l2))
		return usage_err("l2-speed: must be frame, frame_with_fcs or physical (got \"%s\")",
				 mode);
	ret = bb_dec_parse_si(s, &d);
	if (ret == -EDOM)
		return usage_err("bitrate: must have at most %d decimals (got \"%s\")",
				 BB_DEC_MAX_DECIMALS, s);
	if (!ret || ret == -ERANGE) {
		bb_mix_wire(m, bb_l2_overhead(l2), &bytes, &weight);
		ret = ret ? ret : bb_rate_from_bitrate(&d, bytes, weight, rate);
	}
	if (ret == -EINVAL)
		return usage_err("bitrate: must be a number of bits/s > 0, with k, M or G allowed (got \"%s\")",
				 s);
	if (ret == -ERANGE)
		return usage_err("bitrate: must make at most 1000000000 fps (got \"%s\")",
				 s);
	if (ret)
		return usage_err("bitrate: must make at least one frame per hour (got \"%s\")",
				 s);
	return 0;
}

int stream_parse_rate(const struct arg_val *v, struct stream_req *r)
{
	if (v[S_RATE].n)
		return parse_fps(arg_str(&v[S_RATE]), &r->rate);
	return parse_bitrate(arg_str(&v[S_BITRATE]), arg_str(&v[S_L2_SPEED]),
			     &r->mix, &r->rate);
}
