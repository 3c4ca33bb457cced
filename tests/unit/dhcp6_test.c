// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* DHCPv6 messages: the bytes of a SOLICIT and a REQUEST, an ADVERTISE and
 * REPLYs read back (statuses at every level), and every malformed answer
 * refused with its reason. */
#include <arpa/inet.h>
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "dhcp6.h"

static const uint8_t mac[6] = { 0x02, 0xbb, 0, 0, 0, 0x01 };

#define CLIENTID 0, 1, 0, 10, 0, 3, 0, 1, 0x02, 0xbb, 0, 0, 0, 0x01
#define SERVERID 0, 2, 0, 4, 0, 4, 0xaa, 0xbb
#define ADDR 0xfd, 0, 0, 0, 0, 0, 0, 0x10, 0, 0, 0, 0, 0, 0, 1, 0

static struct in6_addr a6(const char *s)
{
	struct in6_addr a;

	assert_int_equal(inet_pton(AF_INET6, s, &a), 1);
	return a;
}

static void test_solicit(void **state)
{
	static const uint8_t want[] = {
		1, 0x12, 0x34, 0x56, CLIENTID,
		0, 8, 0, 2, 0, 150,			/* elapsed 1.5 s */
		0, 3, 0, 12, 0, 0, 0, 7, 0, 0, 0, 0, 0, 0, 0, 0,
	};
	struct bb_dhcp6_out m = { .type = BB_DHCP6_SOLICIT, .xid = 0xff123456,
				  .elapsed_cs = 150, .iaid = 7 };
	uint8_t buf[BB_DHCP6_OUT_MAX];
	size_t n;

	(void)state;
	memcpy(m.mac, mac, 6);
	/* a server DUID has no place in a SOLICIT */
	m.server.len = 2;
	n = bb_dhcp6_build(buf, sizeof(buf), &m);
	assert_int_equal(n, sizeof(want));
	assert_memory_equal(buf, want, sizeof(want));
	assert_int_equal(bb_dhcp6_build(buf, BB_DHCP6_OUT_MAX - 1, &m), 0);
}

static void test_request(void **state)
{
	static const uint8_t want[] = {
		3, 0, 0, 9, CLIENTID, SERVERID,
		0, 8, 0, 2, 0, 0,
		0, 3, 0, 40, 0, 0, 0, 7, 0, 0, 0, 0, 0, 0, 0, 0,
		0, 5, 0, 24, ADDR, 0, 0, 0, 0, 0, 0, 0, 0,
	};
	struct bb_dhcp6_out m = { .type = BB_DHCP6_REQUEST, .xid = 9, .iaid = 7,
				  .has_addr = true, .addr = a6("fd00:0:0:10::100") };
	uint8_t buf[BB_DHCP6_OUT_MAX];

	(void)state;
	memcpy(m.mac, mac, 6);
	m.server.len = 4;
	memcpy(m.server.id, (uint8_t[]){ 0, 4, 0xaa, 0xbb }, 4);
	assert_int_equal(bb_dhcp6_build(buf, sizeof(buf), &m), sizeof(want));
	assert_memory_equal(buf, want, sizeof(want));
	/* REBIND goes to any server: no server DUID */
	m.type = BB_DHCP6_REBIND;
	assert_int_equal(bb_dhcp6_build(buf, sizeof(buf), &m), sizeof(want) - 8);
}

static void test_advertise(void **state)
{
	static const uint8_t msg[] = {
		2, 0xab, 0xcd, 0xef, SERVERID, CLIENTID,
		0, 7, 0, 1, 200,			/* preference */
		0, 3, 0, 40, 0, 0, 0, 7, 0, 0, 0, 60, 0, 0, 0, 105,
		0, 5, 0, 24, ADDR, 0, 0, 0, 90, 0, 0, 0, 120,
		0, 99, 0, 0,				/* unknown: skipped */
	};
	struct bb_dhcp6_in m;
	char err[128];

	(void)state;
	assert_int_equal(bb_dhcp6_parse(msg, sizeof(msg), &m, err, sizeof(err)), 0);
	assert_int_equal(m.type, BB_DHCP6_ADVERTISE);
	assert_int_equal(m.xid, 0xabcdef);
	assert_int_equal(m.server.len, 4);
	assert_int_equal(m.client.len, 10);
	assert_memory_equal(m.client.id + 4, mac, 6);
	assert_int_equal(m.preference, 200);
	assert_true(m.has_ia);
	assert_int_equal(m.iaid, 7);
	assert_int_equal(m.t1_s, 60);
	assert_int_equal(m.t2_s, 105);
	assert_true(m.has_addr);
	assert_memory_equal(&m.addr, &(struct in6_addr){ .s6_addr = { ADDR } }, 16);
	assert_int_equal(m.preferred_s, 90);
	assert_int_equal(m.valid_s, 120);
	assert_false(m.has_status);
	assert_false(m.has_ia_status);
}

