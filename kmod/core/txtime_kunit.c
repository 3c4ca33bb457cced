// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the TX times of burst frames (txtime.c): frames that go
 * alone keep the bound at 0; a burst's bound is the larger of its span and
 * its last frame's offset; the step is the shortest seen, so a slow burst
 * neither raises it nor stamps later frames past their burst's end.
 */
#include <kunit/test.h>

#include "txtime.h"

static void txtime_alone_is_exact(struct kunit *test)
{
	struct bbgen_txtime t = {};
	int i;

	for (i = 0; i < 100; i++)
		KUNIT_EXPECT_FALSE(test, bbgen_txtime_burst(&t, 1, 1000 * i,
							    1000 * i + 700));
	KUNIT_EXPECT_EQ(test, t.err_ns, 0);
	KUNIT_EXPECT_EQ(test, t.step_ns, 0);
	KUNIT_EXPECT_EQ(test, bbgen_txtime_at(&t, 5000, 0), 5000);
}

static void txtime_first_burst(struct kunit *test)
{
	struct bbgen_txtime t = {};

	/* no step yet: every frame carries t0, off by at most the span */
	KUNIT_EXPECT_EQ(test, bbgen_txtime_at(&t, 10000, 31), 10000);
	KUNIT_EXPECT_TRUE(test, bbgen_txtime_burst(&t, 32, 10000, 16400));
	KUNIT_EXPECT_EQ(test, t.err_ns, 6400);
	KUNIT_EXPECT_EQ(test, t.step_ns, 200);
	KUNIT_EXPECT_EQ(test, bbgen_txtime_at(&t, 20000, 0), 20000);
	KUNIT_EXPECT_EQ(test, bbgen_txtime_at(&t, 20000, 31), 26200);
}

static void txtime_step_is_the_shortest(struct kunit *test)
{
	struct bbgen_txtime t = {};

	bbgen_txtime_burst(&t, 32, 0, 9600);		/* 300 a frame */
	bbgen_txtime_burst(&t, 32, 20000, 26400);	/* 200 a frame */
	KUNIT_EXPECT_EQ(test, t.step_ns, 200);
	/* interrupted: 1000 a frame; the step stays, the bound grows */
	KUNIT_EXPECT_TRUE(test, bbgen_txtime_burst(&t, 32, 50000, 82000));
	KUNIT_EXPECT_EQ(test, t.step_ns, 200);
	KUNIT_EXPECT_EQ(test, t.err_ns, 32000);
	/* the next burst's last frame stays before its end */
	KUNIT_EXPECT_LE(test, bbgen_txtime_at(&t, 100000, 31), 100000 + 32 * 200);
}

static void txtime_bound_by_offset(struct kunit *test)
{
	struct bbgen_txtime t = { .step_ns = 500 };

	/*
	 * Faster than the step (not possible with the shortest step, but
	 * the bound must hold anyway): the last offset bounds the error.
	 */
	KUNIT_EXPECT_TRUE(test, bbgen_txtime_burst(&t, 10, 0, 1000));
	KUNIT_EXPECT_EQ(test, t.err_ns, 9 * 500);
	KUNIT_EXPECT_EQ(test, t.step_ns, 100);
	/* a smaller bound does not lower it */
	KUNIT_EXPECT_FALSE(test, bbgen_txtime_burst(&t, 2, 0, 300));
	KUNIT_EXPECT_EQ(test, t.err_ns, 9 * 500);
}

static struct kunit_case txtime_cases[] = {
	KUNIT_CASE(txtime_alone_is_exact),
	KUNIT_CASE(txtime_first_burst),
	KUNIT_CASE(txtime_step_is_the_shortest),
	KUNIT_CASE(txtime_bound_by_offset),
	{}
};

static struct kunit_suite txtime_suite = {
	.name = "bbgen_txtime",
	.test_cases = txtime_cases,
};

kunit_test_suite(txtime_suite);
