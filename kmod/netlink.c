// SPDX-License-Identifier: GPL-2.0
/*
 * Generic netlink family "bbgen": per-op policies (each lists only the
 * attributes its op accepts, everything strictly validated), handlers that
 * turn attributes into calls on ports, streams and triggers, replies and
 * dumps, and the cleanup of objects whose owning socket closed.
 *
 * Every rejection carries an extack message; the texts are stable because
 * userspace and tests match them (kmod/MESSAGES lists them all).
 *
 * The ops run in parallel (parallel_ops): bbgen_lock serialises them, with
 * the RTNL taken first where a port's rx_handler changes.
 */
#include <linux/bbgen.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <net/genetlink.h>
#include <net/netlink.h>
#include <net/sock.h>

#include "compat.h"
#include "netlink.h"
#include "netns.h"
#include "port.h"
#include "stream.h"
#include "trigger.h"

static struct genl_family bbgen_family;

static struct netlink_range_validation id_range BBGEN_POLICY_RANGE = {
	.min = 1,
	.max = BBGEN_ID_MAX,
};

/* 0 gets through so that the handler can say what the minimum is. */
static struct netlink_range_validation interval_range BBGEN_POLICY_RANGE = {
	.min = 0,
	.max = BBGEN_INTERVAL_MAX_NS,
};

#define DEV_POLICY(prefix)						\
	[prefix##_IFINDEX] = NLA_POLICY_MIN(NLA_U32, 1),		\
	[prefix##_DEV] = { .type = NLA_NUL_STRING, .len = IFNAMSIZ - 1 }

static const struct nla_policy port_add_policy[BBGEN_A_PORT_MAX + 1] = {
	DEV_POLICY(BBGEN_A_PORT),
	[BBGEN_A_PORT_SOCKET_OWNER] = { .type = NLA_FLAG },
};

static const struct nla_policy port_dev_policy[BBGEN_A_PORT_MAX + 1] = {
	DEV_POLICY(BBGEN_A_PORT),
};

static const struct nla_policy stream_add_policy[BBGEN_A_STREAM_MAX + 1] = {
	DEV_POLICY(BBGEN_A_STREAM),
	[BBGEN_A_STREAM_ID] = NLA_POLICY_FULL_RANGE(NLA_U32, &id_range),
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

static const struct nla_policy stream_id_policy[BBGEN_A_STREAM_MAX + 1] = {
	[BBGEN_A_STREAM_ID] = NLA_POLICY_FULL_RANGE(NLA_U32, &id_range),
};

static const struct nla_policy trigger_add_policy[BBGEN_A_TRIGGER_MAX + 1] = {
	DEV_POLICY(BBGEN_A_TRIGGER),
	[BBGEN_A_TRIGGER_ID] = NLA_POLICY_FULL_RANGE(NLA_U32, &id_range),
	[BBGEN_A_TRIGGER_UDP_DPORT] = NLA_POLICY_MIN(NLA_U16, 1),
	[BBGEN_A_TRIGGER_UDP_SPORT] = NLA_POLICY_MIN(NLA_U16, 1),
	[BBGEN_A_TRIGGER_SRC_IPV4] = NLA_POLICY_EXACT_LEN(4),
	[BBGEN_A_TRIGGER_DST_IPV4] = NLA_POLICY_EXACT_LEN(4),
	[BBGEN_A_TRIGGER_SRC_IPV6] = NLA_POLICY_EXACT_LEN(16),
	[BBGEN_A_TRIGGER_DST_IPV6] = NLA_POLICY_EXACT_LEN(16),
	[BBGEN_A_TRIGGER_SOCKET_OWNER] = { .type = NLA_FLAG },
};

static const struct nla_policy trigger_id_policy[BBGEN_A_TRIGGER_MAX + 1] = {
	[BBGEN_A_TRIGGER_ID] = NLA_POLICY_FULL_RANGE(NLA_U32, &id_range),
};

/* GENL_REQ_ATTR_CHECK() marks the missing attribute; say it in words too. */
#define missing(info, attr, msg) ({					\
	struct genl_info *__bb_info = (info);				\
	bool __miss = GENL_REQ_ATTR_CHECK(__bb_info, attr);		\
	if (__miss)							\
		NL_SET_ERR_MSG(__bb_info->extack, msg);			\
	__miss;								\
})

static u32 owner_of(struct genl_info *info, int attr)
{
	return info->attrs[attr] ? info->snd_portid : 0;
}

/* The ifindex of the device named by IFINDEX or DEV in the caller's netns. */
static int lookup_ifindex(struct genl_info *info, int a_ifindex, int a_dev)
{
	struct nlattr *ifi = info->attrs[a_ifindex], *name = info->attrs[a_dev];
	struct net *net = genl_info_net(info);
	struct net_device *dev;
	int ifindex = -ENODEV;

	if (ifi && name) {
		NL_SET_ERR_MSG_ATTR(info->extack, name,
				    "give the device by IFINDEX or DEV, not both");
		return -EINVAL;
	}
	if (!ifi && !name) {
		NL_SET_ERR_MSG(info->extack, "missing device (IFINDEX or DEV)");
		return -EINVAL;
	}
	rcu_read_lock();
	if (ifi)
		dev = dev_get_by_index_rcu(net, nla_get_u32(ifi));
	else
		dev = dev_get_by_name_rcu(net, nla_data(name));
	if (dev)
		ifindex = dev->ifindex;
	rcu_read_unlock();
	if (ifindex < 0)
		NL_SET_ERR_MSG_ATTR(info->extack, ifi ?: name, "device not found");
	return ifindex;
}

/* Under bbgen_lock: the port of the device the attributes name. */
static struct bbgen_port *lookup_port(struct genl_info *info, int a_ifindex,
				      int a_dev)
{
	struct bbgen_port *port;
	int ifindex;

	ifindex = lookup_ifindex(info, a_ifindex, a_dev);
	if (ifindex < 0)
		return ERR_PTR(ifindex);
	port = bbgen_port_find(bbgen_net(genl_info_net(info)), ifindex);
	if (!port) {
		NL_SET_ERR_MSG(info->extack, "device is not a bbgen port");
		return ERR_PTR(-ENODEV);
	}
	return port;
}

/* Reply to an add with the id given or allocated. */
static int reply_id(struct genl_info *info, u8 cmd, int attr, u32 id)
{
	struct sk_buff *msg;
	void *hdr;

	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	hdr = genlmsg_put_reply(msg, info, &bbgen_family, 0, cmd);
	if (!hdr || nla_put_u32(msg, attr, id)) {
		nlmsg_free(msg);
		return -EMSGSIZE;
	}
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);
}

