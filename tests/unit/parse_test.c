// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* Parsers: MAC, IP, integers with ranges, rate and its interval. */
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

static void test_rate(void **state)
{
	static const char *const bad[] = {
		"", "0", "0.0", "-1", "+1", " 1", "inf", "nan", "infinity",
		"0x10", "1e400", "1,5", "abc", "1fps", ".",
	};
	double fps;
	size_t i;

	(void)state;
	assert_int_equal(bb_parse_rate("2000", &fps), 0);
	assert_true(fps == 2000.0);
	assert_int_equal(bb_parse_rate("0.5", &fps), 0);
	assert_true(fps == 0.5);
	assert_int_equal(bb_parse_rate(".5", &fps), 0);
	assert_true(fps == 0.5);
	assert_int_equal(bb_parse_rate("1488095.24", &fps), 0);
	assert_int_equal(bb_parse_rate("1e6", &fps), 0);
	assert_true(fps == 1e6);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(bb_parse_rate(bad[i], &fps), -EINVAL);
}

static void test_interval(void **state)
{
	static const struct {
		double fps;
		int ret;
		uint64_t ns;
	} cases[] = {
		{ 2000, 0, 500000 },
		{ 0.5, 0, 2000000000 },
		{ 1488095.24, 0, 672 },		/* 10GbE line rate, 64 B */
		{ 3, 0, 333333333 },		/* rounded down */
		{ 1.5e6, 0, 667 },		/* 666.67 rounded up */
		{ 1e9, 0, 1 },
		{ 1e9 + 1, -ERANGE, 0 },
		{ 1.0 / 3600, 0, 3600000000000ULL },
		{ 0.0002, -ERANGE, 0 },
		{ 0, -ERANGE, 0 },
		{ -1, -ERANGE, 0 },
	};
	uint64_t ns;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		ns = 0;
		assert_int_equal(bb_rate_to_interval(cases[i].fps, &ns),
				 cases[i].ret);
		if (!cases[i].ret)
			assert_true(ns == cases[i].ns);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mac),
		cmocka_unit_test(test_ip),
		cmocka_unit_test(test_u64),
		cmocka_unit_test(test_rate),
		cmocka_unit_test(test_interval),
	};

	return cmocka_run_group_tests_name("parse", tests, NULL, NULL);
}
