// SPDX-License-Identifier: GPL-2.0
/*
 * The stream operations of the bbgen family: policies, parsing of a stream's
 * configuration, replies and dumps. Locking as in netlink.c.
 */
#include <linux/bbgen.h>
#include <linux/netdevice.h>
#include <net/genetlink.h>
#include <net/netlink.h>
#include <net/sock.h>

#include "compat.h"
#include "netlink.h"
#include "netns.h"
#include "port.h"
#include "stream.h"

/* 0 gets through so that the handler can say what the minimum is. */
static struct netlink_range_validation interval_range BBGEN_POLICY_RANGE = {
	.min = 0,
	.max = BBGEN_INTERVAL_MAX_NS,
};

const struct nla_policy bbgen_nl_stream_add_policy[BBGEN_A_STREAM_MAX + 1] = {
	BBGEN_DEV_POLICY(BBGEN_A_STREAM),
	[BBGEN_A_STREAM_ID] = NLA_POLICY_FULL_RANGE(NLA_U32, &bbgen_nl_id_range),
	[BBGEN_A_STREAM_TEMPLATE] =
		NLA_POLICY_RANGE(NLA_BINARY, BBGEN_FRAME_MIN, BBGEN_FRAME_MAX),
	[BBGEN_A_STREAM_INTERVAL_NS] =
		NLA_POLICY_FULL_RANGE(NLA_U64, &interval_range),
	[BBGEN_A_STREAM_COUNT] = { .type = NLA_U64 },
	[BBGEN_A_STREAM_SEQ_OFFSET] =
		NLA_POLICY_MAX(NLA_U32, BBGEN_FRAME_MAX - BBGEN_SEQ_TAG_LEN),
	[BBGEN_A_STREAM_XMIT_MODE] =
		NLA_POLICY_MAX(NLA_U32, BBGEN_XMIT_MODE_DIRECT),
	[BBGEN_A_STREAM_SOCKET_OWNER] = { .type = NLA_FLAG },
};

const struct nla_policy bbgen_nl_stream_id_policy[BBGEN_A_STREAM_MAX + 1] = {
	[BBGEN_A_STREAM_ID] = NLA_POLICY_FULL_RANGE(NLA_U32, &bbgen_nl_id_range),
};

static int stream_fill(struct bbgen_fill_ctx *c, void *obj)
{
	const int pad = BBGEN_A_STREAM_PAD;
	struct bbgen_stream *s = obj;
	struct sk_buff *skb = c->skb;
	struct bbgen_stream_stats st;
	void *hdr;

	hdr = bbgen_nl_fill_begin(c, BBGEN_CMD_STREAM_GET);
	if (!hdr)
		return -EMSGSIZE;
	bbgen_stream_read(s, &st);
	return bbgen_nl_fill_end(c, hdr,
		nla_put_u32(skb, BBGEN_A_STREAM_ID, s->id) ||
		nla_put_u32(skb, BBGEN_A_STREAM_IFINDEX, s->port->dev->ifindex) ||
		nla_put_string(skb, BBGEN_A_STREAM_DEV, s->port->dev->name) ||
		nla_put_u32(skb, BBGEN_A_STREAM_STATE, READ_ONCE(s->state)) ||
		nla_put_u32(skb, BBGEN_A_STREAM_FRAME_SIZE, s->len) ||
		bbgen_nl_put_u64(skb, BBGEN_A_STREAM_INTERVAL_NS, s->interval_ns, pad) ||
		bbgen_nl_put_u64(skb, BBGEN_A_STREAM_COUNT, s->count, pad) ||
		nla_put_u32(skb, BBGEN_A_STREAM_SEQ_OFFSET, s->seq_offset) ||
		nla_put_u32(skb, BBGEN_A_STREAM_XMIT_MODE, s->xmit_mode) ||
		bbgen_nl_put_u64(skb, BBGEN_A_STREAM_TX_FRAMES, st.tx_frames, pad) ||
		bbgen_nl_put_u64(skb, BBGEN_A_STREAM_TX_BYTES, st.tx_bytes, pad) ||
		bbgen_nl_put_u64(skb, BBGEN_A_STREAM_TX_BUSY, st.tx_busy, pad) ||
		bbgen_nl_put_u64(skb, BBGEN_A_STREAM_FIRST_TX_NS, st.first_tx_ns, pad) ||
		bbgen_nl_put_u64(skb, BBGEN_A_STREAM_LAST_TX_NS, st.last_tx_ns, pad));
}

