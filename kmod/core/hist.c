// SPDX-License-Identifier: GPL-2.0
/*
 * Log-linear histogram: bucket bounds and nearest-rank percentiles (hist.h).
 */
#include <linux/bitops.h>
#include <linux/math64.h>
#include <linux/string.h>

#include "hist.h"

#define PPM	1000000U

/* Width of bucket @idx: 1 in the linear part, 2^shift in octave shift. */
static unsigned int bucket_shift(u32 idx)
{
	if (idx < BBGEN_HIST_SUB)
		return 0;
	return (idx - BBGEN_HIST_SUB) / BBGEN_HIST_HALF + 1;
}

u64 bbgen_hist_lowest(u32 idx)
{
	unsigned int shift = bucket_shift(idx);
	u64 sub;

	if (!shift)
		return idx;
	sub = BBGEN_HIST_HALF + (idx - BBGEN_HIST_SUB) % BBGEN_HIST_HALF;
	return sub << shift;
}

u64 bbgen_hist_upper(u32 idx)
{
	return bbgen_hist_lowest(idx) + (1ULL << bucket_shift(idx)) - 1;
}

u64 bbgen_hist_mid(u32 idx)
{
	unsigned int shift = bucket_shift(idx);

	return bbgen_hist_lowest(idx) + (shift ? 1ULL << (shift - 1) : 0);
}

void bbgen_hist_init(struct bbgen_hist *h)
{
	memset(h, 0, sizeof(*h));
}

/* ceil(total * ppm / 1e6) without overflow: total - floor(total * (1 - p)) */
static u64 rank_of(u64 total, u32 ppm)
{
	u64 r = total - mul_u64_u64_div_u64(total, PPM - ppm, PPM);

	return r ?: 1;
}

void bbgen_hist_percentiles(const struct bbgen_hist *h, const u32 *ppm,
			    u64 *out, unsigned int n)
{
	unsigned int i = 0;
	u64 seen = 0;
	u32 idx;

	if (!h->total) {
		memset(out, 0, n * sizeof(*out));
		return;
	}
	for (idx = h->lo_idx; idx <= h->hi_idx && i < n; idx++) {
		seen += h->counts[idx];
		while (i < n && seen >= rank_of(h->total, ppm[i]))
			out[i++] = bbgen_hist_mid(idx);
	}
	/* only reached if ppm was not ascending or above 1e6 */
	while (i < n)
		out[i++] = bbgen_hist_mid(h->hi_idx);
}
