// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* DHCPv4 messages: bytes of a DISCOVER and a RELEASE, answers read back,
 * and every malformed answer refused with its reason. */
#include <arpa/inet.h>
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "dhcp4.h"

static const uint8_t mac[6] = { 0x02, 0xbb, 0, 0, 0, 0x01 };

static struct in_addr a4(const char *s)
{
	struct in_addr a;

	assert_int_equal(inet_pton(AF_INET, s, &a), 1);
	return a;
}

/* The options of a built message, from the cookie on. */
static const uint8_t *find_opt(const uint8_t *buf, size_t len, uint8_t code)
{
	size_t i = BB_DHCP_FIXED_LEN;

	while (i + 1 < len && buf[i] != 255) {
		if (buf[i] == code)
			return buf + i;
		i += buf[i] ? 2 + buf[i + 1] : 1;
	}
	return NULL;
}

/* Build m with the test MAC: a short message, padded to 300 bytes. */
static size_t build(struct bb_dhcp_out *m, uint8_t *buf)
{
	size_t n;

	memcpy(m->mac, mac, 6);
	n = bb_dhcp_build(buf, BB_DHCP_MAX_LEN, m);
	assert_int_equal(n, BB_DHCP_MIN_LEN);
	return n;
}

/* Option lit[0] is in the message as the bytes of lit. */
#define expect_opt(buf, n, lit) do {					\
	const uint8_t *o_ = find_opt(buf, n, (uint8_t)(lit)[0]);	\
	assert_non_null(o_);						\
	assert_memory_equal(o_, lit, sizeof(lit) - 1);			\
} while (0)

static void test_discover(void **state)
{
	struct bb_dhcp_out m = { .type = BB_DHCP_DISCOVER, .xid = 0x12345678,
				 .secs = 3, .broadcast = true,
				 .hostname = "lan" };
	uint8_t buf[BB_DHCP_MAX_LEN];
	size_t n;

	(void)state;
	n = build(&m, buf);
	assert_memory_equal(buf, "\x01\x01\x06\x00\x12\x34\x56\x78\x00\x03\x80\x00", 12);
	assert_memory_equal(buf + 28, mac, 6);
	assert_memory_equal(buf + 236, "\x63\x82\x53\x63", 4);
	expect_opt(buf, n, "\x35\x01\x01");
	expect_opt(buf, n, "\x3d\x07\x01\x02\xbb\x00\x00\x00\x01");
	expect_opt(buf, n, "\x0c\x03lan");
	assert_non_null(find_opt(buf, n, 55));
	/* no address to ask for yet */
	assert_null(find_opt(buf, n, 50));
	assert_null(find_opt(buf, n, 54));
	/* too small a buffer */
	assert_int_equal(bb_dhcp_build(buf, 299, &m), 0);
}

static void test_release(void **state)
{
	struct bb_dhcp_out m = { .type = BB_DHCP_RELEASE, .xid = 7,
				 .ciaddr = a4("10.9.0.100"),
				 .server_id = a4("10.9.0.1"), .hostname = "lan" };
	uint8_t buf[BB_DHCP_MAX_LEN];
	size_t n;

	(void)state;
	n = build(&m, buf);
	/* unicast from the bound address, no broadcast flag */
	assert_memory_equal(buf + 10, "\x00\x00\x0a\x09\x00\x64", 6);
	expect_opt(buf, n, "\x36\x04\x0a\x09\x00\x01");
	/* RFC 2131 table 5: no parameter list, no hostname in a RELEASE */
	assert_null(find_opt(buf, n, 55));
	assert_null(find_opt(buf, n, 12));
	assert_null(find_opt(buf, n, 50));
}

/* A server's answer: the fixed part, then opts (len bytes). */
static size_t answer(uint8_t *buf, const void *opts, size_t len)
{
	memset(buf, 0, 576);
	memcpy(buf, "\x02\x01\x06\x00\xca\xfe\x00\x01", 8);
	memcpy(buf + 16, "\x0a\x09\x00\x64", 4);		/* yiaddr */
	memcpy(buf + 28, mac, 6);
	memcpy(buf + 236, "\x63\x82\x53\x63", 4);
	memcpy(buf + 240, opts, len);
	return 240 + len;
}

#define ANSWER(buf, lit) answer(buf, lit, sizeof(lit) - 1)

static void parse_ok(const uint8_t *buf, size_t n, struct bb_dhcp_in *m)
{
	char err[128] = "";

	assert_int_equal(bb_dhcp_parse(buf, n, m, err, sizeof(err)), 0);
	assert_string_equal(err, "");
}

