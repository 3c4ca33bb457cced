/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The TX times a stream's latency tags carry when its frames go in bursts:
 * pure logic, no netdev dependency.
 *
 * The TX engine reads the clock before frame 0 of a burst, again before
 * every BBGEN_TXTIME_GROUP-th frame, and once after the last. Each frame
 * carries the latest read before it: a group's first frame its own exact
 * TX time, the others that time, earlier than their own. So a TX time is
 * never later than when its frame was handed to the driver (a receiver on
 * the same clock never sees a negative latency), and a frame of a group of
 * two or more is early by at most the span from its group's read to the
 * next read. @err_ns keeps the largest such span of the stream: 0 as long
 * as every frame went alone (groups of one).
 *
 * Why not one read a burst and a time reckoned per frame from the rate the
 * stream has shown: a burst faster than any before it then stamps its
 * later frames past their handover (seen as negative latencies in a VM
 * test on 6.1); a lower bound of a frame's time that always holds does not
 * exist, a read every few frames does.
 */
#ifndef _BBGEN_CORE_TXTIME_H
#define _BBGEN_CORE_TXTIME_H

#include <linux/types.h>

/*
 * Frames that share one clock read. 16 rather than 8: under qemu TCG a
 * read costs about a frame's whole xmit, and 8 cost 4 % of flat-out TX
 * (bench/tx-ab, Documentation/performance.md); the bound doubles to the
 * span of 16 frames (about 1 us on hardware, 4 us under TCG).
 */
#define BBGEN_TXTIME_GROUP	16

struct bbgen_txtime {
	u64 err_ns;	/* bound on any TX time's error so far */
};

/*
 * A group of @frames frames stamped @t_read, the next read @t_next (>=
 * t_read): returns true if the stream's bound grew.
 */
bool bbgen_txtime_group(struct bbgen_txtime *t, unsigned int frames,
			u64 t_read, u64 t_next);

/*
 * The largest span of a loop's groups of two or more frames, each from its
 * read to the next, taken as one: returns true if the bound grew.
 */
bool bbgen_txtime_span(struct bbgen_txtime *t, u64 span_ns);

#endif /* _BBGEN_CORE_TXTIME_H */
