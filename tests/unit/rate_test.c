// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* Exact rates: fps and bit rates to reduced ratios, layer-2 speed modes,
 * the best approximation within bounds, and the limits. */
#include <errno.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <linux/bbgen.h>

#include "decimal.h"
#include "mix.h"
#include "rate.h"

static struct bb_dec dec(const char *s)
{
	struct bb_dec d;

	assert_int_equal(bb_dec_parse(s, &d), 0);
	return d;
}

static void fps_is(const char *s, uint64_t frames, uint64_t period)
{
	struct bb_dec d = dec(s);
	struct bb_rate r;

	assert_int_equal(bb_rate_from_fps(&d, &r), 0);
	assert_int_equal(r.frames, frames);
	assert_int_equal(r.period_ns, period);
}

static int fps_err(const char *s)
{
	struct bb_dec d = dec(s);
	struct bb_rate r;

	return bb_rate_from_fps(&d, &r);
}

static void test_fps(void **state)
{
	struct bb_dec d;
	struct bb_rate r;

	(void)state;
	/* 148809524 frames per 100 s, reduced by 4 */
	fps_is("1488095.24", 37202381, 25000000000ULL);
	fps_is("3", 3, 1000000000);
	fps_is("5000", 1, 200000);
	fps_is("1e9", 1, 1);
	fps_is("0.5", 1, 2000000000);
	fps_is("7e-4", 7, 10000000000000ULL);
	assert_int_equal(fps_err("0"), -EINVAL);
	assert_int_equal(fps_err("1000000000.5"), -ERANGE);
	assert_int_equal(fps_err("2e9"), -ERANGE);
	assert_int_equal(fps_err("0.0001"), -EDOM);
	assert_int_equal(fps_err("0.000277777777"), -EDOM);
	fps_is("0.0003", 3, 10000000000000ULL);
	/* 13889 frames every 5e16 ns: past one day, so approximated */
	d = dec("0.00027778");
	assert_int_equal(bb_rate_from_fps(&d, &r), 0);
	assert_true(r.period_ns <= BBGEN_RATE_PERIOD_MAX_NS);
	assert_true(fabs(bb_rate_fps(&r) / 0.00027778 - 1) < 1e-12);
}

static void test_l2_speed(void **state)
{
	enum bb_l2_speed m;

	(void)state;
	assert_int_equal(bb_l2_speed_parse("frame", &m), 0);
	assert_int_equal(bb_l2_overhead(m), 0);
	assert_int_equal(bb_l2_speed_parse("frame_with_fcs", &m), 0);
	assert_int_equal(bb_l2_overhead(m), 4);
	assert_string_equal(bb_l2_speed_name(m), "frame_with_fcs");
	assert_int_equal(bb_l2_speed_parse("physical", &m), 0);
	assert_int_equal(bb_l2_overhead(m), 24);
	assert_int_equal(bb_l2_speed_parse("Physical", &m), -EINVAL);
	assert_int_equal(bb_l2_speed_parse("", &m), -EINVAL);
}

static void bitrate_is(const char *bps, uint32_t size, enum bb_l2_speed m,
		       uint64_t frames, uint64_t period)
{
	struct bb_dec d = dec(bps);
	struct bb_rate r;

	assert_int_equal(bb_rate_from_bitrate(&d, size + bb_l2_overhead(m), 1,
					      &r), 0);
	assert_int_equal(r.frames, frames);
	assert_int_equal(r.period_ns, period);
}

static void test_bitrate(void **state)
{
	struct bb_dec d = dec("1e9");
	struct bb_rate r;

	(void)state;
	/* 60-byte frames at 1 Gbit/s physical: 84 bytes = 672 ns each */
	bitrate_is("1e9", 60, BB_L2_PHYSICAL, 1, 672);
	assert_true(fabs(bb_rate_fps(&(struct bb_rate){ 1, 672 }) -
			 1488095.238095) < 1e-5);
	bitrate_is("1e9", 60, BB_L2_FRAME_WITH_FCS, 1, 512);
	bitrate_is("1e9", 60, BB_L2_FRAME, 1, 480);
	/* 1514 bytes at 10 Mbit/s: 12112 bits each */
	bitrate_is("10000000", 1514, BB_L2_FRAME, 1, 1211200);
	bitrate_is("1000.5", 60, BB_L2_FRAME, 667, 320000000000ULL);
	assert_int_equal(bb_rate_from_bitrate(&d, 0, 1, &r), -EINVAL);
	assert_int_equal(bb_rate_from_bitrate(&d, 60, 0, &r), -EINVAL);
	/* 100 bit/s of 9600-byte frames: one per 768 s, fine; 0.01 not */
	d = dec("100");
	assert_int_equal(bb_rate_from_bitrate(&d, 9600, 1, &r), 0);
	assert_int_equal(r.period_ns, 768000000000ULL);
	d = dec("0.01");
	assert_int_equal(bb_rate_from_bitrate(&d, 9600, 1, &r), -EDOM);
	d = dec("1e12");
	assert_int_equal(bb_rate_from_bitrate(&d, 60, 1, &r), -ERANGE);
}

