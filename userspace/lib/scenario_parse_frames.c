// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* A flow's frame sizes, rate and length as the file gives them (the
 * checks that need the ports' address family are in scenario_expand.c). */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <linux/bbgen.h>

#include "frame.h"
#include "scenario_int.h"

/* Defaults: ByteBlower's frame rate (100 fps) and a short test. */
#define BLAST_FPS	100.0
#define BLAST_FRAMES	10000
#define GAMING_FPS	30.0
#define MEDIA_S		10.0	/* voice and gaming run 10 s */
#define VOICE_PKT_MS	20
/* The longest packetization whose frame fits: IPv6, with the time tag
 * (1188 ms). */
#define BB_VOICE_PKT_MAX_MS \
	((BBGEN_FRAME_MAX - (BB_ETH_HLEN + BB_IPV6_HLEN + BB_UDP_HLEN + BB_RTP_HLEN + \
			     BBGEN_TIME_TAG_LEN)) / BB_G711_BYTES_PER_MS)
#define RATE_MAX_FPS	1e9
#define BITRATE_MAX	1e12	/* 1 Tb/s */
#define DURATION_MAX_S	31536000.0	/* a year */
#define FRAMES_MAX	(1ULL << 48)	/* the sequence number's range */

/* ByteBlower's default IMIX (as BB_IMIX_DEFAULT). */
static const struct bb_scenario_imix imix_default[] = {
	{ 72, 34 }, { 124, 6 }, { 252, 4 }, { 508, 4 }, { 1020, 9 },
	{ 1276, 25 }, { 1510, 18 },
};

/* Gaming: normally distributed sizes (ByteBlower's GamingFlow). */
static const struct bb_size_dist gaming_dist = { 110, 20, 22, 1480 };

static int imix_entry(struct sc_ctx *c, json_t *e, const char *path,
		      struct bb_scenario_imix *m)
{
	static const char *const keys[] = { "size", "weight", NULL };
	uint64_t size = 0, weight = 0;
	int ret = sc_check_object(c, e, path, "an imix entry", keys);

	if (!ret && (ret = sc_uint(c, e, path, "size", BBGEN_FRAME_MIN, BBGEN_FRAME_MAX,
				   NULL, &size)) == 1)
		return sc_fail_key(c, path, "size", "missing (required)");
	if (!ret && (ret = sc_uint(c, e, path, "weight", 1, BB_MIX_WEIGHT_MAX,
				   NULL, &weight)) == 1)
		return sc_fail_key(c, path, "weight", "missing (required)");
	m->size = (uint32_t)size;
	m->weight = (uint32_t)weight;
	return ret;
}

/* imix: true (the default IMIX), false (none), or [{size, weight}...];
 * normalized to the list. */
static int imix(struct sc_ctx *c, json_t *o, const char *path,
		struct bb_scenario_flow *f)
{
	json_t *v = json_object_get(o, "imix"), *e;
	char epath[SC_PATH_MAX];
	size_t i, j;

	if (json_is_true(v)) {
		v = json_array();
		for (i = 0; i < sizeof(imix_default) / sizeof(imix_default[0]); i++)
			json_array_append_new(v, json_pack("{s:i,s:i}", "size",
				(int)imix_default[i].size, "weight", (int)imix_default[i].weight));
		json_object_set_new(o, "imix", v);
	} else if (json_is_false(v)) {
		json_object_del(o, "imix");
		return 0;
	}
	if (!json_is_array(v) || !json_array_size(v) ||
	    json_array_size(v) > BB_SCENARIO_IMIX_MAX)
		return sc_fail_key(c, path, "imix", "must be true, false or a list of 1 to %d {\"size\", \"weight\"} objects",
				   BB_SCENARIO_IMIX_MAX);
	json_array_foreach(v, i, e) {
		sc_path(epath, "%s.imix[%zu]", path, i);
		if (imix_entry(c, e, epath, &f->imix[i]))
			return -EINVAL;
		for (j = 0; j < i; j++)
			if (f->imix[j].size == f->imix[i].size)
				return sc_fail_key(c, epath, "size", "%u is also the size of %s.imix[%zu]",
						   f->imix[i].size, path, j);
	}
	f->nimix = (unsigned int)i;
	return 0;
}

