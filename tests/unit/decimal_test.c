// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* Exact decimal parsing: values, normal form, limits, SI suffixes, ns. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "decimal.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

struct dec_case {
	const char *s;
	uint64_t mant;
	int exp10;
};

static void test_values(void **state)
{
	static const struct dec_case ok[] = {
		{ "1488095.24", 148809524, -2 },
		{ "60", 6, 1 },
		{ "0.5", 5, -1 },
		{ ".5", 5, -1 },
		{ "1.", 1, 0 },
		{ "1e9", 1, 9 },
		{ "2.5E-3", 25, -4 },
		{ "1e+3", 1, 3 },
		{ "0", 0, 0 },
		{ "0.000", 0, 0 },
		{ "007", 7, 0 },
		{ "0.000000000001", 1, -12 },
		{ "1.000000000000000000000000", 1, 0 },
		{ "9999999999999999999", 9999999999999999999ULL, 0 },
		{ "123456789012345678.9", 1234567890123456789ULL, -1 },
		{ "12000e-3", 12, 0 },
	};
	struct bb_dec d;
	size_t i;

	(void)state;
	for (i = 0; i < N(ok); i++) {
		assert_int_equal(bb_dec_parse(ok[i].s, &d), 0);
		assert_int_equal(d.mant, ok[i].mant);
		assert_int_equal(d.exp10, ok[i].exp10);
	}
}

static void test_bad(void **state)
{
	static const char *const bad[] = {
		"", ".", "e5", "1e", "1e+", "-1", "+1", " 1", "1 ", "0x10",
		"inf", "nan", "1,5", "1e5x", "1.2.3", "1e1.5", "1k",
	};
	static const char *const fine[] = {
		"0.0000000000001", "1e-13", "1.5e-12", "1e-999",
		"1.2345678901234567891",
	};
	static const char *const big[] = {
		"10000000000000000000", "1e19", "12345678901234567890",
		"1e999", "12345678901234567891.5",
	};
	struct bb_dec d;
	size_t i;

	(void)state;
	for (i = 0; i < N(bad); i++)
		assert_int_equal(bb_dec_parse(bad[i], &d), -EINVAL);
	for (i = 0; i < N(fine); i++)
		assert_int_equal(bb_dec_parse(fine[i], &d), -EDOM);
	for (i = 0; i < N(big); i++)
		assert_int_equal(bb_dec_parse(big[i], &d), -ERANGE);
}

static void test_si(void **state)
{
	struct bb_dec d;

	(void)state;
	assert_int_equal(bb_dec_parse_si("1G", &d), 0);
	assert_int_equal(d.mant, 1);
	assert_int_equal(d.exp10, 9);
	assert_int_equal(bb_dec_parse_si("2.5M", &d), 0);
	assert_int_equal(d.mant, 25);
	assert_int_equal(d.exp10, 5);
	assert_int_equal(bb_dec_parse_si("100k", &d), 0);
	assert_int_equal(d.mant, 1);
	assert_int_equal(d.exp10, 5);
	assert_int_equal(bb_dec_parse_si("1e3k", &d), 0);
	assert_int_equal(d.exp10, 6);
	assert_int_equal(bb_dec_parse_si("750", &d), 0);
	assert_int_equal(d.mant, 75);
	assert_int_equal(bb_dec_parse_si("1g", &d), -EINVAL);
	assert_int_equal(bb_dec_parse_si("G", &d), -EINVAL);
	assert_int_equal(bb_dec_parse_si("1GG", &d), -EINVAL);
	assert_int_equal(bb_dec_parse_si("1e12G", &d), -ERANGE);
	assert_int_equal(bb_dec_parse_si("0.0000000000001G", &d), -EDOM);
}

static void test_ns(void **state)
{
	struct bb_dec d;
	uint64_t ns;

	(void)state;
	assert_int_equal(bb_dec_parse("1.5", &d), 0);
	assert_int_equal(bb_dec_sec_to_ns(&d, &ns), 0);
	assert_int_equal(ns, 1500000000);
	assert_int_equal(bb_dec_parse("0.000000001", &d), 0);
	assert_int_equal(bb_dec_sec_to_ns(&d, &ns), 0);
	assert_int_equal(ns, 1);
	assert_int_equal(bb_dec_parse("0", &d), 0);
	assert_int_equal(bb_dec_sec_to_ns(&d, &ns), 0);
	assert_int_equal(ns, 0);
	assert_int_equal(bb_dec_parse("18446744074", &d), 0);
	assert_int_equal(bb_dec_sec_to_ns(&d, &ns), -ERANGE);
	assert_int_equal(bb_dec_parse("18446744073", &d), 0);
	assert_int_equal(bb_dec_sec_to_ns(&d, &ns), 0);
	assert_int_equal(ns, 18446744073000000000ULL);
	assert_int_equal(bb_dec_parse("0.0000000001", &d), 0);
	assert_int_equal(bb_dec_sec_to_ns(&d, &ns), -EDOM);
	assert_int_equal(bb_dec_scaled(&d, 10, &ns), 0);
	assert_int_equal(ns, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_bad),
		cmocka_unit_test(test_si),
		cmocka_unit_test(test_ns),
	};

	return cmocka_run_group_tests_name("decimal", tests, NULL, NULL);
}
