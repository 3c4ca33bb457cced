// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the IMIX cycle expansion (imix.c): weights reduced by
 * their gcd, followed exactly per cycle, spread evenly in the fixed order,
 * and shuffled into a reproducible permutation.
 */
#include <kunit/test.h>
#include <linux/slab.h>

#include "imix.h"

/* ByteBlower's default IMIX: 72:34 124:6 252:4 508:4 1020:9 1276:25 1510:18 */
static const u32 bb_default[] = { 34, 6, 4, 4, 9, 25, 18 };

static u16 *expand(struct kunit *test, const u32 *w, u32 n, u32 *len)
{
	u16 *cycle;

	*len = bbgen_imix_cycle_len(w, n);
	KUNIT_ASSERT_GT(test, *len, 0U);
	cycle = kunit_kcalloc(test, *len, sizeof(*cycle), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, cycle);
	KUNIT_ASSERT_EQ(test, bbgen_imix_fill(w, n, cycle, *len), 0);
	return cycle;
}

static u16 *dup(struct kunit *test, const u16 *src, u32 len)
{
	u16 *p = kunit_kmalloc_array(test, len, sizeof(*p), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, p);
	memcpy(p, src, len * sizeof(*p));
	return p;
}

/* Each template appears w[i] / gcd times in the cycle. */
static void expect_counts(struct kunit *test, const u16 *cycle, u32 len,
			  const u32 *w, u32 n, u32 g)
{
	u32 counts[16] = {}, i;

	for (i = 0; i < len; i++) {
		KUNIT_ASSERT_LT(test, cycle[i], n);
		counts[cycle[i]]++;
	}
	for (i = 0; i < n; i++)
		KUNIT_EXPECT_EQ_MSG(test, counts[i], w[i] / g, "template %u", i);
}

static void imix_default_test(struct kunit *test)
{
	const u32 n = ARRAY_SIZE(bb_default);
	u32 len, k, i, seen[ARRAY_SIZE(bb_default)] = {};
	u16 *cycle = expand(test, bb_default, n, &len);
	s64 err;

	KUNIT_EXPECT_EQ(test, len, 100U);
	expect_counts(test, cycle, len, bb_default, n, 1);
	/* fixed order: every prefix within one frame of each share */
	for (k = 1; k <= len; k++) {
		seen[cycle[k - 1]]++;
		for (i = 0; i < n; i++) {
			err = (s64)seen[i] * len - (s64)k * bb_default[i];
			KUNIT_EXPECT_LT_MSG(test, abs(err), (s64)len,
					    "prefix %u template %u", k, i);
		}
	}
}

static void imix_gcd_test(struct kunit *test)
{
	const u32 w[] = { 68, 12 }, z[] = { 0, 0, 0 }, w0[] = { 0, 40, 0, 60 };
	const u32 big[] = { U32_MAX, U32_MAX, U32_MAX };
	const u32 over[] = { 65536, 1 };
	u16 *cycle;
	u32 len;

	cycle = expand(test, w, 2, &len);
	KUNIT_EXPECT_EQ(test, len, 20U);
	expect_counts(test, cycle, len, w, 2, 4);
	/* zero weights: never sent */
	cycle = expand(test, w0, 4, &len);
	KUNIT_EXPECT_EQ(test, len, 5U);
	expect_counts(test, cycle, len, w0, 4, 20);
	KUNIT_EXPECT_EQ(test, bbgen_imix_cycle_len(z, 3), 0ULL);
	/* equal huge weights reduce to 1:1:1 */
	KUNIT_EXPECT_EQ(test, bbgen_imix_cycle_len(big, 3), 3ULL);
	/* the caller rejects cycles above its cap: the length is exact */
	KUNIT_EXPECT_EQ(test, bbgen_imix_cycle_len(over, 2), 65537ULL);
	{
		const u32 huge[] = { U32_MAX, U32_MAX - 1 };

		KUNIT_EXPECT_EQ(test, bbgen_imix_cycle_len(huge, 2),
				2ULL * U32_MAX - 1);
	}
}

static void imix_shuffle_test(struct kunit *test)
{
	const u32 n = ARRAY_SIZE(bb_default);
	u32 len, i, same = 0, moved = 0;
	u16 *fixed = expand(test, bb_default, n, &len);
	u16 *a = dup(test, fixed, len);
	u16 *b = dup(test, fixed, len);
	u16 *c = dup(test, fixed, len);

	bbgen_imix_shuffle(a, len, 42);
	bbgen_imix_shuffle(b, len, 42);
	bbgen_imix_shuffle(c, len, 43);
	/* a permutation: the same counts as the fixed cycle */
	expect_counts(test, a, len, bb_default, n, 1);
	expect_counts(test, c, len, bb_default, n, 1);
	for (i = 0; i < len; i++) {
		same += a[i] == b[i];
		moved += a[i] != fixed[i];
	}
	KUNIT_EXPECT_EQ(test, same, len);	/* reproducible */
	KUNIT_EXPECT_GT(test, moved, len / 2);	/* and shuffled */
	KUNIT_EXPECT_NE(test, memcmp(a, c, len * sizeof(u16)), 0);
}

/* The largest cycle the module accepts, with many templates. */
static void imix_large_test(struct kunit *test)
{
	u32 *w = kunit_kcalloc(test, 256, sizeof(*w), GFP_KERNEL);
	u32 *counts = kunit_kcalloc(test, 256, sizeof(*counts), GFP_KERNEL);
	u32 len, i;
	u16 *cycle;

	KUNIT_ASSERT_NOT_NULL(test, w);
	KUNIT_ASSERT_NOT_NULL(test, counts);
	for (i = 0; i < 256; i++)
		w[i] = i + 1;	/* sum 32896 */
	cycle = expand(test, w, 256, &len);
	KUNIT_EXPECT_EQ(test, len, 32896U);
	bbgen_imix_shuffle(cycle, len, 7);
	for (i = 0; i < len; i++)
		counts[cycle[i]]++;
	for (i = 0; i < 256; i++)
		KUNIT_EXPECT_EQ(test, counts[i], i + 1);
}

static struct kunit_case bbgen_imix_test_cases[] = {
	KUNIT_CASE(imix_default_test),
	KUNIT_CASE(imix_gcd_test),
	KUNIT_CASE(imix_shuffle_test),
	KUNIT_CASE(imix_large_test),
	{}
};

static struct kunit_suite bbgen_imix_test_suite = {
	.name = "bbgen_imix",
	.test_cases = bbgen_imix_test_cases,
};

kunit_test_suite(bbgen_imix_test_suite);

MODULE_DESCRIPTION("KUnit tests for the bbgen IMIX expansion");
MODULE_LICENSE("GPL");
