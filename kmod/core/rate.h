/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Exact fractional rates: FRAMES frames every PERIOD ns. Frame n of a
 * stream is due at start + floor(n * PERIOD / FRAMES), computed from n
 * alone (no accumulator), so the schedule never drifts: at any time t the
 * number of frames due is within one frame of t * FRAMES / PERIOD.
 * Pure arithmetic, no state; the 128-bit products go through
 * mul_u64_u64_div_u64(), exact on every kernel bbgen supports.
 */
#ifndef _BBGEN_CORE_RATE_H
#define _BBGEN_CORE_RATE_H

#include <linux/types.h>

struct bbgen_rate {
	u64 frames;	/* >= 1 */
	u64 period_ns;	/* >= 1 */
};

/* Offset of frame @n's due time from the start; U64_MAX if beyond u64. */
u64 bbgen_rate_due(const struct bbgen_rate *r, u64 n);

/*
 * Frames due at or before offset @t: the number of n with
 * bbgen_rate_due(n) <= t. Saturates at U64_MAX.
 */
u64 bbgen_rate_count(const struct bbgen_rate *r, u64 t);

#endif /* _BBGEN_CORE_RATE_H */
