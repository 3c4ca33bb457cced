// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * A finished run's record -> the archive (lib/archive.h: every run, so any
 * report can be made again later with bbctl report) and the report files
 * asked for (lib/report.h: JSON, HTML, JUnit, each written atomically).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "archive.h"
#include "atomic_file.h"
#include "log.h"
#include "outputs.h"
#include "report.h"
#include "report_path.h"

long long bbd_outputs_store(const struct bbd_options *o, json_t *record,
			    json_t *run_options)
{
	const char *path = o->archive ? o->archive : BB_ARCHIVE_DEFAULT;
	struct bb_archive *a;
	char err[512];
	long long id;

	(void)run_options;
	bb_make_parents(path, 0755);
	a = bb_archive_open(path, true, err, sizeof(err));
	if (!a) {
		bbd_log_err("archive: %s", err);
		return 0;
	}
	id = bb_archive_store(a, 0, record);
	if (id <= 0) {
		bbd_log_err("archive %s: %s", path, bb_archive_error(a));
		id = 0;
	}
	bb_archive_close(a);
	return id;
}

/* The formats asked for; none given: JSON and HTML. */
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
	static const char *const names[] = { "json", "html", "junit" };
	const char *dir = json_string_value(json_object_get(run_options, "report_dir"));
	json_t *formats = json_object_get(run_options, "formats");
	json_t *run = json_object_get(record, "run");
	json_t *paths = json_array();
	enum bb_report_format f;
	char path[4096];
	size_t i;
	int err;

	if (!dir)
		dir = o->report_dir;
	if (!dir)
		return paths;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (!wants(formats, names[i]) || bb_report_format_parse(names[i], &f))
			continue;
		err = bb_report_path(path, sizeof(path), dir,
				     json_string_value(json_object_get(run, "name")),
				     json_string_value(json_object_get(run, "started")), f);
		if (!err)
			err = bb_report_write_file(path, f, record);
		if (err)
			bbd_log_err("%s: cannot write the report: %s", path, strerror(-err));
		else
			json_array_append_new(paths, json_string(path));
	}
	return paths;
}
