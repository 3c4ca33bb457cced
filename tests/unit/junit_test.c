// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* JUnit XML from a run record: counts, escaping, failures with reasons. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "junit.h"

static char *render(const char *record_text)
{
	json_error_t e;
	json_t *rec = json_loads(record_text, 0, &e);
	char *buf = NULL;
	size_t len = 0;
	FILE *f;

	assert_non_null(rec);
	f = open_memstream(&buf, &len);
	assert_non_null(f);
	assert_int_equal(bb_junit_write(f, rec), 0);
	fclose(f);
	json_decref(rec);
	return buf;
}

static void test_pass_and_fail(void **state)
{
	char *xml = render(
		"{\"run\": {\"name\": \"b2b <1>\", \"started\": \"2026-11-22T11:00:00Z\","
		" \"duration_s\": 12.5, \"interrupted\": false},"
		" \"flows\": ["
		"  {\"name\": \"clean\", \"analysers\": ["
		"    {\"type\": \"frame_loss\", \"verdict\": \"PASS\", \"reason\": \"loss 0.000% ok\"}]},"
		"  {\"name\": \"a&b\", \"analysers\": ["
		"    {\"type\": \"frame_loss\", \"verdict\": \"FAIL\","
		"     \"reason\": \"loss 5.000% exceeds \\\"1%\\\"\"}]}]}");

	(void)state;
	assert_string_equal(xml,
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n"
		"  <testsuite name=\"b2b &lt;1&gt;\" tests=\"2\" failures=\"1\" errors=\"0\""
		" time=\"12.500\" timestamp=\"2026-11-22T11:00:00Z\">\n"
		"    <testcase classname=\"clean\" name=\"frame_loss\">\n"
		"      <system-out>loss 0.000% ok</system-out>\n"
		"    </testcase>\n"
		"    <testcase classname=\"a&amp;b\" name=\"frame_loss\">\n"
		"      <failure message=\"loss 5.000% exceeds &quot;1%&quot;\" type=\"frame_loss\"/>\n"
		"    </testcase>\n"
		"  </testsuite>\n</testsuites>\n");
	free(xml);
}

static void test_interrupted_no_flows(void **state)
{
	char *xml = render("{\"run\": {\"name\": \"x\", \"interrupted\": true}, \"flows\": []}");

	(void)state;
	assert_non_null(strstr(xml, "tests=\"0\" failures=\"0\""));
	assert_non_null(strstr(xml, "<system-err>the run was interrupted</system-err>"));
	free(xml);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pass_and_fail),
		cmocka_unit_test(test_interrupted_no_flows),
	};

	return cmocka_run_group_tests_name("junit", tests, NULL, NULL);
}
