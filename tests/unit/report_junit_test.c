// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* lib/report_junit: counts, one testcase per analyser, failures with the
 * reason, XML escaping, interrupted runs, http flows' analysers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "report_junit.h"

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
	assert_int_equal(bb_report_junit_write(f, rec), 0);
	fclose(f);
	json_decref(rec);
	return buf;
}

static void test_whole_document(void **state)
{
	char *xml = render(
		"{\"run\": {\"name\": \"b2b <1>\", \"started\": \"2026-11-22T11:00:00Z\","
		" \"duration_s\": 12.5, \"interrupted\": false},"
		" \"flows\": ["
		"  {\"name\": \"clean\", \"analysers\": ["
		"    {\"type\": \"frame_loss\", \"verdict\": \"PASS\", \"reason\": \"loss 0.000% ok\"},"
		"    {\"type\": \"latency_frame_loss\", \"verdict\": \"PASS\", \"reason\": \"ok\"}]},"
		"  {\"name\": \"a&b\", \"analysers\": ["
		"    {\"type\": \"frame_loss\", \"verdict\": \"FAIL\","
		"     \"reason\": \"loss 5.000% exceeds \\\"1%\\\"\"}]}]}");

	(void)state;
	assert_string_equal(xml,
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<testsuites tests=\"3\" failures=\"1\">\n"
		"  <testsuite name=\"b2b &lt;1&gt;\" tests=\"3\" failures=\"1\" errors=\"0\""
		" time=\"12.500\" timestamp=\"2026-11-22T11:00:00Z\">\n"
		"    <testcase classname=\"clean\" name=\"frame_loss\">\n"
		"      <system-out>loss 0.000% ok</system-out>\n"
		"    </testcase>\n"
		"    <testcase classname=\"clean\" name=\"latency_frame_loss\">\n"
		"      <system-out>ok</system-out>\n"
		"    </testcase>\n"
		"    <testcase classname=\"a&amp;b\" name=\"frame_loss\">\n"
		"      <failure message=\"loss 5.000% exceeds &quot;1%&quot;\" type=\"frame_loss\"/>\n"
		"    </testcase>\n"
		"  </testsuite>\n</testsuites>\n");
	free(xml);
}

/* Newlines and tabs survive in attributes as references; other control
 * characters cannot be in XML 1.0 at all; quotes of both kinds escaped. */
static void test_escaping(void **state)
{
	char *xml = render(
		"{\"run\": {\"name\": \"it's\"}, \"flows\": [{\"name\": \"f\", \"analysers\": ["
		" {\"type\": \"t\", \"verdict\": \"FAIL\", \"reason\": \"a\\nb\\tc\\u0001d>\"}]}]}");

	(void)state;
	assert_non_null(strstr(xml, "<testsuite name=\"it&apos;s\""));
	assert_non_null(strstr(xml, "<failure message=\"a&#10;b&#9;cd&gt;\""));
	free(xml);
}

/* A missing or unknown verdict is a failure, never a silent pass. */
static void test_missing_verdict_fails(void **state)
{
	char *xml = render(
		"{\"run\": {\"name\": \"x\"}, \"flows\": [{\"name\": \"f\", \"analysers\": ["
		" {\"type\": \"voice\", \"reason\": \"no result\"},"
		" {\"type\": \"gaming\", \"verdict\": \"pass\", \"reason\": \"lower case\"}]}]}");

	(void)state;
	assert_non_null(strstr(xml, "tests=\"2\" failures=\"2\" errors=\"0\""));
	assert_non_null(strstr(xml, "<failure message=\"no result\" type=\"voice\"/>"));
	free(xml);
}

/* http flows' analysers are testcases like any other: the session's
 * verdict and bb's thresholds, each with its reason. */
static void test_http_flow(void **state)
{
	char *xml = render(
		"{\"run\": {\"name\": \"http\"}, \"flows\": [{\"name\": \"get <1>\","
		" \"type\": \"http\", \"results\": {\"status\": \"failed\","
		" \"reason\": \"client: recv: connection reset by the peer\"}, \"analysers\": ["
		" {\"type\": \"http_session\", \"verdict\": \"FAIL\","
		"  \"reason\": \"TCP session failed: client: recv: connection reset by the peer\"},"
		" {\"type\": \"minimum_goodput\", \"verdict\": \"PASS\","
		"  \"reason\": \"goodput 42.039 Mbit/s meets minimum_goodput 20.000 Mbit/s\"},"
		" {\"type\": \"max_rtt\", \"verdict\": \"FAIL\","
		"  \"reason\": \"largest RTT 0.99 ms exceeds max_rtt 0.50 ms (min 0.58, avg 0.79)\"}]}]}");

	(void)state;
	assert_non_null(strstr(xml, "<testsuites tests=\"3\" failures=\"2\">\n"));
	assert_non_null(strstr(xml,
		"    <testcase classname=\"get &lt;1&gt;\" name=\"http_session\">\n"
		"      <failure message=\"TCP session failed: client: recv: connection reset by the peer\""
		" type=\"http_session\"/>\n"
		"    </testcase>\n"
		"    <testcase classname=\"get &lt;1&gt;\" name=\"minimum_goodput\">\n"
		"      <system-out>goodput 42.039 Mbit/s meets minimum_goodput 20.000 Mbit/s</system-out>\n"
		"    </testcase>\n"
		"    <testcase classname=\"get &lt;1&gt;\" name=\"max_rtt\">\n"
		"      <failure message=\"largest RTT 0.99 ms exceeds max_rtt 0.50 ms (min 0.58, avg 0.79)\""
		" type=\"max_rtt\"/>\n"
		"    </testcase>\n"));
	free(xml);
}

static void test_interrupted_no_flows(void **state)
{
	char *xml = render("{\"run\": {\"name\": \"x\", \"interrupted\": true}, \"flows\": []}");

	(void)state;
	assert_non_null(strstr(xml, "<testsuites tests=\"0\" failures=\"0\">"));
	assert_non_null(strstr(xml, "time=\"0.000\""));
	assert_non_null(strstr(xml, "<system-err>the run was interrupted</system-err>"));
	free(xml);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_whole_document),
		cmocka_unit_test(test_escaping),
		cmocka_unit_test(test_missing_verdict_fails),
		cmocka_unit_test(test_http_flow),
		cmocka_unit_test(test_interrupted_no_flows),
	};

	return cmocka_run_group_tests_name("report_junit", tests, NULL, NULL);
}
