// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* Scenario -> plan: a flow's frame sizes, rate and length, and the
 * record's flows[].config that says what was sent. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include <linux/bbgen.h>

#include "decimal.h"
#include "plan_int.h"

/* G.711 voice: RTP header 12 + 8 bytes per ms of audio, in UDP/IP/Eth. */
#define VOICE_HDR	(14 + 8 + 12)
#define GAMING_FPS	30.0
#define DEFAULT_FPS	100.0
#define DEFAULT_FRAMES	10000
#define DEFAULT_VOICE_S	10.0
#define SIZE_DIST_SEED	1

static const struct bb_size_dist gaming_dist = { 110, 20, 22, 1480 };

static int dec_of(double v, struct bb_dec *d)
{
	char buf[64];

	snprintf(buf, sizeof(buf), "%.9f", v);
	return bb_dec_parse(buf, d);
}

/* imix: true or "default" (ByteBlower's IMIX), or [[size, weight], ...]
 * or [{"length"|"size": N, "weight": W}, ...]. */
static int imix_of(json_t *v, struct bb_mix *m)
{
	char spec[4096] = "";
	size_t i, len = 0;
	uint32_t bad;
	json_t *e;

	if (json_is_true(v) || (json_is_string(v) && !strcmp(json_string_value(v), "default")))
		return bb_mix_parse_imix("default", m, &bad);
	json_array_foreach(v, i, e) {
		json_t *s = json_is_array(e) ? json_array_get(e, 0)
			: json_object_get(e, json_object_get(e, "length") ? "length" : "size");
		json_t *w = json_is_array(e) ? json_array_get(e, 1)
					      : json_object_get(e, "weight");

		len += (size_t)snprintf(spec + len, sizeof(spec) - len, "%s%lld:%lld",
					i ? "," : "", json_integer_value(s),
					json_integer_value(w));
		if (len >= sizeof(spec))
			return -E2BIG;
	}
	return bb_mix_parse_imix(spec, m, &bad);
}

/* Sizes of the flow; ip6 frames grow by the larger header. */
static int sizes(json_t *o, struct bbd_flow_cfg *f, json_t *cfg)
{
	json_t *fs = json_object_get(o, "frame_size"), *im = json_object_get(o, "imix");
	unsigned int pkt = (unsigned int)json_integer_value(json_object_get(o, "packetization"));
	int ret = 0;

	if (f->type == BBD_FLOW_VOICE) {
		pkt = pkt ? pkt : 20;
		bb_mix_one(&f->mix, VOICE_HDR + (f->ipv6 ? 40 : 20) + 8 * pkt);
		json_object_set_new(cfg, "packetization_ms", json_integer(pkt));
	} else if (f->type == BBD_FLOW_GAMING) {
		struct bb_size_dist d = gaming_dist;
		uint32_t min = (uint32_t)bb_frame_min_size(f->ipv6 ? AF_INET6 : AF_INET,
							   0, true);

		/* the distribution's 22-byte minimum is below the smallest
		 * frame that holds the headers and the tag: clamp to it */
		d.min = d.min < min ? min : d.min;
		ret = bb_mix_normal(&f->mix, &d, BB_SIZE_DIST_SAMPLES, SIZE_DIST_SEED);
		json_object_set_new(cfg, "size_dist", json_pack("{s:f,s:f,s:i,s:i}",
			"mean", d.mean, "stddev", d.stddev, "min", (int)d.min,
			"max", (int)d.max));
	} else if (im) {
		ret = imix_of(im, &f->mix);
	} else {
		bb_mix_one(&f->mix, fs ? (uint32_t)json_integer_value(fs)
				       : (uint32_t)bb_frame_default_size(
					       f->ipv6 ? AF_INET6 : AF_INET, 0, f->latency));
		json_object_set_new(cfg, "frame_size", json_integer(f->mix.size[0]));
	}
	if (!ret && f->mix.kind == BB_MIX_WEIGHTED) {
		json_t *arr = json_array();
		unsigned int i;

		for (i = 0; i < f->mix.n; i++)
			json_array_append_new(arr, json_pack("[i,i]", (int)f->mix.size[i],
							     (int)f->mix.weight[i]));
		json_object_set_new(cfg, "imix", arr);
	}
	return ret;
}

