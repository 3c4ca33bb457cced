// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* The archive: opening, the schema, listing runs and reading records. */
#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "archive_int.h"

/*
 * Version 1. The record (report_json) is the truth every report is made
 * from; the other tables repeat parts of it so that runs can be compared
 * with plain SQL. Flows are numbered by their place in the record (idx),
 * since names may repeat across expanded port pairs.
 */
static const char schema[] =
	"CREATE TABLE runs ("
	" id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL,"
	" started TEXT, ended TEXT, duration_s REAL, verdict TEXT,"
	" interrupted INTEGER NOT NULL DEFAULT 0, layer2_speed TEXT,"
	" scenario_json TEXT, report_json TEXT);"
	"CREATE TABLE flows ("
	" run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
	" idx INTEGER NOT NULL, name TEXT, type TEXT, source TEXT,"
	" destination TEXT, reverse INTEGER, config_json TEXT,"
	" tx_frames INTEGER, tx_bytes INTEGER, rx_frames INTEGER,"
	" rx_bytes INTEGER, lost_frames INTEGER, loss_percentage REAL,"
	" duplicates INTEGER, out_of_sequence INTEGER, throughput_bps REAL,"
	" latency_count INTEGER, latency_min_ns INTEGER,"
	" latency_avg_ns INTEGER, latency_max_ns INTEGER, jitter_ns INTEGER,"
	" p50_ns INTEGER, p90_ns INTEGER, p99_ns INTEGER, p999_ns INTEGER,"
	" p9999_ns INTEGER, mos REAL, verdict TEXT,"
	" PRIMARY KEY (run_id, idx));"
	"CREATE TABLE analysers ("
	" run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
	" flow INTEGER NOT NULL, type TEXT, verdict TEXT, reason TEXT);"
	"CREATE TABLE snapshots ("
	" run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
	" flow INTEGER NOT NULL, t_ns INTEGER NOT NULL, interval_ns INTEGER,"
	" frames INTEGER, bytes INTEGER, lost INTEGER, out_of_sequence INTEGER,"
	" latency_min_ns INTEGER, latency_avg_ns INTEGER,"
	" latency_max_ns INTEGER, jitter_ns INTEGER);"
	"CREATE TABLE histogram_buckets ("
	" run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
	" flow INTEGER NOT NULL, upper_ns INTEGER NOT NULL,"
	" count INTEGER NOT NULL);"
	"CREATE INDEX snapshots_run ON snapshots(run_id, flow);"
	"CREATE INDEX histogram_run ON histogram_buckets(run_id, flow);"
	"CREATE INDEX analysers_run ON analysers(run_id, flow);"
	"PRAGMA user_version = 1;";

int archive_fail(struct bb_archive *a, const char *what)
{
	snprintf(a->err, sizeof(a->err), "%s: %s", what, sqlite3_errmsg(a->db));
	return -1;
}

int archive_exec(struct bb_archive *a, const char *sql)
{
	return sqlite3_exec(a->db, sql, NULL, NULL, NULL) == SQLITE_OK ? 0 :
		archive_fail(a, a->path);
}

static int user_version(struct bb_archive *a, int *v)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(a->db, "PRAGMA user_version", -1, &st, NULL))
		return archive_fail(a, a->path);
	rc = sqlite3_step(st);
	*v = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : archive_fail(a, a->path);
}

