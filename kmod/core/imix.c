// SPDX-License-Identifier: GPL-2.0
/*
 * IMIX cycle expansion (see imix.h).
 */
#include <linux/gcd.h>
#include <linux/prandom.h>
#include <linux/slab.h>

#include "imix.h"

static u32 weights_gcd(const u32 *w, u32 n)
{
	u32 g = 0, i;

	for (i = 0; i < n; i++)
		if (w[i])
			g = g ? gcd(g, w[i]) : w[i];
	return g;
}

u64 bbgen_imix_cycle_len(const u32 *w, u32 n)
{
	u32 g = weights_gcd(w, n), i;
	u64 sum = 0;

	if (!g)
		return 0;
	for (i = 0; i < n; i++)
		sum += w[i] / g;
	return sum;
}

/*
 * Smooth weighted round robin: every step each template gains its weight
 * in credit, the one with the most credit is sent and pays the total. Over
 * a cycle of `total` steps template i is picked exactly w[i] times, and
 * never more than one frame away from its share.
 */
int bbgen_imix_fill(const u32 *w, u32 n, u16 *cycle, u32 len)
{
	u32 g = weights_gcd(w, n), i, k, best;
	s64 *credit;

	credit = kcalloc(n, sizeof(*credit), GFP_KERNEL);
	if (!credit)
		return -ENOMEM;
	for (k = 0; k < len; k++) {
		best = 0;
		for (i = 0; i < n; i++) {
			credit[i] += w[i] / g;
			if (credit[i] > credit[best])
				best = i;
		}
		credit[best] -= len;
		cycle[k] = best;
	}
	kfree(credit);
	return 0;
}

void bbgen_imix_shuffle(u16 *cycle, u32 len, u32 seed)
{
	struct rnd_state rnd;
	u32 i, j;
	u16 tmp;

	prandom_seed_state(&rnd, seed);
	for (i = len; i > 1; i--) {
		/* j uniform in [0, i) by multiply-shift */
		j = ((u64)prandom_u32_state(&rnd) * i) >> 32;
		tmp = cycle[i - 1];
		cycle[i - 1] = cycle[j];
		cycle[j] = tmp;
	}
}
