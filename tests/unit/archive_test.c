// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* lib/archive: schema on open, begin/store/list, the stored record
 * regenerates the same JSON report, the tables hold the record's parts. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <sqlite3.h>

#include "archive.h"
#include "report.h"

/* A record with the kinds of values that must survive: reals that are not
 * binary fractions, nulls, nested arrays, large ns integers, UTF-8. */
static const char record_text[] =
	"{\"report_version\": 1,"
	" \"run\": {\"id\": 77, \"name\": \"b2b µ\", \"started\": \"2026-11-22T11:00:00.123Z\","
	"  \"ended\": \"2026-11-22T11:00:17.250Z\", \"duration_s\": 17.127,"
	"  \"interrupted\": false, \"layer2_speed\": \"frame\", \"maximum_run_time_s\": 60,"
	"  \"wait_for_finish_s\": 5},"
	" \"verdict\": \"FAIL\","
	" \"scenario\": {\"flows\": [{\"name\": \"loss\", \"frame_rate\": 1000}], \"ports\": []},"
	" \"ports\": [{\"name\": \"p1\", \"gateway\": null, \"vlans\": []}],"
	" \"flows\": ["
	"  {\"name\": \"loss\", \"type\": \"frame_blasting\", \"source\": \"p1\","
	"   \"destination\": \"p2\", \"reverse\": false,"
	"   \"config\": {\"frame_size\": 60, \"frame_rate\": 1000.0, \"bitrate\": null},"
	"   \"results\": {\"tx_frames\": 10000, \"tx_bytes\": 600000, \"rx_frames\": 9500,"
	"    \"rx_bytes\": 570000, \"lost_frames\": 500, \"loss_percentage\": 5.0,"
	"    \"throughput_bps\": 479999.1, \"mos\": null,"
	"    \"first_tx_ns\": 1795000000000002000,"
	"    \"latency\": {\"count\": 9500, \"min_ns\": 51000, \"avg_ns\": 85321,"
	"     \"p99_ns\": 152961, \"p999_ns\": 201000, \"histogram\": [[52000, 10], [53040, 9490]]},"
	"    \"over_time\": [{\"t_ns\": 1795000000000000000, \"interval_ns\": 1000000000,"
	"      \"frames\": 950, \"lost\": 50, \"latency_min_ns\": null},"
	"     {\"t_ns\": 1795000001000000000, \"interval_ns\": 1000000000,"
	"      \"frames\": 950, \"lost\": 50, \"latency_min_ns\": 51000}]},"
	"   \"analysers\": [{\"type\": \"frame_loss\", \"verdict\": \"FAIL\","
	"     \"reason\": \"loss 5.000% exceeds max_loss_percentage 1.000%\"}]},"
	"  {\"name\": \"voice\", \"type\": \"voice\", \"source\": \"p2\","
	"   \"destination\": \"p1\", \"reverse\": false, \"config\": {},"
	"   \"results\": {\"tx_frames\": 500, \"rx_frames\": 500, \"loss_percentage\": 0.1,"
	"    \"mos\": 4.41, \"latency\": null, \"over_time\": []},"
	"   \"analysers\": [{\"type\": \"voice\", \"verdict\": \"PASS\", \"reason\": \"MOS 4.41\"}]}]}";

struct fx {
	char dir[64];
	char path[96];
	struct bb_archive *a;
};

static int setup(void **state)
{
	struct fx *fx = calloc(1, sizeof(*fx));
	char err[600];

	strcpy(fx->dir, "/tmp/bb-archive-test.XXXXXX");
	assert_non_null(mkdtemp(fx->dir));
	snprintf(fx->path, sizeof(fx->path), "%s/sub/archive.db", fx->dir);
	fx->a = bb_archive_open(fx->path, true, err, sizeof(err));
	assert_non_null(fx->a);
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fx *fx = *state;
	char cmd[128];

	bb_archive_close(fx->a);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", fx->dir);
	assert_int_equal(system(cmd), 0);
	free(fx);
	return 0;
}

static json_t *record(void)
{
	json_error_t e;
	json_t *r = json_loads(record_text, 0, &e);

	assert_non_null(r);
	return r;
}

static char *json_report(json_t *r)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	assert_int_equal(bb_report_json_write(f, r), 0);
	fclose(f);
	return buf;
}

