// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* TRIGGER_ADD, and trigger replies into struct bb_gen_trigger. */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>

#include "gen_attr.h"
#include "gen_trigger.h"

/* What selects the frames, and how they are measured. */
static int put_match(struct nl_msg *msg, const struct bb_gen_trigger_add *t)
{
	int err = 0;

	err |= nla_put_u16(msg, BBGEN_A_TRIGGER_UDP_DPORT, t->dport);
	if (t->sport)
		err |= nla_put_u16(msg, BBGEN_A_TRIGGER_UDP_SPORT, t->sport);
	err |= bb_genl_put_ip(msg, BBGEN_A_TRIGGER_SRC_IPV4,
			      BBGEN_A_TRIGGER_SRC_IPV6, &t->src);
	err |= bb_genl_put_ip(msg, BBGEN_A_TRIGGER_DST_IPV4,
			      BBGEN_A_TRIGGER_DST_IPV6, &t->dst);
	if (t->vlan_id)
		err |= nla_put_u16(msg, BBGEN_A_TRIGGER_VLAN_ID, t->vlan_id);
	return err;
}

static int put_measure(struct nl_msg *msg, const struct bb_gen_trigger_add *t)
{
	int err = 0;

	if (t->latency)
		err |= nla_put_flag(msg, BBGEN_A_TRIGGER_LATENCY);
	if (t->has_range) {
		err |= nla_put_u64(msg, BBGEN_A_TRIGGER_RANGE_MIN_NS,
				   t->range_min_ns);
		err |= nla_put_u64(msg, BBGEN_A_TRIGGER_RANGE_MAX_NS,
				   t->range_max_ns);
	}
	if (t->interval_ms)
		err |= nla_put_u32(msg, BBGEN_A_TRIGGER_INTERVAL_MS,
				   t->interval_ms);
	if (t->rtp)
		err |= nla_put_flag(msg, BBGEN_A_TRIGGER_RTP);
	if (t->socket_owner)
		err |= nla_put_flag(msg, BBGEN_A_TRIGGER_SOCKET_OWNER);
	return err;
}

struct nl_msg *bb_gen_trigger_add_msg(struct bb_genl *g,
				      const struct bb_gen_trigger_add *t)
{
	struct nl_msg *msg = bb_genl_msg(g, BBGEN_CMD_TRIGGER_ADD, false);
	int err = 0;

	if (!msg)
		return NULL;
	err |= nla_put_u32(msg, BBGEN_A_TRIGGER_IFINDEX, t->ifindex);
	if (t->id)
		err |= nla_put_u32(msg, BBGEN_A_TRIGGER_ID, t->id);
	err |= put_match(msg, t);
	err |= put_measure(msg, t);
	if (!err)
		return msg;
	nlmsg_free(msg);
	return NULL;
}

struct nl_msg *bb_gen_trigger_get_msg(struct bb_genl *g, uint32_t id)
{
	return bb_gen_id_msg(g, BBGEN_CMD_TRIGGER_GET, !id, BBGEN_A_TRIGGER_ID,
			     id);
}

/* An address attribute of exactly its family's length, else unset. */
static void decode_ip(struct nlattr **tb, int attr4, int attr6,
		      struct bb_ip *ip)
{
	if (tb[attr4] && nla_len(tb[attr4]) == sizeof(ip->v4)) {
		ip->family = AF_INET;
		memcpy(&ip->v4, nla_data(tb[attr4]), sizeof(ip->v4));
	} else if (tb[attr6] && nla_len(tb[attr6]) == sizeof(ip->v6)) {
		ip->family = AF_INET6;
		memcpy(&ip->v6, nla_data(tb[attr6]), sizeof(ip->v6));
	}
}

static void decode_latency(const struct nlattr *nest, struct bb_gen_trigger *t)
{
	struct bb_gen_latency *l = &t->latency_stats;
	struct nlattr *tb[BBGEN_A_LATENCY_MAX + 1];

	if (!nest || nla_parse_nested(tb, BBGEN_A_LATENCY_MAX,
				      (struct nlattr *)nest, NULL) < 0)
		return;
	t->present.latency_stats = 1;
	GEN_U64(tb, BBGEN_A_LATENCY_COUNT, l, count);
	GEN_U64(tb, BBGEN_A_LATENCY_MIN_NS, l, min_ns);
	GEN_U64(tb, BBGEN_A_LATENCY_AVG_NS, l, avg_ns);
	GEN_U64(tb, BBGEN_A_LATENCY_MAX_NS, l, max_ns);
	GEN_U64(tb, BBGEN_A_LATENCY_JITTER_NS, l, jitter_ns);
	GEN_U64(tb, BBGEN_A_LATENCY_P50_NS, l, p50_ns);
	GEN_U64(tb, BBGEN_A_LATENCY_P90_NS, l, p90_ns);
	GEN_U64(tb, BBGEN_A_LATENCY_P99_NS, l, p99_ns);
	GEN_U64(tb, BBGEN_A_LATENCY_P999_NS, l, p999_ns);
	GEN_U64(tb, BBGEN_A_LATENCY_P9999_NS, l, p9999_ns);
	GEN_U64(tb, BBGEN_A_LATENCY_BELOW_RANGE, l, below_range);
	GEN_U64(tb, BBGEN_A_LATENCY_ABOVE_RANGE, l, above_range);
	GEN_U64(tb, BBGEN_A_LATENCY_INVALID, l, invalid);
}

