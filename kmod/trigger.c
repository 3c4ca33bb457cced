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
 * The sequence tag is the last 8 bytes of the UDP payload, found with the
 * UDP length (not skb->len, which includes any Ethernet padding). IPv6
 * frames must carry UDP as the first next header; IPv4 fragments pass.
 */
#include <linux/bbgen.h>
#include <linux/hash.h>
#include <linux/if_vlan.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/slab.h>
#include <linux/udp.h>
#include <net/ip.h>
#include <net/ipv6.h>

#include "core/tag.h"
#include "trigger.h"

#define MAX_VLAN_TAGS	2

struct rx_frame {
	u8 family;
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

	for (tags = 0; eth_type_vlan(proto); tags++) {
		struct vlan_hdr _vh;
		const struct vlan_hdr *vh;

		if (tags == MAX_VLAN_TAGS)
			return -EINVAL;
		vh = skb_header_pointer(skb, off, sizeof(_vh), &_vh);
		if (!vh)
			return -EINVAL;
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

static struct bbgen_trigger *rx_lookup(struct bbgen_port *port,
				       const struct udphdr *uh,
				       const struct rx_frame *f)
{
	struct bbgen_trigger *t;

	hlist_for_each_entry_rcu(t, trigger_bucket(port, uh->dest), hash_node) {
		const struct bbgen_match *m = &t->match;

		if (m->dport == uh->dest &&
		    (!m->sport || m->sport == uh->source) &&
		    addr_match(m->src_family, &m->src, f, &f->src) &&
		    addr_match(m->dst_family, &m->dst, f, &f->dst))
			return t;
	}
	return NULL;
}

static void rx_count(struct bbgen_trigger *t, struct sk_buff *skb, u64 seq)
{
	unsigned int len = skb->len + ETH_HLEN;
	u64 now = ktime_get_clocktai_ns();

	if (skb_vlan_tag_present(skb))
		len += VLAN_HLEN;
	spin_lock(&t->lock);
	bbgen_seq_update(&t->seq, seq);
	if (t->seq.rx_frames == 1)
		t->first_rx_ns = now;
	t->last_rx_ns = now;
	t->rx_bytes += len;
	spin_unlock(&t->lock);
}

rx_handler_result_t bbgen_trigger_rx(struct sk_buff **pskb)
{
	struct sk_buff *skb = *pskb;
	struct bbgen_port *port = rcu_dereference(skb->dev->rx_handler_data);
	u8 _tag[BBGEN_SEQ_TAG_LEN];
	struct udphdr _uh;
	const struct udphdr *uh;
	const u8 *tag;
	struct bbgen_trigger *t;
	struct rx_frame f;
	unsigned int ulen;

	if (!port || skb->pkt_type == PACKET_LOOPBACK || skb_is_gso(skb) ||
	    rx_parse_ip(skb, &f))
		return RX_HANDLER_PASS;
	uh = skb_header_pointer(skb, f.udp_off, sizeof(_uh), &_uh);
	if (!uh)
		return RX_HANDLER_PASS;
	t = rx_lookup(port, uh, &f);
	if (!t)
		return RX_HANDLER_PASS;
	ulen = ntohs(uh->len);
	if (ulen < sizeof(*uh) + BBGEN_SEQ_TAG_LEN || f.udp_off + ulen > f.ip_end)
		return RX_HANDLER_PASS;
	tag = skb_header_pointer(skb, f.udp_off + ulen - BBGEN_SEQ_TAG_LEN,
				 sizeof(_tag), _tag);
	if (!tag)
		return RX_HANDLER_PASS;
	rx_count(t, skb, bbgen_tag_read_seq(tag));
	consume_skb(skb);
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

int bbgen_trigger_add(struct bbgen_net *bn, struct bbgen_port *port,
		      u32 want_id, u32 owner, const struct bbgen_match *m,
		      u32 *id, struct netlink_ext_ack *extack)
{
	struct bbgen_trigger *t;
	int err;

	lockdep_assert_held(&bbgen_lock);
	if (match_taken(port, m)) {
		NL_SET_ERR_MSG(extack,
			       "a trigger with the same match exists on this port");
		return -EEXIST;
	}
	t = kzalloc(sizeof(*t), GFP_KERNEL);
	if (!t)
		return -ENOMEM;
	t->match = *m;
	t->owner = owner;
	t->port = port;
	spin_lock_init(&t->lock);
	bbgen_seq_init(&t->seq);
	err = trigger_insert(bn, t, want_id, extack);
	if (err) {
		kfree(t);
		return err;
	}
	list_add_tail(&t->port_node, &port->triggers);
	port->n_triggers++;
	if (owner)
		bn->owned++;
	hlist_add_head_rcu(&t->hash_node, trigger_bucket(port, m->dport));
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
	kfree_rcu(t, rcu);
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
	spin_unlock_bh(&t->lock);
}
