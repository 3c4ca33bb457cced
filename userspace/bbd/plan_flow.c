// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* Scenario -> plan: the flows, from lib/scenario's expanded model (one
 * entry per source/destination port pair and direction, sizes, rate and
 * UDP ports already resolved), in the units the kernel takes. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "plan_int.h"

/* The gaming sizes are drawn once per flow with a fixed seed, so a run
 * can be repeated frame for frame. */
#define SIZE_DIST_SEED	1

static enum bbd_flow_type flow_type(enum bb_flow_type t)
{
	switch (t) {
	case BB_FLOW_VOICE:
		return BBD_FLOW_VOICE;
	case BB_FLOW_GAMING:
		return BBD_FLOW_GAMING;
	case BB_FLOW_HTTP:
		return BBD_FLOW_HTTP;
	case BB_FLOW_VIDEO:
		return BBD_FLOW_VIDEO;
	default:
		return BBD_FLOW_FRAME_BLASTING;
	}
}

/* The flow's sizes as bbgen templates: one size, the imix weights, or
 * samples of the gaming distribution. */
static int sizes(const struct bb_scenario_flow *sf, struct bb_mix *m)
{
	char spec[BB_SCENARIO_IMIX_MAX * 24] = "";
	size_t len = 0;
	unsigned int i;
	uint32_t bad;

	if (sf->has_size_dist)
		return bb_mix_normal(m, &sf->size_dist, BB_SIZE_DIST_SAMPLES,
				     SIZE_DIST_SEED);
	if (!sf->nimix) {
		bb_mix_one(m, sf->frame_size);
		return 0;
	}
	for (i = 0; i < sf->nimix; i++)
		len += (size_t)snprintf(spec + len, sizeof(spec) - len, "%s%u:%u",
					i ? "," : "", sf->imix[i].size,
					sf->imix[i].weight);
	return bb_mix_parse_imix(spec, m, &bad);
}

/* FNV-1a, 64 bits: a flow name's fingerprint. */
static uint64_t name_hash(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	while (*s) {
		h ^= (unsigned char)*s++;
		h *= 0x100000001b3ULL;
	}
	return h;
}

/*
 * Voice: G.711 over RTP. RFC 3550 wants a random SSRC and random first
 * sequence number and timestamp; bb takes them from the expanded flow's
 * name (" (reverse)" included, so the two directions differ), so that a
 * run can be repeated frame for frame and two runs of a scenario are
 * comparable in a capture.
 */
static void voice_rtp(const struct bb_scenario_flow *sf, struct bb_rtp *r)
{
	uint64_t h = name_hash(sf->name);

	r->on = true;
	r->pt = sf->rtp_pt;
	r->ssrc = (uint32_t)h;
	r->seq = (uint16_t)(h >> 32);
	r->ts = (uint32_t)(h >> 48) << 16 | (uint16_t)(h >> 16);
	r->samples = BB_G711_BYTES_PER_MS * sf->packetization_ms;
}

static int one_flow(const struct bb_scenario_flow *sf, struct bbd_flow_cfg *f,
		    char *err, size_t errlen)
{
	snprintf(f->name, sizeof(f->name), "%s", sf->name);
	f->type = flow_type(sf->type);
	f->src = sf->src;
	f->dst = sf->dst;
	f->reverse = sf->reverse;
	f->ipv6 = sf->family == AF_INET6;
	f->delay_ns = (uint64_t)(sf->initial_time_to_wait_s * 1e9 + 0.5);
	if (sf->type == BB_FLOW_HTTP || sf->type == BB_FLOW_VIDEO) {
		f->http = sf->http;
		f->video = sf->video;
		f->tos = (uint8_t)(sf->dscp << 2);
		f->duration_ns = (uint64_t)((sf->type == BB_FLOW_VIDEO ? sf->video.duration_s :
					     sf->http.request_duration_s) * 1e9 + 0.5);
		f->config = bb_scenario_flow_config(sf);
		return f->config ? 0 : -ENOMEM;
	}
	if (sizes(sf, &f->mix))
		return plan_fail(err, errlen, "flows[%u]: frame sizes cannot be used", sf->index);
	f->rate = sf->rate;
	f->count = sf->number_of_frames;
	f->duration_ns = sf->number_of_frames ? 0 :
			 (uint64_t)(sf->duration_s * 1e9 + 0.5);
	f->delay_ns = (uint64_t)(sf->initial_time_to_wait_s * 1e9 + 0.5);
	f->sport = sf->udp_src;
	f->dport = sf->udp_dest;
	f->tos = (uint8_t)(sf->dscp << 2 | (sf->ecn & 3));
	f->latency = sf->analysis.latency;
	f->nat_keep_alive = sf->nat_keep_alive;
	if (sf->type == BB_FLOW_VOICE)
		voice_rtp(sf, &f->rtp);
	f->config = bb_scenario_flow_config(sf);
	return f->config ? 0 : -ENOMEM;
}

int plan_flows(const struct bb_scenario *sc, struct bbd_plan *p, char *err,
	       size_t errlen)
{
	unsigned int i;
	int ret;

	p->flows = calloc(sc->nflows ? sc->nflows : 1, sizeof(*p->flows));
	if (!p->flows)
		return -ENOMEM;
	for (i = 0; i < sc->nflows; i++) {
		ret = one_flow(&sc->flows[i], &p->flows[i], err, errlen);
		if (ret)
			return ret;
		p->nflows++;
	}
	return p->nflows ? 0 : plan_fail(err, errlen, "flows: at least one flow is needed");
}
