// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* Frame builder, issue 3 fields: VLAN tags (QinQ, TPIDs, PCP/DEI), TOS /
 * traffic class, the latency tag's room; header bytes and checksums. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <linux/bbgen.h>

#include "frame.h"
#include "frame_check.h"

static uint8_t f[BBGEN_FRAME_MAX];

static void add_vlan(struct bb_frame_spec *s, uint16_t tpid, uint16_t id,
		     uint8_t pcp, uint8_t dei)
{
	s->vlan[s->nvlan++] = (struct bb_vlan){ tpid, id, pcp, dei };
}

static void test_one_vlan(void **state)
{
	struct bb_frame_spec s;

	(void)state;
	spec_v4(&s, 64);
	add_vlan(&s, BB_TPID_8021Q, 100, 5, 1);
	assert_int_equal(bb_frame_build(&s, f), 0);
	assert_int_equal(rd16(f + 12), 0x8100);
	/* PCP 5, DEI 1, id 100: 101 1 000001100100 */
	assert_int_equal(rd16(f + 14), 0xb064);
	assert_int_equal(rd16(f + 16), 0x0800);
	assert_int_equal(f[18], 0x45);
	assert_int_equal(rd16(f + 20), 64 - 18);	/* IP total length */
	assert_int_equal(ones_sum(0, f + 18, 20), 0xffff);
	assert_int_equal(rd16(f + 42), 64 - 38);	/* UDP length */
	assert_int_equal(udp_verify(f, 18, AF_INET), 0xffff);
}

static void test_qinq(void **state)
{
	struct bb_frame_spec s;

	(void)state;
	spec_v6(&s, 1518);
	add_vlan(&s, BB_TPID_8021AD, 4094, 0, 0);
	add_vlan(&s, BB_TPID_8021Q, 1, 7, 0);
	assert_int_equal(bb_frame_build(&s, f), 0);
	assert_int_equal(rd16(f + 12), 0x88a8);
	assert_int_equal(rd16(f + 14), 4094);
	assert_int_equal(rd16(f + 16), 0x8100);
	assert_int_equal(rd16(f + 18), 0xe001);
	assert_int_equal(rd16(f + 20), 0x86dd);
	assert_int_equal(f[22] >> 4, 6);
	assert_int_equal(rd16(f + 26), 1518 - 22 - 40);	/* payload length */
	assert_int_not_equal(rd16(f + 22 + 40 + 6), 0);
	assert_int_equal(udp_verify(f, 22, AF_INET6), 0xffff);
}

static void test_vlan_sizes(void **state)
{
	struct bb_frame_spec s;
	unsigned int i;

	(void)state;
	/* 14 + 8 + 20 + 8 + 8 = 58: still the Ethernet minimum */
	assert_int_equal(bb_frame_min_size(AF_INET, 2, false), 60);
	assert_int_equal(bb_frame_min_size(AF_INET, 3, false), 62);
	assert_int_equal(bb_frame_min_size(AF_INET6, 1, false), 74);
	assert_int_equal(bb_frame_min_size(AF_INET6, 2, true), 86);
	assert_int_equal(bb_frame_default_size(AF_INET, 3, false), 62);
	assert_int_equal(bb_frame_default_size(AF_INET6, 1, false), 78);
	assert_int_equal(bb_frame_default_size(AF_INET6, 1, true), 82);
	spec_v6(&s, 73);
	add_vlan(&s, BB_TPID_8021Q, 10, 0, 0);
	assert_int_equal(bb_frame_build(&s, f), -ERANGE);
	s.size = 74;
	assert_int_equal(bb_frame_build(&s, f), 0);
	spec_v4(&s, 128);
	for (i = 0; i < BB_VLAN_MAX; i++)
		add_vlan(&s, BB_TPID_QINQ, (uint16_t)(i + 1), 0, 0);
	assert_int_equal(bb_frame_build(&s, f), 0);
	assert_int_equal(rd16(f + 12 + 4 * BB_VLAN_MAX), 0x0800);
	assert_int_equal(udp_verify(f, 14 + 4 * BB_VLAN_MAX, AF_INET), 0xffff);
	s.nvlan = BB_VLAN_MAX + 1;
	assert_int_equal(bb_frame_build(&s, f), -EINVAL);
}

static void test_tos(void **state)
{
	struct bb_frame_spec s;
	unsigned int tos;

	(void)state;
	for (tos = 0; tos < 256; tos += 17) {
		spec_v4(&s, 60);
		s.tos = (uint8_t)tos;
		assert_int_equal(bb_frame_build(&s, f), 0);
		assert_int_equal(f[15], tos);
		assert_int_equal(ones_sum(0, f + 14, 20), 0xffff);
		assert_int_equal(udp_verify(f, 14, AF_INET), 0xffff);
		spec_v6(&s, 78);
		s.tos = (uint8_t)tos;
		assert_int_equal(bb_frame_build(&s, f), 0);
		assert_int_equal(f[14], 0x60 | tos >> 4);
		assert_int_equal(f[15], (tos & 0xf) << 4);
		assert_int_equal(f[16] | f[17], 0);	/* flow label */
		assert_int_equal(udp_verify(f, 14, AF_INET6), 0xffff);
	}
	/* DSCP 46 (EF), ECN 1 (ECT(1)): 101110 01 */
	spec_v4(&s, 60);
	s.tos = 46 << 2 | 1;
	assert_int_equal(bb_frame_build(&s, f), 0);
	assert_int_equal(f[15], 0xb9);
}

/* With latency the 16-byte tag fits, and a tag written as the kernel does
 * (one fix over the 14 bytes after it) keeps the checksum valid. */
static void test_latency_tag(void **state)
{
	static const uint8_t tag[14] = {
		0x00, 0x00, 0x00, 0x01, 0x02, 0x03,			/* seq */
		0x18, 0x7a, 0x3c, 0x11, 0x42, 0x00, 0xff, 0x01,		/* time */
	};
	struct bb_frame_spec s;
	uint16_t sum;
	size_t off;

	(void)state;
	assert_int_equal(bb_frame_tag_len(false), 8);
	assert_int_equal(bb_frame_tag_len(true), 16);
	assert_int_equal(bb_frame_min_size(AF_INET, 0, true), 60);
	assert_int_equal(bb_frame_min_size(AF_INET, 2, true), 66);
	assert_int_equal(bb_frame_min_size(AF_INET6, 0, true), 78);
	spec_v6(&s, 77);
	s.latency = true;
	assert_int_equal(bb_frame_build(&s, f), -ERANGE);
	s.size = 78;
	assert_int_equal(bb_frame_build(&s, f), 0);
	off = bb_frame_seq_offset(s.size, true);
	assert_int_equal(off, 62);	/* right after the UDP header */
	memcpy(f + off + 2, tag, sizeof(tag));
	sum = ones_sum(0, tag, sizeof(tag));
	f[off] = (uint8_t)(~sum >> 8);
	f[off + 1] = (uint8_t)~sum;
	assert_int_equal(udp_verify(f, 14, AF_INET6), 0xffff);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_one_vlan),
		cmocka_unit_test(test_qinq),
		cmocka_unit_test(test_vlan_sizes),
		cmocka_unit_test(test_tos),
		cmocka_unit_test(test_latency_tag),
	};

	return cmocka_run_group_tests_name("frame_tags", tests, NULL, NULL);
}
