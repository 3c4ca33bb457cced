// SPDX-License-Identifier: GPL-2.0
/*
 * Triggers and the RX path. The rx_handler parses each frame's headers
 * (VLAN tags still in the data, IPv4 or IPv6, UDP) with
 * skb_header_pointer(), finds candidate triggers with one hash lookup by
 * UDP destination port, and checks the rest of the match. A matched frame
 * is counted and consumed, so the stack never answers it (no ICMP port
 * unreachable); every other frame passes untouched.
 *
 * At the rx_handler skb->data is the network header (eth_type_trans() has
 * pulled the Ethernet header) and an outer VLAN tag may have been moved to
 * skb->vlan_tci. rx_bytes counts the Ethernet frame without FCS: skb->len +
 * ETH_HLEN, plus VLAN_HLEN for a tag taken out of the data.
 *
 * The sequence tag is the last 8 bytes of the UDP payload (16 with the
 * time tag, on latency triggers), found with the UDP length (not skb->len,
 * which includes any Ethernet padding). IPv6 frames must carry UDP as the
 * first next header; IPv4 fragments pass.
 *
 * The outer VLAN id is the offloaded tag (skb->vlan_tci) if there is one,
 * else the first tag still in the data. A trigger with VLAN_ID beats one
 * without on the same frame.
 *
 * Per frame, under the trigger's lock: sequence tracking, loss events, the
 * open interval snapshot and, with latency, the latency statistics. The
 * latency's RX time is the skb's hardware stamp on a hardware-timestamping
 * port (CLOCK_TAI read here when the frame has none), CLOCK_TAI otherwise;
 * snapshots and loss events always use CLOCK_TAI read here.
 */
#include <linux/bbgen.h>
#include <linux/hash.h>
#include <linux/if_vlan.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/slab.h>
#include <linux/udp.h>
#include <linux/vmalloc.h>
#include <net/ip.h>
#include <net/ipv6.h>

#include "core/tag.h"
#include "notify.h"
#include "trigger.h"

#define MAX_VLAN_TAGS	2

struct rx_frame {
	u8 family;
	u16 vlan;		/* outer VLAN id, 0: untagged */
	union bbgen_addr src, dst;
	unsigned int udp_off, ip_end;
};

static struct hlist_head *trigger_bucket(struct bbgen_port *port,
					 __be16 dport)
{
	return &port->trigger_hash[hash_32(ntohs(dport),
					   BBGEN_TRIGGER_HASH_BITS)];
}

static int rx_ipv4(struct sk_buff *skb, unsigned int off, struct rx_frame *f)
{
	struct iphdr _iph;
	const struct iphdr *iph;
	unsigned int ihl, tot_len;

	iph = skb_header_pointer(skb, off, sizeof(_iph), &_iph);
	if (!iph || iph->version != 4 || iph->ihl < 5 ||
	    iph->protocol != IPPROTO_UDP || ip_is_fragment(iph))
		return -EINVAL;
	ihl = iph->ihl * 4;
	tot_len = ntohs(iph->tot_len);
	if (tot_len < ihl || off + tot_len > skb->len)
		return -EINVAL;
	f->family = AF_INET;
	f->src.v4 = iph->saddr;
	f->dst.v4 = iph->daddr;
	f->udp_off = off + ihl;
	f->ip_end = off + tot_len;
	return 0;
}

static int rx_ipv6(struct sk_buff *skb, unsigned int off, struct rx_frame *f)
{
	struct ipv6hdr _ip6h;
	const struct ipv6hdr *ip6h;
	unsigned int end;

	ip6h = skb_header_pointer(skb, off, sizeof(_ip6h), &_ip6h);
	if (!ip6h || ip6h->version != 6 || ip6h->nexthdr != IPPROTO_UDP)
		return -EINVAL;
	end = off + sizeof(*ip6h) + ntohs(ip6h->payload_len);
	if (end > skb->len)
		return -EINVAL;
	f->family = AF_INET6;
	f->src.v6 = ip6h->saddr;
	f->dst.v6 = ip6h->daddr;
	f->udp_off = off + sizeof(*ip6h);
	f->ip_end = end;
	return 0;
}

