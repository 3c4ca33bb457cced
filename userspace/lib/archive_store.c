// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Storing a run record: the runs row, then flows, analysers, snapshots
 * and histogram buckets, all in one transaction so that a reader never
 * sees half a run.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "archive_int.h"

/* The stored record's text; bb_report_json_write() prints the same
 * values, so regenerating the JSON report gives the original back. */
#define RECORD_FLAGS	(JSON_COMPACT | JSON_SORT_KEYS | JSON_REAL_PRECISION(15))

/* The value at dotted @path ("results.latency.p99_ns") under @o. */
static json_t *get_path(json_t *o, const char *path)
{
	const char *dot;
	char key[64];

	while (o && (dot = strchr(path, '.'))) {
		snprintf(key, sizeof(key), "%.*s", (int)(dot - path), path);
		o = json_object_get(o, key);
		path = dot + 1;
	}
	return o ? json_object_get(o, path) : NULL;
}

/* A JSON value as an SQL parameter: numbers, strings and booleans as
 * themselves, objects and arrays as JSON text, null or absent as NULL. */
static int bind(sqlite3_stmt *st, int i, json_t *v)
{
	char *text;
	int rc;

	switch (json_typeof(v ? v : json_null())) {
	case JSON_INTEGER:
		return sqlite3_bind_int64(st, i, json_integer_value(v));
	case JSON_REAL:
		return sqlite3_bind_double(st, i, json_real_value(v));
	case JSON_STRING:
		return sqlite3_bind_text(st, i, json_string_value(v), -1,
					 SQLITE_TRANSIENT);
	case JSON_TRUE:
	case JSON_FALSE:
		return sqlite3_bind_int(st, i, json_is_true(v));
	case JSON_OBJECT:
	case JSON_ARRAY:
		text = json_dumps(v, RECORD_FLAGS);
		if (!text)
			return SQLITE_NOMEM;
		rc = sqlite3_bind_text(st, i, text, -1, SQLITE_TRANSIENT);
		free(text);
		return rc;
	default:
		return sqlite3_bind_null(st, i);
	}
}

/*
 * Run @sql once: parameter 1 is the run id, 2 (if @flow >= 0) the flow's
 * index, then one per @paths entry, taken from @o.
 */
static int insert(struct bb_archive *a, const char *sql, long long run,
		  int flow, json_t *o, const char *const *paths)
{
	sqlite3_stmt *st;
	int i = 1, rc = SQLITE_OK;

	if (sqlite3_prepare_v2(a->db, sql, -1, &st, NULL))
		return archive_fail(a, a->path);
	rc |= sqlite3_bind_int64(st, i++, run);
	if (flow >= 0)
		rc |= sqlite3_bind_int(st, i++, flow);
	for (; *paths; paths++)
		rc |= bind(st, i++, get_path(o, *paths));
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
	if (rc != SQLITE_OK)
		archive_fail(a, a->path);
	sqlite3_finalize(st);
	return rc == SQLITE_OK ? 0 : -1;
}

static const char *const flow_paths[] = {
	"name", "type", "source", "destination", "reverse", "config",
	"results.tx_frames", "results.tx_bytes", "results.rx_frames",
	"results.rx_bytes", "results.lost_frames", "results.loss_percentage",
	"results.duplicates", "results.out_of_sequence", "results.throughput_bps",
	"results.latency.count", "results.latency.min_ns",
	"results.latency.avg_ns", "results.latency.max_ns",
	"results.latency.jitter_ns", "results.latency.p50_ns",
	"results.latency.p90_ns", "results.latency.p99_ns",
	"results.latency.p999_ns", "results.latency.p9999_ns", "results.mos",
	"verdict", NULL,
};
static const char flow_sql[] =
	"INSERT INTO flows (run_id, idx, name, type, source, destination,"
	" reverse, config_json, tx_frames, tx_bytes, rx_frames, rx_bytes,"
	" lost_frames, loss_percentage, duplicates, out_of_sequence,"
	" throughput_bps, latency_count, latency_min_ns, latency_avg_ns,"
	" latency_max_ns, jitter_ns, p50_ns, p90_ns, p99_ns, p999_ns, p9999_ns,"
	" mos, verdict) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,"
	"?,?,?,?,?,?)";

static const char *const analyser_paths[] = { "type", "verdict", "reason", NULL };
static const char analyser_sql[] =
	"INSERT INTO analysers (run_id, flow, type, verdict, reason)"
	" VALUES (?,?,?,?,?)";

static const char *const snapshot_paths[] = {
	"t_ns", "interval_ns", "frames", "bytes", "lost", "out_of_sequence",
	"latency_min_ns", "latency_avg_ns", "latency_max_ns", "jitter_ns", NULL,
};
static const char snapshot_sql[] =
	"INSERT INTO snapshots (run_id, flow, t_ns, interval_ns, frames, bytes,"
	" lost, out_of_sequence, latency_min_ns, latency_avg_ns,"
	" latency_max_ns, jitter_ns) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)";

/* A bucket is [upper_ns, count]: paths "0" and "1" do not work on
 * arrays, so it is made an object first. */
static const char *const bucket_paths[] = { "upper_ns", "count", NULL };
static const char bucket_sql[] =
	"INSERT INTO histogram_buckets (run_id, flow, upper_ns, count)"
	" VALUES (?,?,?,?)";

