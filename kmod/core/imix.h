/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Frame lists with weights (IMIX): the weights of a stream's templates
 * expand into a cycle of template indices, which the TX engine walks one
 * frame at a time. Pure logic: no netdev dependency.
 *
 * The weights are divided by their greatest common divisor first, so
 * 68:12 and 17:3 give the same 20-frame cycle; in every cycle template i
 * appears exactly w[i] / gcd times. A fixed cycle spreads each template
 * evenly (smooth weighted round robin: at every prefix each template is
 * within one frame of its share); a shuffled one is a seeded Fisher-Yates
 * permutation of it, the same for the same seed.
 */
#ifndef _BBGEN_CORE_IMIX_H
#define _BBGEN_CORE_IMIX_H

#include <linux/types.h>

/*
 * Length of the cycle of @n weights (sum / gcd of the non-zero ones), or
 * 0 if all are zero. Never overflows: 64-bit sum of u32s.
 */
u64 bbgen_imix_cycle_len(const u32 *w, u32 n);

/*
 * Fill @cycle (bbgen_imix_cycle_len() entries, at most 65536) with the
 * template indices of the fixed order. @n <= 65536. -ENOMEM if the
 * scratch space cannot be had.
 */
int bbgen_imix_fill(const u32 *w, u32 n, u16 *cycle, u32 len);

/* Shuffle @cycle in place, reproducibly for a given @seed. */
void bbgen_imix_shuffle(u16 *cycle, u32 len, u32 seed);

#endif /* _BBGEN_CORE_IMIX_H */
