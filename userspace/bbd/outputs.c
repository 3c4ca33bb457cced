// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * A finished run's record -> report files: JSON and JUnit, each written
 * to a temp file and renamed into place. No archive and no HTML yet.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "junit.h"
#include "log.h"
#include "outputs.h"

long long bbd_outputs_store(const struct bbd_options *o, json_t *record,
			    json_t *run_options)
{
	(void)record;
	(void)run_options;
	if (o->archive)
		bbd_log_err("archive %s: not supported by this build yet", o->archive);
	return 0;
}

/* <dir>/<run name>-<started, compact>.<ext> */
static void report_path(char *buf, size_t len, const char *dir, json_t *rec,
			const char *ext)
{
	json_t *run = json_object_get(rec, "run");
	const char *start = json_string_value(json_object_get(run, "started"));
	char stamp[32] = "";
	size_t i, n = 0;

	for (i = 0; start && start[i] && n + 1 < sizeof(stamp); i++)
		if (start[i] != '-' && start[i] != ':' && start[i] != '.')
			stamp[n++] = start[i];
	stamp[n] = '\0';
	snprintf(buf, len, "%s/%s-%s.%s", dir,
		 json_string_value(json_object_get(run, "name")), stamp, ext);
}

static int write_json(const char *path, json_t *rec)
{
	char tmp[4200];

	snprintf(tmp, sizeof(tmp), "%s.tmp.%ld", path, (long)getpid());
	if (json_dump_file(rec, tmp, JSON_INDENT(2) | JSON_SORT_KEYS) < 0)
		return -EIO;
	if (rename(tmp, path) < 0) {
		unlink(tmp);
		return -errno;
	}
	return 0;
}

static int write_junit(const char *path, json_t *rec)
{
	char tmp[4200];
	FILE *f;
	int err;

	snprintf(tmp, sizeof(tmp), "%s.tmp.%ld", path, (long)getpid());
	f = fopen(tmp, "w");
	if (!f)
		return -errno;
	err = bb_junit_write(f, rec);
	if (fclose(f) && !err)
		err = -EIO;
	if (!err && rename(tmp, path) < 0)
		err = -errno;
	if (err)
		unlink(tmp);
	return err;
}

static bool wants(json_t *formats, const char *f)
{
	json_t *v;
	size_t i;

	if (!json_array_size(formats))
		return !strcmp(f, "json") || !strcmp(f, "html");
	json_array_foreach(formats, i, v)
		if (!strcmp(json_string_value(v) ? json_string_value(v) : "", f))
			return true;
	return false;
}

json_t *bbd_outputs_reports(const struct bbd_options *o, json_t *record,
			    json_t *run_options)
{
	const char *dir = json_string_value(json_object_get(run_options, "report_dir"));
	json_t *formats = json_object_get(run_options, "formats");
	json_t *paths = json_array();
	char path[4096];

	if (!dir)
		dir = o->report_dir;
	if (!dir)
		return paths;
	if (wants(formats, "json")) {
		report_path(path, sizeof(path), dir, record, "json");
		if (write_json(path, record))
			bbd_log_err("%s: cannot write the report", path);
		else
			json_array_append_new(paths, json_string(path));
	}
	if (wants(formats, "junit")) {
		report_path(path, sizeof(path), dir, record, "xml");
		if (write_junit(path, record))
			bbd_log_err("%s: cannot write the report", path);
		else
			json_array_append_new(paths, json_string(path));
	}
	return paths;
}
