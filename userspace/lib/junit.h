/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * JUnit XML from a run record (Documentation/report-json.md): one
 * testsuite for the scenario, one testcase per analyser of every flow,
 * a <failure> with the analyser's reason when it failed.
 */
#ifndef BB_JUNIT_H
#define BB_JUNIT_H

#include <stdio.h>

#include <jansson.h>

/* Write the JUnit document of @record to @out; 0 or -errno. */
int bb_junit_write(FILE *out, json_t *record);

#endif