/* number_of_frames | duration; neither: dflt_frames or dflt_s. */
static int length(struct sc_ctx *c, json_t *o, const char *path,
		  struct bb_scenario_flow *f, uint64_t dflt_frames, double dflt_s)
{
	int ret = sc_conflict(c, o, path, "number_of_frames", "duration");

	if (!ret && !json_object_get(o, "duration"))
		ret = sc_uint(c, o, path, "number_of_frames", 1, FRAMES_MAX,
			      dflt_frames ? &dflt_frames : NULL, &f->number_of_frames);
	if (ret >= 0 && !f->number_of_frames)
		ret = sc_number(c, o, path, "duration", 0, true, DURATION_MAX_S,
				&dflt_s, &f->duration_s);
	return ret;
}

static int blasting(struct sc_ctx *c, json_t *o, const char *path,
		    struct bb_scenario_flow *f)
{
	static const double fps = BLAST_FPS;
	uint64_t size = 0;
	int ret;

	ret = sc_conflict(c, o, path, "frame_size", "imix");
	if (!ret)
		ret = sc_conflict(c, o, path, "frame_rate", "bitrate");
	if (!ret)
		ret = sc_uint(c, o, path, "frame_size", BBGEN_FRAME_MIN, BBGEN_FRAME_MAX,
			      NULL, &size);
	f->frame_size = (uint32_t)size;
	if (ret == 1)
		ret = json_object_get(o, "imix") ? imix(c, o, path, f) : 0;
	if (!ret && (ret = sc_number(c, o, path, "bitrate", 0, true, BITRATE_MAX,
				     NULL, &f->bitrate)) == 1)
		ret = sc_number(c, o, path, "frame_rate", 0, true, RATE_MAX_FPS, &fps,
				&f->frame_rate);
	return ret ? ret : length(c, o, path, f, BLAST_FRAMES, 0);
}

/* codec: the G.711 law, as its RTP payload type (RFC 3551). ByteBlower's
 * VoiceFlow has no such key (it sends G.711 without saying which law);
 * bb defaults to mu-law, payload type 0. */
static int codec(struct sc_ctx *c, json_t *o, const char *path,
		 struct bb_scenario_flow *f)
{
	char name[16];
	int ret = sc_string(c, o, path, "codec", false, name, sizeof(name));

	f->rtp_pt = BB_RTP_PT_PCMU;
	if (ret)
		return ret == 1 ? 0 : ret;
	if (!strcmp(name, "pcmu"))
		return 0;
	if (!strcmp(name, "pcma")) {
		f->rtp_pt = BB_RTP_PT_PCMA;
		return 0;
	}
	return sc_fail_key(c, path, "codec", "must be \"pcmu\" (G.711 mu-law, RTP payload type 0) or \"pcma\" (G.711 A-law, 8)");
}

static int voice(struct sc_ctx *c, json_t *o, const char *path,
		 struct bb_scenario_flow *f)
{
	static const uint64_t pkt_dflt = VOICE_PKT_MS;
	uint64_t pkt;
	/* any whole ms, as the framework's VoiceFlow takes (it checks
	 * nothing); 10 and 20 are the usual ones. The top is what fits in
	 * the largest frame (BB_VOICE_PKT_MAX_MS). */
	int ret = sc_uint(c, o, path, "packetization", 1, BB_VOICE_PKT_MAX_MS, &pkt_dflt,
			  &pkt);

	if (!ret)
		ret = codec(c, o, path, f);
	if (ret)
		return ret;
	f->packetization_ms = (unsigned int)pkt;
	f->frame_rate = 1000.0 / (double)pkt;
	return length(c, o, path, f, 0, MEDIA_S);
}

static int gaming(struct sc_ctx *c, json_t *o, const char *path,
		  struct bb_scenario_flow *f)
{
	static const double fps = GAMING_FPS;
	int ret = sc_number(c, o, path, "frame_rate", 0, true, RATE_MAX_FPS, &fps,
			    &f->frame_rate);

	f->has_size_dist = true;
	f->size_dist = gaming_dist;
	return ret ? ret : length(c, o, path, f, 0, MEDIA_S);
}

int sc_parse_frames(struct sc_ctx *c, json_t *o, const char *path,
		    struct bb_scenario_flow *f)
{
	switch (f->type) {
	case BB_FLOW_VOICE:
		return voice(c, o, path, f);
	case BB_FLOW_GAMING:
		return gaming(c, o, path, f);
	default:
		return blasting(c, o, path, f);
	}
}
