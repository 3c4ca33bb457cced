/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Loss in time: the first BBGEN_LOSS_EVENTS gaps in a flow's sequence
 * numbers, each as (first missing seq, count, RX time of the frame that
 * revealed the gap). Pure logic, no netdev dependency.
 *
 * A gap is found when a frame arrives above the next expected number (the
 * first frame too, when it is not seq 0: everything below it is missing,
 * as in seq.h). Events are kept as detected: a late frame that later fills
 * part of a gap does not change the event (its count is what was missing
 * at detection); the trigger's LOST counter has the net loss. @total
 * counts every gap, also those past the first BBGEN_LOSS_EVENTS.
 *
 * Not locked: the caller serialises updates and reads.
 */
#ifndef _BBGEN_CORE_LOSS_H
#define _BBGEN_CORE_LOSS_H

#include <linux/compiler.h>
#include <linux/types.h>

#define BBGEN_LOSS_EVENTS	64

struct bbgen_loss_event {
	u64 first_seq;
	u64 count;
	u64 rx_ns;
};

struct bbgen_loss {
	u64 total;		/* gaps detected */
	struct bbgen_loss_event ev[BBGEN_LOSS_EVENTS];
};

void bbgen_loss_init(struct bbgen_loss *l);

/* Record the gap expected..seq - 1 (seq > expected); returns its size. */
u64 bbgen_loss_gap(struct bbgen_loss *l, u64 expected, u64 seq, u64 rx_ns);

/*
 * A frame with sequence number @seq became the new highest; @expected is
 * the number that was due (highest + 1, or 0 for the first frame).
 * Returns the size of the gap it revealed (0: none). Inline: every frame
 * in order asks, and almost none reveals a gap.
 */
static inline u64 bbgen_loss_track(struct bbgen_loss *l, u64 expected,
				   u64 seq, u64 rx_ns)
{
	if (likely(seq <= expected))
		return 0;
	return bbgen_loss_gap(l, expected, seq, rx_ns);
}

static inline unsigned int bbgen_loss_n(const struct bbgen_loss *l)
{
	return l->total < BBGEN_LOSS_EVENTS ? l->total : BBGEN_LOSS_EVENTS;
}

#endif /* _BBGEN_CORE_LOSS_H */