/* Where a fill function writes: a reply to a do, or a part of a dump. */
struct fill_ctx {
	struct sk_buff *skb;
	u32 portid, seq;
	int flags;
	struct netlink_callback *cb;	/* NULL for a do */
};

typedef int (*fill_fn)(struct fill_ctx *c, void *obj);

static void *fill_begin(struct fill_ctx *c, u8 cmd)
{
	void *hdr = genlmsg_put(c->skb, c->portid, c->seq, &bbgen_family,
				c->flags, cmd);

	if (hdr && c->cb)
		genl_dump_check_consistent(c->cb, hdr);
	return hdr;
}

static int fill_end(struct fill_ctx *c, void *hdr, int err)
{
	if (err) {
		genlmsg_cancel(c->skb, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(c->skb, hdr);
	return 0;
}

static int put_u64(struct sk_buff *skb, int attr, u64 v, int pad)
{
	return nla_put_u64_64bit(skb, attr, v, pad);
}

static int port_fill(struct fill_ctx *c, void *obj)
{
	struct bbgen_port *port = obj;
	void *hdr = fill_begin(c, BBGEN_CMD_PORT_GET);

	if (!hdr)
		return -EMSGSIZE;
	return fill_end(c, hdr,
			nla_put_u32(c->skb, BBGEN_A_PORT_IFINDEX, port->dev->ifindex) ||
			nla_put_string(c->skb, BBGEN_A_PORT_DEV, port->dev->name) ||
			nla_put_u32(c->skb, BBGEN_A_PORT_STREAMS, port->n_streams) ||
			nla_put_u32(c->skb, BBGEN_A_PORT_TRIGGERS, port->n_triggers));
}

static int stream_fill(struct fill_ctx *c, void *obj)
{
	struct bbgen_stream *s = obj;
	struct sk_buff *skb = c->skb;
	struct bbgen_stream_stats st;
	void *hdr;

	hdr = fill_begin(c, BBGEN_CMD_STREAM_GET);
	if (!hdr)
		return -EMSGSIZE;
	bbgen_stream_read(s, &st);
	return fill_end(c, hdr,
			nla_put_u32(skb, BBGEN_A_STREAM_ID, s->id) ||
			nla_put_u32(skb, BBGEN_A_STREAM_IFINDEX, s->port->dev->ifindex) ||
			nla_put_string(skb, BBGEN_A_STREAM_DEV, s->port->dev->name) ||
			nla_put_u32(skb, BBGEN_A_STREAM_STATE, READ_ONCE(s->state)) ||
			nla_put_u32(skb, BBGEN_A_STREAM_FRAME_SIZE, s->len) ||
			put_u64(skb, BBGEN_A_STREAM_INTERVAL_NS, s->interval_ns,
				BBGEN_A_STREAM_PAD) ||
			put_u64(skb, BBGEN_A_STREAM_COUNT, s->count, BBGEN_A_STREAM_PAD) ||
			nla_put_u32(skb, BBGEN_A_STREAM_SEQ_OFFSET, s->seq_offset) ||
			nla_put_u32(skb, BBGEN_A_STREAM_XMIT_MODE, s->xmit_mode) ||
			put_u64(skb, BBGEN_A_STREAM_TX_FRAMES, st.tx_frames,
				BBGEN_A_STREAM_PAD) ||
			put_u64(skb, BBGEN_A_STREAM_TX_BYTES, st.tx_bytes,
				BBGEN_A_STREAM_PAD) ||
			put_u64(skb, BBGEN_A_STREAM_TX_BUSY, st.tx_busy,
				BBGEN_A_STREAM_PAD) ||
			put_u64(skb, BBGEN_A_STREAM_FIRST_TX_NS, st.first_tx_ns,
				BBGEN_A_STREAM_PAD) ||
			put_u64(skb, BBGEN_A_STREAM_LAST_TX_NS, st.last_tx_ns,
				BBGEN_A_STREAM_PAD));
}

static int put_addr(struct sk_buff *skb, u8 family, const union bbgen_addr *a,
		    int a_v4, int a_v6)
{
	if (family == AF_INET)
		return nla_put_in_addr(skb, a_v4, a->v4);
	if (family == AF_INET6)
		return nla_put_in6_addr(skb, a_v6, &a->v6);
	return 0;
}

static int trigger_put_match(struct sk_buff *skb, const struct bbgen_match *m)
{
	return nla_put_u16(skb, BBGEN_A_TRIGGER_UDP_DPORT, ntohs(m->dport)) ||
	       (m->sport &&
		nla_put_u16(skb, BBGEN_A_TRIGGER_UDP_SPORT, ntohs(m->sport))) ||
	       put_addr(skb, m->src_family, &m->src, BBGEN_A_TRIGGER_SRC_IPV4,
			BBGEN_A_TRIGGER_SRC_IPV6) ||
	       put_addr(skb, m->dst_family, &m->dst, BBGEN_A_TRIGGER_DST_IPV4,
			BBGEN_A_TRIGGER_DST_IPV6);
}

static int trigger_put_stats(struct sk_buff *skb, struct bbgen_trigger *t)
{
	struct bbgen_trigger_stats st;
	const int pad = BBGEN_A_TRIGGER_PAD;

	bbgen_trigger_read(t, &st);
	if (put_u64(skb, BBGEN_A_TRIGGER_RX_FRAMES, st.rx_frames, pad) ||
	    put_u64(skb, BBGEN_A_TRIGGER_RX_BYTES, st.rx_bytes, pad) ||
	    put_u64(skb, BBGEN_A_TRIGGER_LOST, st.lost, pad) ||
	    put_u64(skb, BBGEN_A_TRIGGER_OUT_OF_SEQUENCE, st.out_of_sequence, pad) ||
	    put_u64(skb, BBGEN_A_TRIGGER_DUPLICATES, st.duplicates, pad))
		return -EMSGSIZE;
	/* absent until the first frame arrives */
	if (!st.rx_frames)
		return 0;
	return put_u64(skb, BBGEN_A_TRIGGER_HIGHEST_SEQ, st.highest_seq, pad) ||
	       put_u64(skb, BBGEN_A_TRIGGER_FIRST_RX_NS, st.first_rx_ns, pad) ||
	       put_u64(skb, BBGEN_A_TRIGGER_LAST_RX_NS, st.last_rx_ns, pad);
}

static int trigger_fill(struct fill_ctx *c, void *obj)
{
	struct bbgen_trigger *t = obj;
	struct sk_buff *skb = c->skb;
	void *hdr;

	hdr = fill_begin(c, BBGEN_CMD_TRIGGER_GET);
	if (!hdr)
		return -EMSGSIZE;
	return fill_end(c, hdr,
			nla_put_u32(skb, BBGEN_A_TRIGGER_ID, t->id) ||
			nla_put_u32(skb, BBGEN_A_TRIGGER_IFINDEX, t->port->dev->ifindex) ||
			nla_put_string(skb, BBGEN_A_TRIGGER_DEV, t->port->dev->name) ||
			trigger_put_match(skb, &t->match) ||
			trigger_put_stats(skb, t));
}

/* Reply to a get (do) with one object; under bbgen_lock. */
static int reply_object(struct genl_info *info, fill_fn fill, void *obj)
{
	struct fill_ctx c = { .portid = info->snd_portid, .seq = info->snd_seq };
	int err;

	c.skb = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!c.skb)
		return -ENOMEM;
	err = fill(&c, obj);
	if (err) {
		nlmsg_free(c.skb);
		return err;
	}
	return genlmsg_reply(c.skb, info);
}

/*
 * Dump the objects of one table from the cursor in cb->args[0] (an id or
 * ifindex), as many as fit; the next call resumes where this one stopped.
 * Under bbgen_lock.
 */
static int dump_table(struct sk_buff *skb, struct netlink_callback *cb,
		      struct xarray *xa, fill_fn fill)
{
	struct fill_ctx c = {
		.skb = skb,
		.portid = NETLINK_CB(cb->skb).portid,
		.seq = cb->nlh->nlmsg_seq,
		.flags = NLM_F_MULTI,
		.cb = cb,
	};
	unsigned long idx;
	void *obj;
	int err;

	xa_for_each_start(xa, idx, obj, cb->args[0]) {
		err = fill(&c, obj);
		if (err)
			return skb->len ?: err;
		/* ids and ifindexes stay far below ULONG_MAX */
		cb->args[0] = idx + 1;
	}
	return skb->len;
}

static int port_add_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct bbgen_net *bn = bbgen_net(genl_info_net(info));
	struct net_device *dev;
	int ifindex, err;

	rtnl_lock();
	mutex_lock(&bbgen_lock);
	ifindex = lookup_ifindex(info, BBGEN_A_PORT_IFINDEX, BBGEN_A_PORT_DEV);
	err = ifindex;
	if (ifindex > 0) {
		dev = __dev_get_by_index(genl_info_net(info), ifindex);
		err = bbgen_port_add(bn, dev,
				     owner_of(info, BBGEN_A_PORT_SOCKET_OWNER),
				     info->extack);
	}
	mutex_unlock(&bbgen_lock);
	rtnl_unlock();
	return err;
}

