// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the TX time bound of burst frames (txtime.c): frames
 * that go alone keep it at 0; a group of two or more raises it to the span
 * up to the next clock read; it keeps the largest span.
 */
#include <kunit/test.h>

#include "txtime.h"

static void txtime_alone_is_exact(struct kunit *test)
{
	struct bbgen_txtime t = {};
	int i;

	for (i = 0; i < 100; i++)
		KUNIT_EXPECT_FALSE(test, bbgen_txtime_group(&t, 1, 1000 * i,
							    1000 * i + 700));
	KUNIT_EXPECT_EQ(test, t.err_ns, 0);
}

static void txtime_group_span(struct kunit *test)
{
	struct bbgen_txtime t = {};

	KUNIT_EXPECT_TRUE(test, bbgen_txtime_group(&t, BBGEN_TXTIME_GROUP,
						   10000, 12400));
	KUNIT_EXPECT_EQ(test, t.err_ns, 2400);
	/* a shorter group leaves it */
	KUNIT_EXPECT_FALSE(test, bbgen_txtime_group(&t, 2, 20000, 20600));
	KUNIT_EXPECT_EQ(test, t.err_ns, 2400);
	/* a stop in a group (the host took the vCPU) is what it reports */
	KUNIT_EXPECT_TRUE(test, bbgen_txtime_group(&t, 3, 30000, 5030000));
	KUNIT_EXPECT_EQ(test, t.err_ns, 5000000);
	/* a lone frame's span never counts, however long */
	KUNIT_EXPECT_FALSE(test, bbgen_txtime_group(&t, 1, 0, 9000000));
	KUNIT_EXPECT_EQ(test, t.err_ns, 5000000);
}

/* A loop's largest group span, taken at once: only a longer one counts. */
static void txtime_span_grows(struct kunit *test)
{
	struct bbgen_txtime t = {};

	KUNIT_EXPECT_TRUE(test, bbgen_txtime_span(&t, 3100));
	KUNIT_EXPECT_EQ(test, t.err_ns, 3100);
	KUNIT_EXPECT_FALSE(test, bbgen_txtime_span(&t, 3100));
	KUNIT_EXPECT_FALSE(test, bbgen_txtime_span(&t, 900));
	KUNIT_EXPECT_EQ(test, t.err_ns, 3100);
	KUNIT_EXPECT_TRUE(test, bbgen_txtime_span(&t, 4000000));
	KUNIT_EXPECT_EQ(test, t.err_ns, 4000000);
}

static struct kunit_case txtime_cases[] = {
	KUNIT_CASE(txtime_alone_is_exact),
	KUNIT_CASE(txtime_group_span),
	KUNIT_CASE(txtime_span_grows),
	{}
};

static struct kunit_suite txtime_suite = {
	.name = "bbgen_txtime",
	.test_cases = txtime_cases,
};

kunit_test_suite(txtime_suite);
