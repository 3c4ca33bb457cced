// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the RTP fields (rtp.c) and their share of the tag's
 * checksum fix: random IPv4 and IPv6 UDP frames get an RTP header and a
 * tag at places that are an even and an odd number of bytes apart, frames
 * are written as the TX engine writes them (several from one template),
 * and the full UDP checksum is recomputed from scratch after every write.
 */
#include <kunit/test.h>

#include "frame.h"
#include "kunit_frames.h"
#include "rtp.h"
#include "tag.h"

#define RTP_FRAMES_PER_CASE	200
#define RTP_FRAME_BUF		1600

struct rtp_case {
	const char *name;
	int ip_version;
	bool latency;
	bool odd;		/* RTP header an odd distance from the tag */
	bool first;		/* RTP at the payload start, tag at the end */
};

static const struct rtp_case rtp_cases[] = {
	{ "ipv4 voice layout", 4, true, false, true },
	{ "ipv4 voice layout, sequence tag", 4, false, false, true },
	{ "ipv4 even distance", 4, true, false, false },
	{ "ipv4 odd distance", 4, true, true, false },
	{ "ipv4 odd distance, sequence tag", 4, false, true, false },
	{ "ipv6 voice layout", 6, true, false, true },
	{ "ipv6 even distance", 6, false, false, false },
	{ "ipv6 odd distance", 6, true, true, false },
};

static void rtp_case_desc(const struct rtp_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(rtp_cases, rtp_cases, rtp_case_desc);

/* Frame numbers: small, around the 16-bit wrap, and large. */
static u64 rtp_random_n(u64 *rng)
{
	u64 r = kf_rand(rng);

	switch (r & 3) {
	case 0:
		return (r >> 2) % 100;
	case 1:
		return 65530 + (r >> 2) % 12;
	default:
		return (r >> 2) & ((1ULL << 48) - 1);
	}
}

static u32 be32_at(const u8 *p)
{
	return (u32)p[0] << 24 | (u32)p[1] << 16 | (u32)p[2] << 8 | p[3];
}

/*
 * A random frame for @c in @f with room for the RTP header and the tag;
 * sets the offsets of both (not overlapping, inside the UDP payload).
 */
static void rtp_frame(struct kunit *test, const struct rtp_case *c, u8 *f,
		      u64 *rng, struct bbgen_frame_udp *u, u32 *rtp_off,
		      u32 *tag_off)
{
	u32 tag_len = c->latency ? BBGEN_TAG_TIME_LEN : BBGEN_TAG_SEQ_LEN;
	struct kf_spec sp = { .ip_version = c->ip_version };
	u32 room, gap;

	sp.size = 200 + kf_rand(rng) % 1300;
	kf_build(f, &sp, rng);
	KUNIT_ASSERT_EQ(test, bbgen_frame_find_udp(f, sp.size, u), 0);
	room = u->payload_len - BBGEN_RTP_HLEN - tag_len;
	if (c->first) {
		*rtp_off = u->payload_off;
		*tag_off = u->payload_off + u->payload_len - tag_len;
		return;
	}
	/* RTP first or tag first, a gap between them of the wanted parity */
	gap = kf_rand(rng) % (room / 2) * 2 + c->odd;
	if (kf_rand(rng) & 1) {
		*rtp_off = u->payload_off;
		*tag_off = *rtp_off + BBGEN_RTP_HLEN + gap;
	} else {
		*tag_off = u->payload_off;
		*rtp_off = *tag_off + tag_len + gap;
	}
}

static void rtp_checksum_test(struct kunit *test)
{
	const struct rtp_case *c = test->param_value;
	u8 *f = kunit_kzalloc(test, RTP_FRAME_BUF, GFP_KERNEL);
	u64 rng = 0x2545f4914f6cdd1dULL, n, tai;
	u32 rtp_off, tag_off, samples, k;
	struct bbgen_frame_udp u;
	struct bbgen_rtp_base b;
	u16 orig, extra;
	bool odd;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, f);
	for (k = 0; k < RTP_FRAMES_PER_CASE; k++) {
		rtp_frame(test, c, f, &rng, &u, &rtp_off, &tag_off);
		odd = (rtp_off + 2 - tag_off) & 1;
		if (!c->first)
			KUNIT_EXPECT_EQ(test, odd, c->odd);
		samples = 1 + kf_rand(&rng) % 65535;
		bbgen_rtp_base_read(f + rtp_off, &b);
		orig = c->latency ? bbgen_tag_time_sum(f + tag_off) :
				    bbgen_tag_sum(f + tag_off);
		orig = bbgen_tag_sum_add(orig, bbgen_rtp_align(b.sum, odd));
		for (i = 0; i < 3; i++) {
			n = rtp_random_n(&rng);
			tai = kf_rand(&rng);
			extra = bbgen_rtp_align(bbgen_rtp_write(f + rtp_off, &b, n, samples),
						odd);
			if (c->latency)
				bbgen_tag_write_time(f + tag_off, orig, n, tai, extra);
			else
				bbgen_tag_write(f + tag_off, orig, n, extra);
			KUNIT_EXPECT_EQ(test, kf_udp_sum(f, u.l3_off, u.ip_version),
					0xffffU);
			KUNIT_EXPECT_EQ(test, kf_get16(f + rtp_off + 2),
					(u32)(u16)(b.seq + n));
			KUNIT_EXPECT_EQ(test, be32_at(f + rtp_off + 4),
					(u32)(b.ts + (u32)(n * samples)));
			KUNIT_EXPECT_EQ(test, bbgen_tag_read_seq(f + tag_off), n);
		}
	}
}

