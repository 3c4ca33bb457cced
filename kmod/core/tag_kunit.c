// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the sequence tag and its checksum fix (tag.c): random
 * IPv4 and IPv6 UDP frames are tagged at the default place (end of the UDP
 * payload) and at odd and random offsets, and the full UDP checksum is
 * recomputed from scratch after every write.
 */
#include <kunit/test.h>

#include "frame.h"
#include "kunit_frames.h"
#include "tag.h"

#define FRAMES_PER_CASE	200
#define FRAME_BUF	1600

enum tag_place { TAG_DEFAULT, TAG_ODD, TAG_RANDOM };

struct tag_case {
	const char *name;
	int ip_version;
	int vlans;
	u32 size_min, size_max;
	enum tag_place place;
};

static const struct tag_case tag_cases[] = {
	{ "ipv4 default offset", 4, 0, 60, 1514, TAG_DEFAULT },
	{ "ipv4 odd offset", 4, 0, 60, 1514, TAG_ODD },
	{ "ipv4 random offset", 4, 0, 60, 1514, TAG_RANDOM },
	{ "ipv4 minimum frame", 4, 0, 60, 60, TAG_DEFAULT },
	{ "ipv4 vlan", 4, 1, 64, 1518, TAG_RANDOM },
	{ "ipv6 default offset", 6, 0, 70, 1514, TAG_DEFAULT },
	{ "ipv6 odd offset", 6, 0, 71, 1514, TAG_ODD },
	{ "ipv6 random offset", 6, 0, 70, 1514, TAG_RANDOM },
	{ "ipv6 minimum frame", 6, 0, 70, 70, TAG_DEFAULT },
	{ "ipv6 two vlans", 6, 2, 78, 1522, TAG_RANDOM },
};

