// SPDX-License-Identifier: GPL-2.0
/*
 * The trigger operations of the bbgen family: policies, parsing of a match
 * and its analysers, replies with counters, latency statistics and loss
 * events, dumps, and the history and histogram dumps. Locking as in
 * netlink.c; a trigger's counters are read under its own lock.
 */
#include <linux/bbgen.h>
#include <linux/if_vlan.h>
#include <linux/netdevice.h>
#include <net/genetlink.h>
#include <net/netlink.h>
#include <net/sock.h>

#include "compat.h"
#include "netlink.h"
#include "netns.h"
#include "port.h"
#include "trigger.h"

static struct netlink_range_validation interval_range BBGEN_POLICY_RANGE = {
	.min = BBGEN_TRIGGER_INTERVAL_MIN_MS,
	.max = BBGEN_TRIGGER_INTERVAL_MAX_MS,
};

static struct netlink_range_validation latency_range BBGEN_POLICY_RANGE = {
	.max = BBGEN_LATENCY_MAX_NS,
};

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
	[BBGEN_A_TRIGGER_LATENCY] = { .type = NLA_FLAG },
	[BBGEN_A_TRIGGER_RANGE_MIN_NS] = NLA_POLICY_FULL_RANGE(NLA_U64, &latency_range),
	[BBGEN_A_TRIGGER_RANGE_MAX_NS] = NLA_POLICY_FULL_RANGE(NLA_U64, &latency_range),
	[BBGEN_A_TRIGGER_INTERVAL_MS] = NLA_POLICY_FULL_RANGE(NLA_U32, &interval_range),
	[BBGEN_A_TRIGGER_VLAN_ID] = NLA_POLICY_RANGE(NLA_U16, 1, VLAN_N_VID - 2),
	[BBGEN_A_TRIGGER_RTP] = { .type = NLA_FLAG },
};

const struct nla_policy bbgen_nl_trigger_id_policy[BBGEN_A_TRIGGER_MAX + 1] = {
	[BBGEN_A_TRIGGER_ID] = NLA_POLICY_FULL_RANGE(NLA_U32, &bbgen_nl_id_range),
};

const struct nla_policy bbgen_nl_trigger_history_policy[BBGEN_A_TRIGGER_MAX + 1] = {
	[BBGEN_A_TRIGGER_ID] = NLA_POLICY_FULL_RANGE(NLA_U32, &bbgen_nl_id_range),
	[BBGEN_A_TRIGGER_HISTORY_FROM] = { .type = NLA_U64 },
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
			BBGEN_A_TRIGGER_DST_IPV6) ||
	       (m->vlan_id && nla_put_u16(skb, BBGEN_A_TRIGGER_VLAN_ID, m->vlan_id));
}

/* The analysers' settings, fixed at add. */
static int trigger_put_cfg(struct sk_buff *skb, struct bbgen_trigger *t)
{
	const int pad = BBGEN_A_TRIGGER_PAD;
	u32 ms = div_u64(t->snaps.interval_ns, NSEC_PER_MSEC);

	if (nla_put_u32(skb, BBGEN_A_TRIGGER_INTERVAL_MS, ms) ||
	    (t->rtp && nla_put_flag(skb, BBGEN_A_TRIGGER_RTP)))
		return -EMSGSIZE;
	if (!t->latency)
		return 0;
	return nla_put_flag(skb, BBGEN_A_TRIGGER_LATENCY) ||
	       bbgen_nl_put_u64(skb, BBGEN_A_TRIGGER_RANGE_MIN_NS, t->lat.range_min, pad) ||
	       bbgen_nl_put_u64(skb, BBGEN_A_TRIGGER_RANGE_MAX_NS, t->lat.range_max, pad);
}