/* The flow's verdict for its row: PASS only if every analyser passed. */
static json_t *flow_row(json_t *f)
{
	json_t *row = json_deep_copy(f), *an;
	const char *v = "PASS";
	size_t i;

	json_array_foreach(json_object_get(f, "analysers"), i, an)
		if (!json_is_string(json_object_get(an, "verdict")) ||
		    strcmp(json_string_value(json_object_get(an, "verdict")), "PASS"))
			v = "FAIL";
	json_object_set_new(row, "verdict", json_string(v));
	return row;
}

static int store_buckets(struct bb_archive *a, long long run, int idx,
			 json_t *hist)
{
	json_t *b, *o;
	size_t i;
	int err = 0;

	json_array_foreach(hist, i, b) {
		o = json_pack("{s:O?,s:O?}", "upper_ns", json_array_get(b, 0),
			      "count", json_array_get(b, 1));
		err = o ? insert(a, bucket_sql, run, idx, o, bucket_paths) : -1;
		json_decref(o);
		if (err)
			return err;
	}
	return 0;
}

static int store_flow(struct bb_archive *a, long long run, int idx, json_t *f)
{
	json_t *row = flow_row(f), *results = json_object_get(f, "results"), *v;
	size_t i;
	int err;

	err = insert(a, flow_sql, run, idx, row, flow_paths);
	json_decref(row);
	json_array_foreach(json_object_get(f, "analysers"), i, v)
		if (!err)
			err = insert(a, analyser_sql, run, idx, v, analyser_paths);
	json_array_foreach(json_object_get(results, "over_time"), i, v)
		if (!err)
			err = insert(a, snapshot_sql, run, idx, v, snapshot_paths);
	if (!err)
		err = store_buckets(a, run, idx, get_path(results, "latency.histogram"));
	return err;
}

static const char *const run_paths[] = {
	"run.name", "run.started", "run.ended", "run.duration_s", "verdict",
	"run.interrupted", "run.layer2_speed", "scenario", "report_json", NULL,
};

/* The runs row: a new one for id 0, else the row begun earlier (whose
 * parts from an earlier store are dropped: a store replaces). */
static long long store_run(struct bb_archive *a, long long id)
{
	static const char *const drop[] = {
		"DELETE FROM flows WHERE run_id = ?",
		"DELETE FROM analysers WHERE run_id = ?",
		"DELETE FROM snapshots WHERE run_id = ?",
		"DELETE FROM histogram_buckets WHERE run_id = ?",
	};
	static const char *const none[] = { NULL };
	size_t i;

	if (!id) {
		if (archive_exec(a, "INSERT INTO runs (name) VALUES ('')"))
			return -1;
		id = sqlite3_last_insert_rowid(a->db);
	}
	for (i = 0; i < sizeof(drop) / sizeof(drop[0]); i++)
		if (insert(a, drop[i], id, -1, NULL, none))
			return -1;
	return id;
}

static int update_run(struct bb_archive *a, long long id, json_t *record)
{
	json_t *row = json_deep_copy(record);
	char *text;
	int err;

	/* the record's id is the archive's: set before it is stored */
	json_object_set_new(json_object_get(record, "run"), "id", json_integer(id));
	json_object_set_new(json_object_get(row, "run"), "id", json_integer(id));
	text = json_dumps(record, RECORD_FLAGS);
	if (!text) {
		json_decref(row);
		snprintf(a->err, sizeof(a->err), "%s: out of memory", a->path);
		return -1;
	}
	json_object_set_new(row, "report_json", json_string(text));
	free(text);
	err = insert(a, "UPDATE runs SET name = ?2, started = ?3, ended = ?4,"
		     " duration_s = ?5, verdict = ?6, interrupted = ?7,"
		     " layer2_speed = ?8, scenario_json = ?9, report_json = ?10"
		     " WHERE id = ?1", id, -1, row, run_paths);
	json_decref(row);
	if (!err && sqlite3_changes(a->db) != 1) {
		snprintf(a->err, sizeof(a->err), "no run %lld in %s", id, a->path);
		err = -1;
	}
	return err;
}

long long bb_archive_store(struct bb_archive *a, long long id, json_t *record)
{
	json_t *f;
	size_t i;
	int err;

	if (!json_is_object(json_object_get(record, "run"))) {
		snprintf(a->err, sizeof(a->err), "run: missing, or not an object");
		return -1;
	}
	if (archive_exec(a, "BEGIN IMMEDIATE"))
		return -1;
	id = store_run(a, id);
	err = id < 0 ? -1 : update_run(a, id, record);
	json_array_foreach(json_object_get(record, "flows"), i, f)
		if (!err)
			err = store_flow(a, id, (int)i, f);
	if (!err && !archive_exec(a, "COMMIT"))
		return id;
	sqlite3_exec(a->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

long long bb_archive_begin(struct bb_archive *a, const char *name,
			   const char *started)
{
	static const char *const paths[] = { "name", "started", NULL };
	json_t *o = json_pack("{s:s,s:s?}", "name", name, "started", started);
	int err;

	if (!o) {
		snprintf(a->err, sizeof(a->err), "%s: out of memory", a->path);
		return -1;
	}
	/* parameter 1 (the run id) is NULL: SQLite picks the next one */
	err = insert(a, "INSERT INTO runs (id, name, started) VALUES (NULLIF(?, 0), ?, ?)",
		     0, -1, o, paths);
	json_decref(o);
	return err ? -1 : sqlite3_last_insert_rowid(a->db);
}
