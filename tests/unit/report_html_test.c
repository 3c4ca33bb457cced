// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* lib/report_html: the page is self-contained, the embedded record cannot
 * end its <script> block and parses back to the record, the banner is
 * escaped and shows FAIL for anything but PASS; an http record goes in
 * whole beside the script that draws it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "report_html.h"

static char *render(json_t *rec)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	assert_non_null(f);
	assert_int_equal(bb_report_html_write(f, rec), 0);
	fclose(f);
	return buf;
}

static const char evil[] = "x</script><script>alert(1)</script><!--";

/* The text of <script id="bb-record">, up to the first "</script". */
static char *record_block(const char *html)
{
	const char *start = strstr(html, "<script type=\"application/json\" id=\"bb-record\">");
	const char *end;

	assert_non_null(start);
	start = strchr(start, '>') + 1;
	end = strstr(start, "</script");
	assert_non_null(end);
	return strndup(start, end - start);
}

static void test_record_embedded_safely(void **state)
{
	json_t *rec = json_pack("{s:{s:s},s:s,s:[{s:s}]}", "run", "name", evil,
				"verdict", "PASS", "flows", "name", evil);
	char *html = render(rec), *block = record_block(html);
	json_error_t e;
	json_t *back = json_loads(block, 0, &e);

	(void)state;
	assert_null(strchr(block, '<'));
	assert_non_null(back);
	assert_true(json_equal(back, rec));
	json_decref(back);
	json_decref(rec);
	free(block);
	free(html);
}

static void test_banner(void **state)
{
	json_t *rec = json_pack("{s:{s:s,s:b},s:s,s:[]}", "run", "name", evil,
				"interrupted", 1, "verdict", "maybe", "flows");
	char *html = render(rec);

	(void)state;
	assert_non_null(strstr(html, "<title>FAIL: x&lt;/script&gt;"));
	assert_non_null(strstr(html, "<header id=\"banner\" class=\"verdict fail\">"
			       "<span class=\"word\">FAIL</span> <span class=\"name\">"
			       "x&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;!--</span>"));
	assert_non_null(strstr(html, "<span class=\"interrupted\">interrupted</span>"));
	json_decref(rec);
	free(html);
}

/* Works offline: uPlot and the page's script inline, nothing fetched. */
static void test_self_contained(void **state)
{
	json_t *rec = json_pack("{s:{s:s},s:s,s:[]}", "run", "name", "b2b",
				"verdict", "PASS", "flows");
	char *html = render(rec);

	(void)state;
	assert_non_null(strstr(html, "<body class=\"pass\">"));
	assert_non_null(strstr(html, "var uPlot=function()"));
	assert_non_null(strstr(html, "document.body.dataset.chartsRendered"));
	assert_non_null(strstr(html, ".uplot"));
	assert_null(strstr(html, " src="));
	assert_null(strstr(html, "<link"));
	assert_non_null(strstr(html, "</html>\n"));
	json_decref(rec);
	free(html);
}

/* An http flow and the aggregate: the record goes in whole, and the
 * page's script carries the http tables, charts and aggregate section
 * (tests/host/report.bats draws them in Chromium). */
static void test_http_record(void **state)
{
	static const char text[] =
		"{\"run\": {\"name\": \"http\"}, \"verdict\": \"FAIL\", \"flows\": ["
		" {\"name\": \"get\", \"type\": \"http\", \"source\": \"s\", \"destination\": \"c\","
		"  \"config\": {\"http_method\": \"GET\", \"request_size\": 4000000},"
		"  \"results\": {\"status\": \"failed\", \"reason\": \"client: a <b>\","
		"   \"http_method\": \"GET\", \"client\": null, \"server\": null, \"timing\": null,"
		"   \"tcp\": null, \"goodput_bps\": null, \"rx_payload_bytes\": 0,"
		"   \"http_status\": null, \"over_time\": [{\"t_ns\": 1795000000000000000,"
		"   \"interval_ns\": 1000000000, \"rx_payload_bytes\": 5, \"goodput_bps\": 40.0}]},"
		"  \"analysers\": [{\"type\": \"http_session\", \"verdict\": \"FAIL\", \"reason\": \"x\"}]}],"
		" \"aggregate\": [{\"port\": \"c\", \"tx\": null, \"rx\": {\"payload_bytes\": 5,"
		"  \"flows\": 1, \"scenario_s\": 1.0, \"alive_s\": 1.0, \"active_s\": 1.0,"
		"  \"scenario_bps\": 40.0, \"alive_bps\": 40.0, \"active_bps\": 40.0}}]}";
	static const char *const markers[] = {
		"function httpFlowSection(", "\"Client and server\"", "\"Request and response times\"",
		"\"TCP\"", "\"Goodput and throughput over time\"",
		"\"RTT, retransmissions and CE marks over time\"",
		"\"Aggregate TCP throughput\"", "section(aggregateSection);",
	};
	json_error_t e;
	json_t *rec = json_loads(text, 0, &e), *back;
	char *html, *block;
	size_t i;

	(void)state;
	assert_non_null(rec);
	html = render(rec);
	block = record_block(html);
	back = json_loads(block, 0, &e);
	assert_non_null(back);
	assert_true(json_equal(back, rec));
	assert_non_null(strstr(block, "\"reason\":\"client: a \\u003cb>\""));
	assert_non_null(strstr(html, "<body class=\"fail\">"));
	for (i = 0; i < sizeof(markers) / sizeof(markers[0]); i++)
		assert_non_null(strstr(html, markers[i]));
	json_decref(back);
	json_decref(rec);
	free(block);
	free(html);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_record_embedded_safely),
		cmocka_unit_test(test_banner),
		cmocka_unit_test(test_self_contained),
		cmocka_unit_test(test_http_record),
	};

	return cmocka_run_group_tests_name("report_html", tests, NULL, NULL);
}