static int port_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct bbgen_port *port;

	rtnl_lock();
	mutex_lock(&bbgen_lock);
	port = lookup_port(info, BBGEN_A_PORT_IFINDEX, BBGEN_A_PORT_DEV);
	if (!IS_ERR(port))
		bbgen_port_del(port);
	mutex_unlock(&bbgen_lock);
	rtnl_unlock();
	return PTR_ERR_OR_ZERO(port);
}

static int port_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct bbgen_port *port;
	int err;

	mutex_lock(&bbgen_lock);
	port = lookup_port(info, BBGEN_A_PORT_IFINDEX, BBGEN_A_PORT_DEV);
	err = IS_ERR(port) ? PTR_ERR(port) : reply_object(info, port_fill, port);
	mutex_unlock(&bbgen_lock);
	return err;
}

static int port_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct bbgen_net *bn = bbgen_net(sock_net(skb->sk));
	int ret;

	mutex_lock(&bbgen_lock);
	cb->seq = bn->gen;
	ret = dump_table(skb, cb, &bn->ports, port_fill);
	mutex_unlock(&bbgen_lock);
	return ret;
}

static int stream_cfg_parse(struct genl_info *info, struct bbgen_stream_cfg *cfg)
{
	struct nlattr **a = info->attrs;

	if (missing(info, BBGEN_A_STREAM_TEMPLATE, "missing template") ||
	    missing(info, BBGEN_A_STREAM_INTERVAL_NS, "missing interval") ||
	    missing(info, BBGEN_A_STREAM_COUNT, "missing count"))
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
	cfg->owner = owner_of(info, BBGEN_A_STREAM_SOCKET_OWNER);
	return 0;
}

