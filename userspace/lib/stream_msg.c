// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* STREAM_ADD: templates, their order, rate and limits. */
#include <linux/bbgen.h>

#include "stream_msg.h"

size_t bb_stream_add_size(const struct bb_mix *m)
{
	/* each template and array pays an attribute header and padding */
	return bb_mix_template_bytes(m) + m->n * 8 +
	       (m->kind == BB_MIX_WEIGHTED ? m->n * 4 : 0) +
	       m->seq_len * 2 + 1024;
}

/* The templates, one per size, and how the kernel is to order them. */
static int put_frames(struct nl_msg *msg, const struct bb_stream_add *s)
{
	static uint8_t frame[BBGEN_FRAME_MAX];
	struct bb_frame_spec f = s->frame;
	const struct bb_mix *m = s->mix;
	unsigned int i;
	int err = 0;

	for (i = 0; i < m->n; i++) {
		f.size = m->size[i];
		if (bb_frame_build(&f, frame))
			return -1;
		err |= nla_put(msg, BBGEN_A_STREAM_TEMPLATE, (int)f.size, frame);
	}
	if (m->kind == BB_MIX_WEIGHTED)
		err |= nla_put(msg, BBGEN_A_STREAM_WEIGHTS,
			       (int)(m->n * sizeof(m->weight[0])), m->weight);
	if (s->has_order)
		err |= nla_put_u32(msg, BBGEN_A_STREAM_ORDER, s->order);
	if (m->kind == BB_MIX_SEQUENCE)
		err |= nla_put(msg, BBGEN_A_STREAM_SEQUENCE,
			       (int)(m->seq_len * sizeof(m->seq[0])), m->seq);
	/* one plain template: name the tag's place, as requests did before
	 * mixes existed; the kernel's default (end of the UDP payload) is
	 * the same place */
	if (m->kind == BB_MIX_ONE && !f.latency)
		err |= nla_put_u32(msg, BBGEN_A_STREAM_SEQ_OFFSET,
				   (uint32_t)bb_frame_seq_offset(m->size[0], false));
	if (f.latency)
		err |= nla_put_flag(msg, BBGEN_A_STREAM_LATENCY);
	if (f.rtp.on) {
		err |= nla_put_u32(msg, BBGEN_A_STREAM_RTP_OFFSET,
				   (uint32_t)bb_frame_rtp_offset(f.src.family));
		err |= nla_put_u32(msg, BBGEN_A_STREAM_RTP_SAMPLES, f.rtp.samples);
	}
	return err;
}

/* Rate, limits and the rest of the stream's settings. */
static int put_timing(struct nl_msg *msg, const struct bb_stream_add *s)
{
	int err = 0;

	err |= nla_put_u64(msg, BBGEN_A_STREAM_RATE_FRAMES, s->rate.frames);
	err |= nla_put_u64(msg, BBGEN_A_STREAM_RATE_PERIOD_NS,
			   s->rate.period_ns);
	if (s->count)
		err |= nla_put_u64(msg, BBGEN_A_STREAM_COUNT, s->count);
	if (s->duration_ns)
		err |= nla_put_u64(msg, BBGEN_A_STREAM_DURATION_NS,
				   s->duration_ns);
	if (s->delay_ns)
		err |= nla_put_u64(msg, BBGEN_A_STREAM_DELAY_NS, s->delay_ns);
	err |= nla_put_u32(msg, BBGEN_A_STREAM_XMIT_MODE, s->xmit_mode);
	if (s->has_cpu)
		err |= nla_put_u32(msg, BBGEN_A_STREAM_CPU, s->cpu);
	if (s->socket_owner)
		err |= nla_put_flag(msg, BBGEN_A_STREAM_SOCKET_OWNER);
	return err;
}

struct nl_msg *bb_stream_add_msg(struct bb_genl *g,
				 const struct bb_stream_add *s)
{
	struct nl_msg *msg = bb_genl_msg_size(g, BBGEN_CMD_STREAM_ADD, false,
					      bb_stream_add_size(s->mix));
	int err = 0;

	if (!msg)
		return NULL;
	err |= nla_put_u32(msg, BBGEN_A_STREAM_IFINDEX, s->ifindex);
	if (s->id)
		err |= nla_put_u32(msg, BBGEN_A_STREAM_ID, s->id);
	err |= put_frames(msg, s);
	err |= put_timing(msg, s);
	if (!err)
		return msg;
	nlmsg_free(msg);
	return NULL;
}