static int put_latency(struct sk_buff *skb, const struct bbgen_lat_summary *l)
{
	static const int pct_attr[BBGEN_LAT_NPCT] = {
		BBGEN_A_LATENCY_P50_NS, BBGEN_A_LATENCY_P90_NS,
		BBGEN_A_LATENCY_P99_NS, BBGEN_A_LATENCY_P999_NS,
		BBGEN_A_LATENCY_P9999_NS,
	};
	const int pad = BBGEN_A_LATENCY_PAD;
	struct nlattr *nest;
	int i, err;

	nest = nla_nest_start(skb, BBGEN_A_TRIGGER_LATENCY_STATS);
	if (!nest)
		return -EMSGSIZE;
	err = bbgen_nl_put_u64(skb, BBGEN_A_LATENCY_COUNT, l->count, pad) ||
	      bbgen_nl_put_u64(skb, BBGEN_A_LATENCY_BELOW_RANGE, l->below, pad) ||
	      bbgen_nl_put_u64(skb, BBGEN_A_LATENCY_ABOVE_RANGE, l->above, pad) ||
	      bbgen_nl_put_u64(skb, BBGEN_A_LATENCY_INVALID, l->invalid, pad);
	if (!err && l->count) {
		err = bbgen_nl_put_u64(skb, BBGEN_A_LATENCY_MIN_NS, l->min, pad) ||
		      bbgen_nl_put_u64(skb, BBGEN_A_LATENCY_AVG_NS, l->avg, pad) ||
		      bbgen_nl_put_u64(skb, BBGEN_A_LATENCY_MAX_NS, l->max, pad) ||
		      bbgen_nl_put_u64(skb, BBGEN_A_LATENCY_JITTER_NS, l->jitter, pad);
		for (i = 0; !err && i < BBGEN_LAT_NPCT; i++)
			err = bbgen_nl_put_u64(skb, pct_attr[i], l->pct[i], pad);
	}
	if (err) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

static int put_loss_event(struct sk_buff *skb, const struct bbgen_loss_event *e)
{
	const int pad = BBGEN_A_LOSS_EVENT_PAD;
	struct nlattr *nest = nla_nest_start(skb, BBGEN_A_TRIGGER_LOSS_EVENT);

	if (!nest)
		return -EMSGSIZE;
	if (bbgen_nl_put_u64(skb, BBGEN_A_LOSS_EVENT_FIRST_SEQ, e->first_seq, pad) ||
	    bbgen_nl_put_u64(skb, BBGEN_A_LOSS_EVENT_COUNT, e->count, pad) ||
	    bbgen_nl_put_u64(skb, BBGEN_A_LOSS_EVENT_RX_NS, e->rx_ns, pad)) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

/* The loss events, read under the trigger's lock (no copy of 64 events). */
static int trigger_put_loss(struct sk_buff *skb, struct bbgen_trigger *t)
{
	unsigned int i;
	int err = 0;

	spin_lock_bh(&t->lock);
	for (i = 0; !err && i < bbgen_loss_n(t->loss); i++)
		err = put_loss_event(skb, &t->loss->ev[i]);
	spin_unlock_bh(&t->lock);
	return err;
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
	    bbgen_nl_put_u64(skb, BBGEN_A_TRIGGER_DUPLICATES, st.duplicates, pad) ||
	    bbgen_nl_put_u64(skb, BBGEN_A_TRIGGER_LOSS_EVENTS_TOTAL,
			     st.loss_events_total, pad) ||
	    bbgen_nl_put_u64(skb, BBGEN_A_TRIGGER_HISTORY_DROPPED,
			     st.history_dropped, pad) ||
	    (t->latency && put_latency(skb, &st.lat)) ||
	    (t->rtp && bbgen_nl_put_u64(skb, BBGEN_A_TRIGGER_RTP_SEQ_ERRORS,
					st.rtp_seq_errors, pad)))
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
			trigger_put_cfg(skb, t) ||
			trigger_put_stats(skb, t) ||
			trigger_put_loss(skb, t));
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
	if (a[BBGEN_A_TRIGGER_VLAN_ID])
		m->vlan_id = nla_get_u16(a[BBGEN_A_TRIGGER_VLAN_ID]);
	return 0;
}

static u64 get_u64_or(struct nlattr *attr, u64 dflt)
{
	return attr ? nla_get_u64(attr) : dflt;
}

/* The match and the analysers' settings of a TRIGGER_ADD. */
static int cfg_parse(struct genl_info *info, struct bbgen_trigger_cfg *cfg)
{
	struct nlattr **a = info->attrs;
	struct nlattr *rmin = a[BBGEN_A_TRIGGER_RANGE_MIN_NS];
	struct nlattr *rmax = a[BBGEN_A_TRIGGER_RANGE_MAX_NS];
	int err;

	err = match_parse(info, &cfg->match);
	if (err)
		return err;
	cfg->latency = nla_get_flag(a[BBGEN_A_TRIGGER_LATENCY]);
	cfg->rtp = nla_get_flag(a[BBGEN_A_TRIGGER_RTP]);
	if (!cfg->latency && (rmin || rmax)) {
		NL_SET_ERR_MSG_ATTR(info->extack, rmin ?: rmax,
				    "a latency range needs LATENCY on the trigger");
		return -EINVAL;
	}
	cfg->range_min_ns = get_u64_or(rmin, 0);
	cfg->range_max_ns = get_u64_or(rmax, BBGEN_LATENCY_MAX_NS);
	if (cfg->range_min_ns > cfg->range_max_ns) {
		NL_SET_ERR_MSG_ATTR(info->extack, rmin ?: rmax,
				    "latency range minimum is above its maximum");
		return -EINVAL;
	}
	cfg->interval_ms = a[BBGEN_A_TRIGGER_INTERVAL_MS] ?
			   nla_get_u32(a[BBGEN_A_TRIGGER_INTERVAL_MS]) :
			   BBGEN_TRIGGER_INTERVAL_DEFAULT_MS;
	return 0;
}