static int stream_add_doit(struct sk_buff *skb, struct genl_info *info)
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
	port = lookup_port(info, BBGEN_A_STREAM_IFINDEX, BBGEN_A_STREAM_DEV);
	err = PTR_ERR_OR_ZERO(port);
	if (!err)
		err = bbgen_stream_add(bn, port, &cfg, &id, info->extack);
	mutex_unlock(&bbgen_lock);
	if (err)
		return err;
	return reply_id(info, BBGEN_CMD_STREAM_ADD, BBGEN_A_STREAM_ID, id);
}

/* Under bbgen_lock: the stream named by the ID attribute. */
static struct bbgen_stream *lookup_stream(struct genl_info *info)
{
	struct bbgen_stream *s;

	if (missing(info, BBGEN_A_STREAM_ID, "missing stream id"))
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
		err = reply_object(info, stream_fill, s);
	}
out:
	mutex_unlock(&bbgen_lock);
	return err;
}

static int stream_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	return stream_do(info, BBGEN_CMD_STREAM_DEL);
}

static int stream_start_doit(struct sk_buff *skb, struct genl_info *info)
{
	return stream_do(info, BBGEN_CMD_STREAM_START);
}

static int stream_stop_doit(struct sk_buff *skb, struct genl_info *info)
{
	return stream_do(info, BBGEN_CMD_STREAM_STOP);
}

