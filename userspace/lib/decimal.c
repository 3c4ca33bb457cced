// SPDX-License-Identifier: GPL-2.0-only OR MIT
#include <ctype.h>
#include <errno.h>
#include <string.h>

#include "decimal.h"

/* Digits beyond this many significant ones are refused, not rounded. */
#define MAX_SIG 19

static int isdig(char c)
{
	return isdigit((unsigned char)c);
}

/* Digits read so far: mant, then zeros not yet multiplied in (so that
 * trailing zeros never count against MAX_SIG). */
struct digits {
	uint64_t mant;
	int sig;
	int zeros;
};

static int push_digit(struct digits *st, char c)
{
	if (c == '0') {
		st->zeros += st->mant != 0;	/* leading zeros do not count */
		return 0;
	}
	for (; st->zeros >= 0; st->zeros--) {
		if (++st->sig > MAX_SIG)
			return -ERANGE;
		st->mant = st->mant * 10 + (st->zeros ? 0 : (uint64_t)(c - '0'));
	}
	st->zeros = 0;
	return 0;
}

/* An exponent "e[+-]N", small enough to be meaningful. */
static int parse_exp(const char *s, int *exp)
{
	int sign = 1, v = 0;

	if (*s == '+' || *s == '-')
		sign = *s++ == '-' ? -1 : 1;
	if (!isdig(*s))
		return -EINVAL;
	for (; isdig(*s); s++)
		if ((v = v * 10 + (*s - '0')) > 99)
			return sign < 0 ? -EDOM : -ERANGE;
	if (*s)
		return -EINVAL;
	*exp = sign * v;
	return 0;
}

static int ndigits(uint64_t v)
{
	int n = 1;

	while (v >= 10) {
		v /= 10;
		n++;
	}
	return n;
}

/* Strip trailing zeros and check the limits of the header comment. */
static int normalise(struct bb_dec *d)
{
	if (!d->mant) {
		d->exp10 = 0;
		return 0;
	}
	while (d->mant % 10 == 0) {
		d->mant /= 10;
		d->exp10++;
	}
	if (d->exp10 < -BB_DEC_MAX_DECIMALS)
		return -EDOM;
	/* the integer part has ndigits + exp10 digits */
	if (ndigits(d->mant) + d->exp10 > BB_DEC_MAX_DIGITS)
		return -ERANGE;
	return 0;
}

static int parse(const char *s, const char *end, struct bb_dec *d)
{
	struct digits st = { 0, 0, 0 };
	int frac = 0, exp = 0, digits = 0, ret;
	char buf[128];

	for (; s < end && isdig(*s); s++, digits++)
		if (push_digit(&st, *s))
			return -ERANGE;
	if (s < end && *s == '.')
		for (s++; s < end && isdig(*s); s++, digits++, frac++)
			if (push_digit(&st, *s))
				return -EDOM;	/* too precise, not too large */
	if (!digits)
		return -EINVAL;
	if (s < end && (*s == 'e' || *s == 'E')) {
		if ((size_t)(end - s) >= sizeof(buf))
			return -EINVAL;
		memcpy(buf, s + 1, (size_t)(end - s - 1));
		buf[end - s - 1] = '\0';
		ret = parse_exp(buf, &exp);
		if (ret)
			return ret;
		s = end;
	}
	if (s != end)
		return -EINVAL;
	d->mant = st.mant;
	d->exp10 = st.mant ? exp - frac + st.zeros : 0;
	return normalise(d);
}

int bb_dec_parse(const char *s, struct bb_dec *d)
{
	return parse(s, s + strlen(s), d);
}

int bb_dec_parse_si(const char *s, struct bb_dec *d)
{
	size_t len = strlen(s);
	int shift = 0, ret;

	if (len > 1) {
		switch (s[len - 1]) {
		case 'k': shift = 3; break;
		case 'M': shift = 6; break;
		case 'G': shift = 9; break;
		}
	}
	ret = parse(s, s + len - (shift ? 1 : 0), d);
	if (ret || !shift || !d->mant)
		return ret;
	d->exp10 += shift;
	return normalise(d);
}

int bb_dec_scaled(const struct bb_dec *d, int shift, uint64_t *out)
{
	int e = d->exp10 + shift;
	uint64_t v = d->mant;

	if (!v) {
		*out = 0;
		return 0;
	}
	if (e < 0)
		return -EDOM;	/* mant has no trailing zero: a fraction */
	for (; e > 0; e--) {
		if (v > UINT64_MAX / 10)
			return -ERANGE;
		v *= 10;
	}
	*out = v;
	return 0;
}

int bb_dec_sec_to_ns(const struct bb_dec *d, uint64_t *ns)
{
	return bb_dec_scaled(d, 9, ns);
}