/* NoAddrsAvail in the message, NoBinding in the IA, an address of valid
 * lifetime 0 (withdrawn) passed over. */
static void test_statuses(void **state)
{
	static const uint8_t top[] = {
		7, 0, 0, 1, SERVERID, CLIENTID,
		0, 13, 0, 6, 0, 2, 'n', 'o', 'n', 0x01,
	};
	static const uint8_t ia[] = {
		7, 0, 0, 1, SERVERID, CLIENTID,
		0, 3, 0, 54, 0, 0, 0, 7, 0, 0, 0, 0, 0, 0, 0, 0,
		0, 5, 0, 24, ADDR, 0, 0, 0, 0, 0, 0, 0, 0,
		0, 13, 0, 10, 0, 3, 'n', 'o', ' ', 'l', 'e', 'a', 's', 'e',
	};
	struct bb_dhcp6_in m;
	char err[128], b[16];

	(void)state;
	assert_int_equal(bb_dhcp6_parse(top, sizeof(top), &m, err, sizeof(err)), 0);
	assert_true(m.has_status);
	assert_int_equal(m.status, BB_DHCP6_NO_ADDRS_AVAIL);
	assert_string_equal(m.message, "non?");
	assert_string_equal(bb_dhcp6_status_name(m.status, b, sizeof(b)), "NoAddrsAvail");
	assert_string_equal(bb_dhcp6_status_name(42, b, sizeof(b)), "status 42");
	assert_int_equal(bb_dhcp6_parse(ia, sizeof(ia), &m, err, sizeof(err)), 0);
	assert_false(m.has_addr);
	assert_true(m.has_ia_status);
	assert_int_equal(m.ia_status, BB_DHCP6_NO_BINDING);
	assert_string_equal(m.message, "no lease");
}

struct bad {
	const uint8_t *msg;
	size_t len;
	const char *err;
};

#define BAD(err, ...) { (const uint8_t[]){ __VA_ARGS__ }, \
	sizeof((const uint8_t[]){ __VA_ARGS__ }), err }

static void test_bad(void **state)
{
	const struct bad bad[] = {
		BAD("3 bytes (a DHCPv6 message has at least 4)", 7, 0, 0),
		BAD("message type 1 (SOLICIT) is not ADVERTISE or REPLY", 1, 0, 0, 0),
		BAD("message type 12 (unknown) is not ADVERTISE or REPLY", 12, 0, 0, 0),
		BAD("no server identifier (option 2)", 7, 0, 0, 0, CLIENTID),
		BAD("no client identifier (option 1)", 7, 0, 0, 0, SERVERID),
		BAD("option 2 runs past the end of the message", 7, 0, 0, 0, 0, 2, 0, 9, 0, 1),
		BAD("2 stray bytes after the last option", 7, 0, 0, 0, SERVERID, 0, 1),
		BAD("option 1: a DUID of 1 bytes (2 to 128)", 7, 0, 0, 0, 0, 1, 0, 1, 0),
		BAD("option 7: length 2 (must be 1)", 2, 0, 0, 0, 0, 7, 0, 2, 0, 0),
		BAD("option 13: length 1 (a status code has at least 2)", 7, 0, 0, 0, 0, 13, 0, 1, 0),
		BAD("option 3: length 4 (an IA_NA has at least 12)", 7, 0, 0, 0, 0, 3, 0, 4, 0, 0, 0, 1),
		BAD("option 3: T1 9 is above T2 8", 7, 0, 0, 0, 0, 3, 0, 12,
		    0, 0, 0, 1, 0, 0, 0, 9, 0, 0, 0, 8),
		BAD("option 5: length 20 (an IA address has at least 24)", 7, 0, 0, 0,
		    0, 3, 0, 36, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0,
		    0, 5, 0, 20, ADDR, 0, 0, 0, 0),
		BAD("option 5: preferred lifetime 9 is above the valid lifetime 8", 7, 0, 0, 0,
		    0, 3, 0, 40, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0,
		    0, 5, 0, 24, ADDR, 0, 0, 0, 9, 0, 0, 0, 8),
		BAD("option 13 runs past the end of the message", 7, 0, 0, 0,
		    0, 3, 0, 16, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0,
		    0, 13, 0, 1),
	};
	struct bb_dhcp6_in m;
	char err[128];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		err[0] = '\0';
		assert_int_equal(bb_dhcp6_parse(bad[i].msg, bad[i].len, &m, err,
						 sizeof(err)), -EINVAL);
		assert_string_equal(err, bad[i].err);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_solicit),
		cmocka_unit_test(test_request),
		cmocka_unit_test(test_advertise),
		cmocka_unit_test(test_statuses),
		cmocka_unit_test(test_bad),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
