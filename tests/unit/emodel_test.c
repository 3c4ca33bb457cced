// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* The G.711 E-model against values computed by hand (arithmetic below). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "emodel.h"

#define assert_near(a, b, eps) \
	assert_true((a) - (b) < (eps) && (b) - (a) < (eps))

static void test_mos_of_r(void **state)
{
	(void)state;
	assert_near(bb_emodel_mos_of_r(-5), 1.0, 1e-12);
	assert_near(bb_emodel_mos_of_r(0), 1.0, 1e-12);
	assert_near(bb_emodel_mos_of_r(100), 4.5, 1e-12);
	/* R 93.2: 1 + 3.262 + 93.2 * 33.2 * 6.8 * 7e-6 = 4.409286 */
	assert_near(bb_emodel_mos_of_r(93.2), 4.409286, 1e-6);
	/* R 60: 1 + 2.1 + 0 = 3.1 */
	assert_near(bb_emodel_mos_of_r(60), 3.1, 1e-12);
	/* R 50: 1 + 1.75 + 50 * -10 * 50 * 7e-6 = 2.575 */
	assert_near(bb_emodel_mos_of_r(50), 2.575, 1e-12);
}

static void test_delay(void **state)
{
	/* 0.2 ms network + 20 ms packet + max(40, 2 * 3) ms buffer */
	struct bb_emodel_in in = { 0, 0.2, 3, 20 };

	(void)state;
	assert_near(bb_emodel_delay_ms(&in), 60.2, 1e-9);
	/* jitter 30 ms: the buffer grows to 60 ms */
	in.jitter_ms = 30;
	assert_near(bb_emodel_delay_ms(&in), 80.2, 1e-9);
	/* Id: 0.024 * 100 = 2.4; at 200 ms 4.8 + 0.11 * 22.7 = 7.297 */
	assert_near(bb_emodel_id(100), 2.4, 1e-9);
	assert_near(bb_emodel_id(200), 7.297, 1e-9);
}

static void test_loss(void **state)
{
	(void)state;
	assert_near(bb_emodel_ie_eff(0), 0, 1e-12);
	/* 95 * 1 / 26.1 = 3.639847 */
	assert_near(bb_emodel_ie_eff(1), 3.639847, 1e-6);
	/* 95 * 10 / 35.1 = 27.065527 */
	assert_near(bb_emodel_ie_eff(10), 27.065527, 1e-6);
}

static void test_calls(void **state)
{
	/*
	 * Clean 20 ms call, 0.2 ms network: d 60.2, Id 1.4448,
	 * R 91.7552, MOS 1 + 3.211432 + 91.7552 * 31.7552 * 8.2448 * 7e-6
	 * = 4.379592
	 */
	struct bb_emodel_in clean = { 0, 0.2, 0.01, 20 };
	/* same with 10% loss: R 91.7552 - 27.065527 = 64.689673, MOS 3.339124 */
	struct bb_emodel_in lossy = { 10, 0.2, 0.01, 20 };

	(void)state;
	assert_near(bb_emodel_r(&clean), 91.7552, 1e-9);
	assert_near(bb_emodel_mos(&clean), 4.379592, 1e-5);
	assert_true(bb_emodel_mos(&clean) >= 4.0);
	assert_near(bb_emodel_r(&lossy), 64.689673, 1e-5);
	assert_near(bb_emodel_mos(&lossy), 3.339124, 1e-5);
	assert_true(bb_emodel_mos(&lossy) < 4.0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mos_of_r),
		cmocka_unit_test(test_delay),
		cmocka_unit_test(test_loss),
		cmocka_unit_test(test_calls),
	};

	return cmocka_run_group_tests_name("emodel", tests, NULL, NULL);
}