static void tag_case_desc(const struct tag_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(tag_cases, tag_cases, tag_case_desc);

static u32 tag_offset(const struct tag_case *c, const struct bbgen_frame_udp *u,
		      u64 *rng, u32 tag_len)
{
	u32 room = u->payload_len - tag_len;
	u32 k = kf_rand(rng) % (room + 1);

	switch (c->place) {
	case TAG_ODD:
		/* odd from the UDP header, so the tag's words straddle */
		if (!(k & 1))
			k = k ? k - 1 : k + 1;
		return u->payload_off + k;
	case TAG_RANDOM:
		return u->payload_off + k;
	default:
		return u->payload_off + room;
	}
}

static u64 random_seq(u64 *rng)
{
	u64 r = kf_rand(rng);

	/* half of them close to the 48-bit limit */
	if (r & 1)
		return BBGEN_TAG_SEQ_MASK - (r >> 1) % 1000;
	return (r >> 1) & BBGEN_TAG_SEQ_MASK;
}

/*
 * A random frame of case @c in @f (valid UDP checksum, room for a tag of
 * @tag_len), found by bbgen_frame_find_udp() into @u: the tag's offset.
 */
static u32 case_frame(struct kunit *test, const struct tag_case *c, u8 *f,
		      u64 *rng, struct bbgen_frame_udp *u, u32 tag_len)
{
	struct kf_spec sp = { .ip_version = c->ip_version, .vlans = c->vlans };

	sp.size = c->size_min + kf_rand(rng) % (c->size_max - c->size_min + 1);
	kf_build(f, &sp, rng);
	KUNIT_ASSERT_EQ(test, kf_udp_sum(f, kf_l3_off(&sp), sp.ip_version),
			0xffffU);
	KUNIT_ASSERT_EQ(test, bbgen_frame_find_udp(f, sp.size, u), 0);
	KUNIT_ASSERT_GE(test, u->payload_len, tag_len);
	return tag_offset(c, u, rng, tag_len);
}

static void tag_checksum_test(struct kunit *test)
{
	const struct tag_case *c = test->param_value;
	struct bbgen_frame_udp u;
	u64 rng = 0x9e3779b97f4a7c15ULL, seq;
	u8 *f = kunit_kzalloc(test, FRAME_BUF, GFP_KERNEL);
	u32 off, n;
	u16 orig;

	KUNIT_ASSERT_NOT_NULL(test, f);
	for (n = 0; n < FRAMES_PER_CASE; n++) {
		off = case_frame(test, c, f, &rng, &u, BBGEN_TAG_SEQ_LEN);
		orig = bbgen_tag_sum(f + off);
		/* several frames from one template, as the TX engine does */
		seq = random_seq(&rng);
		bbgen_tag_write(f + off, orig, seq, 0);
		KUNIT_EXPECT_EQ(test, bbgen_tag_read_seq(f + off), seq);
		KUNIT_EXPECT_EQ(test, kf_udp_sum(f, u.l3_off, u.ip_version),
				0xffffU);
		bbgen_tag_write(f + off, orig, seq + 1, 0);
		KUNIT_EXPECT_EQ(test, kf_udp_sum(f, u.l3_off, u.ip_version),
				0xffffU);
	}
}

/* The 16-byte tag (latency on): same frames, IPv6 minimum raised to fit. */
static const struct tag_case time_cases[] = {
	{ "ipv4 default offset", 4, 0, 60, 1514, TAG_DEFAULT },
	{ "ipv4 odd offset", 4, 0, 60, 1514, TAG_ODD },
	{ "ipv4 random offset", 4, 0, 60, 1514, TAG_RANDOM },
	{ "ipv4 minimum frame", 4, 0, 60, 60, TAG_DEFAULT },
	{ "ipv4 vlan", 4, 1, 64, 1518, TAG_RANDOM },
	{ "ipv6 default offset", 6, 0, 78, 1514, TAG_DEFAULT },
	{ "ipv6 odd offset", 6, 0, 79, 1514, TAG_ODD },
	{ "ipv6 random offset", 6, 0, 78, 1514, TAG_RANDOM },
	{ "ipv6 minimum frame", 6, 0, 78, 78, TAG_DEFAULT },
	{ "ipv6 two vlans", 6, 2, 86, 1522, TAG_RANDOM },
};

KUNIT_ARRAY_PARAM(time_cases, time_cases, tag_case_desc);

/* Random TX times, half of them with every byte busy. */
static u64 random_time(u64 *rng)
{
	u64 r = kf_rand(rng);

	return (r & 1) ? ~(r >> 8) : r >> 1;
}

/* The 16-byte tag at @off of frame @f reads back @seq and @t, sum valid. */
static void expect_time_tag(struct kunit *test, const u8 *f, u32 off,
			    const struct bbgen_frame_udp *u, u64 seq, u64 t)
{
	KUNIT_EXPECT_EQ(test, bbgen_tag_read_seq(f + off), seq);
	KUNIT_EXPECT_EQ(test, bbgen_tag_read_time(f + off), t);
	KUNIT_EXPECT_EQ(test, kf_udp_sum(f, u->l3_off, u->ip_version), 0xffffU);
}

static void tag_time_checksum_test(struct kunit *test)
{
	const struct tag_case *c = test->param_value;
	struct bbgen_frame_udp u;
	u64 rng = 0x853c49e6748fea9bULL, seq, t;
	u8 *f = kunit_kzalloc(test, FRAME_BUF, GFP_KERNEL);
	u32 off, n, k;
	u16 orig;

	KUNIT_ASSERT_NOT_NULL(test, f);
	for (n = 0; n < FRAMES_PER_CASE; n++) {
		off = case_frame(test, c, f, &rng, &u, BBGEN_TAG_TIME_LEN);
		orig = bbgen_tag_time_sum(f + off);
		/* several frames from one template, as the TX engine does */
		for (k = 0; k < 3; k++) {
			seq = random_seq(&rng);
			t = random_time(&rng);
			bbgen_tag_write_time(f + off, orig, seq, t, 0);
			expect_time_tag(test, f, off, &u, seq, t);
		}
	}
}

/*
 * A group as the TX loop writes it: one base for a TX time, then
 * consecutive sequence numbers off it, across a 16-bit and a 32-bit carry
 * of the sequence number and its 48-bit wrap.
 */
static void tag_group_checksum_test(struct kunit *test)
{
	static const u64 starts[] = { 0xff80, 0xffffff80ULL,
				      BBGEN_TAG_SEQ_MASK - 0x7f };
	const struct tag_case *c = &time_cases[1];	/* odd offset */
	struct bbgen_frame_udp u;
	u64 rng = 0x2545f4914f6cdd1dULL, seq, t;
	u8 *f = kunit_kzalloc(test, FRAME_BUF, GFP_KERNEL);
	u32 off, n, base;
	u16 orig;

	KUNIT_ASSERT_NOT_NULL(test, f);
	for (n = 0; n < ARRAY_SIZE(starts); n++) {
		off = case_frame(test, c, f, &rng, &u, BBGEN_TAG_TIME_LEN);
		orig = bbgen_tag_time_sum(f + off);
		t = random_time(&rng);
		base = bbgen_tag_time_base(orig, t, 0);
		bbgen_tag_put_be64(f + off + 8, t);
		for (seq = starts[n]; seq < starts[n] + 0x100; seq++) {
			bbgen_tag_put_seq(f + off, base, seq);
			expect_time_tag(test, f, off, &u,
					seq & BBGEN_TAG_SEQ_MASK, t);
		}
	}
}

struct seq_value_case {
	const char *name;
	u64 seq;
};

static const struct seq_value_case seq_values[] = {
	{ "zero", 0 },
	{ "one", 1 },
	{ "byte boundary", 0x100 },
	{ "32-bit boundary", 0x100000000ULL },
	{ "48-bit max", (1ULL << 48) - 1 },
	{ "48-bit max - 1", (1ULL << 48) - 2 },
	{ "all ones word", 0xffffffffffffULL },
};

static void seq_value_desc(const struct seq_value_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(seq_values, seq_values, seq_value_desc);

/* Round trip and sum preservation for chosen values and template bytes. */
static void tag_roundtrip_test(struct kunit *test)
{
	const struct seq_value_case *c = test->param_value;
	static const u8 templates[][BBGEN_TAG_SEQ_LEN] = {
		{ 0, 0, 0, 0, 0, 0, 0, 0 },
		{ 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff },
		{ 0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0 },
	};
	u8 area[BBGEN_TAG_SEQ_LEN];
	unsigned int i;
	u16 orig;

	for (i = 0; i < ARRAY_SIZE(templates); i++) {
		memcpy(area, templates[i], sizeof(area));
		orig = bbgen_tag_sum(area);
		bbgen_tag_write(area, orig, c->seq, 0);
		KUNIT_EXPECT_EQ(test, bbgen_tag_read_seq(area), c->seq);
		/* 0x0000 and 0xffff are the same one's-complement value */
		KUNIT_EXPECT_EQ(test, bbgen_tag_sum(area) % 0xffff,
				orig % 0xffff);
	}
}

static void tag_masks_48_bits_test(struct kunit *test)
{
	u8 area[BBGEN_TAG_SEQ_LEN] = { 0 };

	bbgen_tag_write(area, 0, (1ULL << 48) | 5, 0);
	KUNIT_EXPECT_EQ(test, bbgen_tag_read_seq(area), 5ULL);
}

static struct kunit_case bbgen_tag_test_cases[] = {
	KUNIT_CASE_PARAM(tag_checksum_test, tag_cases_gen_params),
	KUNIT_CASE_PARAM(tag_roundtrip_test, seq_values_gen_params),
	KUNIT_CASE(tag_masks_48_bits_test),
	KUNIT_CASE_PARAM(tag_time_checksum_test, time_cases_gen_params),
	KUNIT_CASE(tag_group_checksum_test),
	{}
};

static struct kunit_suite bbgen_tag_test_suite = {
	.name = "bbgen_tag",
	.test_cases = bbgen_tag_test_cases,
};

kunit_test_suite(bbgen_tag_test_suite);

MODULE_DESCRIPTION("KUnit tests for the bbgen sequence tag");
MODULE_LICENSE("GPL");
