/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Triggers: RX classifiers on a port. A trigger matches UDP frames by
 * destination port and optionally source port, source/destination address
 * and outer VLAN id, counts them, and tracks their sequence tags
 * (core/seq.h), loss events (core/loss.h), results over time
 * (core/snap.h) and, with latency on, their time tags (core/latency.h).
 */
#ifndef _BBGEN_TRIGGER_H
#define _BBGEN_TRIGGER_H

#include <linux/in6.h>
#include <linux/list.h>
#include <linux/netdevice.h>
#include <linux/spinlock.h>

#include "core/latency.h"
#include "core/loss.h"
#include "core/rtp.h"
#include "core/seq.h"
#include "core/snap.h"
#include "netns.h"
#include "port.h"

union bbgen_addr {
	__be32 v4;
	struct in6_addr v6;
};

struct bbgen_match {
	__be16 dport;
	__be16 sport;		/* 0: any */
	u8 src_family;		/* 0: any, AF_INET, AF_INET6 */
	u8 dst_family;
	u16 vlan_id;		/* outer VLAN id, 0: any (tagged or not) */
	union bbgen_addr src;
	union bbgen_addr dst;
};

struct bbgen_trigger {
	u32 id;
	u32 owner;		/* netlink portid, 0: no owner */
	struct bbgen_port *port;
	struct list_head port_node;
	struct hlist_node hash_node;	/* port->trigger_hash, RCU */
	struct bbgen_match match;
	struct rcu_head rcu;

	bool latency;		/* frames carry the 16-byte time tag */
	bool rtp;		/* and an RTP header first in the payload */

	spinlock_t lock;	/* the counters below; taken in softirq */
	u64 rx_bytes;
	u64 first_rx_ns;	/* CLOCK_TAI */
	u64 last_rx_ns;
	struct bbgen_seq seq;
	struct bbgen_lat lat;	/* lat.hist allocated only with latency */
	struct bbgen_snaps snaps;
	struct bbgen_loss *loss;
	struct bbgen_rtp_rx rtp_rx;
};

/* What a trigger is made of (TRIGGER_ADD). */
struct bbgen_trigger_cfg {
	struct bbgen_match match;
	bool latency;
	bool rtp;
	u64 range_min_ns, range_max_ns;
	u32 interval_ms;
};

struct bbgen_trigger_stats {
	u64 rx_frames, rx_bytes, highest_seq, lost, out_of_sequence;
	u64 duplicates, first_rx_ns, last_rx_ns;
	u64 loss_events_total, history_dropped;
	u64 rtp_seq_errors;		/* with rtp on */
	struct bbgen_lat_summary lat;	/* with latency on */
};

/* Under bbgen_lock. */
int bbgen_trigger_add(struct bbgen_net *bn, struct bbgen_port *port,
		      u32 want_id, u32 owner, const struct bbgen_trigger_cfg *cfg,
		      u32 *id, struct netlink_ext_ack *extack);
void bbgen_trigger_del(struct bbgen_trigger *t);
struct bbgen_trigger *bbgen_trigger_find(struct bbgen_net *bn, u32 id);

void bbgen_trigger_read(struct bbgen_trigger *t,
			struct bbgen_trigger_stats *st);

/*
 * Close the open snapshot if its interval is over; the caller holds
 * t->lock and drains t->snaps.
 */
void bbgen_trigger_close_due(struct bbgen_trigger *t);

/* The rx_handler of every port's device (its data is the port). */
rx_handler_result_t bbgen_trigger_rx(struct sk_buff **pskb);

#endif /* _BBGEN_TRIGGER_H */
