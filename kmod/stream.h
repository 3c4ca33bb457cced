/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Streams: one frame template sent COUNT times, one frame every INTERVAL_NS,
 * each frame carrying the next sequence number (0, 1, ...) in its tag.
 *
 * States: IDLE -> RUNNING -> DONE (COUNT frames sent) or STOPPED (stop op).
 * Starting a DONE or STOPPED stream restarts it from sequence number 0 with
 * its counters reset; starting a RUNNING one is refused. Stopping a stream
 * that does not run changes nothing and succeeds.
 */
#ifndef _BBGEN_STREAM_H
#define _BBGEN_STREAM_H

#include <linux/list.h>
#include <linux/netlink.h>
#include <linux/types.h>
#include <linux/u64_stats_sync.h>

#include "netns.h"
#include "port.h"

struct bbgen_tx_worker;

struct bbgen_stream_cfg {
	u32 id;			/* 0: allocate one */
	u32 owner;		/* netlink portid, 0: no owner */
	const u8 *tmpl;
	u32 len;
	u64 interval_ns;
	u64 count;
	u32 seq_offset;
	bool seq_offset_set;
	u32 xmit_mode;		/* enum bbgen_xmit_mode */
};

struct bbgen_stream {
	u32 id;
	u32 owner;
	struct bbgen_port *port;
	struct list_head port_node;

	/* fixed from add to del */
	u8 *tmpl;
	u32 len;
	u32 seq_offset;
	u16 tag_sum;		/* one's-complement sum of the template's tag area */
	__be16 protocol;	/* the template's outer Ethertype */
	u32 l3_offset;
	u64 interval_ns;
	u64 count;
	u32 xmit_mode;

	/* scheduling, under the worker's lock while it runs (tx.c) */
	struct bbgen_tx_worker *worker;
	struct list_head tx_node;
	u64 start_ns;		/* CLOCK_MONOTONIC time due for frame 0 */
	u64 retry_ns;		/* after a refusal: not before this */
	u64 due_ns;		/* when the next frame is due */
	u32 state;		/* enum bbgen_stream_state, READ_ONCE to read */

	/* counters, written by the worker only */
	struct u64_stats_sync syncp;
	u64 tx_frames;		/* also the next sequence number */
	u64 tx_bytes;
	u64 tx_busy;
	u64 first_tx_ns;	/* CLOCK_TAI */
	u64 last_tx_ns;
};

struct bbgen_stream_stats {
	u64 tx_frames, tx_bytes, tx_busy, first_tx_ns, last_tx_ns;
};

/* All under bbgen_lock. */
int bbgen_stream_add(struct bbgen_net *bn, struct bbgen_port *port,
		     const struct bbgen_stream_cfg *cfg, u32 *id,
		     struct netlink_ext_ack *extack);
void bbgen_stream_del(struct bbgen_stream *s);
int bbgen_stream_start(struct bbgen_stream *s, struct netlink_ext_ack *extack);
void bbgen_stream_stop(struct bbgen_stream *s);
struct bbgen_stream *bbgen_stream_find(struct bbgen_net *bn, u32 id);

/* Any context the stream is alive in. */
void bbgen_stream_read(struct bbgen_stream *s, struct bbgen_stream_stats *st);

#endif /* _BBGEN_STREAM_H */
