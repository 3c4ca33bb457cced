/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The TX times a stream's latency tags carry when its frames go in bursts:
 * pure logic, no netdev dependency.
 *
 * The TX engine reads the clock twice a burst: before frame 0 (t0) and
 * after frame n - 1 (end). Frame 0 carries t0, exactly the time it was
 * handed to the driver; frame i carries t0 + i * step, where step is the
 * shortest time per frame of the stream's earlier bursts of two or more
 * frames ((end - t0) / n), 0 before the first. Frame i was handed over
 * somewhere between t0 and end, so its TX time is off by at most
 *     max(end - t0, (n - 1) * step)
 * and @err_ns keeps the largest such bound of the stream's bursts: 0 as
 * long as every frame went alone. The shortest step rather than the last
 * keeps a burst slowed by an interrupt from pushing later TX times past
 * the instants their frames left (a latency below the true one, or even
 * negative at a receiver on the same clock).
 */
#ifndef _BBGEN_CORE_TXTIME_H
#define _BBGEN_CORE_TXTIME_H

#include <linux/types.h>

struct bbgen_txtime {
	u64 step_ns;	/* shortest time per frame of a burst; 0: none yet */
	u64 err_ns;	/* bound on any TX time's error so far */
};

/*
 * The TX time of frame @i of a burst whose frame 0 went at @t0. Inline: it
 * runs for every frame sent.
 */
static inline u64 bbgen_txtime_at(const struct bbgen_txtime *t, u64 t0,
				  unsigned int i)
{
	return t0 + (u64)i * t->step_ns;
}

/*
 * After a burst of @n frames whose clock reads were @t0 and @end (end >=
 * t0): the bound and the step for the next. Returns true if err_ns grew.
 */
bool bbgen_txtime_burst(struct bbgen_txtime *t, unsigned int n, u64 t0,
			u64 end);

#endif /* _BBGEN_CORE_TXTIME_H */
