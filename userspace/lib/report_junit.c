// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* JUnit XML from a run record. */
#include <errno.h>
#include <stdbool.h>
#include <string.h>

#include "report.h"
#include "report_junit.h"


static const char *str(json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));

	return s ? s : "";
}

/* Anything but an explicit PASS fails: a missing verdict is no success. */
static bool failed(json_t *an)
{
	return strcmp(str(an, "verdict"), "PASS") != 0;
}

static void count(json_t *flows, size_t *tests, size_t *failures)
{
	json_t *f, *an;
	size_t i, j;

	*tests = *failures = 0;
	json_array_foreach(flows, i, f)
		json_array_foreach(json_object_get(f, "analysers"), j, an) {
			(*tests)++;
			*failures += failed(an);
		}
}

static void put_case(FILE *out, json_t *flow, json_t *an)
{
	fputs("    <testcase classname=\"", out);
	bb_report_put_text(out, str(flow, "name"));
	fputs("\" name=\"", out);
	bb_report_put_text(out, str(an, "type"));
	fputs("\">\n", out);
	if (failed(an)) {
		fputs("      <failure message=\"", out);
		bb_report_put_text(out, str(an, "reason"));
		fputs("\" type=\"", out);
		bb_report_put_text(out, str(an, "type"));
		fputs("\"/>\n", out);
	} else {
		fputs("      <system-out>", out);
		bb_report_put_text(out, str(an, "reason"));
		fputs("</system-out>\n", out);
	}
	fputs("    </testcase>\n", out);
}

static void put_suite_start(FILE *out, json_t *run, size_t tests,
			    size_t failures)
{
	json_t *dur = json_object_get(run, "duration_s");

	fputs("  <testsuite name=\"", out);
	bb_report_put_text(out, str(run, "name"));
	fprintf(out, "\" tests=\"%zu\" failures=\"%zu\" errors=\"0\" time=\"%.3f\"",
		tests, failures, json_is_number(dur) ? json_number_value(dur) : 0.0);
	fputs(" timestamp=\"", out);
	bb_report_put_text(out, str(run, "started"));
	fputs("\">\n", out);
	/* an interrupted run has partial results: say so where CI shows it */
	if (json_is_true(json_object_get(run, "interrupted")))
		fputs("    <system-err>the run was interrupted</system-err>\n", out);
}

int bb_report_junit_write(FILE *out, json_t *record)
{
	json_t *run = json_object_get(record, "run");
	json_t *flows = json_object_get(record, "flows"), *f, *an;
	size_t tests, failures, i, j;

	count(flows, &tests, &failures);
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", out);
	fprintf(out, "<testsuites tests=\"%zu\" failures=\"%zu\">\n", tests,
		failures);
	put_suite_start(out, run, tests, failures);
	json_array_foreach(flows, i, f)
		json_array_foreach(json_object_get(f, "analysers"), j, an)
			put_case(out, f, an);
	fputs("  </testsuite>\n</testsuites>\n", out);
	return ferror(out) ? -EIO : 0;
}