static void test_offer(void **state)
{
	uint8_t buf[576];
	struct bb_dhcp_in m;
	size_t n;

	(void)state;
	n = ANSWER(buf, "\x35\x01\x02"			/* OFFER */
		   "\x36\x04\x0a\x09\x00\x01"		/* server 10.9.0.1 */
		   "\x01\x04\xff\xff\xff\x00"		/* /24 */
		   "\x00\x00"				/* pads */
		   "\x03\x08\x0a\x09\x00\xfe\x0a\x09\x00\xfd"	/* 2 routers */
		   "\x33\x04\x00\x00\x0e\x10"		/* 3600 s */
		   "\x3a\x04\x00\x00\x07\x08"		/* T1 1800 */
		   "\xff");
	parse_ok(buf, n, &m);
	assert_int_equal(m.type, BB_DHCP_OFFER);
	assert_int_equal(m.xid, 0xcafe0001);
	assert_memory_equal(m.mac, mac, 6);
	assert_int_equal(m.yiaddr.s_addr, a4("10.9.0.100").s_addr);
	assert_true(m.has_server_id);
	assert_int_equal(m.server_id.s_addr, a4("10.9.0.1").s_addr);
	assert_true(m.has_mask);
	assert_int_equal(m.prefix, 24);
	assert_true(m.has_router);
	assert_int_equal(m.router.s_addr, a4("10.9.0.254").s_addr);
	assert_true(m.has_lease);
	assert_int_equal(m.lease_s, 3600);
	assert_true(m.has_t1);
	assert_int_equal(m.t1_s, 1800);
	assert_false(m.has_t2);
	assert_string_equal(bb_dhcp_type_name(m.type), "OFFER");
}

/* Option 52 = 3: more options in file, then sname. */
static void test_overload(void **state)
{
	uint8_t buf[576];
	struct bb_dhcp_in m;
	size_t n;

	(void)state;
	n = ANSWER(buf, "\x35\x01\x05\x34\x01\x03\xff");
	memcpy(buf + 108, "\x01\x04\xff\xff\x00\x00\xff", 7);	/* file */
	memcpy(buf + 44, "\x33\x04\xff\xff\xff\xff\xff", 7);	/* sname */
	parse_ok(buf, n, &m);
	assert_int_equal(m.type, BB_DHCP_ACK);
	assert_int_equal(m.prefix, 16);
	assert_int_equal(m.lease_s, 0xffffffffu);
}

static void test_nak_message(void **state)
{
	uint8_t buf[576];
	struct bb_dhcp_in m;
	size_t n;

	(void)state;
	n = ANSWER(buf, "\x35\x01\x06\x38\x0dwrong network\xff");
	parse_ok(buf, n, &m);
	assert_int_equal(m.type, BB_DHCP_NAK);
	assert_string_equal(m.message, "wrong network");
}

static void expect_bad(const uint8_t *buf, size_t n, const char *why)
{
	struct bb_dhcp_in m;
	char err[128] = "";

	assert_int_equal(bb_dhcp_parse(buf, n, &m, err, sizeof(err)), -EINVAL);
	assert_string_equal(err, why);
}

static void test_bad(void **state)
{
	uint8_t buf[576];
	size_t n;

	(void)state;
	n = ANSWER(buf, "\x35\x01\x02\xff");
	expect_bad(buf, 239, "239 bytes (a DHCP message has at least 240)");
	buf[0] = 1;
	expect_bad(buf, n, "op 1 is not BOOTREPLY");
	buf[0] = 2;
	buf[2] = 16;
	expect_bad(buf, n, "hardware type 1 length 16 (not Ethernet)");
	buf[2] = 6;
	buf[239] = 0;
	expect_bad(buf, n, "no DHCP magic cookie (plain BOOTP)");
	n = ANSWER(buf, "\x01\x04\xff\x00\xff\x00\x35\x01\x02\xff");
	expect_bad(buf, n, "option 1: 255.0.255.0 is not a contiguous netmask");
	n = ANSWER(buf, "\x35\x02\x02\x00\xff");
	expect_bad(buf, n, "option 53: length 2 (must be 1)");
	n = ANSWER(buf, "\x35\x01\x02\x03\x05\x0a\x09\x00\xfe\x0a\xff");
	expect_bad(buf, n, "option 3: length 5 (must be a multiple of 4)");
	/* the length byte points past the end of the message */
	n = ANSWER(buf, "\x35\x01\x02\x33\x04\x00\x00");
	expect_bad(buf, n, "option 51 runs past the end of the message");
	n = ANSWER(buf, "\x36\x04\x0a\x09\x00\x01\xff");
	expect_bad(buf, n, "no message type (option 53)");
	n = ANSWER(buf, "\x35\x01\x09\xff");
	expect_bad(buf, n, "message type 9 is unknown");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_discover),
		cmocka_unit_test(test_release),
		cmocka_unit_test(test_offer),
		cmocka_unit_test(test_overload),
		cmocka_unit_test(test_nak_message),
		cmocka_unit_test(test_bad),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
