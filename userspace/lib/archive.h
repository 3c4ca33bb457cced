/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The archive of test runs: an SQLite database (default
 * /var/lib/bb/archive.db; the caller names it) holding every run's
 * record (Documentation/report-json.md) as it was reported, plus its
 * parts in tables for queries: runs, flows, analysers, snapshots (results
 * over time) and histogram buckets. Any report can be regenerated from
 * the stored record alone. Schema: Documentation/report-json.md, "Archive".
 */
#ifndef BB_ARCHIVE_H
#define BB_ARCHIVE_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#define BB_ARCHIVE_DEFAULT	"/var/lib/bb/archive.db"
/* PRAGMA user_version of the schema this code writes */
#define BB_ARCHIVE_SCHEMA	1

struct bb_archive;

/*
 * Open the archive at @path. With @create, a missing file (and its
 * directory, one level) is created with the schema; without, a missing
 * archive is an error and nothing is written. NULL on failure, with a
 * one-line reason in @err (like "cannot open /x/a.db: unable to open
 * database file").
 */
struct bb_archive *bb_archive_open(const char *path, bool create, char *err,
				   size_t errlen);
void bb_archive_close(struct bb_archive *a);
/* The last failure's message (empty if none). */
const char *bb_archive_error(const struct bb_archive *a);
const char *bb_archive_path(const struct bb_archive *a);

/* Start a run: a row with just @name and @started (UTC ISO-8601), no
 * verdict yet, so a crash leaves a trace. Its id (> 0), or -1. */
long long bb_archive_begin(struct bb_archive *a, const char *name,
			   const char *started);

/*
 * Store the whole @record in one transaction as run @id (from
 * bb_archive_begin; 0: a new run, as an import). Sets @record's run.id to
 * the run's id first, so the stored report names its archive id. Storing
 * a run again replaces what it held. The run's id, or -1.
 */
long long bb_archive_store(struct bb_archive *a, long long id, json_t *record);

/* The runs, oldest first: an array of {"id", "name", "started", "ended",
 * "verdict" (null while unfinished), "interrupted"}; NULL on failure. */
json_t *bb_archive_list(struct bb_archive *a);

/* The stored record of run @id into *@record (caller decrefs): 0,
 * -ENOENT when there is no such run or it never finished, -EIO. */
int bb_archive_report(struct bb_archive *a, long long id, json_t **record);

#endif
