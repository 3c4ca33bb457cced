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

struct got_id {
	int attr;
	uint32_t *id;
};

static int on_id(const struct bb_reply *r, void *arg)
{
	struct got_id *g = arg;

	return bb_nla_u32(r->tb[g->attr], g->id) ? 0 : -EPROTO;
}

int bbd_gen_stream_add(struct bb_genl *g, const struct bb_stream_add *s,
		       uint32_t *id)
{
	struct nl_msg *msg = bb_stream_add_msg(g, s);
	struct got_id want = { BBGEN_A_STREAM_ID, id };

	if (!msg)
		return -ENOMEM;
	return bb_genl_talk(g, msg, BBGEN_A_STREAM_MAX, on_id, &want);
}

int bbd_gen_trigger_add(struct bb_genl *g, const struct bb_gen_trigger_add *t,
			uint32_t *id)
{
	struct nl_msg *msg = bb_gen_trigger_add_msg(g, t);
	struct got_id want = { BBGEN_A_TRIGGER_ID, id };

	if (!msg)
		return -ENOMEM;
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
