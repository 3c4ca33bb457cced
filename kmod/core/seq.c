// SPDX-License-Identifier: GPL-2.0
/*
 * Sequence tracking: in order, loss, reordering and duplicates (see seq.h).
 */
#include <linux/bitmap.h>
#include <linux/string.h>

#include "seq.h"

#define WINDOW_MASK	(BBGEN_SEQ_WINDOW - 1)

void bbgen_seq_init(struct bbgen_seq *s)
{
	memset(s, 0, sizeof(*s));
}

/* Forget the window slots of seq numbers from..to (inclusive, ascending). */
static void window_clear(struct bbgen_seq *s, u64 from, u64 to)
{
	unsigned int start, n;

	if (to - from + 1 >= BBGEN_SEQ_WINDOW) {
		bitmap_zero(s->seen, BBGEN_SEQ_WINDOW);
		return;
	}
	start = from & WINDOW_MASK;
	n = to - from + 1;
	if (start + n <= BBGEN_SEQ_WINDOW) {
		bitmap_clear(s->seen, start, n);
	} else {
		bitmap_clear(s->seen, start, BBGEN_SEQ_WINDOW - start);
		bitmap_clear(s->seen, 0, start + n - BBGEN_SEQ_WINDOW);
	}
}

static enum bbgen_seq_verdict seq_advance(struct bbgen_seq *s, u64 seq)
{
	/*
	 * The slots of the skipped numbers still hold old, wrapped values;
	 * the common case (the next number) skips none.
	 */
	if (seq > s->highest + 1)
		window_clear(s, s->highest + 1, seq - 1);
	__set_bit(seq & WINDOW_MASK, s->seen);
	s->lost += seq - s->highest - 1;
	s->highest = seq;
	return BBGEN_SEQ_NEXT;
}

static enum bbgen_seq_verdict seq_behind(struct bbgen_seq *s, u64 seq)
{
	if (s->highest - seq >= BBGEN_SEQ_WINDOW) {
		/* Too old to look up: a gap fill if any gap is left. */
		if (!s->lost) {
			s->duplicates++;
			return BBGEN_SEQ_DUPLICATE;
		}
		s->lost--;
		s->out_of_sequence++;
		return BBGEN_SEQ_LATE;
	}
	if (__test_and_set_bit(seq & WINDOW_MASK, s->seen)) {
		s->duplicates++;
		return BBGEN_SEQ_DUPLICATE;
	}
	s->lost--;
	s->out_of_sequence++;
	return BBGEN_SEQ_LATE;
}

enum bbgen_seq_verdict bbgen_seq_update_slow(struct bbgen_seq *s, u64 seq)
{
	s->rx_frames++;
	if (s->rx_frames == 1) {
		bitmap_zero(s->seen, BBGEN_SEQ_WINDOW);
		__set_bit(seq & WINDOW_MASK, s->seen);
		s->highest = seq;
		s->lost = seq;
		return BBGEN_SEQ_FIRST;
	}
	if (seq > s->highest)
		return seq_advance(s, seq);
	if (seq == s->highest) {
		s->duplicates++;
		return BBGEN_SEQ_DUPLICATE;
	}
	return seq_behind(s, seq);
}