/* The IP layer of the frame: -EINVAL for anything not IPv4/IPv6 + UDP. */
static int rx_parse_ip(struct sk_buff *skb, struct rx_frame *f)
{
	unsigned int off = skb_network_offset(skb);
	__be16 proto = skb->protocol;
	int tags;

	f->vlan = skb_vlan_tag_present(skb) ? skb_vlan_tag_get_id(skb) : 0;
	for (tags = 0; eth_type_vlan(proto); tags++) {
		struct vlan_hdr _vh;
		const struct vlan_hdr *vh;

		if (tags == MAX_VLAN_TAGS)
			return -EINVAL;
		vh = skb_header_pointer(skb, off, sizeof(_vh), &_vh);
		if (!vh)
			return -EINVAL;
		if (!tags && !skb_vlan_tag_present(skb))
			f->vlan = ntohs(vh->h_vlan_TCI) & VLAN_VID_MASK;
		proto = vh->h_vlan_encapsulated_proto;
		off += VLAN_HLEN;
	}
	if (proto == htons(ETH_P_IP))
		return rx_ipv4(skb, off, f);
	if (proto == htons(ETH_P_IPV6))
		return rx_ipv6(skb, off, f);
	return -EINVAL;
}

static bool addr_match(u8 family, const union bbgen_addr *want,
		       const struct rx_frame *f, const union bbgen_addr *got)
{
	if (!family)
		return true;
	if (family != f->family)
		return false;
	if (family == AF_INET)
		return want->v4 == got->v4;
	return ipv6_addr_equal(&want->v6, &got->v6);
}

/* The matching trigger; one with VLAN_ID beats one without. */
static struct bbgen_trigger *rx_lookup(struct bbgen_port *port,
				       const struct udphdr *uh,
				       const struct rx_frame *f)
{
	struct bbgen_trigger *t, *any_vlan = NULL;

	hlist_for_each_entry_rcu(t, trigger_bucket(port, uh->dest), hash_node) {
		const struct bbgen_match *m = &t->match;

		if (m->dport != uh->dest ||
		    (m->sport && m->sport != uh->source) ||
		    (m->vlan_id && m->vlan_id != f->vlan) ||
		    !addr_match(m->src_family, &m->src, f, &f->src) ||
		    !addr_match(m->dst_family, &m->dst, f, &f->dst))
			continue;
		if (m->vlan_id)
			return t;
		if (!any_vlan)
			any_vlan = t;
	}
	return any_vlan;
}

/* What the RX path learned about one matched frame. */
struct rx_sample {
	u64 seq;
	u64 tx_ns;		/* latency triggers only */
	u64 stamp_ns;		/* RX time for the latency */
	u64 now;		/* CLOCK_TAI */
	unsigned int len;
	const u8 *rtp;		/* RTP triggers: the header, NULL if none */
	u8 rtp_buf[BBGEN_RTP_HLEN];
};

/*
 * Under t->lock: tell the monitor of a snapshot closed since the ring's
 * next index was @before (at most one closes at a time).
 */
static void announce_closed(struct bbgen_trigger *t, u64 before)
{
	u64 idx = t->snaps.next - 1;

	if (unlikely(t->snaps.next != before))
		bbgen_notify_snapshot(t, bbgen_snaps_index(&t->snaps, idx), idx);
}

static void rx_count(struct bbgen_trigger *t, const struct rx_sample *r)
{
	u64 expected = t->seq.rx_frames ? t->seq.highest + 1 : 0;
	u64 before = t->snaps.next;
	enum bbgen_seq_verdict v;
	struct bbgen_snap *snap;

	v = bbgen_seq_update(&t->seq, r->seq);
	snap = bbgen_snaps_at(&t->snaps, r->now, GFP_ATOMIC);
	announce_closed(t, before);
	snap->frames++;
	snap->bytes += r->len;
	if (v == BBGEN_SEQ_FIRST || v == BBGEN_SEQ_NEXT)
		snap->lost += bbgen_loss_track(t->loss, expected, r->seq, r->now);
	else if (v == BBGEN_SEQ_LATE)
		snap->out_of_sequence++;
	if (t->seq.rx_frames == 1)
		t->first_rx_ns = r->now;
	t->last_rx_ns = r->now;
	t->rx_bytes += r->len;
	if (t->latency && bbgen_lat_add(&t->lat, r->stamp_ns, r->tx_ns))
		bbgen_snap_lat(snap, t->lat.last, t->lat.jitter16 >> 4);
	if (t->rtp)
		bbgen_rtp_rx_check(&t->rtp_rx, r->rtp, r->seq);
}

/* The RX time of @skb for latency: its hardware stamp if the port uses them. */
static u64 rx_stamp(const struct bbgen_port *port, struct sk_buff *skb,
		    u64 now)
{
	ktime_t hw;

	if (port->timestamping != BBGEN_TIMESTAMPING_HARDWARE)
		return now;
	hw = skb_hwtstamps(skb)->hwtstamp;
	return hw ? ktime_to_ns(hw) : now;
}