static int rate(json_t *o, const struct bbd_plan *p, struct bbd_flow_cfg *f,
		json_t *cfg)
{
	json_t *fr = json_object_get(o, "frame_rate"), *br = json_object_get(o, "bitrate");
	unsigned int pkt = (unsigned int)json_integer_value(json_object_get(o, "packetization"));
	double fps = fr ? json_number_value(fr) : DEFAULT_FPS;
	uint64_t bytes, weight;
	struct bb_dec d;
	int ret;

	if (f->type == BBD_FLOW_VOICE)
		fps = 1000.0 / (pkt ? pkt : 20);
	else if (f->type == BBD_FLOW_GAMING)
		fps = fr ? fps : GAMING_FPS;
	if (br && f->type == BBD_FLOW_FRAME_BLASTING) {
		bb_mix_wire(&f->mix, bb_l2_overhead(p->l2), &bytes, &weight);
		ret = dec_of(json_number_value(br), &d);
		if (!ret)
			ret = bb_rate_from_bitrate(&d, bytes, weight, &f->rate);
		json_object_set(cfg, "bitrate", br);
	} else {
		ret = dec_of(fps, &d);
		if (!ret)
			ret = bb_rate_from_fps(&d, &f->rate);
	}
	json_object_set_new(cfg, "frame_rate", json_real(bb_rate_fps(&f->rate)));
	return ret;
}

/* number_of_frames | duration (seconds); voice and gaming default to a
 * duration, frame blasting to a frame count, as ByteBlower does. */
static void length(json_t *o, struct bbd_flow_cfg *f, json_t *cfg)
{
	json_t *n = json_object_get(o, "number_of_frames");

	if (n) {
		f->count = (uint64_t)json_integer_value(n);
	} else if (json_object_get(o, "duration")) {
		f->duration_ns = plan_seconds_ns(o, "duration", 0);
	} else if (f->type == BBD_FLOW_FRAME_BLASTING) {
		f->count = DEFAULT_FRAMES;
	} else {
		f->duration_ns = plan_seconds_ns(o, "duration", DEFAULT_VOICE_S);
	}
	json_object_set_new(cfg, "number_of_frames", f->count ? json_integer((json_int_t)f->count) : json_null());
	json_object_set_new(cfg, "duration_s", f->duration_ns ? json_real(f->duration_ns / 1e9) : json_null());
}

int plan_flow_frames(json_t *o, const struct bbd_plan *p,
		     struct bbd_flow_cfg *f, const char *path, char *err,
		     size_t errlen)
{
	json_t *cfg = json_pack("{s:n,s:n,s:n,s:n,s:n}", "frame_size", "imix",
				"size_dist", "bitrate", "packetization_ms");
	size_t min = bb_frame_min_size(f->ipv6 ? AF_INET6 : AF_INET, 0, f->latency);

	if (!cfg)
		return -ENOMEM;
	f->config = cfg;
	if (sizes(o, f, cfg))
		return plan_fail(err, errlen, "%s: frame sizes cannot be used", path);
	if (bb_mix_min(&f->mix) < min || bb_mix_max(&f->mix) > BBGEN_FRAME_MAX)
		return plan_fail(err, errlen, "%s.frame_size: must be %zu..%u bytes for %s%s (got %u..%u)",
				 path, min, BBGEN_FRAME_MAX, f->ipv6 ? "IPv6" : "IPv4",
				 f->latency ? " with latency" : "",
				 bb_mix_min(&f->mix), bb_mix_max(&f->mix));
	if (rate(o, p, f, cfg))
		return plan_fail(err, errlen, "%s: the rate cannot be used", path);
	length(o, f, cfg);
	json_object_set_new(cfg, "initial_time_to_wait_s", json_real(f->delay_ns / 1e9));
	json_object_set_new(cfg, "udp_src", json_integer(f->sport));
	json_object_set_new(cfg, "udp_dest", json_integer(f->dport));
	json_object_set_new(cfg, "dscp", json_integer(f->tos >> 2));
	json_object_set_new(cfg, "ecn", json_integer(f->tos & 3));
	json_object_set_new(cfg, "latency", json_boolean(f->latency));
	return 0;
}
