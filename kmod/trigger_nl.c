// SPDX-License-Identifier: GPL-2.0
/*
 * The trigger operations of the bbgen family: policies, parsing of a match,
 * replies with counters, and dumps. Locking as in netlink.c.
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
#include "trigger.h"

const struct nla_policy bbgen_nl_trigger_add_policy[BBGEN_A_TRIGGER_MAX + 1] = {
	BBGEN_DEV_POLICY(BBGEN_A_TRIGGER),
	[BBGEN_A_TRIGGER_ID] = NLA_POLICY_FULL_RANGE(NLA_U32, &bbgen_nl_id_range),
	[BBGEN_A_TRIGGER_UDP_DPORT] = NLA_POLICY_MIN(NLA_U16, 1),
	[BBGEN_A_TRIGGER_UDP_SPORT] = NLA_POLICY_MIN(NLA_U16, 1),
	[BBGEN_A_TRIGGER_SRC_IPV4] = NLA_POLICY_EXACT_LEN(4),
	[BBGEN_A_TRIGGER_DST_IPV4] = NLA_POLICY_EXACT_LEN(4),
	[BBGEN_A_TRIGGER_SRC_IPV6] = NLA_POLICY_EXACT_LEN(16),
	[BBGEN_A_TRIGGER_DST_IPV6] = NLA_POLICY_EXACT_LEN(16),
	[BBGEN_A_TRIGGER_SOCKET_OWNER] = { .type = NLA_FLAG },
};

const struct nla_policy bbgen_nl_trigger_id_policy[BBGEN_A_TRIGGER_MAX + 1] = {
	[BBGEN_A_TRIGGER_ID] = NLA_POLICY_FULL_RANGE(NLA_U32, &bbgen_nl_id_range),
};

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
	if (bbgen_nl_put_u64(skb, BBGEN_A_TRIGGER_RX_FRAMES, st.rx_frames, pad) ||
	    bbgen_nl_put_u64(skb, BBGEN_A_TRIGGER_RX_BYTES, st.rx_bytes, pad) ||
	    bbgen_nl_put_u64(skb, BBGEN_A_TRIGGER_LOST, st.lost, pad) ||
	    bbgen_nl_put_u64(skb, BBGEN_A_TRIGGER_OUT_OF_SEQUENCE, st.out_of_sequence, pad) ||
	    bbgen_nl_put_u64(skb, BBGEN_A_TRIGGER_DUPLICATES, st.duplicates, pad))
		return -EMSGSIZE;
	/* absent until the first frame arrives */
	if (!st.rx_frames)
		return 0;
	return bbgen_nl_put_u64(skb, BBGEN_A_TRIGGER_HIGHEST_SEQ, st.highest_seq, pad) ||
	       bbgen_nl_put_u64(skb, BBGEN_A_TRIGGER_FIRST_RX_NS, st.first_rx_ns, pad) ||
	       bbgen_nl_put_u64(skb, BBGEN_A_TRIGGER_LAST_RX_NS, st.last_rx_ns, pad);
}

static int trigger_fill(struct bbgen_fill_ctx *c, void *obj)
{
	struct bbgen_trigger *t = obj;
	struct sk_buff *skb = c->skb;
	void *hdr;

	hdr = bbgen_nl_fill_begin(c, BBGEN_CMD_TRIGGER_GET);
	if (!hdr)
		return -EMSGSIZE;
	return bbgen_nl_fill_end(c, hdr,
			nla_put_u32(skb, BBGEN_A_TRIGGER_ID, t->id) ||
			nla_put_u32(skb, BBGEN_A_TRIGGER_IFINDEX, t->port->dev->ifindex) ||
			nla_put_string(skb, BBGEN_A_TRIGGER_DEV, t->port->dev->name) ||
			trigger_put_match(skb, &t->match) ||
			trigger_put_stats(skb, t));
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
	if (bbgen_nl_missing(info, BBGEN_A_TRIGGER_UDP_DPORT,
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

int bbgen_nl_trigger_add_doit(struct sk_buff *skb, struct genl_info *info)
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
	port = bbgen_nl_lookup_port(info, BBGEN_A_TRIGGER_IFINDEX, BBGEN_A_TRIGGER_DEV);
	err = PTR_ERR_OR_ZERO(port);
	if (!err)
		err = bbgen_trigger_add(bn, port, id_attr ? nla_get_u32(id_attr) : 0,
					bbgen_nl_owner(info, BBGEN_A_TRIGGER_SOCKET_OWNER),
					&m, &id, info->extack);
	mutex_unlock(&bbgen_lock);
	if (err)
		return err;
	return bbgen_nl_reply_id(info, BBGEN_CMD_TRIGGER_ADD, BBGEN_A_TRIGGER_ID, id);
}

/* Under bbgen_lock: the trigger named by the ID attribute. */
static struct bbgen_trigger *lookup_trigger(struct genl_info *info)
{
	struct bbgen_trigger *t;

	if (bbgen_nl_missing(info, BBGEN_A_TRIGGER_ID, "missing trigger id"))
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

int bbgen_nl_trigger_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct bbgen_trigger *t;

	mutex_lock(&bbgen_lock);
	t = lookup_trigger(info);
	if (!IS_ERR(t))
		bbgen_trigger_del(t);
	mutex_unlock(&bbgen_lock);
	return PTR_ERR_OR_ZERO(t);
}

int bbgen_nl_trigger_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct bbgen_trigger *t;
	int err;

	mutex_lock(&bbgen_lock);
	t = lookup_trigger(info);
	err = IS_ERR(t) ? PTR_ERR(t) : bbgen_nl_reply_object(info, trigger_fill, t);
	mutex_unlock(&bbgen_lock);
	return err;
}

int bbgen_nl_trigger_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct bbgen_net *bn = bbgen_net(sock_net(skb->sk));
	int ret;

	mutex_lock(&bbgen_lock);
	cb->seq = bn->gen;
	ret = bbgen_nl_dump(skb, cb, &bn->triggers, trigger_fill);
	mutex_unlock(&bbgen_lock);
	return ret;
}
