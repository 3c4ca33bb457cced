// SPDX-License-Identifier: GPL-2.0
/*
 * Due times of an exact fractional rate, and whether a stream past its
 * duration can still send what was due in it (see rate.h).
 *
 * Both directions split the big operand by the small one first, so that
 * the one 128-bit step has a quotient below 2^64 (mul_u64_u64_div_u64
 * traps on x86 otherwise) and only the integer part can overflow, which
 * is checked.
 */
#include <linux/math64.h>
#include <linux/overflow.h>

#include "rate.h"

u64 bbgen_rate_due(const struct bbgen_rate *r, u64 n)
{
	u64 whole, part, rem, due;

	/* n = whole * frames + rem: whole periods, then rem frames in */
	whole = div64_u64_rem(n, r->frames, &rem);
	if (check_mul_overflow(whole, r->period_ns, &due))
		return U64_MAX;
	/* rem < frames, so this is below period_ns */
	part = mul_u64_u64_div_u64(rem, r->period_ns, r->frames);
	if (check_add_overflow(due, part, &due))
		return U64_MAX;
	return due;
}

/*
 * floor(n * P / F) <= t  <=>  n * P < (t + 1) * F, so the count is
 * ceil((t + 1) * F / P).
 */
u64 bbgen_rate_count(const struct bbgen_rate *r, u64 t)
{
	u64 whole, rem, part, count;

	if (t == U64_MAX)
		return U64_MAX;
	whole = div64_u64_rem(t + 1, r->period_ns, &rem);
	if (check_mul_overflow(whole, r->frames, &count))
		return U64_MAX;
	/* rem < period_ns, so part < frames */
	part = mul_u64_u64_div_u64(rem, r->frames, r->period_ns);
	/* the remainder of that division, exact in wrapping arithmetic */
	if (rem * r->frames - part * r->period_ns)
		part++;
	if (check_add_overflow(count, part, &count))
		return U64_MAX;
	return count;
}

bool bbgen_rate_can_finish(u64 owed, u64 frame_ns_x1024, u64 window_ns)
{
	u64 need;

	if (!owed)
		return true;
	if (check_mul_overflow(owed, frame_ns_x1024, &need))
		return false;
	return need >> 10 <= window_ns;
}

u64 bbgen_rate_frame_ns_x1024(u64 span_ns, u64 frames)
{
	if (span_ns > U64_MAX >> 10)
		return U64_MAX;
	return div64_u64(span_ns << 10, frames);
}
