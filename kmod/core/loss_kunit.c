// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for loss events (loss.c), driven through sequence tracking
 * the way the RX path drives them.
 */
#include <kunit/test.h>

#include "loss.h"
#include "seq.h"

struct flow {
	struct bbgen_seq seq;
	struct bbgen_loss loss;
};

/* What the RX path does per frame; @t is the RX time. */
static void feed(struct flow *f, u64 seq, u64 t)
{
	u64 expected = f->seq.rx_frames ? f->seq.highest + 1 : 0;
	enum bbgen_seq_verdict v = bbgen_seq_update(&f->seq, seq);

	if (v == BBGEN_SEQ_FIRST || v == BBGEN_SEQ_NEXT)
		bbgen_loss_track(&f->loss, expected, seq, t);
}

static void expect_event(struct kunit *test, const struct bbgen_loss *l,
			 unsigned int i, u64 first, u64 count, u64 t)
{
	KUNIT_EXPECT_EQ(test, l->ev[i].first_seq, first);
	KUNIT_EXPECT_EQ(test, l->ev[i].count, count);
	KUNIT_EXPECT_EQ(test, l->ev[i].rx_ns, t);
}

static void loss_events_test(struct kunit *test)
{
	static const u64 seqs[] = { 0, 1, 2, 5, 6, 3, 10, 11, 11 };
	struct flow *f = kunit_kzalloc(test, sizeof(*f), GFP_KERNEL);
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, f);
	bbgen_seq_init(&f->seq);
	bbgen_loss_init(&f->loss);
	for (i = 0; i < ARRAY_SIZE(seqs); i++)
		feed(f, seqs[i], 100 * i);
	KUNIT_EXPECT_EQ(test, f->loss.total, 2ULL);
	expect_event(test, &f->loss, 0, 3, 2, 300);	/* 3 later filled */
	expect_event(test, &f->loss, 1, 7, 3, 600);
	KUNIT_EXPECT_EQ(test, f->seq.lost, 4ULL);	/* net of the fill */
}

static void loss_first_frame_test(struct kunit *test)
{
	struct flow *f = kunit_kzalloc(test, sizeof(*f), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, f);
	bbgen_seq_init(&f->seq);
	bbgen_loss_init(&f->loss);
	feed(f, 4, 7);
	feed(f, 5, 8);
	KUNIT_EXPECT_EQ(test, bbgen_loss_n(&f->loss), 1U);
	expect_event(test, &f->loss, 0, 0, 4, 7);
}

static void loss_overflow_test(struct kunit *test)
{
	struct flow *f = kunit_kzalloc(test, sizeof(*f), GFP_KERNEL);
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, f);
	bbgen_seq_init(&f->seq);
	bbgen_loss_init(&f->loss);
	for (i = 0; i < 200; i++)	/* every other number lost */
		feed(f, 2 * i, i);
	KUNIT_EXPECT_EQ(test, f->loss.total, 199ULL);
	KUNIT_EXPECT_EQ(test, bbgen_loss_n(&f->loss), (unsigned int)BBGEN_LOSS_EVENTS);
	expect_event(test, &f->loss, BBGEN_LOSS_EVENTS - 1,
		     2 * BBGEN_LOSS_EVENTS - 1, 1, BBGEN_LOSS_EVENTS);
}

static struct kunit_case bbgen_loss_test_cases[] = {
	KUNIT_CASE(loss_events_test),
	KUNIT_CASE(loss_first_frame_test),
	KUNIT_CASE(loss_overflow_test),
	{}
};

static struct kunit_suite bbgen_loss_test_suite = {
	.name = "bbgen_loss",
	.test_cases = bbgen_loss_test_cases,
};

kunit_test_suite(bbgen_loss_test_suite);

MODULE_DESCRIPTION("KUnit tests for bbgen loss events");
MODULE_LICENSE("GPL");
