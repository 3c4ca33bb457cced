// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* lib/capture: the max_bytes bound counts the pcap headers, so a file
 * never grows past it; 0 means no bound. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "capture.h"

static void test_fits(void **state)
{
	(void)state;
	/* 24-byte file header, 16 per record: 24 + 16 + 100 = 140 */
	assert_true(bb_capture_fits(24, 100, 140));
	assert_false(bb_capture_fits(24, 100, 139));
	assert_true(bb_capture_fits(140, 0, 156));
	assert_false(bb_capture_fits(140, 1, 156));
	assert_true(bb_capture_fits(UINT64_MAX / 2, 65535, 0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