/* Exact values: the step, and both fields wrapping. */
static void rtp_values_test(struct kunit *test)
{
	u8 h[BBGEN_RTP_HLEN] = { 0x80, 0, 0xff, 0xfe, 0xff, 0xff, 0xff, 0x00,
				 1, 2, 3, 4 };
	struct bbgen_rtp_base b;

	bbgen_rtp_base_read(h, &b);
	KUNIT_EXPECT_EQ(test, b.seq, 0xfffe);
	KUNIT_EXPECT_EQ(test, b.ts, 0xffffff00U);
	KUNIT_EXPECT_EQ(test, bbgen_rtp_version(h), BBGEN_RTP_VERSION);
	bbgen_rtp_write(h, &b, 1, 160);
	KUNIT_EXPECT_EQ(test, kf_get16(h + 2), 0xffffU);
	KUNIT_EXPECT_EQ(test, be32_at(h + 4), 0xffffffa0U);
	bbgen_rtp_write(h, &b, 3, 160);
	KUNIT_EXPECT_EQ(test, kf_get16(h + 2), 1U);
	KUNIT_EXPECT_EQ(test, be32_at(h + 4), 0xe0U);	/* + 480, wrapped */
	/* the rest of the header is the template's */
	KUNIT_EXPECT_EQ(test, h[0], 0x80);
	KUNIT_EXPECT_EQ(test, be32_at(h + 8), 0x01020304U);
	/* frame 2^16: the sequence number is back at the template's */
	bbgen_rtp_write(h, &b, 1ULL << 16, 80);
	KUNIT_EXPECT_EQ(test, kf_get16(h + 2), 0xfffeU);
	KUNIT_EXPECT_EQ(test, be32_at(h + 4), 0xffffff00U + (80U << 16));
}

static void rtp_sum_test(struct kunit *test)
{
	u8 h[BBGEN_RTP_HLEN] = { 0x80, 8, 0x12, 0x34, 0xab, 0xcd, 0xef, 0x01 };
	struct bbgen_rtp_base b;

	bbgen_rtp_base_read(h, &b);
	/* 0x1234 + 0xabcd + 0xef01 = 0x1ad02 -> 0xad03 */
	KUNIT_EXPECT_EQ(test, b.sum, 0xad03);
	KUNIT_EXPECT_EQ(test, bbgen_rtp_write(h, &b, 0, 160), 0xad03);
	KUNIT_EXPECT_EQ(test, bbgen_rtp_align(0xad03, true), 0x03ad);
	KUNIT_EXPECT_EQ(test, bbgen_rtp_align(0xad03, false), 0xad03);
}

/* A received RTP header: version 2, sequence @seq. */
static const u8 *rx_hdr(u8 *h, u16 seq)
{
	memset(h, 0, BBGEN_RTP_HLEN);
	h[0] = 0x80;
	h[2] = seq >> 8;
	h[3] = seq;
	return h;
}

/* Loss, reordering, duplicates and wraps move both numbers: no error. */
static void rtp_rx_follows_tag_test(struct kunit *test)
{
	static const u64 tags[] = { 0, 1, 2, 5, 4, 4, 65535, 65536, 65537, 1ULL << 40 };
	struct bbgen_rtp_rx rx = {};
	u8 h[BBGEN_RTP_HLEN];
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(tags); i++)
		bbgen_rtp_rx_check(&rx, rx_hdr(h, (u16)(0xfff0 + tags[i])), tags[i]);
	KUNIT_EXPECT_EQ(test, rx.errors, 0ULL);
	KUNIT_EXPECT_TRUE(test, rx.have_base);
	KUNIT_EXPECT_EQ(test, rx.base, 0xfff0);
}

/* Renumbered, missing or broken RTP headers: one error each. */
static void rtp_rx_errors_test(struct kunit *test)
{
	struct bbgen_rtp_rx rx = {};
	u8 h[BBGEN_RTP_HLEN];

	bbgen_rtp_rx_check(&rx, rx_hdr(h, 100), 7);	/* base 93 */
	bbgen_rtp_rx_check(&rx, rx_hdr(h, 101), 8);
	KUNIT_EXPECT_EQ(test, rx.errors, 0ULL);
	bbgen_rtp_rx_check(&rx, rx_hdr(h, 105), 9);	/* renumbered */
	KUNIT_EXPECT_EQ(test, rx.errors, 1ULL);
	bbgen_rtp_rx_check(&rx, NULL, 10);		/* no header */
	KUNIT_EXPECT_EQ(test, rx.errors, 2ULL);
	rx_hdr(h, 104);
	h[0] = 0x40;					/* version 1 */
	bbgen_rtp_rx_check(&rx, h, 11);
	KUNIT_EXPECT_EQ(test, rx.errors, 3ULL);
	bbgen_rtp_rx_check(&rx, rx_hdr(h, 105), 12);	/* back in step */
	KUNIT_EXPECT_EQ(test, rx.errors, 3ULL);
	KUNIT_EXPECT_EQ(test, rx.base, 93);
}

static struct kunit_case bbgen_rtp_test_cases[] = {
	KUNIT_CASE(rtp_rx_follows_tag_test),
	KUNIT_CASE(rtp_rx_errors_test),
	KUNIT_CASE_PARAM(rtp_checksum_test, rtp_cases_gen_params),
	KUNIT_CASE(rtp_values_test),
	KUNIT_CASE(rtp_sum_test),
	{}
};

static struct kunit_suite bbgen_rtp_test_suite = {
	.name = "bbgen_rtp",
	.test_cases = bbgen_rtp_test_cases,
};

kunit_test_suite(bbgen_rtp_test_suite);

MODULE_DESCRIPTION("KUnit tests for bbgen's RTP fields");
MODULE_LICENSE("GPL");
