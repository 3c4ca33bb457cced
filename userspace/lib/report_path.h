/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Where a run's report files go: <dir>/<run name>-<started, compact>.<ext>.
 * The run name comes from whoever asked for the run, so it is made into a
 * plain file name first: it can never name a path outside <dir>.
 */
#ifndef BB_REPORT_PATH_H
#define BB_REPORT_PATH_H

#include <stddef.h>

#include "report.h"

/* Longest run name kept in a file name (the rest is cut). */
#define BB_REPORT_NAME_MAX	100

/*
 * @name as a file name part: letters, digits, '.', '_', '+' and '-' kept,
 * any other byte (a '/' too) becomes '_', a leading '.' becomes '_' (no
 * hidden files, no "..") and an empty name is "run". @buf holds at least
 * BB_REPORT_NAME_MAX + 1 bytes.
 */
void bb_report_name(char *buf, const char *name);

/*
 * The report's path: @dir, the cleaned @name, @started (RFC 3339) without
 * its '-', ':' and '.', and the format's extension. 0, or -ENAMETOOLONG
 * when it does not fit in @len bytes.
 */
int bb_report_path(char *buf, size_t len, const char *dir, const char *name,
		   const char *started, enum bb_report_format f);

/* A port's capture beside the reports: <dir>/<name>-<started>-<port>.pcap,
 * name and port cleaned as above. 0, or -ENAMETOOLONG. */
int bb_capture_file_path(char *buf, size_t len, const char *dir, const char *name,
			 const char *started, const char *port);

#endif