int bbgen_nl_trigger_add_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct bbgen_net *bn = bbgen_net(genl_info_net(info));
	struct nlattr *id_attr = info->attrs[BBGEN_A_TRIGGER_ID];
	struct bbgen_trigger_cfg cfg;
	struct bbgen_port *port;
	u32 id;
	int err;

	err = cfg_parse(info, &cfg);
	if (err)
		return err;
	mutex_lock(&bbgen_lock);
	port = bbgen_nl_lookup_port(info, BBGEN_A_TRIGGER_IFINDEX, BBGEN_A_TRIGGER_DEV);
	err = PTR_ERR_OR_ZERO(port);
	if (!err)
		err = bbgen_trigger_add(bn, port, id_attr ? nla_get_u32(id_attr) : 0,
					bbgen_nl_owner(info, BBGEN_A_TRIGGER_SOCKET_OWNER),
					&cfg, &id, info->extack);
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

/*
 * The trigger a history or histogram dump is about, looked up again on
 * every call of the dump (it may be deleted in between). Under bbgen_lock.
 */
static struct bbgen_trigger *dump_trigger(struct sk_buff *skb,
					  struct netlink_callback *cb)
{
	struct nlattr *id = bbgen_dump_attrs(cb)[BBGEN_A_TRIGGER_ID];
	struct bbgen_trigger *t;

	if (!id) {
		NL_SET_ERR_MSG(cb->extack, "missing trigger id");
		return ERR_PTR(-EINVAL);
	}
	t = bbgen_trigger_find(bbgen_net(sock_net(skb->sk)), nla_get_u32(id));
	if (!t) {
		NL_SET_ERR_MSG_ATTR(cb->extack, id, "no trigger with this id");
		return ERR_PTR(-ENOENT);
	}
	return t;
}

static void *dump_msg_begin(struct sk_buff *skb, struct netlink_callback *cb,
			    u8 cmd, struct bbgen_trigger *t)
{
	void *hdr = genlmsg_put(skb, NETLINK_CB(cb->skb).portid,
				cb->nlh->nlmsg_seq, &bbgen_family,
				NLM_F_MULTI, cmd);

	if (hdr && nla_put_u32(skb, BBGEN_A_TRIGGER_ID, t->id)) {
		genlmsg_cancel(skb, hdr);
		return NULL;
	}
	return hdr;
}

