// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the log-linear histogram (hist.c): bucket bounds tile the
 * range, every value's bucket is within the 0.1% error bound, and the
 * percentiles agree with a brute-force sort of the same samples.
 */
#include <kunit/test.h>
#include <linux/sort.h>
#include <linux/vmalloc.h>

#include "hist.h"

#define NSAMPLES	100000

/* xorshift64: deterministic pseudo-random numbers for the tests */
static u64 rnd(u64 *state)
{
	u64 x = *state;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	*state = x;
	return x;
}

/* @v is in its bucket, and the bucket's upper and mid are close to @v. */
static void check_value(struct kunit *test, u64 v)
{
	u32 idx = bbgen_hist_index(v);
	u64 up = bbgen_hist_upper(idx), mid = bbgen_hist_mid(idx);

	KUNIT_ASSERT_LT(test, idx, (u32)BBGEN_HIST_BUCKETS);
	KUNIT_ASSERT_LE(test, bbgen_hist_lowest(idx), v);
	KUNIT_ASSERT_GE(test, up, v);
	/* upper - v < v / 1024 <= 0.1% of v; |mid - v| <= v / 2048 */
	KUNIT_ASSERT_LE_MSG(test, (up - v) * 1024, v, "v=%llu", v);
	KUNIT_ASSERT_LE_MSG(test, (mid > v ? mid - v : v - mid) * 2048, v,
			    "v=%llu", v);
}

static void hist_tiling_test(struct kunit *test)
{
	u32 idx;

	KUNIT_EXPECT_EQ(test, bbgen_hist_lowest(0), 0ULL);
	for (idx = 0; idx + 1 < BBGEN_HIST_BUCKETS; idx++) {
		KUNIT_ASSERT_EQ(test, bbgen_hist_upper(idx) + 1,
				bbgen_hist_lowest(idx + 1));
		KUNIT_ASSERT_EQ(test, bbgen_hist_index(bbgen_hist_lowest(idx)), idx);
		KUNIT_ASSERT_EQ(test, bbgen_hist_index(bbgen_hist_upper(idx)), idx);
	}
	/* the last octave ends at 2^36 - 1, past 60 s */
	KUNIT_EXPECT_EQ(test, bbgen_hist_index((1ULL << 36) - 1) + 0U,
			(u32)BBGEN_HIST_BUCKETS - 1);
	KUNIT_EXPECT_GE(test, bbgen_hist_upper(BBGEN_HIST_BUCKETS - 1),
			BBGEN_HIST_MAX_NS);
}

static void hist_error_bound_test(struct kunit *test)
{
	u64 state = 0x9e3779b97f4a7c15ULL, v;
	unsigned int i, bit;

	for (v = 0; v < 70000; v++)
		check_value(test, v);
	for (bit = 11; bit < 36; bit++) {
		check_value(test, (1ULL << bit) - 1);
		check_value(test, 1ULL << bit);
		check_value(test, (1ULL << bit) + 1);
	}
	/* log-uniform over 1 ns .. 60 s */
	for (i = 0; i < 1000000; i++) {
		v = rnd(&state) >> (28 + rnd(&state) % 36);
		check_value(test, min(v, BBGEN_HIST_MAX_NS));
	}
	check_value(test, BBGEN_HIST_MAX_NS);
}

static int cmp_u64(const void *a, const void *b)
{
	u64 x = *(const u64 *)a, y = *(const u64 *)b;

	return x < y ? -1 : x > y;
}

/* Irwin-Hall: the sum of 12 uniforms on [0, 1) is close to normal(6, 1). */
static u64 normalish(u64 *state, u64 mean, u64 sd)
{
	s64 sum = 0;
	int i;

	for (i = 0; i < 12; i++)
		sum += rnd(state) >> 44;	/* uniform on [0, 2^20) */
	sum -= 6LL << 20;
	return max_t(s64, 0, (s64)mean + sum * (s64)sd / (1 << 20));
}

