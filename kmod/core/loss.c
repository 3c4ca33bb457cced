// SPDX-License-Identifier: GPL-2.0
/*
 * Loss events: where in the sequence and when gaps appeared (loss.h).
 */
#include <linux/string.h>

#include "loss.h"

void bbgen_loss_init(struct bbgen_loss *l)
{
	memset(l, 0, sizeof(*l));
}

u64 bbgen_loss_gap(struct bbgen_loss *l, u64 expected, u64 seq, u64 rx_ns)
{
	struct bbgen_loss_event *e;

	if (l->total < BBGEN_LOSS_EVENTS) {
		e = &l->ev[l->total];
		e->first_seq = expected;
		e->count = seq - expected;
		e->rx_ns = rx_ns;
	}
	l->total++;
	return seq - expected;
}