static int stream_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	return stream_do(info, BBGEN_CMD_STREAM_GET);
}

static int stream_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct bbgen_net *bn = bbgen_net(sock_net(skb->sk));
	int ret;

	mutex_lock(&bbgen_lock);
	cb->seq = bn->gen;
	ret = dump_table(skb, cb, &bn->streams, stream_fill);
	mutex_unlock(&bbgen_lock);
	return ret;
}

/* One address of the match, from its IPv4 or its IPv6 attribute. */
static void match_addr(struct nlattr *v4, struct nlattr *v6, u8 *family,
		       union bbgen_addr *addr)
{
	if (v4) {
		*family = AF_INET;
		addr->v4 = nla_get_in_addr(v4);
	} else if (v6) {
		*family = AF_INET6;
		addr->v6 = nla_get_in6_addr(v6);
	}
}

static int match_parse(struct genl_info *info, struct bbgen_match *m)
{
	struct nlattr **a = info->attrs;

	memset(m, 0, sizeof(*m));	/* matches are compared with memcmp */
	if (missing(info, BBGEN_A_TRIGGER_UDP_DPORT,
		    "missing UDP destination port"))
		return -EINVAL;
	if (a[BBGEN_A_TRIGGER_SRC_IPV4] && a[BBGEN_A_TRIGGER_SRC_IPV6]) {
		NL_SET_ERR_MSG_ATTR(info->extack, a[BBGEN_A_TRIGGER_SRC_IPV6],
				    "give SRC_IPV4 or SRC_IPV6, not both");
		return -EINVAL;
	}
	if (a[BBGEN_A_TRIGGER_DST_IPV4] && a[BBGEN_A_TRIGGER_DST_IPV6]) {
		NL_SET_ERR_MSG_ATTR(info->extack, a[BBGEN_A_TRIGGER_DST_IPV6],
				    "give DST_IPV4 or DST_IPV6, not both");
		return -EINVAL;
	}
	m->dport = htons(nla_get_u16(a[BBGEN_A_TRIGGER_UDP_DPORT]));
	if (a[BBGEN_A_TRIGGER_UDP_SPORT])
		m->sport = htons(nla_get_u16(a[BBGEN_A_TRIGGER_UDP_SPORT]));
	match_addr(a[BBGEN_A_TRIGGER_SRC_IPV4], a[BBGEN_A_TRIGGER_SRC_IPV6],
		   &m->src_family, &m->src);
	match_addr(a[BBGEN_A_TRIGGER_DST_IPV4], a[BBGEN_A_TRIGGER_DST_IPV6],
		   &m->dst_family, &m->dst);
	if (m->src_family && m->dst_family && m->src_family != m->dst_family) {
		NL_SET_ERR_MSG(info->extack,
			       "source and destination addresses are of different IP versions");
		return -EINVAL;
	}
	return 0;
}

