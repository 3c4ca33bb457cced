/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Streams: a list of frame templates sent at an exact fractional rate
 * (RATE_FRAMES frames every RATE_PERIOD_NS), for COUNT frames, for
 * DURATION_NS, or until stopped, each frame carrying the next sequence
 * number (0, 1, ...) in its tag, and with latency on its TX time too.
 *
 * The templates are sent in a cycle: in order, or as WEIGHTS expand
 * (core/imix.c), or as an explicit SEQUENCE of template indices.
 *
 * States: IDLE -> RUNNING -> DONE (count reached or duration over) or
 * STOPPED (stop op). Starting a DONE or STOPPED stream restarts it from
 * sequence number 0 with its counters reset; starting a RUNNING one is
 * refused. Stopping a stream that does not run changes nothing.
 */
#ifndef _BBGEN_STREAM_H
#define _BBGEN_STREAM_H

#include <linux/list.h>
#include <linux/netlink.h>
#include <linux/types.h>
#include <linux/u64_stats_sync.h>

#include "core/rate.h"
#include "core/rtp.h"
#include "core/txtime.h"
#include "netns.h"
#include "port.h"

struct bbgen_tx_worker;
struct sk_buff;

/* A template as the netlink request holds it. */
struct bbgen_tmpl_src {
	const struct nlattr *attr;	/* for error messages */
	const u8 *data;
	u32 len;
};

struct bbgen_stream_cfg {
	u32 id;			/* 0: allocate one */
	u32 owner;		/* netlink portid, 0: no owner */
	struct bbgen_tmpl_src *tmpls;
	u32 n_tmpls;
	struct bbgen_rate rate;
	u64 count;		/* 0: no limit */
	u64 duration_ns;	/* 0: no limit */
	u64 delay_ns;
	u32 seq_offset;
	bool seq_offset_set;
	bool latency;
	u32 rtp_offset;
	u32 rtp_samples;	/* 0: no RTP header to advance */
	u32 xmit_mode;		/* enum bbgen_xmit_mode */
	const u32 *weights;	/* n_tmpls of them, or NULL */
	u32 order;		/* enum bbgen_order */
	u32 seed;
	bool seed_set;
	const u16 *sequence;	/* or NULL */
	u32 sequence_len;
	u32 cpu;		/* its TX worker's, or BBGEN_CPU_ANY */
};

/* A stream's cpu when none was given and it never started. */
#define BBGEN_CPU_ANY	U32_MAX

/* A template as the TX engine uses it. */
struct bbgen_tmpl {
	u8 *data;
	u32 len;
	u32 tag_off;
	u32 l3_off;
	u16 tag_sum;		/* of the tag area (and the RTP fields) */
	__be16 protocol;	/* outer Ethertype */
	u32 rtp_off;		/* with the stream's rtp_samples only */
	bool rtp_odd;		/* RTP fields an odd distance from the tag */
	struct bbgen_rtp_base rtp;
};

#define BBGEN_TX_POOL	64

/* Where the TX engine takes a DIRECT-mode stream's frames from (tx.c). */
enum bbgen_frame_src {
	BBGEN_FRAMES_POOL,	/* its pool: the device takes shared skbs */
	BBGEN_FRAMES_CLONE,	/* clones of its pool's skbs: other devices */
	BBGEN_FRAMES_BUILT,	/* fresh, too big for a page: built first */
};

struct bbgen_stream {
	u32 id;
	u32 owner;
	struct bbgen_port *port;
	struct list_head port_node;

	/* fixed from add to del */
	struct bbgen_tmpl *tmpls;
	u32 n_tmpls;
	u32 max_len;
	u16 *cycle;		/* template index of each frame of a cycle */
	u32 cycle_len;
	u32 seq_offset;		/* as given, or of the first template */
	bool seq_offset_set;
	bool latency;
	u32 rtp_offset;
	u32 rtp_samples;	/* RTP timestamp step; 0: no RTP */
	bool weighted;		/* cycle from WEIGHTS: order and seed apply */
	u32 order;
	u32 seed;
	struct bbgen_rate rate;
	u64 count;
	u64 duration_ns;
	u64 delay_ns;
	u32 xmit_mode;
	u64 start_tai_ns;	/* the last start's instant; 0: never started */
	bool cpu_set;		/* cpu given: its worker sends every start */
	u32 cpu;		/* as given, or the last start's worker's */

	/* scheduling, under the worker's lock while it runs (tx.c) */
	struct bbgen_tx_worker *worker;
	struct list_head tx_node;
	u64 start_ns;		/* CLOCK_MONOTONIC time due for frame 0 */
	u64 end_ns;		/* duration over; U64_MAX: none */
	u64 limit;		/* frames to send; U64_MAX: until stopped */
	u64 retry_ns;		/* after a refusal: not before this */
	u64 due_ns;		/* when the next frame is due */
	u64 frame_ns_x1024;	/* fastest burst's time a frame; U64_MAX: none */
	u32 cycle_pos;		/* cycle position of the next frame */
	u32 state;		/* enum bbgen_stream_state, READ_ONCE to read */
	u32 start_mark;		/* multi-start: listed twice? (bbgen_lock) */

	/* skbs the driver gave back, reused (DIRECT mode, shared-skb devices) */
	struct sk_buff *pool[BBGEN_TX_POOL];
	u16 pool_tmpl[BBGEN_TX_POOL];
	u32 pool_cur;		/* the slot last used */
	u32 headroom;		/* of every skb: LL_RESERVED_SPACE at start */
	u32 frame_src;		/* enum bbgen_frame_src, set at start */

	/* counters, written by the worker only */
	struct u64_stats_sync syncp;
	u64 tx_frames;		/* also the next sequence number */
	u64 tx_bytes;
	u64 tx_busy;
	u64 first_tx_ns;	/* CLOCK_TAI */
	u64 last_tx_ns;
	struct bbgen_txtime txtime;	/* bound on burst frames' TX times */
};

struct bbgen_stream_stats {
	u64 tx_frames, tx_bytes, tx_busy, first_tx_ns, last_tx_ns;
	u64 tx_time_err_ns;
};

/* All under bbgen_lock. */
int bbgen_stream_add(struct bbgen_net *bn, struct bbgen_port *port,
		     const struct bbgen_stream_cfg *cfg, u32 *id,
		     struct netlink_ext_ack *extack);
void bbgen_stream_del(struct bbgen_stream *s);
/* Checked before: not RUNNING. @start_ns: CLOCK_MONOTONIC. */
void bbgen_stream_start(struct bbgen_stream *s, u64 start_ns, u64 start_tai_ns);
void bbgen_stream_stop(struct bbgen_stream *s);
struct bbgen_stream *bbgen_stream_find(struct bbgen_net *bn, u32 id);

/* Any context the stream is alive in. */
void bbgen_stream_read(struct bbgen_stream *s, struct bbgen_stream_stats *st);

#endif /* _BBGEN_STREAM_H */
