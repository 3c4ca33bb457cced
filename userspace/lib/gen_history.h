/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * A trigger's results over time and its latency histogram: the
 * TRIGGER_HISTORY and TRIGGER_HISTOGRAM dumps, and the TRIGGER_SNAPSHOT
 * notification (an ID and one SNAPSHOT, decoded as a history reply). A
 * reply holds as many items as fit: the decoders hand them over one by
 * one, each decoded into a struct. Attributes: include/uapi/linux/bbgen.h.
 */
#ifndef BB_GEN_HISTORY_H
#define BB_GEN_HISTORY_H

#include <stdbool.h>
#include <stdint.h>

#include "genl.h"

/* One SNAPSHOT nest: an interval's counters. */
struct bb_gen_snapshot {
	struct {
		unsigned int index:1;
		unsigned int start_ns:1;
		unsigned int frames:1;
		unsigned int bytes:1;
		unsigned int lost:1;
		unsigned int out_of_sequence:1;
		unsigned int latency_count:1;
		unsigned int latency_min_ns:1;
		unsigned int latency_avg_ns:1;
		unsigned int latency_max_ns:1;
		unsigned int jitter_ns:1;
	} present;
	uint64_t index;			/* 0, 1, ... as stored */
	uint64_t start_ns, frames, bytes, lost, out_of_sequence;
	uint64_t latency_count;		/* the latency fields once > 0 */
	uint64_t latency_min_ns, latency_avg_ns, latency_max_ns, jitter_ns;
};

/* One BUCKET nest of the histogram. */
struct bb_gen_bucket {
	struct {
		unsigned int upper_ns:1;
		unsigned int count:1;
	} present;
	uint64_t upper_ns, count;
};

/* What a history or histogram reply says besides its items. */
struct bb_gen_history {
	struct {
		unsigned int id:1;
		unsigned int history_dropped:1;
	} present;
	uint32_t id;
	uint64_t history_dropped;	/* this message's, from the cursor */
};

typedef void (*bb_gen_snapshot_cb)(const struct bb_gen_snapshot *s,
				   void *arg);
typedef void (*bb_gen_bucket_cb)(const struct bb_gen_bucket *b, void *arg);

/* A SNAPSHOT nest: -EPROTO (s cleared) if it does not parse. */
int bb_gen_snapshot_decode(const struct nlattr *nest,
			   struct bb_gen_snapshot *s);
/*
 * A history reply or snapshot notification: h (if not NULL) gets its
 * header, then cb each SNAPSHOT nest that parses, in order. -EPROTO if
 * the reply has no ID (the items are still given).
 */
int bb_gen_history_decode(const struct bb_reply *r, struct bb_gen_history *h,
			  bb_gen_snapshot_cb cb, void *arg);
/* A histogram reply: the same with its BUCKET nests. */
int bb_gen_histogram_decode(const struct bb_reply *r,
			    struct bb_gen_history *h,
			    bb_gen_bucket_cb cb, void *arg);

/* A TRIGGER_SNAPSHOT notification: h gets its ID, s its one SNAPSHOT.
 * 0, or -ENOMSG (s cleared) if it carries no snapshot that parses. */
int bb_gen_snapshot_ntf_decode(const struct bb_reply *r,
			       struct bb_gen_history *h,
			       struct bb_gen_snapshot *s);

/* TRIGGER_HISTORY of trigger id from snapshot index from on. */
struct nl_msg *bb_gen_history_msg(struct bb_genl *g, uint32_t id,
				  uint64_t from);
/* TRIGGER_HISTOGRAM of trigger id. */
struct nl_msg *bb_gen_histogram_msg(struct bb_genl *g, uint32_t id);

#endif
