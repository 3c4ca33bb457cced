/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Log-linear latency histogram (HdrHistogram's layout, integer math only):
 * pure logic, no netdev dependency.
 *
 * Values 0 .. BBGEN_HIST_SUB - 1 ns each have a bucket of their own. Above
 * that, every power of two [2^m, 2^(m+1)) (m >= 11) is cut into
 * BBGEN_HIST_SUB / 2 = 1024 buckets of width 2^(m-10). A bucket's width is
 * therefore at most 1/1024 of its lowest value:
 *   - its highest value ("upper") is above any value in it by less than
 *     1/1024 = 0.098% of that value;
 *   - its middle value ("mid", lowest + width / 2) is off by at most 1/2048.
 * Percentiles report the mid value (error <= 0.049%); the bucket dump
 * reports the upper value, which is what a CDF needs ("count of values
 * <= x" is then exact at every x it lists).
 *
 * The histogram covers 0 .. BBGEN_HIST_MAX_NS (60 s): 27648 u64 counters,
 * 216 KiB, so a trigger allocates one only when latency is on.
 */
#ifndef _BBGEN_CORE_HIST_H
#define _BBGEN_CORE_HIST_H

#include <linux/bitops.h>
#include <linux/minmax.h>
#include <linux/types.h>

#define BBGEN_HIST_SUB_BITS	11
#define BBGEN_HIST_SUB		BIT(BBGEN_HIST_SUB_BITS)	/* 2048 */
#define BBGEN_HIST_HALF		(BBGEN_HIST_SUB / 2)
#define BBGEN_HIST_MAX_NS	60000000000ULL	/* 60 s < 2^36 */
/* highest bit of 60 s is bit 35: octaves 11..35 above the linear part */
#define BBGEN_HIST_OCTAVES	(36 - BBGEN_HIST_SUB_BITS)
#define BBGEN_HIST_BUCKETS	(BBGEN_HIST_SUB + BBGEN_HIST_OCTAVES * BBGEN_HIST_HALF)

struct bbgen_hist {
	u64 total;
	u32 lo_idx, hi_idx;	/* lowest and highest bucket used */
	u64 counts[BBGEN_HIST_BUCKETS];
};

/* Bucket of @v; @v must be <= BBGEN_HIST_MAX_NS. */
static inline u32 bbgen_hist_index(u64 v)
{
	unsigned int shift;

	if (v < BBGEN_HIST_SUB)
		return v;
	/* v >> shift lands in [1024, 2047]: the bucket within the octave */
	shift = fls64(v) - BBGEN_HIST_SUB_BITS;
	return BBGEN_HIST_SUB + (shift - 1) * BBGEN_HIST_HALF +
	       (u32)(v >> shift) - BBGEN_HIST_HALF;
}

u64 bbgen_hist_lowest(u32 idx);
u64 bbgen_hist_upper(u32 idx);
u64 bbgen_hist_mid(u32 idx);

void bbgen_hist_init(struct bbgen_hist *h);

/* Count @v (<= BBGEN_HIST_MAX_NS); inline, as it runs for every frame. */
static inline void bbgen_hist_add(struct bbgen_hist *h, u64 v)
{
	u32 idx = bbgen_hist_index(v);

	/* conditional moves, not branches */
	h->lo_idx = h->total ? min(h->lo_idx, idx) : idx;
	h->hi_idx = max(h->hi_idx, idx);
	h->counts[idx]++;
	h->total++;
}

/*
 * Percentiles in parts per million (e.g. 999900 for P99.99), ascending:
 * out[i] = mid value of the bucket holding the ceil(total * ppm[i] / 1e6)-th
 * smallest value (the nearest-rank definition). 0 when the histogram is
 * empty.
 */
void bbgen_hist_percentiles(const struct bbgen_hist *h, const u32 *ppm,
			    u64 *out, unsigned int n);

#endif /* _BBGEN_CORE_HIST_H */
