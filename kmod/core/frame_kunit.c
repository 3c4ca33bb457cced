// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the frame template parser (frame.c).
 */
#include <kunit/test.h>

#include "frame.h"
#include "kunit_frames.h"

enum frame_break {
	BREAK_NONE,
	BREAK_TCP,		/* IP protocol is not UDP */
	BREAK_FRAGMENT,		/* IPv4 more-fragments flag */
	BREAK_IP_LONG,		/* IP length beyond the frame */
	BREAK_UDP_LONG,		/* UDP length beyond the IP packet */
	BREAK_UDP_SHORT,	/* UDP length below the header size */
	BREAK_ETHERTYPE,	/* ARP */
	BREAK_TRUNCATE,		/* frame cut inside the IP header */
};

struct frame_case {
	const char *name;
	struct kf_spec spec;
	enum frame_break brk;
	int err;
	u32 payload_off, payload_len;
};

static const struct frame_case frame_cases[] = {
	{ "ipv4 minimum", { 4, 0, 60 }, BREAK_NONE, 0, 42, 18 },
	{ "ipv4 padded", { 4, 0, 60, 16 }, BREAK_NONE, 0, 42, 2 },
	{ "ipv4 options", { 4, 0, 100, 0, 8 }, BREAK_NONE, 0, 50, 50 },
	{ "ipv4 one vlan", { 4, 1, 64 }, BREAK_NONE, 0, 46, 18 },
	{ "ipv4 two vlans", { 4, 2, 1000 }, BREAK_NONE, 0, 50, 950 },
	{ "ipv6 minimum", { 6, 0, 62 }, BREAK_NONE, 0, 62, 0 },
	{ "ipv6 with tag room", { 6, 0, 78 }, BREAK_NONE, 0, 62, 16 },
	{ "ipv6 two vlans", { 6, 2, 200 }, BREAK_NONE, 0, 70, 130 },
	{ "three vlans", { 4, 3, 100 }, BREAK_NONE, -EPROTO },
	{ "tcp", { 4, 0, 100 }, BREAK_TCP, -EPROTO },
	{ "ipv6 tcp", { 6, 0, 100 }, BREAK_TCP, -EPROTO },
	{ "fragment", { 4, 0, 100 }, BREAK_FRAGMENT, -EPROTO },
	{ "ip length too long", { 4, 0, 100 }, BREAK_IP_LONG, -EPROTO },
	{ "ipv6 length too long", { 6, 0, 100 }, BREAK_IP_LONG, -EPROTO },
	{ "udp length too long", { 4, 0, 100 }, BREAK_UDP_LONG, -EPROTO },
	{ "udp length too short", { 6, 0, 100 }, BREAK_UDP_SHORT, -EPROTO },
	{ "arp", { 4, 0, 60 }, BREAK_ETHERTYPE, -EPROTO },
	{ "truncated", { 4, 0, 60 }, BREAK_TRUNCATE, -EPROTO },
};

static void frame_case_desc(const struct frame_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(frame_cases, frame_cases, frame_case_desc);

static u32 break_frame(u8 *f, const struct frame_case *c)
{
	const struct kf_spec *sp = &c->spec;
	u32 l3 = kf_l3_off(sp), udp = l3 + kf_ip_hdr_len(sp);
	u32 len_at = sp->ip_version == 4 ? l3 + 2 : l3 + 4;

	switch (c->brk) {
	case BREAK_TCP:
		f[sp->ip_version == 4 ? l3 + 9 : l3 + 6] = 6;
		break;
	case BREAK_FRAGMENT:
		kf_put16(f + l3 + 6, 0x2000);
		break;
	case BREAK_IP_LONG:
		kf_put16(f + len_at, kf_get16(f + len_at) + 1);
		break;
	case BREAK_UDP_LONG:
		kf_put16(f + udp + 4, kf_get16(f + udp + 4) + 1);
		break;
	case BREAK_UDP_SHORT:
		kf_put16(f + udp + 4, 7);
		break;
	case BREAK_ETHERTYPE:
		kf_put16(f + 12, 0x0806);
		break;
	case BREAK_TRUNCATE:
		return l3 + 10;
	default:
		break;
	}
	return sp->size;
}

static void frame_find_udp_test(struct kunit *test)
{
	const struct frame_case *c = test->param_value;
	struct bbgen_frame_udp u = { 0 };
	u64 rng = 42;
	u8 *f = kunit_kzalloc(test, 1600, GFP_KERNEL);
	u32 len;

	KUNIT_ASSERT_NOT_NULL(test, f);
	kf_build(f, &c->spec, &rng);
	len = break_frame(f, c);
	KUNIT_ASSERT_EQ(test, bbgen_frame_find_udp(f, len, &u), c->err);
	if (c->err)
		return;
	KUNIT_EXPECT_EQ(test, u.l3_off, kf_l3_off(&c->spec));
	KUNIT_EXPECT_EQ(test, u.ip_version, (u8)c->spec.ip_version);
	KUNIT_EXPECT_EQ(test, u.payload_off, c->payload_off);
	KUNIT_EXPECT_EQ(test, u.payload_len, c->payload_len);
	KUNIT_EXPECT_EQ(test, u.udp_off + 8, u.payload_off);
}

static struct kunit_case bbgen_frame_test_cases[] = {
	KUNIT_CASE_PARAM(frame_find_udp_test, frame_cases_gen_params),
	{}
};

static struct kunit_suite bbgen_frame_test_suite = {
	.name = "bbgen_frame",
	.test_cases = bbgen_frame_test_cases,
};

kunit_test_suite(bbgen_frame_test_suite);

MODULE_DESCRIPTION("KUnit tests for the bbgen frame template parser");
MODULE_LICENSE("GPL");
