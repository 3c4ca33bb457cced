// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* NAT discovery probes: a payload built and read back, a captured frame
 * (untagged and with two VLAN tags) read, and every malformed one refused
 * with its reason. */
#include <arpa/inet.h>
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "nat_probe.h"

static const struct bb_nat_token tok = {
	.kind = BB_NAT_PROBE_SECOND, .flow = 0x0102, .nonce = 0xdeadbeef,
};

static void test_payload(void **state)
{
	uint8_t buf[BB_NAT_PROBE_LEN];
	static const uint8_t head[] = { 'B', 'B', 'N', 'P', 1, 1, 1, 2,
					0xde, 0xad, 0xbe, 0xef, 0 };
	struct bb_nat_token t;
	char err[128] = "";

	(void)state;
	bb_nat_probe_build(buf, &tok);
	assert_memory_equal(buf, head, sizeof(head));
	assert_int_equal(bb_nat_probe_parse(buf, sizeof(buf), &t, err, sizeof(err)), 0);
	assert_int_equal(t.kind, BB_NAT_PROBE_SECOND);
	assert_int_equal(t.flow, 0x0102);
	assert_int_equal(t.nonce, 0xdeadbeef);
}

static void expect_payload_err(const uint8_t *buf, size_t len, const char *msg)
{
	struct bb_nat_token t;
	char err[128] = "";

	assert_int_equal(bb_nat_probe_parse(buf, len, &t, err, sizeof(err)), -EINVAL);
	assert_string_equal(err, msg);
}

static void test_payload_bad(void **state)
{
	uint8_t buf[BB_NAT_PROBE_LEN];

	(void)state;
	bb_nat_probe_build(buf, &tok);
	expect_payload_err(buf, 57, "probe payload of 57 bytes, expected 58");
	buf[4] = 2;
	expect_payload_err(buf, sizeof(buf), "probe version 2, expected 1");
	buf[4] = 1;
	buf[5] = 7;
	expect_payload_err(buf, sizeof(buf), "probe kind 7, expected 0 or 1");
	buf[0] = 'X';
	expect_payload_err(buf, sizeof(buf), "not a probe (magic 0x58424e50)");
}

/* A frame 198.51.100.1:40000 -> 198.51.100.2:49152 with the probe, after
 * ntags VLAN tags; returns its length. */
static size_t frame(uint8_t *f, int ntags)
{
	size_t off = 12, ip;
	int i;

	memset(f, 0, 200);
	for (i = 0; i < ntags; i++, off += 4) {
		f[off] = i ? 0x81 : 0x88;
		f[off + 1] = i ? 0x00 : 0xa8;
	}
	f[off] = 0x08;
	off += 2;
	ip = off;
	f[ip] = 0x45;
	f[ip + 3] = 20 + 8 + BB_NAT_PROBE_LEN;
	f[ip + 8] = 64;
	f[ip + 9] = 17;
	inet_pton(AF_INET, "198.51.100.1", f + ip + 12);
	inet_pton(AF_INET, "198.51.100.2", f + ip + 16);
	f[ip + 20] = 40000 >> 8;
	f[ip + 21] = 40000 & 0xff;
	f[ip + 22] = 49152 >> 8;
	f[ip + 24] = 0;
	f[ip + 25] = 8 + BB_NAT_PROBE_LEN;
	bb_nat_probe_build(f + ip + 28, &tok);
	return ip + 28 + BB_NAT_PROBE_LEN;
}

static void test_frame(void **state)
{
	uint8_t f[200];
	struct bb_nat_seen s;
	char err[128] = "", a[INET_ADDRSTRLEN];
	int ntags;

	(void)state;
	for (ntags = 0; ntags <= 2; ntags++) {
		size_t n = frame(f, ntags);

		assert_int_equal(n, 100 + 4 * ntags);
		/* Ethernet padding after the datagram is ignored */
		assert_int_equal(bb_nat_probe_frame(f, n + 20, &s, err, sizeof(err)), 0);
		assert_string_equal(inet_ntop(AF_INET, &s.src, a, sizeof(a)), "198.51.100.1");
		assert_string_equal(inet_ntop(AF_INET, &s.dst, a, sizeof(a)), "198.51.100.2");
		assert_int_equal(s.sport, 40000);
		assert_int_equal(s.dport, 49152);
		assert_int_equal(s.token.flow, 0x0102);
	}
}

static void expect_frame_err(const uint8_t *f, size_t len, const char *msg)
{
	struct bb_nat_seen s;
	char err[128] = "";

	assert_int_equal(bb_nat_probe_frame(f, len, &s, err, sizeof(err)), -EINVAL);
	assert_string_equal(err, msg);
}

static void test_frame_bad(void **state)
{
	uint8_t f[200];
	size_t n;

	(void)state;
	n = frame(f, 0);
	expect_frame_err(f, 10, "frame of 10 bytes, shorter than Ethernet's header");
	expect_frame_err(f, n - 1, "IPv4 header length 20, total 86, 85 captured");
	f[14 + 6] = 0x20;	/* more fragments */
	expect_frame_err(f, n, "an IPv4 fragment");
	f[14 + 6] = 0;
	f[14 + 9] = 6;
	expect_frame_err(f, n, "IPv4 protocol 6, not UDP");
	f[14 + 9] = 17;
	f[14 + 25] = 7;
	expect_frame_err(f, n, "UDP length 7, 66 bytes after the IPv4 header");
	f[14 + 25] = 8 + 10;
	expect_frame_err(f, n, "probe payload of 10 bytes, expected 58");
	f[12] = 0x86;
	f[13] = 0xdd;
	expect_frame_err(f, n, "EtherType 0x86dd, not IPv4");
	n = frame(f, 2);
	f[12 + 8] = 0x81;	/* a third tag */
	expect_frame_err(f, n, "VLAN tags: more than 2 or truncated");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_payload),
		cmocka_unit_test(test_payload_bad),
		cmocka_unit_test(test_frame),
		cmocka_unit_test(test_frame_bad),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
