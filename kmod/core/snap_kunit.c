// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for interval snapshots (snap.c): alignment to absolute
 * interval boundaries, closing by a later frame or by a reader, the
 * snapshot indices readers keep their cursors in, and the ring overwriting
 * its oldest entries.
 */
#include <kunit/test.h>

#include "snap.h"

#define I	1000ULL

static void frame(struct bbgen_snaps *r, u64 now, u64 bytes)
{
	struct bbgen_snap *s = bbgen_snaps_at(r, now, GFP_KERNEL);

	s->frames++;
	s->bytes += bytes;
}

static void snaps_align_test(struct kunit *test)
{
	struct bbgen_snaps *r = kunit_kzalloc(test, sizeof(*r), GFP_KERNEL);
	const struct bbgen_snap *s;

	KUNIT_ASSERT_NOT_NULL(test, r);
	bbgen_snaps_init(r, I);
	frame(r, 1500, 60);
	frame(r, 1999, 60);
	KUNIT_EXPECT_EQ(test, r->len, 0U);
	frame(r, 2000, 100);		/* closes [1000, 2000) */
	frame(r, 5500, 100);		/* closes [2000, 3000); 3, 4 empty */
	KUNIT_ASSERT_EQ(test, r->len, 2U);
	s = bbgen_snaps_get(r, 0);
	KUNIT_EXPECT_EQ(test, s->start_ns, 1000ULL);
	KUNIT_EXPECT_EQ(test, s->frames, 2ULL);
	KUNIT_EXPECT_EQ(test, s->bytes, 120ULL);
	KUNIT_EXPECT_EQ(test, bbgen_snaps_get(r, 1)->start_ns, 2000ULL);
	bbgen_snaps_close_due(r, 5999, GFP_KERNEL);	/* not over yet */
	KUNIT_EXPECT_EQ(test, r->len, 2U);
	bbgen_snaps_close_due(r, 6000, GFP_KERNEL);
	KUNIT_ASSERT_EQ(test, r->len, 3U);
	KUNIT_EXPECT_EQ(test, bbgen_snaps_get(r, 2)->start_ns, 5000ULL);
	/* indices 0, 1, 2; reading removes nothing */
	KUNIT_EXPECT_EQ(test, bbgen_snaps_first(r), 0ULL);
	KUNIT_EXPECT_EQ(test, r->next, 3ULL);
	KUNIT_EXPECT_EQ(test, bbgen_snaps_index(r, 2)->start_ns, 5000ULL);
	KUNIT_EXPECT_EQ(test, bbgen_snaps_index(r, 2)->start_ns, 5000ULL);
	KUNIT_EXPECT_NULL(test, bbgen_snaps_index(r, 3));
	frame(r, 6001, 1);		/* a new interval opens after a close */
	bbgen_snaps_close_due(r, 7000, GFP_KERNEL);
	KUNIT_EXPECT_EQ(test, bbgen_snaps_get(r, 3)->start_ns, 6000ULL);
	KUNIT_EXPECT_EQ(test, bbgen_snaps_index(r, 3)->start_ns, 6000ULL);
	KUNIT_EXPECT_EQ(test, r->len, 4U);
	KUNIT_EXPECT_EQ(test, r->dropped, 0ULL);
	bbgen_snaps_free(r);
}

static void snaps_wrap_test(struct kunit *test)
{
	struct bbgen_snaps *r = kunit_kzalloc(test, sizeof(*r), GFP_KERNEL);
	u64 k;

	KUNIT_ASSERT_NOT_NULL(test, r);
	bbgen_snaps_init(r, I);
	for (k = 0; k < BBGEN_SNAPS_MAX + 6; k++)
		frame(r, k * I, 1);	/* closes k - 1 */
	KUNIT_EXPECT_EQ(test, r->len, (u32)BBGEN_SNAPS_MAX);
	KUNIT_EXPECT_EQ(test, r->dropped, 5ULL);
	KUNIT_EXPECT_EQ(test, bbgen_snaps_get(r, 0)->start_ns, 5 * I);
	KUNIT_EXPECT_EQ(test, bbgen_snaps_get(r, BBGEN_SNAPS_MAX - 1)->start_ns,
			(BBGEN_SNAPS_MAX + 4) * I);
	/* the overwritten are gone by index too; a cursor at 0 missed 5 */
	KUNIT_EXPECT_EQ(test, bbgen_snaps_first(r), 5ULL);
	KUNIT_EXPECT_EQ(test, r->next, (u64)BBGEN_SNAPS_MAX + 5);
	KUNIT_EXPECT_NULL(test, bbgen_snaps_index(r, 4));
	KUNIT_EXPECT_EQ(test, bbgen_snaps_index(r, 5)->start_ns, 5 * I);
	KUNIT_EXPECT_EQ(test, bbgen_snaps_index(r, BBGEN_SNAPS_MAX + 4)->start_ns,
			(BBGEN_SNAPS_MAX + 4) * I);
	KUNIT_EXPECT_NULL(test, bbgen_snaps_index(r, BBGEN_SNAPS_MAX + 5));
	bbgen_snaps_free(r);
}

static void snaps_lat_test(struct kunit *test)
{
	struct bbgen_snap s = {};

	bbgen_snap_lat(&s, 300, 7);
	bbgen_snap_lat(&s, 100, 8);
	bbgen_snap_lat(&s, 200, 9);
	KUNIT_EXPECT_EQ(test, s.lat_count, 3ULL);
	KUNIT_EXPECT_EQ(test, s.lat_min, 100ULL);
	KUNIT_EXPECT_EQ(test, s.lat_max, 300ULL);
	KUNIT_EXPECT_EQ(test, s.lat_sum, 600ULL);
	KUNIT_EXPECT_EQ(test, s.jitter, 9ULL);
}

static struct kunit_case bbgen_snaps_test_cases[] = {
	KUNIT_CASE(snaps_align_test),
	KUNIT_CASE(snaps_wrap_test),
	KUNIT_CASE(snaps_lat_test),
	{}
};

static struct kunit_suite bbgen_snaps_test_suite = {
	.name = "bbgen_snaps",
	.test_cases = bbgen_snaps_test_cases,
};

kunit_test_suite(bbgen_snaps_test_suite);

MODULE_DESCRIPTION("KUnit tests for bbgen interval snapshots");
MODULE_LICENSE("GPL");
