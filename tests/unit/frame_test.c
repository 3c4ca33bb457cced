// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* Frame builder: headers, sizes, padding and checksums, the checksums
 * verified by a one's-complement sum written independently here. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <arpa/inet.h>
#include <cmocka.h>

#include <linux/bbgen.h>

#include "frame.h"
#include "frame_check.h"

static void check_zero_payload(const uint8_t *f, size_t from, size_t size)
{
	size_t i;

	for (i = from; i < size; i++)
		assert_int_equal(f[i], 0);
}

static void test_ipv4_headers(void **state)
{
	struct bb_frame_spec s;
	uint8_t f[BBGEN_FRAME_MAX];

	(void)state;
	spec_v4(&s, 60);
	assert_int_equal(bb_frame_build(&s, f), 0);
	assert_memory_equal(f, s.dst_mac, 6);
	assert_memory_equal(f + 6, s.src_mac, 6);
	assert_int_equal(rd16(f + 12), 0x0800);
	assert_int_equal(f[14], 0x45);
	assert_int_equal(f[15], 0);			/* DSCP/ECN */
	assert_int_equal(rd16(f + 16), 46);		/* total length */
	assert_int_equal(rd16(f + 20), 0x4000);		/* DF, offset 0 */
	assert_int_equal(f[22], 64);			/* TTL */
	assert_int_equal(f[23], 17);			/* UDP */
	assert_memory_equal(f + 26, &s.src.v4, 4);
	assert_memory_equal(f + 30, &s.dst.v4, 4);
	assert_int_equal(rd16(f + 34), 49152);
	assert_int_equal(rd16(f + 36), 4000);
	assert_int_equal(rd16(f + 38), 26);		/* UDP length */
	check_zero_payload(f, 42, 60);
}

static void test_ipv4_checksums(void **state)
{
	static const size_t sizes[] = { 60, 61, 64, 128, 1514, 1515, 9600 };
	struct bb_frame_spec s;
	uint8_t f[BBGEN_FRAME_MAX];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		spec_v4(&s, sizes[i]);
		assert_int_equal(bb_frame_build(&s, f), 0);
		assert_int_equal(ones_sum(0, f + 14, 20), 0xffff);
		assert_int_not_equal(rd16(f + 40), 0);
		assert_int_equal(udp_verify(f, 14, AF_INET), 0xffff);
		assert_int_equal(rd16(f + 16), sizes[i] - 14);
		assert_int_equal(rd16(f + 38), sizes[i] - 34);
		check_zero_payload(f, 42, sizes[i]);
	}
}

static void test_ipv6_headers(void **state)
{
	struct bb_frame_spec s;
	uint8_t f[BBGEN_FRAME_MAX];

	(void)state;
	spec_v6(&s, 78);
	assert_int_equal(bb_frame_build(&s, f), 0);
	assert_int_equal(rd16(f + 12), 0x86dd);
	assert_int_equal(f[14], 0x60);
	assert_int_equal(f[15] | f[16] | f[17], 0);	/* class, flow */
	assert_int_equal(rd16(f + 18), 24);		/* payload length */
	assert_int_equal(f[20], 17);			/* next header */
	assert_int_equal(f[21], 64);			/* hop limit */
	assert_memory_equal(f + 22, &s.src.v6, 16);
	assert_memory_equal(f + 38, &s.dst.v6, 16);
	assert_int_equal(rd16(f + 54), 49152);
	assert_int_equal(rd16(f + 56), 4000);
	assert_int_equal(rd16(f + 58), 24);
	check_zero_payload(f, 62, 78);
}

static void test_ipv6_checksums(void **state)
{
	static const size_t sizes[] = { 70, 71, 78, 1518, 9600 };
	struct bb_frame_spec s;
	uint8_t f[BBGEN_FRAME_MAX];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		spec_v6(&s, sizes[i]);
		assert_int_equal(bb_frame_build(&s, f), 0);
		assert_int_not_equal(rd16(f + 60), 0);	/* mandatory on v6 */
		assert_int_equal(udp_verify(f, 14, AF_INET6), 0xffff);
		check_zero_payload(f, 62, sizes[i]);
	}
}

/* Some source port makes the computed sum 0: it must go out as 0xffff. */
static void test_zero_checksum_sent_as_ffff(void **state)
{
	struct bb_frame_spec s;
	uint8_t f[128];
	int seen = 0;
	uint32_t port;

	(void)state;
	for (port = 1; port <= 65535; port++) {
		spec_v6(&s, 78);
		s.sport = (uint16_t)port;
		assert_int_equal(bb_frame_build(&s, f), 0);
		assert_int_not_equal(rd16(f + 60), 0);
		assert_int_equal(udp_verify(f, 14, AF_INET6), 0xffff);
		seen += rd16(f + 60) == 0xffff;
	}
	assert_true(seen >= 1);
}

