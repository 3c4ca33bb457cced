// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* JUnit XML from a run record. */
#include <errno.h>
#include <stdbool.h>
#include <string.h>

#include "report_junit.h"

/*
 * @s as XML character data or attribute value: markup characters as
 * entities, tab/newline/CR as character references (an attribute would
 * otherwise normalize them to spaces), other control characters dropped
 * since XML 1.0 cannot carry them at all. jansson strings are UTF-8.
 */
static void put_xml(FILE *out, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '"': fputs("&quot;", out); break;
		case '\'': fputs("&apos;", out); break;
		case '\t': fputs("&#9;", out); break;
		case '\n': fputs("&#10;", out); break;
		case '\r': fputs("&#13;", out); break;
		default:
			if ((unsigned char)*s >= 0x20)
				fputc(*s, out);
		}
	}
}

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
	put_xml(out, str(flow, "name"));
	fputs("\" name=\"", out);
	put_xml(out, str(an, "type"));
	fputs("\">\n", out);
	if (failed(an)) {
		fputs("      <failure message=\"", out);
		put_xml(out, str(an, "reason"));
		fputs("\" type=\"", out);
		put_xml(out, str(an, "type"));
		fputs("\"/>\n", out);
	} else {
		fputs("      <system-out>", out);
		put_xml(out, str(an, "reason"));
		fputs("</system-out>\n", out);
	}
	fputs("    </testcase>\n", out);
}

static void put_suite_start(FILE *out, json_t *run, size_t tests,
			    size_t failures)
{
	json_t *dur = json_object_get(run, "duration_s");

	fputs("  <testsuite name=\"", out);
	put_xml(out, str(run, "name"));
	fprintf(out, "\" tests=\"%zu\" failures=\"%zu\" errors=\"0\" time=\"%.3f\"",
		tests, failures, json_is_number(dur) ? json_number_value(dur) : 0.0);
	fputs(" timestamp=\"", out);
	put_xml(out, str(run, "started"));
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