/* A new file gets the schema; an older bb must not write a newer one. */
static int check_schema(struct bb_archive *a, bool create)
{
	int v, err = 0;

	if (user_version(a, &v))
		return -1;
	if (v == BB_ARCHIVE_SCHEMA)
		return 0;
	if (v > BB_ARCHIVE_SCHEMA) {
		snprintf(a->err, sizeof(a->err), "%s: archive schema version %d is "
			 "newer than this bb's (%d)", a->path, v, BB_ARCHIVE_SCHEMA);
		return -1;
	}
	if (!create) {
		snprintf(a->err, sizeof(a->err), "%s: not a bb archive", a->path);
		return -1;
	}
	err = archive_exec(a, "BEGIN IMMEDIATE");
	if (!err && user_version(a, &v) == 0 && v == 0)	/* nobody beat us */
		err = archive_exec(a, schema);
	if (!err)
		return archive_exec(a, "COMMIT");
	sqlite3_exec(a->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

/* /var/lib/bb may not exist yet on a fresh box. */
static void make_parent(const char *path)
{
	char *copy = strdup(path);

	if (copy) {
		mkdir(dirname(copy), 0755);
		free(copy);
	}
}

static int open_db(struct bb_archive *a, bool create)
{
	int flags = create ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE :
		SQLITE_OPEN_READWRITE;

	if (!create && access(a->path, F_OK)) {
		snprintf(a->err, sizeof(a->err), "%s: no archive (%s)", a->path,
			 strerror(errno));
		return -1;
	}
	if (create)
		make_parent(a->path);
	/* read-only users (no write permission) can still list and read */
	if (!create && access(a->path, W_OK))
		flags = SQLITE_OPEN_READONLY;
	if (sqlite3_open_v2(a->path, &a->db, flags, NULL) != SQLITE_OK)
		return archive_fail(a, a->path);
	/* bbd stores while bbctl reads: wait for each other's locks */
	sqlite3_busy_timeout(a->db, 5000);
	return archive_exec(a, "PRAGMA foreign_keys = ON");
}

struct bb_archive *bb_archive_open(const char *path, bool create, char *err,
				   size_t errlen)
{
	struct bb_archive *a = calloc(1, sizeof(*a));

	if (!a || !(a->path = strdup(path))) {
		snprintf(err, errlen, "%s: out of memory", path);
		free(a);
		return NULL;
	}
	if (open_db(a, create) || check_schema(a, create)) {
		snprintf(err, errlen, "%s", a->err);
		bb_archive_close(a);
		return NULL;
	}
	return a;
}

void bb_archive_close(struct bb_archive *a)
{
	if (!a)
		return;
	sqlite3_close(a->db);
	free(a->path);
	free(a);
}

const char *bb_archive_error(const struct bb_archive *a)
{
	return a->err;
}

const char *bb_archive_path(const struct bb_archive *a)
{
	return a->path;
}

/* Column @i as JSON: text, integer, or null. */
static json_t *column(sqlite3_stmt *st, int i)
{
	switch (sqlite3_column_type(st, i)) {
	case SQLITE_INTEGER:
		return json_integer(sqlite3_column_int64(st, i));
	case SQLITE_TEXT:
		return json_string((const char *)sqlite3_column_text(st, i));
	default:
		return json_null();
	}
}

json_t *bb_archive_list(struct bb_archive *a)
{
	static const char *const keys[] = { "id", "name", "started", "ended",
					    "verdict" };
	json_t *runs = json_array(), *r;
	sqlite3_stmt *st;
	int rc, i;

	if (sqlite3_prepare_v2(a->db, "SELECT id, name, started, ended, verdict,"
			       " interrupted FROM runs ORDER BY id", -1, &st, NULL)) {
		json_decref(runs);
		archive_fail(a, a->path);
		return NULL;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r = json_object();
		for (i = 0; i < 5; i++)
			json_object_set_new(r, keys[i], column(st, i));
		json_object_set_new(r, "interrupted",
				    json_boolean(sqlite3_column_int(st, 5)));
		json_array_append_new(runs, r);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		json_decref(runs);
		archive_fail(a, a->path);
		return NULL;
	}
	return runs;
}

static int parse_record(struct bb_archive *a, long long id, const char *text,
			json_t **record)
{
	json_error_t e;

	*record = json_loads(text, 0, &e);
	if (*record)
		return 0;
	snprintf(a->err, sizeof(a->err), "%s: run %lld: stored record is not "
		 "JSON: %s", a->path, id, e.text);
	return -EIO;
}

int bb_archive_report(struct bb_archive *a, long long id, json_t **record)
{
	sqlite3_stmt *st;
	int rc, err;

	if (sqlite3_prepare_v2(a->db, "SELECT report_json FROM runs WHERE id = ?",
			       -1, &st, NULL))
		return archive_fail(a, a->path), -EIO;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) == SQLITE_TEXT) {
		err = parse_record(a, id, (const char *)sqlite3_column_text(st, 0),
				   record);
	} else if (rc == SQLITE_ROW || rc == SQLITE_DONE) {
		snprintf(a->err, sizeof(a->err), rc == SQLITE_ROW ?
			 "run %lld in %s has no report (it never finished)" :
			 "no run %lld in %s", id, a->path);
		err = -ENOENT;
	} else {
		err = (archive_fail(a, a->path), -EIO);
	}
	sqlite3_finalize(st);
	return err;
}
