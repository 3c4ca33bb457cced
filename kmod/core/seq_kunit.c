// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for sequence tracking (seq.c). Every case checks the invariant
 * rx_frames - duplicates + lost = highest + 1 after every frame.
 */
#include <kunit/test.h>

#include "seq.h"

#define TOP	BBGEN_SEQ_MAX_48
#define BBGEN_SEQ_MAX_48	((1ULL << 48) - 1)
#define W	BBGEN_SEQ_WINDOW

struct seq_case {
	const char *name;
	const u64 *seqs;
	unsigned int n;
	u64 highest, lost, out_of_sequence, duplicates;
};

#define SEQS(...) .seqs = (const u64[]){ __VA_ARGS__ }, \
	.n = sizeof((const u64[]){ __VA_ARGS__ }) / sizeof(u64)

static const struct seq_case seq_cases[] = {
	{ "in order", SEQS(0, 1, 2, 3, 4, 5, 6, 7), 7, 0, 0, 0 },
	{ "single frame", SEQS(0), 0, 0, 0, 0 },
	{ "loss", SEQS(0, 1, 3, 4, 7), 7, 3, 0, 0 },
	{ "tail loss is not seen", SEQS(0, 1, 2), 2, 0, 0, 0 },
	{ "reorder", SEQS(0, 2, 1, 3), 3, 0, 1, 0 },
	{ "reorder deep", SEQS(5, 0, 4, 1, 3, 2), 5, 0, 5, 0 },
	{ "duplicates", SEQS(0, 1, 1, 2, 2, 2), 2, 0, 0, 3 },
	{ "duplicate of a late frame", SEQS(0, 2, 1, 1), 2, 0, 1, 1 },
	{ "duplicate first frame", SEQS(3, 3), 3, 3, 0, 1 },
	{ "first frame above zero", SEQS(5, 6), 6, 5, 0, 0 },
	{ "first frame above zero, then zero", SEQS(5, 6, 0), 6, 4, 1, 0 },
	{ "loss, reorder and duplicates", SEQS(0, 3, 1, 3, 6, 5, 5, 9),
	  9, 4, 2, 2 },
	{ "48-bit top", SEQS(TOP - 3, TOP - 1, TOP - 2, TOP, TOP),
	  TOP, TOP - 3, 1, 1 },
	{ "48-bit jump from zero", SEQS(0, TOP), TOP, TOP - 1, 0, 0 },
	{ "older than the window fills a gap", SEQS(0, 2 * W, 5),
	  2 * W, 2 * W - 2, 1, 0 },
	{ "window slot reused after a jump", SEQS(0, W, W + 1, 1),
	  W + 1, W - 2, 1, 0 },
};

