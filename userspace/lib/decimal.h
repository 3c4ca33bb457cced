/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Exact decimal numbers from the command line. "1488095.24" must mean
 * 148809524/100 exactly, not the nearest double: rates and durations are
 * turned into integer ratios and nanoseconds without rounding.
 */
#ifndef BB_DECIMAL_H
#define BB_DECIMAL_H

#include <stdint.h>

/* Finest digit accepted: 10^-BB_DEC_MAX_DECIMALS. */
#define BB_DEC_MAX_DECIMALS	12
/* Values must be below 10^BB_DEC_MAX_DIGITS (integer part digits). */
#define BB_DEC_MAX_DIGITS	19

/* value = mant * 10^exp10, normalised: mant has no trailing zero digit
 * (mant 0 has exp10 0). */
struct bb_dec {
	uint64_t mant;
	int exp10;
};

/*
 * Digits with an optional fraction and decimal exponent: "60", "0.5", ".5",
 * "1e9", "2.5E-3". No sign, blanks, hex, inf or nan. Returns 0, -EINVAL if
 * malformed, -EDOM if it has digits finer than 10^-BB_DEC_MAX_DECIMALS
 * (or more than 19 significant digits, the last in the fraction),
 * -ERANGE if it is 10^BB_DEC_MAX_DIGITS or more.
 */
int bb_dec_parse(const char *s, struct bb_dec *d);

/* The same, with an SI suffix allowed: k (10^3), M (10^6), G (10^9). */
int bb_dec_parse_si(const char *s, struct bb_dec *d);

/* mant * 10^(exp10 + shift) as an integer: 0, -EDOM if that has a
 * fraction, -ERANGE if it does not fit in 64 bits. */
int bb_dec_scaled(const struct bb_dec *d, int shift, uint64_t *out);

/* Seconds to nanoseconds, exactly: bb_dec_scaled(d, 9, ns). */
int bb_dec_sec_to_ns(const struct bb_dec *d, uint64_t *ns);

/* True if the value is zero. */
static inline int bb_dec_is_zero(const struct bb_dec *d)
{
	return d->mant == 0;
}

#endif
