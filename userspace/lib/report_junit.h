/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * JUnit XML from a run record (Documentation/report-json.md), for CI
 * systems: one <testsuite> per scenario (run.name), one <testcase> per
 * analyser of every flow (classname = flow name, name = analyser type),
 * a <failure message="reason"> when the analyser failed.
 */
#ifndef BB_REPORT_JUNIT_H
#define BB_REPORT_JUNIT_H

#include <stdio.h>

#include <jansson.h>

/* Write the JUnit document of @record to @out; 0 or -EIO. */
int bb_report_junit_write(FILE *out, json_t *record);

#endif