static void test_sizes(void **state)
{
	struct bb_frame_spec s;
	uint8_t f[BBGEN_FRAME_MAX + 1];

	(void)state;
	assert_int_equal(bb_frame_min_size(AF_INET, 0, false), 60);
	assert_int_equal(bb_frame_min_size(AF_INET6, 0, false), 70);
	assert_int_equal(bb_frame_min_size(AF_UNIX, 0, false), 0);
	assert_int_equal(bb_frame_default_size(AF_INET, 0, false), 60);
	assert_int_equal(bb_frame_default_size(AF_INET6, 0, false), 78);
	assert_int_equal(bb_frame_seq_offset(60, false), 52);
	spec_v4(&s, 59);
	assert_int_equal(bb_frame_build(&s, f), -ERANGE);
	spec_v4(&s, BBGEN_FRAME_MAX + 1);
	assert_int_equal(bb_frame_build(&s, f), -ERANGE);
	spec_v6(&s, 69);
	assert_int_equal(bb_frame_build(&s, f), -ERANGE);
	spec_v6(&s, 70);
	assert_int_equal(bb_frame_build(&s, f), 0);
	spec_v6(&s, 78);
	s.dst.family = AF_INET;
	assert_int_equal(bb_frame_build(&s, f), -EINVAL);
}

/* The tag lies in the UDP payload, and a tag whose fix keeps the sum
 * (as the kernel writes it) keeps the checksum valid. */
/* Voice: the RTP header first in the payload, covered by the checksum;
 * it needs room beside the tag, and no VLAN tag in the template. */
static void test_rtp_header(void **state)
{
	struct bb_frame_spec s;
	uint8_t f[BBGEN_FRAME_MAX];
	size_t i;

	(void)state;
	spec_v4(&s, 14 + 20 + 8 + 12 + 160 + 16);
	s.latency = true;
	s.rtp = (struct bb_rtp){ .on = true, .pt = BB_RTP_PT_PCMA, .seq = 0xfffe,
				 .ts = 0x01020304, .ssrc = 0xdeadbeef, .samples = 160 };
	assert_int_equal(bb_frame_rtp_offset(AF_INET), 42);
	assert_int_equal(bb_frame_build(&s, f), 0);
	assert_int_equal(f[42], 0x80);			/* V=2, P=X=CC=0 */
	assert_int_equal(f[43], 8);			/* M=0, PT 8 */
	assert_int_equal(rd16(f + 44), 0xfffe);
	assert_int_equal(rd16(f + 46), 0x0102);
	assert_int_equal(rd16(f + 48), 0x0304);
	assert_int_equal(rd16(f + 50), 0xdead);
	assert_int_equal(rd16(f + 52), 0xbeef);
	for (i = 54; i < 54 + 160; i++)		/* A-law silence */
		assert_int_equal(f[i], 0xd5);
	check_zero_payload(f, 54 + 160, s.size);	/* the tag's place */
	assert_int_equal(udp_verify(f, 14, AF_INET), 0xffff);
	spec_v6(&s, 14 + 40 + 8 + 12 + 8 + 8);
	s.rtp.on = true;
	assert_int_equal(bb_frame_rtp_offset(AF_INET6), 62);
	assert_int_equal(bb_frame_build(&s, f), 0);
	assert_int_equal(f[62], 0x80);
	assert_int_equal(f[63], 0);			/* mu-law, */
	for (i = 74; i < 74 + 8; i++)			/* its silence */
		assert_int_equal(f[i], 0xff);
	check_zero_payload(f, 74 + 8, s.size);		/* sequence tag */
	assert_int_equal(udp_verify(f, 14, AF_INET6), 0xffff);
	s.size = 14 + 40 + 8 + 12 + 8;			/* no audio: fine */
	assert_int_equal(bb_frame_build(&s, f), 0);
	s.size--;					/* no room */
	assert_int_equal(bb_frame_build(&s, f), -ERANGE);
	s.size++;
	s.nvlan = 1;
	s.vlan[0] = (struct bb_vlan){ .tpid = BB_TPID_8021Q, .id = 10 };
	s.size += 4;
	assert_int_equal(bb_frame_build(&s, f), -ERANGE);
}

static void test_tag_keeps_checksum(void **state)
{
	struct bb_frame_spec s;
	uint8_t f[BBGEN_FRAME_MAX], *tag;
	uint16_t seqsum;
	size_t off;

	(void)state;
	spec_v4(&s, 60);
	assert_int_equal(bb_frame_build(&s, f), 0);
	off = bb_frame_seq_offset(s.size, false);
	assert_true(off >= 42);
	tag = f + off;
	tag[2] = 0x12; tag[3] = 0x34; tag[4] = 0x56;
	tag[5] = 0x78; tag[6] = 0x9a; tag[7] = 0xbc;
	seqsum = ones_sum(0, tag + 2, 6);
	tag[0] = (uint8_t)(~seqsum >> 8);
	tag[1] = (uint8_t)~seqsum;
	assert_int_equal(udp_verify(f, 14, AF_INET), 0xffff);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ipv4_headers),
		cmocka_unit_test(test_ipv4_checksums),
		cmocka_unit_test(test_ipv6_headers),
		cmocka_unit_test(test_ipv6_checksums),
		cmocka_unit_test(test_zero_checksum_sent_as_ffff),
		cmocka_unit_test(test_sizes),
		cmocka_unit_test(test_tag_keeps_checksum),
		cmocka_unit_test(test_rtp_header),
	};

	return cmocka_run_group_tests_name("frame", tests, NULL, NULL);
}