static void seq_case_desc(const struct seq_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(seq_cases, seq_cases, seq_case_desc);

static void check_invariant(struct kunit *test, const struct bbgen_seq *s)
{
	KUNIT_ASSERT_EQ(test, s->rx_frames - s->duplicates + s->lost,
			s->highest + 1);
}

static struct bbgen_seq *new_seq(struct kunit *test)
{
	struct bbgen_seq *s = kunit_kzalloc(test, sizeof(*s), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, s);
	bbgen_seq_init(s);
	return s;
}

static void seq_table_test(struct kunit *test)
{
	const struct seq_case *c = test->param_value;
	struct bbgen_seq *s = new_seq(test);
	unsigned int i;

	for (i = 0; i < c->n; i++) {
		bbgen_seq_update(s, c->seqs[i]);
		check_invariant(test, s);
	}
	KUNIT_EXPECT_EQ(test, s->rx_frames, (u64)c->n);
	KUNIT_EXPECT_EQ(test, s->highest, c->highest);
	KUNIT_EXPECT_EQ(test, s->lost, c->lost);
	KUNIT_EXPECT_EQ(test, s->out_of_sequence, c->out_of_sequence);
	KUNIT_EXPECT_EQ(test, s->duplicates, c->duplicates);
}

static void seq_verdicts_test(struct kunit *test)
{
	struct bbgen_seq *s = new_seq(test);

	KUNIT_EXPECT_EQ(test, bbgen_seq_update(s, 0), BBGEN_SEQ_FIRST);
	KUNIT_EXPECT_EQ(test, bbgen_seq_update(s, 2), BBGEN_SEQ_NEXT);
	KUNIT_EXPECT_EQ(test, bbgen_seq_update(s, 1), BBGEN_SEQ_LATE);
	KUNIT_EXPECT_EQ(test, bbgen_seq_update(s, 1), BBGEN_SEQ_DUPLICATE);
	KUNIT_EXPECT_EQ(test, bbgen_seq_update(s, 2), BBGEN_SEQ_DUPLICATE);
}

/* A long in-order run passes the window many times: no false verdicts. */
static void seq_long_run_test(struct kunit *test)
{
	struct bbgen_seq *s = new_seq(test);
	u64 i, n = 5 * W + 123;

	for (i = 0; i < n; i++) {
		bbgen_seq_update(s, i);
		check_invariant(test, s);
	}
	KUNIT_EXPECT_EQ(test, s->lost, 0ULL);
	KUNIT_EXPECT_EQ(test, s->duplicates, 0ULL);
	/* older than the window, nothing lost: must be a duplicate */
	KUNIT_EXPECT_EQ(test, bbgen_seq_update(s, 1), BBGEN_SEQ_DUPLICATE);
	/* inside the window */
	KUNIT_EXPECT_EQ(test, bbgen_seq_update(s, n - W + 1),
			BBGEN_SEQ_DUPLICATE);
	check_invariant(test, s);
}

/*
 * Every even frame first, then every odd one: each odd frame fills a gap,
 * including across the point where the window's slots wrap around.
 */
static void seq_interleaved_test(struct kunit *test)
{
	struct bbgen_seq *s = new_seq(test);
	u64 base = BBGEN_SEQ_MAX_48 - 2 * W, i, half = W / 2 - 1;

	for (i = 0; i < half; i++) {
		bbgen_seq_update(s, base + 2 * i);
		check_invariant(test, s);
	}
	KUNIT_EXPECT_EQ(test, s->lost, base + half - 1);
	for (i = 0; i + 1 < half; i++) {
		KUNIT_EXPECT_EQ(test, bbgen_seq_update(s, base + 2 * i + 1),
				BBGEN_SEQ_LATE);
		check_invariant(test, s);
	}
	KUNIT_EXPECT_EQ(test, s->lost, base);
	KUNIT_EXPECT_EQ(test, s->out_of_sequence, (u64)half - 1);
	KUNIT_EXPECT_EQ(test, s->duplicates, 0ULL);
}

/* Jumps that straddle the end of the bitmap clear exactly the skipped slots. */
static void seq_wrapped_clear_test(struct kunit *test)
{
	struct bbgen_seq *s = new_seq(test);
	u64 i;

	for (i = 0; i < W - 2; i++)
		bbgen_seq_update(s, i);
	bbgen_seq_update(s, W + 3);	/* skips W-2 .. W+2, slots wrap */
	check_invariant(test, s);
	KUNIT_EXPECT_EQ(test, s->lost, 5ULL);
	for (i = W - 2; i < W + 3; i++)
		KUNIT_EXPECT_EQ(test, bbgen_seq_update(s, i), BBGEN_SEQ_LATE);
	KUNIT_EXPECT_EQ(test, bbgen_seq_update(s, 4), BBGEN_SEQ_DUPLICATE);
	check_invariant(test, s);
	KUNIT_EXPECT_EQ(test, s->lost, 0ULL);
}

/*
 * The inline shortcut for the next number in order must leave the tracker
 * exactly as the general path does: every table case, fed once through
 * bbgen_seq_update() and once through bbgen_seq_update_slow() only, ends in
 * byte-identical state with the same verdict for every frame.
 */
static void seq_shortcut_same_test(struct kunit *test)
{
	const struct seq_case *c = test->param_value;
	struct bbgen_seq *fast = new_seq(test), *slow = new_seq(test);
	unsigned int i;

	for (i = 0; i < c->n; i++)
		KUNIT_EXPECT_EQ(test, bbgen_seq_update(fast, c->seqs[i]),
				bbgen_seq_update_slow(slow, c->seqs[i]));
	/* then a run in order, the shortcut's case, past a window wrap */
	for (i = 1; i <= W + 2 && c->highest + i <= TOP; i++)
		KUNIT_EXPECT_EQ(test, bbgen_seq_update(fast, c->highest + i),
				bbgen_seq_update_slow(slow, c->highest + i));
	KUNIT_EXPECT_EQ(test, memcmp(fast, slow, sizeof(*fast)), 0);
}

static struct kunit_case bbgen_seq_test_cases[] = {
	KUNIT_CASE_PARAM(seq_table_test, seq_cases_gen_params),
	KUNIT_CASE_PARAM(seq_shortcut_same_test, seq_cases_gen_params),
	KUNIT_CASE(seq_verdicts_test),
	KUNIT_CASE(seq_long_run_test),
	KUNIT_CASE(seq_interleaved_test),
	KUNIT_CASE(seq_wrapped_clear_test),
	{}
};

static struct kunit_suite bbgen_seq_test_suite = {
	.name = "bbgen_seq",
	.test_cases = bbgen_seq_test_cases,
};

kunit_test_suite(bbgen_seq_test_suite);

MODULE_DESCRIPTION("KUnit tests for bbgen sequence tracking");
MODULE_LICENSE("GPL");
