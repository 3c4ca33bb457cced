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

#include <linux/compiler.h>
#include <linux/minmax.h>
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
/*
 * Record one frame; returns false if its latency was invalid. Inline, as
 * it runs for every frame received.
 */
static inline bool bbgen_lat_add(struct bbgen_lat *l, u64 rx_ns, u64 tx_ns)
{
	u64 lat, ad;
	s64 d;

	if (unlikely(rx_ns < tx_ns || rx_ns - tx_ns > BBGEN_HIST_MAX_NS)) {
		l->invalid++;
		return false;
	}
	lat = rx_ns - tx_ns;
	if (likely(l->count)) {
		/*
		 * RFC 3550 A.8: J16 += |D| - ((J16 + 8) >> 4). The result is
		 * never negative, so the u64 arithmetic wrapping in between
		 * is harmless.
		 */
		d = lat - l->last;
		ad = d < 0 ? -d : d;
		l->jitter16 += ad - ((l->jitter16 + 8) >> 4);
	}
	/*
	 * Conditional moves and flag adds rather than branches (range_min <=
	 * range_max, so at most one of below/above counts the frame).
	 */
	l->min = l->count ? min(l->min, lat) : lat;
	l->max = max(l->max, lat);
	l->last = lat;
	l->sum += lat;
	l->count++;
	l->below += lat < l->range_min;
	l->above += lat > l->range_max;
	if (l->hist)
		bbgen_hist_add(l->hist, lat);
	return true;
}

void bbgen_lat_summary(const struct bbgen_lat *l, struct bbgen_lat_summary *s);

#endif /* _BBGEN_CORE_LATENCY_H */
