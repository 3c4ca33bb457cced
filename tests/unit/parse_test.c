// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* Parsers: MAC, IP, integers with ranges. */
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

#include "parse.h"

static void test_mac(void **state)
{
	static const uint8_t want[6] = { 0x02, 0xab, 0xCD, 0x00, 0x10, 0xff };
	static const char *const bad[] = {
		"", "02:ab:cd:00:10", "02:ab:cd:00:10:ff:00", "02:ab:cd:00:10:f",
		"02-ab-cd-00-10-ff", "02:ab:cd:00:10:fg", "2:ab:cd:00:10:ff",
		"02:ab:cd:00:10:ff ", "0x:ab:cd:00:10:ff", "02abcd0010ff",
	};
	uint8_t mac[6];
	size_t i;

	(void)state;
	assert_int_equal(bb_parse_mac("02:ab:CD:00:10:FF", mac), 0);
	assert_memory_equal(mac, want, 6);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(bb_parse_mac(bad[i], mac), -EINVAL);
}

static void test_ip(void **state)
{
	struct bb_ip ip;
	struct in6_addr v6;

	(void)state;
	assert_int_equal(bb_parse_ip("192.0.2.7", &ip), 0);
	assert_int_equal(ip.family, AF_INET);
	assert_int_equal(ntohl(ip.v4.s_addr), 0xc0000207);
	assert_int_equal(bb_parse_ip("2001:db8::7", &ip), 0);
	assert_int_equal(ip.family, AF_INET6);
	inet_pton(AF_INET6, "2001:db8::7", &v6);
	assert_memory_equal(&ip.v6, &v6, 16);
	assert_int_equal(bb_parse_ip("::ffff:192.0.2.7", &ip), 0);
	assert_int_equal(ip.family, AF_INET6);
	assert_int_equal(bb_parse_ip("192.0.2", &ip), -EINVAL);
	assert_int_equal(bb_parse_ip("192.0.2.256", &ip), -EINVAL);
	assert_int_equal(bb_parse_ip("2001:db8:::7", &ip), -EINVAL);
	assert_int_equal(bb_parse_ip("", &ip), -EINVAL);
	assert_int_equal(bb_parse_ip("host.example", &ip), -EINVAL);
}

static void test_u64(void **state)
{
	static const char *const bad[] = {
		"", " 1", "+1", "-1", "0x10", "1a", "1 ", "1.0", "1e3",
	};
	uint64_t v = 7;
	size_t i;

	(void)state;
	assert_int_equal(bb_parse_u64("0", 0, 10, &v), 0);
	assert_int_equal(v, 0);
	assert_int_equal(bb_parse_u64("10", 0, 10, &v), 0);
	assert_int_equal(v, 10);
	assert_int_equal(bb_parse_u64("007", 1, 10, &v), 0);
	assert_int_equal(v, 7);
	assert_int_equal(bb_parse_u64("11", 0, 10, &v), -ERANGE);
	assert_int_equal(bb_parse_u64("0", 1, 10, &v), -ERANGE);
	assert_int_equal(bb_parse_u64("18446744073709551615", 0, UINT64_MAX, &v), 0);
	assert_true(v == UINT64_MAX);
	assert_int_equal(bb_parse_u64("18446744073709551616", 0, UINT64_MAX, &v),
			 -ERANGE);
	assert_int_equal(bb_parse_u64("65536", 1, 65535, &v), -ERANGE);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(bb_parse_u64(bad[i], 0, UINT64_MAX, &v), -EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mac),
		cmocka_unit_test(test_ip),
		cmocka_unit_test(test_u64),
	};

	return cmocka_run_group_tests_name("parse", tests, NULL, NULL);
}