static int trigger_add_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct bbgen_net *bn = bbgen_net(genl_info_net(info));
	struct nlattr *id_attr = info->attrs[BBGEN_A_TRIGGER_ID];
	struct bbgen_port *port;
	struct bbgen_match m;
	u32 id;
	int err;

	err = match_parse(info, &m);
	if (err)
		return err;
	mutex_lock(&bbgen_lock);
	port = lookup_port(info, BBGEN_A_TRIGGER_IFINDEX, BBGEN_A_TRIGGER_DEV);
	err = PTR_ERR_OR_ZERO(port);
	if (!err)
		err = bbgen_trigger_add(bn, port, id_attr ? nla_get_u32(id_attr) : 0,
					owner_of(info, BBGEN_A_TRIGGER_SOCKET_OWNER),
					&m, &id, info->extack);
	mutex_unlock(&bbgen_lock);
	if (err)
		return err;
	return reply_id(info, BBGEN_CMD_TRIGGER_ADD, BBGEN_A_TRIGGER_ID, id);
}

/* Under bbgen_lock: the trigger named by the ID attribute. */
static struct bbgen_trigger *lookup_trigger(struct genl_info *info)
{
	struct bbgen_trigger *t;

	if (missing(info, BBGEN_A_TRIGGER_ID, "missing trigger id"))
		return ERR_PTR(-EINVAL);
	t = bbgen_trigger_find(bbgen_net(genl_info_net(info)),
			       nla_get_u32(info->attrs[BBGEN_A_TRIGGER_ID]));
	if (!t) {
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[BBGEN_A_TRIGGER_ID],
				    "no trigger with this id");
		return ERR_PTR(-ENOENT);
	}
	return t;
}

static int trigger_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct bbgen_trigger *t;

	mutex_lock(&bbgen_lock);
	t = lookup_trigger(info);
	if (!IS_ERR(t))
		bbgen_trigger_del(t);
	mutex_unlock(&bbgen_lock);
	return PTR_ERR_OR_ZERO(t);
}

static int trigger_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct bbgen_trigger *t;
	int err;

	mutex_lock(&bbgen_lock);
	t = lookup_trigger(info);
	err = IS_ERR(t) ? PTR_ERR(t) : reply_object(info, trigger_fill, t);
	mutex_unlock(&bbgen_lock);
	return err;
}

static int trigger_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct bbgen_net *bn = bbgen_net(sock_net(skb->sk));
	int ret;

	mutex_lock(&bbgen_lock);
	cb->seq = bn->gen;
	ret = dump_table(skb, cb, &bn->triggers, trigger_fill);
	mutex_unlock(&bbgen_lock);
	return ret;
}

#define OP(_cmd, _doit, _dumpit, _policy, _max) {			\
	.cmd = _cmd, .doit = _doit, .dumpit = _dumpit,			\
	.policy = _policy, .maxattr = _max, .flags = GENL_ADMIN_PERM,	\
}