static long long count_rows(struct fx *fx, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	long long n;

	assert_int_equal(sqlite3_open(fx->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

/* The JSON report made from the archive is the one made from the record
 * before it was stored, byte for byte; run.id becomes the archive's id. */
static void test_round_trip(void **state)
{
	struct fx *fx = *state;
	json_t *rec = record(), *back = NULL;
	char *before, *after;
	long long id;

	id = bb_archive_begin(fx->a, "b2b µ", "2026-11-22T11:00:00.123Z");
	assert_true(id > 0);
	assert_int_equal(bb_archive_store(fx->a, id, rec), id);
	assert_int_equal(json_integer_value(json_object_get(json_object_get(rec, "run"), "id")), id);
	before = json_report(rec);
	assert_int_equal(bb_archive_report(fx->a, id, &back), 0);
	after = json_report(back);
	assert_string_equal(after, before);
	assert_non_null(strstr(after, "\"mos\": 4.41,"));
	assert_non_null(strstr(after, "\"loss_percentage\": 0.1,"));
	assert_non_null(strstr(after, "\"first_tx_ns\": 1795000000000002000,"));
	free(before);
	free(after);
	json_decref(back);
	json_decref(rec);
}

static void test_tables(void **state)
{
	struct fx *fx = *state;
	json_t *rec = record();
	long long id = bb_archive_store(fx->a, 0, rec);

	assert_true(id > 0);
	assert_int_equal(count_rows(fx, "SELECT count(*) FROM flows"), 2);
	assert_int_equal(count_rows(fx, "SELECT count(*) FROM flows WHERE verdict = 'FAIL'"
				    " AND name = 'loss' AND lost_frames = 500"
				    " AND p99_ns = 152961 AND mos IS NULL"), 1);
	assert_int_equal(count_rows(fx, "SELECT count(*) FROM flows WHERE verdict = 'PASS'"
				    " AND idx = 1 AND mos = 4.41 AND latency_avg_ns IS NULL"), 1);
	assert_int_equal(count_rows(fx, "SELECT sum(count) FROM histogram_buckets"), 9500);
	assert_int_equal(count_rows(fx, "SELECT count(*) FROM snapshots WHERE flow = 0"
				    " AND latency_min_ns IS NULL"), 1);
	assert_int_equal(count_rows(fx, "SELECT count(*) FROM analysers"), 2);
	assert_int_equal(count_rows(fx, "SELECT count(*) FROM runs WHERE verdict = 'FAIL'"
				    " AND interrupted = 0 AND scenario_json LIKE '{\"flows\":%'"), 1);
	assert_int_equal(count_rows(fx, "PRAGMA user_version"), BB_ARCHIVE_SCHEMA);
	/* storing again replaces the run's parts, it does not add to them */
	assert_int_equal(bb_archive_store(fx->a, id, rec), id);
	assert_int_equal(count_rows(fx, "SELECT count(*) FROM snapshots"), 2);
	assert_int_equal(count_rows(fx, "SELECT count(*) FROM runs"), 1);
	json_decref(rec);
}

static void test_list(void **state)
{
	struct fx *fx = *state;
	json_t *rec = record(), *runs, *r;
	long long a, b;

	a = bb_archive_store(fx->a, 0, rec);
	b = bb_archive_begin(fx->a, "unfinished", "2026-11-22T12:00:00.000Z");
	assert_int_equal(b, a + 1);
	runs = bb_archive_list(fx->a);
	assert_int_equal(json_array_size(runs), 2);
	r = json_array_get(runs, 0);
	assert_int_equal(json_integer_value(json_object_get(r, "id")), a);
	assert_string_equal(json_string_value(json_object_get(r, "name")), "b2b µ");
	assert_string_equal(json_string_value(json_object_get(r, "verdict")), "FAIL");
	assert_true(json_is_false(json_object_get(r, "interrupted")));
	r = json_array_get(runs, 1);
	assert_true(json_is_null(json_object_get(r, "verdict")));
	assert_true(json_is_null(json_object_get(r, "ended")));
	json_decref(runs);
	json_decref(rec);
}

static void test_missing_runs(void **state)
{
	struct fx *fx = *state;
	json_t *back = NULL;
	char want[200];
	long long id;

	assert_int_equal(bb_archive_report(fx->a, 42, &back), -ENOENT);
	snprintf(want, sizeof(want), "no run 42 in %s", fx->path);
	assert_string_equal(bb_archive_error(fx->a), want);
	id = bb_archive_begin(fx->a, "crashed", NULL);
	assert_int_equal(bb_archive_report(fx->a, id, &back), -ENOENT);
	assert_non_null(strstr(bb_archive_error(fx->a), "never finished"));
	assert_null(back);
}

/* Readers never create an archive; a newer schema is refused. */
static void test_open_errors(void **state)
{
	struct fx *fx = *state;
	char path[128], err[600], want[200];
	sqlite3 *db;

	snprintf(path, sizeof(path), "%s/none.db", fx->dir);
	assert_null(bb_archive_open(path, false, err, sizeof(err)));
	snprintf(want, sizeof(want), "%s: no archive (No such file or directory)", path);
	assert_string_equal(err, want);
	assert_int_equal(access(path, F_OK), -1);

	assert_int_equal(sqlite3_open(fx->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA user_version = 2", NULL, NULL, NULL), 0);
	sqlite3_close(db);
	assert_null(bb_archive_open(fx->path, true, err, sizeof(err)));
	snprintf(want, sizeof(want), "%s: archive schema version 2 is newer than "
		 "this bb's (1)", fx->path);
	assert_string_equal(err, want);
}

static void test_store_needs_run(void **state)
{
	struct fx *fx = *state;
	json_t *rec = json_pack("{s:s}", "verdict", "PASS");

	assert_int_equal(bb_archive_store(fx->a, 0, rec), -1);
	assert_string_equal(bb_archive_error(fx->a), "run: missing, or not an object");
	assert_int_equal(count_rows(fx, "SELECT count(*) FROM runs"), 0);
	json_decref(rec);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_tables, setup, teardown),
		cmocka_unit_test_setup_teardown(test_list, setup, teardown),
		cmocka_unit_test_setup_teardown(test_missing_runs, setup, teardown),
		cmocka_unit_test_setup_teardown(test_open_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_store_needs_run, setup, teardown),
	};

	return cmocka_run_group_tests_name("archive", tests, NULL, NULL);
}