/* Read the tag at the end of the UDP payload; false if there is none. */
static bool rx_tag(struct bbgen_trigger *t, struct sk_buff *skb,
		   const struct rx_frame *f, const struct udphdr *uh,
		   struct rx_sample *r)
{
	unsigned int tlen = t->latency ? BBGEN_TIME_TAG_LEN : BBGEN_SEQ_TAG_LEN;
	unsigned int ulen = ntohs(uh->len);
	u8 _tag[BBGEN_TIME_TAG_LEN];
	const u8 *tag;

	if (ulen < sizeof(*uh) + tlen || f->udp_off + ulen > f->ip_end)
		return false;
	tag = skb_header_pointer(skb, f->udp_off + ulen - tlen, tlen, _tag);
	if (!tag)
		return false;
	r->seq = bbgen_tag_read_seq(tag);
	if (t->latency)
		r->tx_ns = bbgen_tag_read_time(tag);
	/*
	 * The RTP sequence is checked here, per frame, against the tag: the
	 * tag's counters already say what the network did to the frames
	 * (loss, reordering, duplicates), so what is left to see is an RTP
	 * header that no longer follows the tag: renumbered or rewritten on
	 * the way (an ALG or SBC in a CPE) or missing. A receiver plays by the
	 * RTP sequence, so that must be seen, and only the RX path sees every
	 * frame: userspace gets the counters.
	 */
	r->rtp = NULL;
	if (t->rtp && ulen >= sizeof(*uh) + BBGEN_RTP_HLEN + tlen)
		r->rtp = skb_header_pointer(skb, f->udp_off + sizeof(*uh),
					    BBGEN_RTP_HLEN, r->rtp_buf);
	return true;
}

rx_handler_result_t bbgen_trigger_rx(struct sk_buff **pskb)
{
	struct sk_buff *skb = *pskb;
	struct bbgen_port *port = rcu_dereference(skb->dev->rx_handler_data);
	struct udphdr _uh;
	const struct udphdr *uh;
	struct bbgen_trigger *t;
	struct rx_frame f;
	struct rx_sample r;

	if (!port || skb->pkt_type == PACKET_LOOPBACK || skb_is_gso(skb) ||
	    rx_parse_ip(skb, &f))
		return RX_HANDLER_PASS;
	uh = skb_header_pointer(skb, f.udp_off, sizeof(_uh), &_uh);
	if (!uh)
		return RX_HANDLER_PASS;
	t = rx_lookup(port, uh, &f);
	if (!t || !rx_tag(t, skb, &f, uh, &r))
		return RX_HANDLER_PASS;
	r.now = ktime_get_clocktai_ns();
	r.stamp_ns = t->latency ? rx_stamp(port, skb, r.now) : r.now;
	r.len = skb->len + ETH_HLEN;
	if (skb_vlan_tag_present(skb))
		r.len += VLAN_HLEN;
	spin_lock(&t->lock);
	rx_count(t, &r);
	spin_unlock(&t->lock);
	/*
	 * rx_handlers run with BHs off (NAPI poll, the backlog, or
	 * netif_receive_skb() under local_bh_disable()), which is all the
	 * NAPI skb cache asks: freed there, skb heads go back to the slab in
	 * bulk rather than one kmem_cache_free() a frame.
	 */
	napi_consume_skb(skb, 1);
	return RX_HANDLER_CONSUMED;
}

struct bbgen_trigger *bbgen_trigger_find(struct bbgen_net *bn, u32 id)
{
	lockdep_assert_held(&bbgen_lock);
	return xa_load(&bn->triggers, id);
}

static bool match_taken(struct bbgen_port *port, const struct bbgen_match *m)
{
	struct bbgen_trigger *t;

	list_for_each_entry(t, &port->triggers, port_node)
		if (!memcmp(&t->match, m, sizeof(*m)))
			return true;
	return false;
}

static int trigger_insert(struct bbgen_net *bn, struct bbgen_trigger *t,
			  u32 want, struct netlink_ext_ack *extack)
{
	int err;

	if (want) {
		t->id = want;
		err = xa_insert(&bn->triggers, want, t, GFP_KERNEL);
		if (err == -EBUSY)
			NL_SET_ERR_MSG(extack, "trigger id already exists");
		return err;
	}
	err = xa_alloc_cyclic(&bn->triggers, &t->id, t,
			      XA_LIMIT(1, BBGEN_ID_MAX), &bn->next_trigger_id,
			      GFP_KERNEL);
	if (err == -EBUSY)
		NL_SET_ERR_MSG(extack, "no free trigger id");
	return err < 0 ? err : 0;
}

