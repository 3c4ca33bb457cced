// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* lib/report_path: a run's name, whoever sent it, becomes a plain file
 * name inside the report directory. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "report_path.h"

static void check_name(const char *name, const char *want)
{
	char buf[BB_REPORT_NAME_MAX + 1];

	bb_report_name(buf, name);
	assert_string_equal(buf, want);
}

static void test_names(void **state)
{
	(void)state;
	check_name("back-to-back", "back-to-back");
	check_name("loss+latency_v1.2", "loss+latency_v1.2");
	check_name("../../../../etc/x", "_._.._.._.._etc_x");
	check_name("..", "_.");
	check_name(".hidden", "_hidden");
	check_name("a/b\\c d\te\n", "a_b_c_d_e_");
	check_name("", "run");
	check_name(NULL, "run");
	check_name("caf\xc3\xa9", "caf__");
}

static void test_name_cut(void **state)
{
	char name[300], buf[BB_REPORT_NAME_MAX + 1];

	(void)state;
	memset(name, 'x', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	bb_report_name(buf, name);
	assert_int_equal(strlen(buf), BB_REPORT_NAME_MAX);
}

static void test_path(void **state)
{
	char buf[256];

	(void)state;
	assert_int_equal(bb_report_path(buf, sizeof(buf), "/var/lib/bb", "b2b",
					"2026-12-01T19:55:01.123Z", BB_REPORT_HTML), 0);
	assert_string_equal(buf, "/var/lib/bb/b2b-20261201T195501123Z.html");
	assert_int_equal(bb_report_path(buf, sizeof(buf), "/r", "../../etc/cron.d/x",
					"2026-12-01T19:55:01Z", BB_REPORT_JUNIT), 0);
	assert_string_equal(buf, "/r/_._.._etc_cron.d_x-20261201T195501Z.xml");
	assert_int_equal(bb_report_path(buf, 12, "/a/long/dir", "name", "",
					BB_REPORT_JSON), -ENAMETOOLONG);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_name_cut),
		cmocka_unit_test(test_path),
	};

	return cmocka_run_group_tests_name("report_path", tests, NULL, NULL);
}