static const struct genl_ops bbgen_ops[] = {
	OP(BBGEN_CMD_PORT_ADD, port_add_doit, NULL, port_add_policy,
	   BBGEN_A_PORT_MAX),
	OP(BBGEN_CMD_PORT_DEL, port_del_doit, NULL, port_dev_policy,
	   BBGEN_A_PORT_MAX),
	OP(BBGEN_CMD_PORT_GET, port_get_doit, port_get_dumpit, port_dev_policy,
	   BBGEN_A_PORT_MAX),
	OP(BBGEN_CMD_STREAM_ADD, stream_add_doit, NULL, stream_add_policy,
	   BBGEN_A_STREAM_MAX),
	OP(BBGEN_CMD_STREAM_DEL, stream_del_doit, NULL, stream_id_policy,
	   BBGEN_A_STREAM_MAX),
	OP(BBGEN_CMD_STREAM_START, stream_start_doit, NULL, stream_id_policy,
	   BBGEN_A_STREAM_MAX),
	OP(BBGEN_CMD_STREAM_STOP, stream_stop_doit, NULL, stream_id_policy,
	   BBGEN_A_STREAM_MAX),
	OP(BBGEN_CMD_STREAM_GET, stream_get_doit, stream_get_dumpit,
	   stream_id_policy, BBGEN_A_STREAM_MAX),
	OP(BBGEN_CMD_TRIGGER_ADD, trigger_add_doit, NULL, trigger_add_policy,
	   BBGEN_A_TRIGGER_MAX),
	OP(BBGEN_CMD_TRIGGER_DEL, trigger_del_doit, NULL, trigger_id_policy,
	   BBGEN_A_TRIGGER_MAX),
	OP(BBGEN_CMD_TRIGGER_GET, trigger_get_doit, trigger_get_dumpit,
	   trigger_id_policy, BBGEN_A_TRIGGER_MAX),
};

/* resv_start_op stays 0: every op is strictly validated. */
static struct genl_family bbgen_family __ro_after_init = {
	.name = BBGEN_GENL_NAME,
	.version = BBGEN_GENL_VERSION,
	.module = THIS_MODULE,
	.netnsok = true,
	.parallel_ops = true,
	.ops = bbgen_ops,
	.n_ops = ARRAY_SIZE(bbgen_ops),
};

#define DEL_OWNED(xa, type, del, portid) do {				\
	type *__obj;							\
	unsigned long __id;						\
	xa_for_each(xa, __id, __obj)					\
		if (__obj->owner == (portid))				\
			del(__obj);					\
} while (0)

/*
 * A socket closed: delete the objects it owns in its namespace. Ports need
 * the RTNL, which must be taken before bbgen_lock, so they go in a second
 * pass and only when the socket owns one.
 */
static void release_owned(struct net *net, u32 portid)
{
	struct bbgen_net *bn = bbgen_net(net);
	struct bbgen_port *port;
	unsigned long ifindex;
	bool ports = false;

	/* every generic netlink socket closing comes here: be quick */
	if (!READ_ONCE(bn->owned))
		return;
	mutex_lock(&bbgen_lock);
	if (bn->owned) {
		DEL_OWNED(&bn->streams, struct bbgen_stream, bbgen_stream_del, portid);
		DEL_OWNED(&bn->triggers, struct bbgen_trigger, bbgen_trigger_del,
			  portid);
		xa_for_each(&bn->ports, ifindex, port)
			ports |= port->owner == portid;
	}
	mutex_unlock(&bbgen_lock);
	if (!ports)
		return;
	rtnl_lock();
	mutex_lock(&bbgen_lock);
	DEL_OWNED(&bn->ports, struct bbgen_port, bbgen_port_del, portid);
	mutex_unlock(&bbgen_lock);
	rtnl_unlock();
}

static int bbgen_netlink_event(struct notifier_block *nb, unsigned long event,
			       void *ptr)
{
	struct netlink_notify *n = ptr;

	if (event == NETLINK_URELEASE && n->protocol == NETLINK_GENERIC &&
	    n->portid)
		release_owned(n->net, n->portid);
	return NOTIFY_DONE;
}

static struct notifier_block bbgen_netlink_notifier = {
	.notifier_call = bbgen_netlink_event,
};

int bbgen_genl_init(void)
{
	int err;

	err = netlink_register_notifier(&bbgen_netlink_notifier);
	if (err)
		return err;
	err = genl_register_family(&bbgen_family);
	if (err)
		netlink_unregister_notifier(&bbgen_netlink_notifier);
	return err;
}

void bbgen_genl_exit(void)
{
	genl_unregister_family(&bbgen_family);
	netlink_unregister_notifier(&bbgen_netlink_notifier);
}
