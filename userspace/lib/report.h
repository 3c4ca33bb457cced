/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The reports of a run, all rendered from its run record alone
 * (Documentation/report-json.md), so the archive can regenerate any of
 * them later: JSON (the record itself), HTML, JUnit XML.
 */
#ifndef BB_REPORT_H
#define BB_REPORT_H

#include <stdio.h>

#include <jansson.h>

enum bb_report_format {
	BB_REPORT_JSON,
	BB_REPORT_HTML,
	BB_REPORT_JUNIT,
};

/* "json", "html" or "junit": 0, or -EINVAL. */
int bb_report_format_parse(const char *s, enum bb_report_format *f);
/* The file name extension of a format: "json", "html", "xml". */
const char *bb_report_format_ext(enum bb_report_format f);

/*
 * The record as JSON text, the one way bb prints it (2-space indent,
 * sorted keys, reals with up to 15 significant digits, final newline):
 * the archive stores and regenerates this text byte for byte.
 */
int bb_report_json_write(FILE *out, json_t *record);
/* @s escaped for XML and HTML text and attribute values (both reports). */
void bb_report_put_text(FILE *out, const char *s);

/* Write @record to @out in format @f; 0 or -errno. */
int bb_report_write(FILE *out, enum bb_report_format f, json_t *record);
/* The same into @path, atomically (lib/atomic_file.h). */
int bb_report_write_file(const char *path, enum bb_report_format f,
			 json_t *record);

#endif
