// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* Format names and dispatch; the JSON report is the record printed. */
#include <errno.h>
#include <string.h>

#include "atomic_file.h"
#include "report.h"
#include "report_html.h"
#include "report_junit.h"

static const char *const names[] = {
	[BB_REPORT_JSON] = "json",
	[BB_REPORT_HTML] = "html",
	[BB_REPORT_JUNIT] = "junit",
};

int bb_report_format_parse(const char *s, enum bb_report_format *f)
{
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(s, names[i])) {
			*f = i;
			return 0;
		}
	return -EINVAL;
}

const char *bb_report_format_ext(enum bb_report_format f)
{
	return f == BB_REPORT_JUNIT ? "xml" : names[f];
}

/* 15 digits: a value read from text prints back as the same text, and
 * 0.1 stays 0.1 instead of 17 digits' 0.10000000000000001. */
#define REPORT_JSON_FLAGS \
	(JSON_INDENT(2) | JSON_SORT_KEYS | JSON_REAL_PRECISION(15))

int bb_report_json_write(FILE *out, json_t *record)
{
	if (json_dumpf(record, out, REPORT_JSON_FLAGS) || fputc('\n', out) == EOF)
		return -EIO;
	return 0;
}

int bb_report_write(FILE *out, enum bb_report_format f, json_t *record)
{
	switch (f) {
	case BB_REPORT_JSON:
		return bb_report_json_write(out, record);
	case BB_REPORT_HTML:
		return bb_report_html_write(out, record);
	case BB_REPORT_JUNIT:
		return bb_report_junit_write(out, record);
	}
	return -EINVAL;
}

struct job {
	enum bb_report_format f;
	json_t *record;
};

static int write_job(FILE *out, void *arg)
{
	struct job *j = arg;

	return bb_report_write(out, j->f, j->record);
}

int bb_report_write_file(const char *path, enum bb_report_format f,
			 json_t *record)
{
	struct job j = { f, record };

	return bb_atomic_write(path, write_job, &j);
}

/*
 * @s as XML (and HTML) character data or attribute value: markup characters as
 * entities, tab/newline/CR as character references (an attribute would
 * otherwise normalize them to spaces), other control characters dropped
 * since XML 1.0 cannot carry them at all. jansson strings are UTF-8.
 */
void bb_report_put_text(FILE *out, const char *s)
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