/* One LOSS_EVENT nest; beyond the array's room they are dropped (the
 * kernel keeps no more than that). */
static void decode_loss_event(const struct nlattr *nest,
			      struct bb_gen_trigger *t)
{
	struct nlattr *tb[BBGEN_A_LOSS_EVENT_MAX + 1];
	struct bb_gen_loss_event *e;

	if (t->n_loss_events >= BBGEN_LOSS_EVENTS_MAX ||
	    nla_parse_nested(tb, BBGEN_A_LOSS_EVENT_MAX, (struct nlattr *)nest,
			     NULL) < 0)
		return;
	e = &t->loss_events[t->n_loss_events++];
	GEN_U64(tb, BBGEN_A_LOSS_EVENT_FIRST_SEQ, e, first_seq);
	GEN_U64(tb, BBGEN_A_LOSS_EVENT_COUNT, e, count);
	GEN_U64(tb, BBGEN_A_LOSS_EVENT_RX_NS, e, rx_ns);
}

static void decode_match(struct nlattr **tb, struct bb_gen_trigger *t)
{
	GEN_U16(tb, BBGEN_A_TRIGGER_UDP_DPORT, t, udp_dport);
	GEN_U16(tb, BBGEN_A_TRIGGER_UDP_SPORT, t, udp_sport);
	decode_ip(tb, BBGEN_A_TRIGGER_SRC_IPV4, BBGEN_A_TRIGGER_SRC_IPV6,
		  &t->src);
	decode_ip(tb, BBGEN_A_TRIGGER_DST_IPV4, BBGEN_A_TRIGGER_DST_IPV6,
		  &t->dst);
	GEN_U16(tb, BBGEN_A_TRIGGER_VLAN_ID, t, vlan_id);
	GEN_U32(tb, BBGEN_A_TRIGGER_INTERVAL_MS, t, interval_ms);
	t->latency = tb[BBGEN_A_TRIGGER_LATENCY] != NULL;
	t->rtp = tb[BBGEN_A_TRIGGER_RTP] != NULL;
}

static void decode_counters(struct nlattr **tb, struct bb_gen_trigger *t)
{
	GEN_U64(tb, BBGEN_A_TRIGGER_RX_FRAMES, t, rx_frames);
	GEN_U64(tb, BBGEN_A_TRIGGER_RX_BYTES, t, rx_bytes);
	GEN_U64(tb, BBGEN_A_TRIGGER_HIGHEST_SEQ, t, highest_seq);
	GEN_U64(tb, BBGEN_A_TRIGGER_LOST, t, lost);
	GEN_U64(tb, BBGEN_A_TRIGGER_OUT_OF_SEQUENCE, t, out_of_sequence);
	GEN_U64(tb, BBGEN_A_TRIGGER_DUPLICATES, t, duplicates);
	GEN_U64(tb, BBGEN_A_TRIGGER_FIRST_RX_NS, t, first_rx_ns);
	GEN_U64(tb, BBGEN_A_TRIGGER_LAST_RX_NS, t, last_rx_ns);
	GEN_U64(tb, BBGEN_A_TRIGGER_LOSS_EVENTS_TOTAL, t, loss_events_total);
	GEN_U64(tb, BBGEN_A_TRIGGER_HISTORY_DROPPED, t, history_dropped);
	GEN_U64(tb, BBGEN_A_TRIGGER_RANGE_MIN_NS, t, range_min_ns);
	GEN_U64(tb, BBGEN_A_TRIGGER_RANGE_MAX_NS, t, range_max_ns);
	GEN_U64(tb, BBGEN_A_TRIGGER_RTP_SEQ_ERRORS, t, rtp_seq_errors);
}

int bb_gen_trigger_decode(const struct bb_reply *r, struct bb_gen_trigger *t)
{
	struct nlattr **tb = r->tb, *a;
	int rem;

	memset(t, 0, sizeof(*t));
	GEN_U32(tb, BBGEN_A_TRIGGER_ID, t, id);
	GEN_U32(tb, BBGEN_A_TRIGGER_IFINDEX, t, ifindex);
	t->present.dev = bb_gen_str(tb[BBGEN_A_TRIGGER_DEV], t->dev,
				    sizeof(t->dev));
	decode_match(tb, t);
	decode_counters(tb, t);
	decode_latency(tb[BBGEN_A_TRIGGER_LATENCY_STATS], t);
	nla_for_each_attr(a, r->attrs, r->len, rem)
		if (nla_type(a) == BBGEN_A_TRIGGER_LOSS_EVENT)
			decode_loss_event(a, t);
	return t->present.id ? 0 : -EPROTO;
}
