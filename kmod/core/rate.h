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

/*
 * Could @owed more frames go within @window_ns, at @frame_ns_x1024 (ns a
 * frame, in 1/1024 ns) the fastest the stream's bursts have gone? Asked of
 * a stream past the end of its duration: one that fell behind for a while
 * (its worker held up) catches up at burst speed, one that was never fast
 * enough for its rate (sent flat out) ends at its duration instead of
 * running on. Exact; a product too big for 64 bits means no.
 */
bool bbgen_rate_can_finish(u64 owed, u64 frame_ns_x1024, u64 window_ns);

/*
 * The time a frame took in a burst of @frames (>= 1) that spanned @span_ns,
 * in 1/1024 ns, for bbgen_rate_can_finish(); U64_MAX if it does not fit.
 */
u64 bbgen_rate_frame_ns_x1024(u64 span_ns, u64 frames);

#endif /* _BBGEN_CORE_RATE_H */