static int stream_cfg_parse(struct genl_info *info, struct bbgen_stream_cfg *cfg)
{
	struct nlattr **a = info->attrs;

	if (bbgen_nl_missing(info, BBGEN_A_STREAM_TEMPLATE, "missing template") ||
	    bbgen_nl_missing(info, BBGEN_A_STREAM_INTERVAL_NS, "missing interval") ||
	    bbgen_nl_missing(info, BBGEN_A_STREAM_COUNT, "missing count"))
		return -EINVAL;
	cfg->interval_ns = nla_get_u64(a[BBGEN_A_STREAM_INTERVAL_NS]);
	if (cfg->interval_ns < BBGEN_INTERVAL_MIN_NS) {
		NL_SET_ERR_MSG_ATTR(info->extack, a[BBGEN_A_STREAM_INTERVAL_NS],
				    "interval must be at least 1 ns");
		return -EINVAL;
	}
	cfg->count = nla_get_u64(a[BBGEN_A_STREAM_COUNT]);
	if (!cfg->count) {
		NL_SET_ERR_MSG_ATTR(info->extack, a[BBGEN_A_STREAM_COUNT],
				    "count must be at least 1");
		return -EINVAL;
	}
	cfg->tmpl = nla_data(a[BBGEN_A_STREAM_TEMPLATE]);
	cfg->len = nla_len(a[BBGEN_A_STREAM_TEMPLATE]);
	if (a[BBGEN_A_STREAM_ID])
		cfg->id = nla_get_u32(a[BBGEN_A_STREAM_ID]);
	if (a[BBGEN_A_STREAM_SEQ_OFFSET]) {
		cfg->seq_offset = nla_get_u32(a[BBGEN_A_STREAM_SEQ_OFFSET]);
		cfg->seq_offset_set = true;
	}
	if (a[BBGEN_A_STREAM_XMIT_MODE])
		cfg->xmit_mode = nla_get_u32(a[BBGEN_A_STREAM_XMIT_MODE]);
	cfg->owner = bbgen_nl_owner(info, BBGEN_A_STREAM_SOCKET_OWNER);
	return 0;
}

int bbgen_nl_stream_add_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct bbgen_net *bn = bbgen_net(genl_info_net(info));
	struct bbgen_stream_cfg cfg = {};
	struct bbgen_port *port;
	u32 id;
	int err;

	err = stream_cfg_parse(info, &cfg);
	if (err)
		return err;
	mutex_lock(&bbgen_lock);
	port = bbgen_nl_lookup_port(info, BBGEN_A_STREAM_IFINDEX, BBGEN_A_STREAM_DEV);
	err = PTR_ERR_OR_ZERO(port);
	if (!err)
		err = bbgen_stream_add(bn, port, &cfg, &id, info->extack);
	mutex_unlock(&bbgen_lock);
	if (err)
		return err;
	return bbgen_nl_reply_id(info, BBGEN_CMD_STREAM_ADD, BBGEN_A_STREAM_ID, id);
}

/* Under bbgen_lock: the stream named by the ID attribute. */
static struct bbgen_stream *lookup_stream(struct genl_info *info)
{
	struct bbgen_stream *s;

	if (bbgen_nl_missing(info, BBGEN_A_STREAM_ID, "missing stream id"))
		return ERR_PTR(-EINVAL);
	s = bbgen_stream_find(bbgen_net(genl_info_net(info)),
			      nla_get_u32(info->attrs[BBGEN_A_STREAM_ID]));
	if (!s) {
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[BBGEN_A_STREAM_ID],
				    "no stream with this id");
		return ERR_PTR(-ENOENT);
	}
	return s;
}

static int stream_do(struct genl_info *info, u8 cmd)
{
	struct bbgen_stream *s;
	int err;

	mutex_lock(&bbgen_lock);
	s = lookup_stream(info);
	err = PTR_ERR_OR_ZERO(s);
	if (err)
		goto out;
	switch (cmd) {
	case BBGEN_CMD_STREAM_DEL:
		bbgen_stream_del(s);
		break;
	case BBGEN_CMD_STREAM_START:
		err = bbgen_stream_start(s, info->extack);
		break;
	case BBGEN_CMD_STREAM_STOP:
		bbgen_stream_stop(s);
		break;
	default:
		err = bbgen_nl_reply_object(info, stream_fill, s);
	}
out:
	mutex_unlock(&bbgen_lock);
	return err;
}

int bbgen_nl_stream_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	return stream_do(info, BBGEN_CMD_STREAM_DEL);
}

int bbgen_nl_stream_start_doit(struct sk_buff *skb, struct genl_info *info)
{
	return stream_do(info, BBGEN_CMD_STREAM_START);
}

int bbgen_nl_stream_stop_doit(struct sk_buff *skb, struct genl_info *info)
{
	return stream_do(info, BBGEN_CMD_STREAM_STOP);
}

int bbgen_nl_stream_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	return stream_do(info, BBGEN_CMD_STREAM_GET);
}

int bbgen_nl_stream_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct bbgen_net *bn = bbgen_net(sock_net(skb->sk));
	int ret;

	mutex_lock(&bbgen_lock);
	cb->seq = bn->gen;
	ret = bbgen_nl_dump(skb, cb, &bn->streams, stream_fill);
	mutex_unlock(&bbgen_lock);
	return ret;
}
