// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the exact rate schedule (rate.c): due times and due
 * counts agree with each other at many instants, the count stays within
 * one frame of rate x t (no drift over 100 s at a fractional rate), the
 * gaps between frames are the two nearest integers, and huge values
 * saturate instead of overflowing.
 */
#include <kunit/test.h>
#include <linux/math64.h>

#include "kunit_frames.h"
#include "rate.h"

struct rate_case {
	const char *name;
	struct bbgen_rate r;
};

static const struct rate_case rate_cases[] = {
	/* 60-byte frames at 1 Gbit/s physical: 1,488,095.24 fps */
	{ "1488095.24 fps", { 148809524, 100000000000ULL } },
	{ "5000 fps", { 5000, 1000000000 } },
	{ "interval 7 ns", { 1, 7 } },
	{ "1/3 fps", { 1, 3000000000ULL } },
	{ "29.97 fps", { 30000, 1001000000 } },
	{ "near 1e9 fps", { 999999999, 1000000000 } },
	{ "more frames than ns", { 3000000001ULL, 1000000000 } },
	{ "one day period", { 86399, 86400000000000ULL } },
};

static void rate_case_desc(const struct rate_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(rate_cases, rate_cases, rate_case_desc);

/* count(t) is exactly the number of frames whose due time is <= t. */
static void check_instant(struct kunit *test, const struct bbgen_rate *r,
			  u64 t)
{
	u64 c = bbgen_rate_count(r, t);

	KUNIT_ASSERT_GE(test, c, 1ULL);	/* frame 0 is due at 0 */
	KUNIT_EXPECT_LE_MSG(test, bbgen_rate_due(r, c - 1), t, "t=%llu", t);
	KUNIT_EXPECT_GT_MSG(test, bbgen_rate_due(r, c), t, "t=%llu", t);
}

static void rate_count_matches_due_test(struct kunit *test)
{
	const struct rate_case *c = test->param_value;
	u64 rng = 0x2545f4914f6cdd1dULL, t, n;
	int i;

	for (i = 0; i < 2000; i++) {
		/* random instants up to ~10 days, and frame boundaries */
		t = kf_rand(&rng) % (1ULL << 50);
		check_instant(test, &c->r, t);
		n = bbgen_rate_count(&c->r, t);
		t = bbgen_rate_due(&c->r, n);
		check_instant(test, &c->r, t);
		if (t)
			check_instant(test, &c->r, t - 1);
	}
}

/* Consecutive frames are floor(P/F) or floor(P/F) + 1 ns apart. */
static void rate_gaps_test(struct kunit *test)
{
	const struct rate_case *c = test->param_value;
	u64 step = div64_u64(c->r.period_ns, c->r.frames), n, gap, prev;
	u64 base = 123456789;

	prev = bbgen_rate_due(&c->r, base);
	for (n = base + 1; n < base + 5000; n++) {
		gap = bbgen_rate_due(&c->r, n) - prev;
		KUNIT_EXPECT_TRUE_MSG(test, gap == step || gap == step + 1,
				      "n=%llu gap=%llu", n, gap);
		prev += gap;
	}
	/* FRAMES frames take exactly PERIOD */
	if (c->r.frames < (1ULL << 40))
		KUNIT_EXPECT_EQ(test, bbgen_rate_due(&c->r, base + c->r.frames) -
				bbgen_rate_due(&c->r, base), c->r.period_ns);
}

/* 1,488,095.24 fps: after k seconds, ceil(k * 1488095.24) frames, k <= 100. */
static void rate_no_drift_test(struct kunit *test)
{
	const struct bbgen_rate r = { 148809524, 100000000000ULL };
	u64 k, got, want;

	for (k = 1; k <= 100; k++) {
		got = bbgen_rate_count(&r, k * NSEC_PER_SEC - 1);
		want = div64_u64(k * 148809524 + 99, 100);
		KUNIT_EXPECT_EQ_MSG(test, got, want, "after %llu s", k);
		/* within one frame of rate x t: got * 100 - k * 148809524 < 100 */
		KUNIT_EXPECT_LT(test, got * 100 - k * 148809524, 100ULL);
	}
	KUNIT_EXPECT_EQ(test, bbgen_rate_count(&r, 100 * NSEC_PER_SEC - 1),
			148809524ULL);
}

/* Frames 1/interval: the old INTERVAL_NS schedule. */
static void rate_interval_test(struct kunit *test)
{
	const struct bbgen_rate r = { 1, 200000 };

	KUNIT_EXPECT_EQ(test, bbgen_rate_due(&r, 0), 0ULL);
	KUNIT_EXPECT_EQ(test, bbgen_rate_due(&r, 24999), 24999ULL * 200000);
	KUNIT_EXPECT_EQ(test, bbgen_rate_count(&r, 0), 1ULL);
	KUNIT_EXPECT_EQ(test, bbgen_rate_count(&r, 199999), 1ULL);
	KUNIT_EXPECT_EQ(test, bbgen_rate_count(&r, 200000), 2ULL);
	/* 5 s at 5000 fps: exactly 25,000 frames due before the end */
	KUNIT_EXPECT_EQ(test, bbgen_rate_count(&r, 5 * NSEC_PER_SEC - 1),
			25000ULL);
}

static void rate_huge_test(struct kunit *test)
{
	const struct bbgen_rate one = { 1, 1 }, two = { 1, 2 };
	const struct bbgen_rate flat = { U64_MAX, 1 };
	const struct bbgen_rate frac = { 148809524, 100000000000ULL };
	const struct bbgen_rate slow = { 1, 86400000000000ULL };
	u64 n = 1000000000000000ULL, t;

	KUNIT_EXPECT_EQ(test, bbgen_rate_due(&one, U64_MAX - 1), U64_MAX - 1);
	KUNIT_EXPECT_EQ(test, bbgen_rate_due(&two, 1ULL << 63), U64_MAX);
	KUNIT_EXPECT_EQ(test, bbgen_rate_count(&one, U64_MAX), U64_MAX);
	KUNIT_EXPECT_EQ(test, bbgen_rate_count(&two, U64_MAX - 1),
			1ULL << 63);
	/* unlimited: everything is due at once */
	KUNIT_EXPECT_EQ(test, bbgen_rate_due(&flat, U64_MAX - 1), 0ULL);
	KUNIT_EXPECT_EQ(test, bbgen_rate_count(&flat, 0), U64_MAX);
	KUNIT_EXPECT_EQ(test, bbgen_rate_count(&flat, 1ULL << 62), U64_MAX);
	/* 10^15 frames at a fractional rate: ~21 years in, still exact */
	t = bbgen_rate_due(&frac, n);
	KUNIT_EXPECT_NE(test, t, U64_MAX);
	KUNIT_EXPECT_EQ(test, bbgen_rate_count(&frac, t), n + 1);
	KUNIT_EXPECT_EQ(test, bbgen_rate_count(&frac, t - 1), n);
	KUNIT_EXPECT_EQ(test, bbgen_rate_due(&frac, 1ULL << 60), U64_MAX);
	KUNIT_EXPECT_EQ(test, bbgen_rate_due(&slow, 300000), U64_MAX);
	KUNIT_EXPECT_EQ(test, bbgen_rate_count(&slow, U64_MAX - 1),
			div64_u64(U64_MAX, 86400000000000ULL) + 1);
}

/* Past the end of a duration: catch up, or end now? */
static void rate_can_finish_test(struct kunit *test)
{
	/* 256 frames in 55 us under TCG: 214.84375 ns a frame */
	u64 tcg = bbgen_rate_frame_ns_x1024(55000, 256);

	KUNIT_EXPECT_EQ(test, tcg, 220000ULL);
	KUNIT_EXPECT_EQ(test, bbgen_rate_frame_ns_x1024(7, 2), 3584ULL);
	KUNIT_EXPECT_EQ(test, bbgen_rate_frame_ns_x1024(U64_MAX, 2), U64_MAX);
	/* nothing owed: done either way */
	KUNIT_EXPECT_TRUE(test, bbgen_rate_can_finish(0, U64_MAX, 0));
	/* a stall at the end: 7,500 frames of a 5,000 fps stream owed */
	KUNIT_EXPECT_TRUE(test, bbgen_rate_can_finish(7500, tcg, 1000000000ULL));
	/* flat out: 3 G frames due in 3 s, 14.5 M sent */
	KUNIT_EXPECT_FALSE(test, bbgen_rate_can_finish(2985500000ULL, tcg,
						       1000000000ULL));
	/* the edge: 1,024 frames of 1 ns fit 1,024 ns, not 1,023 */
	KUNIT_EXPECT_TRUE(test, bbgen_rate_can_finish(1024, 1024, 1024));
	KUNIT_EXPECT_FALSE(test, bbgen_rate_can_finish(1024, 1024, 1023));
	/* no burst seen yet (U64_MAX), or a product beyond 64 bits */
	KUNIT_EXPECT_FALSE(test, bbgen_rate_can_finish(2, U64_MAX, U64_MAX));
	/* no window left */
	KUNIT_EXPECT_FALSE(test, bbgen_rate_can_finish(1, 2048, 0));
}

static struct kunit_case bbgen_rate_test_cases[] = {
	KUNIT_CASE_PARAM(rate_count_matches_due_test, rate_cases_gen_params),
	KUNIT_CASE_PARAM(rate_gaps_test, rate_cases_gen_params),
	KUNIT_CASE(rate_no_drift_test),
	KUNIT_CASE(rate_interval_test),
	KUNIT_CASE(rate_huge_test),
	KUNIT_CASE(rate_can_finish_test),
	{}
};

static struct kunit_suite bbgen_rate_test_suite = {
	.name = "bbgen_rate",
	.test_cases = bbgen_rate_test_cases,
};

kunit_test_suite(bbgen_rate_test_suite);

MODULE_DESCRIPTION("KUnit tests for the bbgen rate schedule");
MODULE_LICENSE("GPL");
