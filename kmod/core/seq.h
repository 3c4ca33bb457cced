/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Sequence tracking for one flow of tagged frames: pure logic, no netdev
 * dependency, so KUnit can run it under UML.
 *
 * Counters and their meaning (sequence numbers start at 0):
 *   rx_frames        every frame fed in, duplicates included
 *   highest          highest sequence number seen (valid once rx_frames > 0)
 *   lost             sequence numbers below highest never received
 *   out_of_sequence  frames that arrived below highest and filled a gap
 *   duplicates       frames whose sequence number was already received
 *
 * Invariant, true after every call to bbgen_seq_update():
 *   rx_frames - duplicates + lost = highest + 1
 *
 * A bitmap remembers which of the BBGEN_SEQ_WINDOW sequence numbers ending at
 * highest (highest - WINDOW + 1 .. highest) were received, which tells a
 * gap-filling late frame (lost--, out_of_sequence++) from a duplicate.
 * A frame older than the window cannot be looked up: it counts as
 * out_of_sequence and fills a gap (lost--) when lost > 0; when lost is 0
 * every older number was received, so it counts as a duplicate. A real
 * duplicate of a number older than the window while some loss is pending is
 * therefore miscounted as a gap fill; the window covers 16384 frames of
 * reordering, far more than any test network delivers.
 *
 * The first frame may carry any number: everything below it counts as lost
 * (lost = seq) until it arrives.
 *
 * Sequence numbers are 48 bits on the wire; the caller passes them as u64
 * (at most 2^48 - 1), so highest + 1 never overflows.
 *
 * Not locked: the caller serialises updates and reads.
 */
#ifndef _BBGEN_CORE_SEQ_H
#define _BBGEN_CORE_SEQ_H

#include <linux/bitops.h>
#include <linux/compiler.h>
#include <linux/types.h>

#define BBGEN_SEQ_WINDOW	16384	/* power of two */

struct bbgen_seq {
	u64 rx_frames;
	u64 highest;
	u64 lost;
	u64 out_of_sequence;
	u64 duplicates;
	unsigned long seen[BITS_TO_LONGS(BBGEN_SEQ_WINDOW)];
};

enum bbgen_seq_verdict {
	BBGEN_SEQ_FIRST,	/* first frame of the flow */
	BBGEN_SEQ_NEXT,		/* new highest (possibly after a gap) */
	BBGEN_SEQ_LATE,		/* below highest, filled a gap */
	BBGEN_SEQ_DUPLICATE,	/* already seen */
};

void bbgen_seq_init(struct bbgen_seq *s);

/* Every case of bbgen_seq_update(); the inline part is only a shortcut. */
enum bbgen_seq_verdict bbgen_seq_update_slow(struct bbgen_seq *s, u64 seq);

/*
 * Feed one frame's sequence number. Called for every frame received, so
 * the common case, the next number in order, is inline and does exactly
 * what the general case does for it (no gap to clear, nothing lost).
 */
static inline enum bbgen_seq_verdict bbgen_seq_update(struct bbgen_seq *s,
						      u64 seq)
{
	if (likely(s->rx_frames && seq == s->highest + 1)) {
		s->rx_frames++;
		__set_bit(seq & (BBGEN_SEQ_WINDOW - 1), s->seen);
		s->highest = seq;
		return BBGEN_SEQ_NEXT;
	}
	return bbgen_seq_update_slow(s, seq);
}

#endif /* _BBGEN_CORE_SEQ_H */
