/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* What archive.c (open, schema, reading) and archive_store.c share. */
#ifndef BB_ARCHIVE_INT_H
#define BB_ARCHIVE_INT_H

#include <sqlite3.h>

#include "archive.h"

struct bb_archive {
	sqlite3 *db;
	char *path;
	char err[512];
};

/* Record "<what>: <sqlite's message>" as the last error; returns -1. */
int archive_fail(struct bb_archive *a, const char *what);
/* Run @sql (no results wanted); 0 or archive_fail(). */
int archive_exec(struct bb_archive *a, const char *sql);

#endif
