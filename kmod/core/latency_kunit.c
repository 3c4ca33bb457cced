// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for latency statistics (latency.c): RFC 3550 jitter on a
 * hand-computed sequence, min/avg/max, reporting range and invalid stamps.
 */
#include <kunit/test.h>
#include <linux/vmalloc.h>

#include "latency.h"

#define T0	1000000000000ULL	/* an arbitrary TX time */

static void lat_jitter_test(struct kunit *test)
{
	/*
	 * Latencies 1.0, 1.2, 1.1, 1.5, 1.5 ms: D = 200000, 100000, 400000, 0.
	 * By hand, J += (|D| - J) / 16 in reals: 12500, 17968.75, 41845.70,
	 * 39230.34. In integers (J16 += |D| - (J16 + 8) / 16): 200000, 287500,
	 * 669531, 627685 -> J = 627685 / 16 = 39230.
	 */
	static const u64 lat[] = { 1000000, 1200000, 1100000, 1500000, 1500000 };
	static const u64 j16[] = { 0, 200000, 287500, 669531, 627685 };
	struct bbgen_lat l;
	struct bbgen_lat_summary s;
	unsigned int i;

	bbgen_lat_init(&l, NULL, 0, BBGEN_HIST_MAX_NS);
	for (i = 0; i < ARRAY_SIZE(lat); i++) {
		KUNIT_ASSERT_TRUE(test, bbgen_lat_add(&l, T0 + i * 1000 + lat[i],
						      T0 + i * 1000));
		KUNIT_EXPECT_EQ(test, l.jitter16, j16[i]);
	}
	bbgen_lat_summary(&l, &s);
	KUNIT_EXPECT_EQ(test, s.jitter, 39230ULL);
	KUNIT_EXPECT_EQ(test, s.count, 5ULL);
	KUNIT_EXPECT_EQ(test, s.min, 1000000ULL);
	KUNIT_EXPECT_EQ(test, s.max, 1500000ULL);
	KUNIT_EXPECT_EQ(test, s.avg, 1260000ULL);
	KUNIT_EXPECT_EQ(test, s.pct[0], 0ULL);	/* no histogram */
}

static void lat_constant_test(struct kunit *test)
{
	struct bbgen_lat l;
	unsigned int i;

	bbgen_lat_init(&l, NULL, 0, BBGEN_HIST_MAX_NS);
	for (i = 0; i < 1000; i++)
		bbgen_lat_add(&l, T0 + i * 7 + 5000, T0 + i * 7);
	KUNIT_EXPECT_EQ(test, l.jitter16, 0ULL);
}

static void lat_range_invalid_test(struct kunit *test)
{
	struct bbgen_hist *h = vzalloc(sizeof(*h));
	struct bbgen_lat l;
	struct bbgen_lat_summary s;

	KUNIT_ASSERT_NOT_NULL(test, h);
	bbgen_lat_init(&l, h, 1000, 2000);
	KUNIT_EXPECT_TRUE(test, bbgen_lat_add(&l, T0 + 999, T0));	/* below */
	KUNIT_EXPECT_TRUE(test, bbgen_lat_add(&l, T0 + 1000, T0));
	KUNIT_EXPECT_TRUE(test, bbgen_lat_add(&l, T0 + 2000, T0));
	KUNIT_EXPECT_TRUE(test, bbgen_lat_add(&l, T0 + 2001, T0));	/* above */
	/* negative, and over 60 s: kept out of everything */
	KUNIT_EXPECT_FALSE(test, bbgen_lat_add(&l, T0 - 1, T0));
	KUNIT_EXPECT_FALSE(test, bbgen_lat_add(&l, T0 + BBGEN_HIST_MAX_NS + 1, T0));
	KUNIT_EXPECT_TRUE(test, bbgen_lat_add(&l, T0 + BBGEN_HIST_MAX_NS, T0));
	bbgen_lat_summary(&l, &s);
	KUNIT_EXPECT_EQ(test, s.below, 1ULL);
	KUNIT_EXPECT_EQ(test, s.above, 2ULL);
	KUNIT_EXPECT_EQ(test, s.invalid, 2ULL);
	KUNIT_EXPECT_EQ(test, s.count, 5ULL);
	KUNIT_EXPECT_EQ(test, h->total, 5ULL);
	KUNIT_EXPECT_EQ(test, s.min, 999ULL);
	KUNIT_EXPECT_EQ(test, s.max, BBGEN_HIST_MAX_NS);
	KUNIT_EXPECT_EQ(test, s.pct[0], 2000ULL);	/* rank 3 of 5 */
	vfree(h);
}

static struct kunit_case bbgen_lat_test_cases[] = {
	KUNIT_CASE(lat_jitter_test),
	KUNIT_CASE(lat_constant_test),
	KUNIT_CASE(lat_range_invalid_test),
	{}
};

static struct kunit_suite bbgen_lat_test_suite = {
	.name = "bbgen_latency",
	.test_cases = bbgen_lat_test_cases,
};

kunit_test_suite(bbgen_lat_test_suite);

MODULE_DESCRIPTION("KUnit tests for bbgen latency statistics");
MODULE_LICENSE("GPL");
