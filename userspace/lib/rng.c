// SPDX-License-Identifier: GPL-2.0-only OR MIT
#include <math.h>

#include "rng.h"

static uint64_t splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

void bb_rng_seed(struct bb_rng *r, uint64_t seed)
{
	int i;

	/* splitmix64 never yields an all-zero state from any seed */
	for (i = 0; i < 4; i++)
		r->s[i] = splitmix64(&seed);
}

uint64_t bb_rng_next(struct bb_rng *r)
{
	uint64_t *s = r->s, out = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return out;
}

double bb_rng_uniform(struct bb_rng *r)
{
	return (double)(bb_rng_next(r) >> 11) * 0x1.0p-53;
}

/* Box-Muller; one of the pair is dropped to keep the state simple. */
double bb_rng_normal(struct bb_rng *r, double mean, double stddev)
{
	double u1 = 1.0 - bb_rng_uniform(r);	/* (0, 1]: log() is finite */
	double u2 = bb_rng_uniform(r);

	return mean + stddev * sqrt(-2.0 * log(u1)) * cos(2.0 * M_PI * u2);
}