/* IMIX: the rate follows the weighted mean frame size. */
static void test_bitrate_imix(void **state)
{
	static struct bb_mix m;
	struct bb_dec d = dec("1e9");
	uint64_t bytes, weight;
	struct bb_rate r;
	uint32_t bad;

	(void)state;
	assert_int_equal(bb_mix_parse_imix("default", &m, &bad), 0);
	bb_mix_wire(&m, bb_l2_overhead(BB_L2_PHYSICAL), &bytes, &weight);
	assert_int_equal(bytes, 76892);
	assert_int_equal(weight, 100);
	assert_int_equal(bb_rate_from_bitrate(&d, bytes, weight, &r), 0);
	/* 1e9 * 100 / (8 * 76892) fps = 25 frames every 153784 ns */
	assert_int_equal(r.frames, 25);
	assert_int_equal(r.period_ns, 153784);
	assert_true(fabs(bb_rate_fps(&r) - 162565.6765333) < 1e-6);
}

static void test_fit(void **state)
{
	uint64_t n, d;

	(void)state;
	assert_int_equal(bb_ratio_fit(6, 4, 10, 10, &n, &d), 0);
	assert_int_equal(n, 3);
	assert_int_equal(d, 2);
	/* pi to 15 digits within 1000: 355/113 */
	assert_int_equal(bb_ratio_fit(314159265358979ULL, 100000000000000ULL,
				      1000, 1000, &n, &d), 1);
	assert_int_equal(n, 355);
	assert_int_equal(d, 113);
	/* a semiconvergent: 0.2847 within 10 -> 2/7 (0.2857) */
	assert_int_equal(bb_ratio_fit(2847, 10000, 10, 10, &n, &d), 1);
	assert_int_equal(n, 2);
	assert_int_equal(d, 7);
	/* beyond 128/64 bits: 2^100 + 1 over 2^100 */
	assert_int_equal(bb_ratio_fit(((unsigned __int128)1 << 100) + 1,
				      (unsigned __int128)1 << 100, UINT64_MAX,
				      UINT64_MAX, &n, &d), 1);
	assert_int_equal(n, 1);
	assert_int_equal(d, 1);
	assert_int_equal(bb_ratio_fit(11, 1, 10, 10, &n, &d), -ERANGE);
	/* below 1/max_den: that is the closest */
	assert_int_equal(bb_ratio_fit(1, 100, 10, 10, &n, &d), 1);
	assert_int_equal(n, 1);
	assert_int_equal(d, 10);
	assert_int_equal(bb_ratio_fit(1, 19, 10, 10, &n, &d), 1);
	assert_int_equal(n, 1);
	assert_int_equal(d, 10);
	assert_int_equal(bb_ratio_fit(24, 25, 10, 10, &n, &d), 1);
	assert_int_equal(n, 1);
	assert_int_equal(d, 1);
	assert_int_equal(bb_ratio_fit(0, 1, 10, 10, &n, &d), -ERANGE);
}

static void test_interval(void **state)
{
	(void)state;
	assert_int_equal(bb_rate_interval_ns(&(struct bb_rate){ 1, 672 }), 672);
	assert_int_equal(bb_rate_interval_ns(&(struct bb_rate){ 3, 1000000000 }),
			 333333333);
	assert_int_equal(bb_rate_interval_ns(&(struct bb_rate){ 2, 3 }), 2);
	assert_int_equal(bb_rate_interval_ns(&(struct bb_rate){ 1, 1 }), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fps),
		cmocka_unit_test(test_l2_speed),
		cmocka_unit_test(test_bitrate),
		cmocka_unit_test(test_bitrate_imix),
		cmocka_unit_test(test_fit),
		cmocka_unit_test(test_interval),
	};

	return cmocka_run_group_tests_name("rate", tests, NULL, NULL);
}