static const u32 ppm[] = { 0, 1, 500000, 900000, 990000, 999000, 999900, 1000000 };

static void check_percentiles(struct kunit *test, u64 *samples, unsigned int n)
{
	struct bbgen_hist *h = vzalloc(sizeof(*h));
	u64 got[ARRAY_SIZE(ppm)];
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, h);
	bbgen_hist_init(h);
	for (i = 0; i < n; i++)
		bbgen_hist_add(h, samples[i]);
	bbgen_hist_percentiles(h, ppm, got, ARRAY_SIZE(ppm));
	vfree(h);
	sort(samples, n, sizeof(*samples), cmp_u64, NULL);
	for (i = 0; i < ARRAY_SIZE(ppm); i++) {
		/* nearest rank: the ceil(n * p)-th smallest, at least the 1st */
		u64 rank = DIV_ROUND_UP_ULL((u64)n * ppm[i], 1000000) ?: 1;
		u64 want = samples[rank - 1];
		u64 err = got[i] > want ? got[i] - want : want - got[i];

		KUNIT_EXPECT_LE_MSG(test, err * 1000, want,
				    "ppm %u: hist %llu, sorted %llu",
				    ppm[i], got[i], want);
	}
}

static void hist_percentile_normal_test(struct kunit *test)
{
	u64 *s = vmalloc(NSAMPLES * sizeof(*s)), state = 12345;
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, s);
	for (i = 0; i < NSAMPLES; i++)	/* netem-like: 20 ms +- 5 ms */
		s[i] = normalish(&state, 20000000, 5000000);
	check_percentiles(test, s, NSAMPLES);
	vfree(s);
}

static void hist_percentile_wide_test(struct kunit *test)
{
	u64 *s = vmalloc(NSAMPLES * sizeof(*s)), state = 777;
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, s);
	for (i = 0; i < NSAMPLES; i++)	/* log-uniform, 1 ns .. 60 s */
		s[i] = min(rnd(&state) >> (28 + rnd(&state) % 36),
			   BBGEN_HIST_MAX_NS) ?: 1;
	check_percentiles(test, s, NSAMPLES);
	vfree(s);
}

static void hist_percentile_small_test(struct kunit *test)
{
	u64 s[] = { 5000, 1000, 3000, 2000, 4000 };
	struct bbgen_hist *h = vzalloc(sizeof(*h));
	u64 got[ARRAY_SIZE(ppm)];
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, h);
	bbgen_hist_percentiles(h, ppm, got, ARRAY_SIZE(ppm));
	KUNIT_EXPECT_EQ(test, got[2], 0ULL);	/* empty */
	for (i = 0; i < ARRAY_SIZE(s); i++)
		bbgen_hist_add(h, s[i]);
	bbgen_hist_percentiles(h, ppm, got, ARRAY_SIZE(ppm));
	vfree(h);
	/* 1000..5000 are exact below 2048, mid of a 2 ns bucket above */
	KUNIT_EXPECT_EQ(test, got[0], 1000ULL);
	KUNIT_EXPECT_EQ(test, got[2], 3001ULL);	/* rank 3 */
	KUNIT_EXPECT_EQ(test, got[3], 5002ULL);	/* rank 5 */
	KUNIT_EXPECT_EQ(test, got[7], 5002ULL);
}

static struct kunit_case bbgen_hist_test_cases[] = {
	KUNIT_CASE(hist_tiling_test),
	KUNIT_CASE(hist_error_bound_test),
	KUNIT_CASE(hist_percentile_small_test),
	KUNIT_CASE(hist_percentile_normal_test),
	KUNIT_CASE(hist_percentile_wide_test),
	{}
};

static struct kunit_suite bbgen_hist_test_suite = {
	.name = "bbgen_hist",
	.test_cases = bbgen_hist_test_cases,
};

kunit_test_suite(bbgen_hist_test_suite);

MODULE_DESCRIPTION("KUnit tests for bbgen latency histograms");
MODULE_LICENSE("GPL");
