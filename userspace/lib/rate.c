// SPDX-License-Identifier: GPL-2.0-only OR MIT
#include <errno.h>
#include <string.h>

#include <linux/bbgen.h>

#include "rate.h"

typedef unsigned __int128 u128;

#define NS_PER_S 1000000000ULL

static const struct {
	const char *name;
	unsigned int overhead;
} l2_modes[] = {
	[BB_L2_FRAME] = { "frame", 0 },
	[BB_L2_FRAME_WITH_FCS] = { "frame_with_fcs", 4 },
	[BB_L2_PHYSICAL] = { "physical", 24 },
};

int bb_l2_speed_parse(const char *s, enum bb_l2_speed *mode)
{
	unsigned int i;

	for (i = 0; i < sizeof(l2_modes) / sizeof(l2_modes[0]); i++) {
		if (!strcmp(s, l2_modes[i].name)) {
			*mode = (enum bb_l2_speed)i;
			return 0;
		}
	}
	return -EINVAL;
}

const char *bb_l2_speed_name(enum bb_l2_speed mode)
{
	return l2_modes[mode].name;
}

unsigned int bb_l2_overhead(enum bb_l2_speed mode)
{
	return l2_modes[mode].overhead;
}

static u128 pow10_128(int e)
{
	u128 v = 1;

	while (e-- > 0)
		v *= 10;
	return v;
}

static u128 gcd128(u128 a, u128 b)
{
	while (b) {
		u128 t = a % b;

		a = b;
		b = t;
	}
	return a;
}

/* The limits of bb_rate_from_fps on the exact ratio, then the fit. */
static int rate_set(u128 frames, u128 period_ns, struct bb_rate *r)
{
	if (!frames)
		return -EINVAL;
	if (frames > period_ns)
		return -ERANGE;
	if (period_ns / frames > BB_RATE_MIN_PERIOD_S * NS_PER_S ||
	    (period_ns / frames == BB_RATE_MIN_PERIOD_S * NS_PER_S &&
	     period_ns % frames))
		return -EDOM;
	/* exact unless the reduced period is over the kernel's maximum:
	 * then the closest ratio within it (off by < 1e-13 relative) */
	return bb_ratio_fit(frames, period_ns, UINT64_MAX,
			    BBGEN_RATE_PERIOD_MAX_NS, &r->frames,
			    &r->period_ns) < 0 ? -ERANGE : 0;
}

/* The decimal's value as num/den: mant * 10^exp10. Within the limits of
 * bb_dec (19 digits, 12 decimals) both fit in 128 bits with room to
 * multiply by the factors below (< 2^40). */
static void dec_ratio(const struct bb_dec *d, u128 *num, u128 *den)
{
	*num = (u128)d->mant * pow10_128(d->exp10 > 0 ? d->exp10 : 0);
	*den = pow10_128(d->exp10 < 0 ? -d->exp10 : 0);
}

int bb_rate_from_fps(const struct bb_dec *fps, struct bb_rate *r)
{
	u128 num, den;

	dec_ratio(fps, &num, &den);
	/* num/den frames per second = num frames per den * 10^9 ns */
	return rate_set(num, den * NS_PER_S, r);
}

int bb_rate_from_bitrate(const struct bb_dec *bps, uint64_t bytes,
			 uint64_t weight, struct bb_rate *r)
{
	u128 num, den;

	if (!bytes || !weight)
		return -EINVAL;
	dec_ratio(bps, &num, &den);
	/* callers keep bytes and weight below 2^40: the products fit */
	if (bytes >> 40 || weight >> 40)
		return -ERANGE;
	return rate_set(num * weight, den * 8 * bytes * NS_PER_S, r);
}

/* Of a/b and c/d (both > 0), the one closer to num/den. */
static int closer(u128 num, u128 den, uint64_t a, uint64_t b, uint64_t c,
		  uint64_t d)
{
	long double x = (long double)num / (long double)den;
	long double e1 = (long double)a / b - x, e2 = (long double)c / d - x;

	return (e1 < 0 ? -e1 : e1) <= (e2 < 0 ? -e2 : e2) ? 0 : 1;
}

/* The largest t with t * step + base <= max, or UINT64_MAX if step is 0. */
static uint64_t room(uint64_t max, uint64_t base, uint64_t step)
{
	return step ? (max - base) / step : UINT64_MAX;
}

/* Step the convergents: (p0/q0, p1/q1) <- (p1/q1, (t*p1+p0)/(t*q1+q0)). */
static void step(uint64_t t, uint64_t *p0, uint64_t *q0, uint64_t *p1,
		 uint64_t *q1)
{
	uint64_t p = t * *p1 + *p0, q = t * *q1 + *q0;

	*p0 = *p1;
	*q0 = *q1;
	*p1 = p;
	*q1 = q;
}

int bb_ratio_fit(u128 num, u128 den, uint64_t max_num, uint64_t max_den,
		 uint64_t *n, uint64_t *d)
{
	/* convergents p/q of the continued fraction, from 0/1 and 1/0 */
	uint64_t p0 = 0, q0 = 1, p1 = 1, q1 = 0, lim, sp, sq;
	u128 g, x, y, a, r;

	if (!num || !den)
		return -ERANGE;
	g = gcd128(num, den);
	x = num / g;
	y = den / g;
	if (x <= max_num && y <= max_den) {
		*n = (uint64_t)x;
		*d = (uint64_t)y;
		return 0;
	}
	/* x/y does not fit, so the expansion stops before its end */
	for (;;) {
		a = x / y;
		lim = room(max_num, p0, p1);
		if (room(max_den, q0, q1) < lim)
			lim = room(max_den, q0, q1);
		if (a > lim)
			break;
		step((uint64_t)a, &p0, &q0, &p1, &q1);
		r = x % y;
		x = y;
		y = r;
	}
	if (!q1)
		return -ERANGE;		/* the integer part is above max_num */
	/* the best within bounds: the last convergent or the semiconvergent
	 * with the largest partial quotient that still fits */
	sp = lim * p1 + p0;
	sq = lim * q1 + q0;
	if (lim && (!p1 || closer(num, den, sp, sq, p1, q1) == 0)) {
		p1 = sp;
		q1 = sq;
	}
	if (!p1)
		return -ERANGE;		/* below 1/max_den */
	*n = p1;
	*d = q1;
	return 1;
}

double bb_rate_fps(const struct bb_rate *r)
{
	return (double)r->frames * 1e9 / (double)r->period_ns;
}

uint64_t bb_rate_interval_ns(const struct bb_rate *r)
{
	u128 v = ((u128)r->period_ns * 2 + r->frames) / ((u128)r->frames * 2);

	return v ? (uint64_t)v : 1;
}
