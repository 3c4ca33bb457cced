// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* bbgen objects of a run: add, start/stop, counters. */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>

#include <linux/bbgen.h>

#include "gen.h"
#include "netns.h"

int bbd_gen_open(struct bb_genl *g, int netns_fd)
{
	int ret = bbd_netns_enter(netns_fd);

	if (ret)
		return ret;
	ret = bb_genl_open(g, BBGEN_GENL_NAME, BBGEN_GENL_VERSION);
	if (bbd_netns_leave() && !ret) {
		bb_genl_close(g);
		ret = -errno;
	}
	return ret;
}

static int send_simple(struct bb_genl *g, struct nl_msg *msg, int err)
{
	if (!msg)
		return -ENOMEM;
	if (err) {
		nlmsg_free(msg);
		return -EMSGSIZE;
	}
	return bb_genl_talk(g, msg, 0, NULL, NULL);
}

int bbd_gen_port_add(struct bb_genl *g, unsigned int ifindex)
{
	struct nl_msg *msg = bb_genl_msg(g, BBGEN_CMD_PORT_ADD, false);
	int err = 0;

	if (msg) {
		err |= nla_put_u32(msg, BBGEN_A_PORT_IFINDEX, ifindex);
		err |= nla_put_flag(msg, BBGEN_A_PORT_SOCKET_OWNER);
	}
	return send_simple(g, msg, err);
}

/* The templates (one per size) and how the kernel orders them. */
static int put_frames(struct nl_msg *msg, const struct bbd_stream_spec *s)
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
	if (m->kind == BB_MIX_SEQUENCE)
		err |= nla_put(msg, BBGEN_A_STREAM_SEQUENCE,
			       (int)(m->seq_len * sizeof(m->seq[0])), m->seq);
	if (f.latency)
		err |= nla_put_flag(msg, BBGEN_A_STREAM_LATENCY);
	return err;
}

static int put_timing(struct nl_msg *msg, const struct bbd_stream_spec *s)
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
	/* through the qdisc: tc (netem, shapers) on the port applies */
	err |= nla_put_u32(msg, BBGEN_A_STREAM_XMIT_MODE, BBGEN_XMIT_MODE_QUEUE);
	err |= nla_put_flag(msg, BBGEN_A_STREAM_SOCKET_OWNER);
	return err;
}

struct got_id {
	int attr;
	uint32_t *id;
};

static int on_id(const struct bb_reply *r, void *arg)
{
	struct got_id *g = arg;

	return bb_nla_u32(r->tb[g->attr], g->id) ? 0 : -EPROTO;
}

int bbd_gen_stream_add(struct bb_genl *g, const struct bbd_stream_spec *s,
		       uint32_t *id)
{
	size_t size = bb_mix_template_bytes(s->mix) + s->mix->n * 12 +
		      s->mix->seq_len * 2 + 1024;
	struct nl_msg *msg = bb_genl_msg_size(g, BBGEN_CMD_STREAM_ADD, false,
					      size);
	struct got_id want = { BBGEN_A_STREAM_ID, id };
	int err = 0;

	if (!msg)
		return -ENOMEM;
	err |= nla_put_u32(msg, BBGEN_A_STREAM_IFINDEX, s->ifindex);
	err |= put_frames(msg, s);
	err |= put_timing(msg, s);
	if (err) {
		nlmsg_free(msg);
		return -EMSGSIZE;
	}
	return bb_genl_talk(g, msg, BBGEN_A_STREAM_MAX, on_id, &want);
}

int bbd_gen_trigger_add(struct bb_genl *g, const struct bbd_trigger_spec *t,
			uint32_t *id)
{
	struct nl_msg *msg = bb_genl_msg(g, BBGEN_CMD_TRIGGER_ADD, false);
	struct got_id want = { BBGEN_A_TRIGGER_ID, id };
	int err = 0;

	if (!msg)
		return -ENOMEM;
	err |= nla_put_u32(msg, BBGEN_A_TRIGGER_IFINDEX, t->ifindex);
	err |= nla_put_u16(msg, BBGEN_A_TRIGGER_UDP_DPORT, t->dport);
	err |= nla_put_u16(msg, BBGEN_A_TRIGGER_UDP_SPORT, t->sport);
	err |= bb_genl_put_ip(msg, BBGEN_A_TRIGGER_SRC_IPV4, BBGEN_A_TRIGGER_SRC_IPV6,
		      &t->src);
	err |= bb_genl_put_ip(msg, BBGEN_A_TRIGGER_DST_IPV4, BBGEN_A_TRIGGER_DST_IPV6,
		      &t->dst);
	if (t->latency)
		err |= nla_put_flag(msg, BBGEN_A_TRIGGER_LATENCY);
	err |= nla_put_flag(msg, BBGEN_A_TRIGGER_SOCKET_OWNER);
	if (err) {
		nlmsg_free(msg);
		return -EMSGSIZE;
	}
	return bb_genl_talk(g, msg, BBGEN_A_TRIGGER_MAX, on_id, &want);
}

static int streams_cmd(struct bb_genl *g, uint8_t cmd, const uint32_t *ids,
		       unsigned int n, uint64_t tai_ns)
{
	struct nl_msg *msg = bb_genl_msg_size(g, cmd, false, 1024 + n * 8);
	unsigned int i;
	int err = 0;

	for (i = 0; msg && i < n; i++)
		err |= nla_put_u32(msg, BBGEN_A_STREAM_ID, ids[i]);
	if (msg && tai_ns)
		err |= nla_put_u64(msg, BBGEN_A_STREAM_START_TAI_NS, tai_ns);
	return send_simple(g, msg, err);
}

int bbd_gen_streams_start(struct bb_genl *g, const uint32_t *ids,
			  unsigned int n, uint64_t tai_ns)
{
	return streams_cmd(g, BBGEN_CMD_STREAM_START, ids, n, tai_ns);
}

int bbd_gen_streams_stop(struct bb_genl *g, const uint32_t *ids,
			 unsigned int n)
{
	return streams_cmd(g, BBGEN_CMD_STREAM_STOP, ids, n, 0);
}
