// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* Stream replies and notifications into struct bb_gen_stream. */
#include <errno.h>
#include <string.h>

#include <linux/bbgen.h>

#include "gen_attr.h"
#include "gen_stream.h"

/* What STREAM_ADD set: rate, limits, templates and their order. */
static void decode_config(struct nlattr **tb, struct bb_gen_stream *s)
{
	GEN_U64(tb, BBGEN_A_STREAM_RATE_FRAMES, s, rate_frames);
	GEN_U64(tb, BBGEN_A_STREAM_RATE_PERIOD_NS, s, rate_period_ns);
	GEN_U64(tb, BBGEN_A_STREAM_INTERVAL_NS, s, interval_ns);
	GEN_U64(tb, BBGEN_A_STREAM_COUNT, s, count);
	GEN_U64(tb, BBGEN_A_STREAM_DURATION_NS, s, duration_ns);
	GEN_U64(tb, BBGEN_A_STREAM_DELAY_NS, s, delay_ns);
	GEN_U32(tb, BBGEN_A_STREAM_TEMPLATES, s, templates);
	GEN_U32(tb, BBGEN_A_STREAM_CYCLE_LEN, s, cycle_len);
	GEN_U32(tb, BBGEN_A_STREAM_ORDER, s, order);
	GEN_U32(tb, BBGEN_A_STREAM_SEED, s, seed);
	GEN_U32(tb, BBGEN_A_STREAM_RTP_OFFSET, s, rtp_offset);
	GEN_U32(tb, BBGEN_A_STREAM_RTP_SAMPLES, s, rtp_samples);
	s->latency = tb[BBGEN_A_STREAM_LATENCY] != NULL;
}

static void decode_counters(struct nlattr **tb, struct bb_gen_stream *s)
{
	GEN_U64(tb, BBGEN_A_STREAM_START_TAI_NS, s, start_tai_ns);
	GEN_U64(tb, BBGEN_A_STREAM_TX_FRAMES, s, tx_frames);
	GEN_U64(tb, BBGEN_A_STREAM_TX_BYTES, s, tx_bytes);
	GEN_U64(tb, BBGEN_A_STREAM_TX_BUSY, s, tx_busy);
	GEN_U64(tb, BBGEN_A_STREAM_FIRST_TX_NS, s, first_tx_ns);
	GEN_U64(tb, BBGEN_A_STREAM_LAST_TX_NS, s, last_tx_ns);
	GEN_U64(tb, BBGEN_A_STREAM_TX_TIME_ERROR_NS, s, tx_time_error_ns);
}

int bb_gen_stream_decode(const struct bb_reply *r, struct bb_gen_stream *s)
{
	struct nlattr **tb = r->tb;

	memset(s, 0, sizeof(*s));
	GEN_U32(tb, BBGEN_A_STREAM_ID, s, id);
	GEN_U32(tb, BBGEN_A_STREAM_IFINDEX, s, ifindex);
	s->present.dev = bb_gen_str(tb[BBGEN_A_STREAM_DEV], s->dev,
				    sizeof(s->dev));
	GEN_U32(tb, BBGEN_A_STREAM_STATE, s, state);
	GEN_U32(tb, BBGEN_A_STREAM_FRAME_SIZE, s, frame_size);
	GEN_U32(tb, BBGEN_A_STREAM_SEQ_OFFSET, s, seq_offset);
	GEN_U32(tb, BBGEN_A_STREAM_XMIT_MODE, s, xmit_mode);
	GEN_U32(tb, BBGEN_A_STREAM_CPU, s, cpu);
	decode_config(tb, s);
	decode_counters(tb, s);
	return s->present.id ? 0 : -EPROTO;
}

struct nl_msg *bb_gen_stream_get_msg(struct bb_genl *g, uint32_t id)
{
	return bb_gen_id_msg(g, BBGEN_CMD_STREAM_GET, !id, BBGEN_A_STREAM_ID,
			     id);
}
