/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Latency statistics of one flow: pure logic, no netdev dependency.
 *
 * Each frame gives a latency = RX time - TX time (ns, signed). A latency
 * that is negative or above BBGEN_HIST_MAX_NS (60 s) is implausible (clocks
 * out of step, a stale or corrupt tag): it is counted in @invalid and kept
 * out of every other statistic, the jitter estimator included. Every valid
 * latency feeds:
 *   min / max / sum (avg = sum / count), exact;
 *   the RFC 3550 interarrival jitter: with D the difference between the
 *     latencies (transit times) of two consecutive valid frames in arrival
 *     order, J += (|D| - J) / 16. J is kept scaled by 16 so the division is
 *     exact in integers: J16 += |D| - round(J16 / 16); reported J16 / 16;
 *   the histogram (hist.h), from which percentiles come;
 *   @below / @above: latencies under range_min or over range_max, the
 *     reporting range. The range only sorts frames into these counters;
 *     the statistics above use every valid frame whatever the range.
 *
 * sum is a u64 of nanoseconds: it overflows after 584 years of summed
 * latency (e.g. 1.8e10 frames at 1 s each), far beyond any test.
 *
 * Not locked: the caller serialises updates and reads.
 */
#ifndef _BBGEN_CORE_LATENCY_H
#define _BBGEN_CORE_LATENCY_H

#include <linux/types.h>

#include "hist.h"

struct bbgen_lat {
	u64 count;		/* valid latencies */
	u64 min, max, sum;
	u64 jitter16;		/* RFC 3550 jitter, ns * 16 */
	s64 last;		/* latency of the previous valid frame */
	u64 range_min, range_max;
	u64 below, above, invalid;
	struct bbgen_hist *hist;	/* may be NULL: no histogram */
};

#define BBGEN_LAT_NPCT	5
/* P50, P90, P99, P99.9, P99.99 in parts per million */
extern const u32 bbgen_lat_pct_ppm[BBGEN_LAT_NPCT];

struct bbgen_lat_summary {
	u64 count, min, avg, max, jitter;
	u64 pct[BBGEN_LAT_NPCT];
	u64 below, above, invalid;
};

void bbgen_lat_init(struct bbgen_lat *l, struct bbgen_hist *hist,
		    u64 range_min, u64 range_max);
/* Record one frame; returns false if its latency was invalid. */
bool bbgen_lat_add(struct bbgen_lat *l, u64 rx_ns, u64 tx_ns);
void bbgen_lat_summary(const struct bbgen_lat *l, struct bbgen_lat_summary *s);

#endif /* _BBGEN_CORE_LATENCY_H */