int bbgen_nl_put_snapshot(struct sk_buff *skb, const struct bbgen_snap *s,
			  u64 idx)
{
	const int pad = BBGEN_A_SNAPSHOT_PAD;
	struct nlattr *nest = nla_nest_start(skb, BBGEN_A_TRIGGER_SNAPSHOT);
	int err;

	if (!nest)
		return -EMSGSIZE;
	err = bbgen_nl_put_u64(skb, BBGEN_A_SNAPSHOT_INDEX, idx, pad) ||
	      bbgen_nl_put_u64(skb, BBGEN_A_SNAPSHOT_START_NS, s->start_ns, pad) ||
	      bbgen_nl_put_u64(skb, BBGEN_A_SNAPSHOT_FRAMES, s->frames, pad) ||
	      bbgen_nl_put_u64(skb, BBGEN_A_SNAPSHOT_BYTES, s->bytes, pad) ||
	      bbgen_nl_put_u64(skb, BBGEN_A_SNAPSHOT_LOST, s->lost, pad) ||
	      bbgen_nl_put_u64(skb, BBGEN_A_SNAPSHOT_OUT_OF_SEQUENCE,
			       s->out_of_sequence, pad) ||
	      bbgen_nl_put_u64(skb, BBGEN_A_SNAPSHOT_LATENCY_COUNT, s->lat_count, pad);
	if (!err && s->lat_count)
		err = bbgen_nl_put_u64(skb, BBGEN_A_SNAPSHOT_LATENCY_MIN_NS,
				       s->lat_min, pad) ||
		      bbgen_nl_put_u64(skb, BBGEN_A_SNAPSHOT_LATENCY_AVG_NS,
				       div64_u64(s->lat_sum, s->lat_count), pad) ||
		      bbgen_nl_put_u64(skb, BBGEN_A_SNAPSHOT_LATENCY_MAX_NS,
				       s->lat_max, pad) ||
		      bbgen_nl_put_u64(skb, BBGEN_A_SNAPSHOT_JITTER_NS, s->jitter, pad);
	if (err) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

/*
 * One message of closed snapshots from the reader's cursor on, as many as
 * fit; the ring keeps them for other readers. cb->args[1] is the cursor:
 * HISTORY_FROM at the first call, then the index after the last one sent.
 * Each message's HISTORY_DROPPED counts the snapshots from the cursor on
 * that the ring overwrote before this message. The first call always sends
 * a message, later ones only while snapshots are left.
 */
static int history_fill(struct sk_buff *skb, struct netlink_callback *cb,
			struct bbgen_trigger *t)
{
	struct nlattr *from = bbgen_dump_attrs(cb)[BBGEN_A_TRIGGER_HISTORY_FROM];
	const struct bbgen_snaps *r = &t->snaps;
	bool first = !cb->args[0];
	u64 cursor, missed;
	void *hdr;

	if (first)
		cb->args[1] = from ? nla_get_u64(from) : 0;
	spin_lock_bh(&t->lock);
	bbgen_trigger_close_due(t);
	cursor = cb->args[1];
	if (!first && cursor >= r->next)
		goto out;
	missed = cursor < bbgen_snaps_first(r) ? bbgen_snaps_first(r) - cursor : 0;
	hdr = dump_msg_begin(skb, cb, BBGEN_CMD_TRIGGER_HISTORY, t);
	if (!hdr ||
	    bbgen_nl_put_u64(skb, BBGEN_A_TRIGGER_HISTORY_DROPPED, missed,
			     BBGEN_A_TRIGGER_PAD)) {
		if (hdr)
			genlmsg_cancel(skb, hdr);
		spin_unlock_bh(&t->lock);
		return -EMSGSIZE;
	}
	cursor += missed;
	while (cursor < r->next &&
	       !bbgen_nl_put_snapshot(skb, bbgen_snaps_index(r, cursor), cursor))
		cursor++;
	genlmsg_end(skb, hdr);
	cb->args[0] = 1;
	cb->args[1] = cursor;
out:
	spin_unlock_bh(&t->lock);
	return skb->len;
}

int bbgen_nl_trigger_history_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct bbgen_trigger *t;
	int ret;

	mutex_lock(&bbgen_lock);
	t = dump_trigger(skb, cb);
	/* a trigger deleted between two calls ends the dump */
	if (IS_ERR(t))
		ret = cb->args[0] ? 0 : PTR_ERR(t);
	else
		ret = history_fill(skb, cb, t);
	mutex_unlock(&bbgen_lock);
	return ret;
}

static int put_bucket(struct sk_buff *skb, u32 idx, u64 count)
{
	const int pad = BBGEN_A_BUCKET_PAD;
	struct nlattr *nest = nla_nest_start(skb, BBGEN_A_TRIGGER_BUCKET);

	if (!nest)
		return -EMSGSIZE;
	if (bbgen_nl_put_u64(skb, BBGEN_A_BUCKET_UPPER_NS, bbgen_hist_upper(idx), pad) ||
	    bbgen_nl_put_u64(skb, BBGEN_A_BUCKET_COUNT, count, pad)) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

/*
 * One message of non-empty buckets from the cursor cb->args[1] on. Frames
 * still arriving during a dump of several messages make it a mix of two
 * moments; read it after the traffic stopped for an exact CDF.
 */
static int histogram_fill(struct sk_buff *skb, struct netlink_callback *cb,
			  struct bbgen_trigger *t)
{
	const struct bbgen_hist *h = t->lat.hist;
	u32 idx = cb->args[1];
	void *hdr;

	spin_lock_bh(&t->lock);
	if (cb->args[0] && (!h->total || idx > h->hi_idx))
		goto out;
	hdr = dump_msg_begin(skb, cb, BBGEN_CMD_TRIGGER_HISTOGRAM, t);
	if (!hdr) {
		spin_unlock_bh(&t->lock);
		return -EMSGSIZE;
	}
	if (h->total) {
		idx = max(idx, h->lo_idx);
		for (; idx <= h->hi_idx; idx++)
			if (h->counts[idx] && put_bucket(skb, idx, h->counts[idx]))
				break;
	}
	genlmsg_end(skb, hdr);
	cb->args[0] = 1;
	cb->args[1] = idx;
out:
	spin_unlock_bh(&t->lock);
	return skb->len;
}

int bbgen_nl_trigger_histogram_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct bbgen_trigger *t;
	int ret;

	mutex_lock(&bbgen_lock);
	t = dump_trigger(skb, cb);
	if (IS_ERR(t)) {
		ret = cb->args[0] ? 0 : PTR_ERR(t);
	} else if (!t->latency) {
		NL_SET_ERR_MSG(cb->extack, "trigger does not measure latency");
		ret = -EOPNOTSUPP;
	} else {
		ret = histogram_fill(skb, cb, t);
	}
	mutex_unlock(&bbgen_lock);
	return ret;
}