static void trigger_free(struct bbgen_trigger *t)
{
	bbgen_snaps_free(&t->snaps);
	vfree(t->lat.hist);
	kfree(t->loss);
	kfree(t);
}

static void trigger_free_rcu(struct rcu_head *head)
{
	trigger_free(container_of(head, struct bbgen_trigger, rcu));
}

/* A trigger with its analysers, not yet visible anywhere. */
static struct bbgen_trigger *trigger_new(const struct bbgen_trigger_cfg *cfg)
{
	struct bbgen_hist *hist = NULL;
	struct bbgen_trigger *t;

	t = kzalloc(sizeof(*t), GFP_KERNEL);
	if (!t)
		return NULL;
	t->loss = kzalloc(sizeof(*t->loss), GFP_KERNEL);
	/*
	 * 216 KiB: vmalloc, page by page. kmalloc would round it up to an
	 * order-6 block (256 KiB) that a fragmented machine may not have.
	 */
	if (cfg->latency)
		hist = vzalloc(sizeof(*hist));
	if (!t->loss || (cfg->latency && !hist)) {
		vfree(hist);
		trigger_free(t);
		return NULL;
	}
	t->match = cfg->match;
	t->latency = cfg->latency;
	t->rtp = cfg->rtp;
	spin_lock_init(&t->lock);
	bbgen_seq_init(&t->seq);
	bbgen_loss_init(t->loss);
	bbgen_lat_init(&t->lat, hist, cfg->range_min_ns, cfg->range_max_ns);
	bbgen_snaps_init(&t->snaps, (u64)cfg->interval_ms * NSEC_PER_MSEC);
	return t;
}

int bbgen_trigger_add(struct bbgen_net *bn, struct bbgen_port *port,
		      u32 want_id, u32 owner, const struct bbgen_trigger_cfg *cfg,
		      u32 *id, struct netlink_ext_ack *extack)
{
	struct bbgen_trigger *t;
	int err;

	lockdep_assert_held(&bbgen_lock);
	if (match_taken(port, &cfg->match)) {
		NL_SET_ERR_MSG(extack,
			       "a trigger with the same match exists on this port");
		return -EEXIST;
	}
	t = trigger_new(cfg);
	if (!t)
		return -ENOMEM;
	t->owner = owner;
	t->port = port;
	err = trigger_insert(bn, t, want_id, extack);
	if (err) {
		trigger_free(t);
		return err;
	}
	list_add_tail(&t->port_node, &port->triggers);
	port->n_triggers++;
	if (owner)
		bn->owned++;
	hlist_add_head_rcu(&t->hash_node, trigger_bucket(port, cfg->match.dport));
	bbgen_net_changed(bn);
	*id = t->id;
	return 0;
}

void bbgen_trigger_del(struct bbgen_trigger *t)
{
	struct bbgen_port *port = t->port;
	struct bbgen_net *bn = port->bn;

	lockdep_assert_held(&bbgen_lock);
	hlist_del_rcu(&t->hash_node);
	list_del(&t->port_node);
	port->n_triggers--;
	xa_erase(&bn->triggers, t->id);
	if (t->owner)
		bn->owned--;
	bbgen_net_changed(bn);
	/* the RX path may still be in it: free after a grace period */
	call_rcu(&t->rcu, trigger_free_rcu);
}

void bbgen_trigger_read(struct bbgen_trigger *t,
			struct bbgen_trigger_stats *st)
{
	spin_lock_bh(&t->lock);
	st->rx_frames = t->seq.rx_frames;
	st->rx_bytes = t->rx_bytes;
	st->highest_seq = t->seq.highest;
	st->lost = t->seq.lost;
	st->out_of_sequence = t->seq.out_of_sequence;
	st->duplicates = t->seq.duplicates;
	st->first_rx_ns = t->first_rx_ns;
	st->last_rx_ns = t->last_rx_ns;
	st->loss_events_total = t->loss->total;
	st->history_dropped = t->snaps.dropped;
	st->rtp_seq_errors = t->rtp_rx.errors;
	/* the percentiles walk the used part of the histogram: microseconds */
	if (t->latency)
		bbgen_lat_summary(&t->lat, &st->lat);
	spin_unlock_bh(&t->lock);
}

void bbgen_trigger_close_due(struct bbgen_trigger *t)
{
	u64 before = t->snaps.next;

	lockdep_assert_held(&t->lock);
	bbgen_snaps_close_due(&t->snaps, ktime_get_clocktai_ns(), GFP_ATOMIC);
	announce_closed(t, before);
}
