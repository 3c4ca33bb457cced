/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * A small seeded pseudo-random generator (xoshiro256**, seeded through
 * splitmix64), so a seed always gives the same frame-size sample: tests
 * and repeated runs see the same traffic.
 */
#ifndef BB_RNG_H
#define BB_RNG_H

#include <stdint.h>

struct bb_rng {
	uint64_t s[4];
};

void bb_rng_seed(struct bb_rng *r, uint64_t seed);
uint64_t bb_rng_next(struct bb_rng *r);
/* Uniform in [0, 1), 53 random bits. */
double bb_rng_uniform(struct bb_rng *r);
/* Normally distributed with the given mean and standard deviation. */
double bb_rng_normal(struct bb_rng *r, double mean, double stddev);

#endif
