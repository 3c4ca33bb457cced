/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * A bbgen trigger: the TRIGGER_ADD request built one way for bbctl and
 * bbd, and TRIGGER_GET replies (do and dump) decoded once into a struct
 * with its counters, latency statistics and loss events. Each optional
 * attribute has a presence bit, so a printer tells "absent" from 0.
 * Attributes: include/uapi/linux/bbgen.h.
 */
#ifndef BB_GEN_TRIGGER_H
#define BB_GEN_TRIGGER_H

#include <net/if.h>
#include <stdbool.h>
#include <stdint.h>

#include <linux/bbgen.h>

#include "addr.h"
#include "genl.h"

/* Everything TRIGGER_ADD sends; zero and AF_UNSPEC fields are left out
 * (wildcards, or the kernel's default). */
struct bb_gen_trigger_add {
	uint32_t ifindex;
	uint32_t id;			/* 0: the kernel chooses */
	struct bb_ip src, dst;
	uint16_t sport, dport;
	uint16_t vlan_id;		/* 0: any */
	bool latency;
	bool has_range;
	uint64_t range_min_ns, range_max_ns;
	uint32_t interval_ms;		/* 0: the kernel's default */
	bool rtp;			/* check the RTP sequence */
	bool socket_owner;		/* freed when the socket closes */
};

/* The LATENCY_STATS nest. */
struct bb_gen_latency {
	struct {
		unsigned int count:1;
		unsigned int min_ns:1;
		unsigned int avg_ns:1;
		unsigned int max_ns:1;
		unsigned int jitter_ns:1;
		unsigned int p50_ns:1;
		unsigned int p90_ns:1;
		unsigned int p99_ns:1;
		unsigned int p999_ns:1;
		unsigned int p9999_ns:1;
		unsigned int below_range:1;
		unsigned int above_range:1;
		unsigned int invalid:1;
	} present;
	uint64_t count, min_ns, avg_ns, max_ns, jitter_ns;
	uint64_t p50_ns, p90_ns, p99_ns, p999_ns, p9999_ns;
	uint64_t below_range, above_range, invalid;
};

/* One LOSS_EVENT nest: a gap as detected. */
struct bb_gen_loss_event {
	struct {
		unsigned int first_seq:1;
		unsigned int count:1;
		unsigned int rx_ns:1;
	} present;
	uint64_t first_seq, count, rx_ns;
};

struct bb_gen_trigger {
	struct {
		unsigned int id:1;
		unsigned int ifindex:1;
		unsigned int dev:1;
		unsigned int udp_dport:1;
		unsigned int udp_sport:1;
		unsigned int vlan_id:1;
		unsigned int interval_ms:1;
		unsigned int rx_frames:1;
		unsigned int rx_bytes:1;
		unsigned int highest_seq:1;
		unsigned int lost:1;
		unsigned int out_of_sequence:1;
		unsigned int duplicates:1;
		unsigned int first_rx_ns:1;
		unsigned int last_rx_ns:1;
		unsigned int loss_events_total:1;
		unsigned int history_dropped:1;
		unsigned int range_min_ns:1;
		unsigned int range_max_ns:1;
		unsigned int latency_stats:1;
		unsigned int rtp_seq_errors:1;
	} present;
	uint32_t id, ifindex;
	char dev[IF_NAMESIZE];
	uint16_t udp_dport, udp_sport;
	struct bb_ip src, dst;		/* family AF_UNSPEC: absent */
	uint16_t vlan_id;
	uint32_t interval_ms;
	uint64_t rx_frames, rx_bytes, highest_seq;
	uint64_t lost, out_of_sequence, duplicates;
	uint64_t first_rx_ns, last_rx_ns;
	uint64_t loss_events_total, history_dropped;
	bool latency, rtp;		/* flags: absent is false */
	uint64_t range_min_ns, range_max_ns;
	struct bb_gen_latency latency_stats;
	uint64_t rtp_seq_errors;
	/* the first BBGEN_LOSS_EVENTS_MAX nests, oldest first; malformed
	 * nests are skipped */
	unsigned int n_loss_events;
	struct bb_gen_loss_event loss_events[BBGEN_LOSS_EVENTS_MAX];
};

/* Always fills t (cleared first); -EPROTO if the reply has no ID. */
int bb_gen_trigger_decode(const struct bb_reply *r, struct bb_gen_trigger *t);
/* TRIGGER_GET of trigger id, or a dump of all when id is 0. */
struct nl_msg *bb_gen_trigger_get_msg(struct bb_genl *g, uint32_t id);
/* TRIGGER_ADD; NULL if out of memory. */
struct nl_msg *bb_gen_trigger_add_msg(struct bb_genl *g,
				      const struct bb_gen_trigger_add *t);

#endif
