// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The archive of runs, read without bbd or the module:
 *   bbctl runs [list] [--archive DB] [-j]      every run
 *   bbctl runs show RUN [--archive DB] [-j]    one run's summary / record
 *   bbctl runs import FILE [--archive DB] [-j] a JSON report as a new run
 *   bbctl report RUN --format F --out FILE [--archive DB]
 * Missing runs and archives are one error line and exit 1, without the
 * usage (the command line was right).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "archive.h"
#include "bbctl.h"
#include "print.h"
#include "report.h"
#include "record_show.h"
#include "runs.h"

int runs_fail(const char *what, const char *msg)
{
	fprintf(stderr, "bbctl: %s: %s\n", what, msg);
	return -1;
}

enum { A_ARCHIVE, A_POS, A_FORMAT, A_OUT, A_NUM };

int runs_parse(const char *what, const char *want, bool report, int argc,
	       char **argv, struct runs_args *a)
{
	struct arg_spec spec[] = {
		[A_ARCHIVE] = ARG("archive", "DB", false),
		[A_POS] = ARG_POS(want, true),
		[A_FORMAT] = ARG("format", "html|json|junit", true),
		[A_OUT] = ARG("out", "FILE", true),
		{ NULL },
	};
	struct arg_val v[A_NUM];
	int ret;

	/* a NULL key ends the spec: no positional, no report keys */
	if (!want)
		spec[A_POS] = (struct arg_spec){ NULL };
	if (!report)
		spec[A_FORMAT] = (struct arg_spec){ NULL };
	ret = args_parse(what, argc, argv, spec, v);
	if (ret)
		return ret;
	*a = (struct runs_args){
		.archive = v[A_ARCHIVE].n ? arg_str(&v[A_ARCHIVE]) : BB_ARCHIVE_DEFAULT,
		.pos = want ? arg_str(&v[A_POS]) : NULL,
		.format = report ? arg_str(&v[A_FORMAT]) : NULL,
		.out = report ? arg_str(&v[A_OUT]) : NULL,
		.json = pr_is_json(),
	};
	return 0;
}

int runs_id(const char *what, const char *s, long long *id)
{
	char *end;

	errno = 0;
	*id = strtoll(s, &end, 10);
	if (errno || end == s || *end || *id <= 0)
		return usage_err("%s: RUN must be a run id (a positive integer), not \"%s\"",
				 what, s);
	return 0;
}

struct bb_archive *runs_open(const char *what, const char *path,
			     bool create)
{
	char err[600];
	struct bb_archive *ar = bb_archive_open(path, create, err, sizeof(err));

	if (!ar)
		runs_fail(what, err);
	return ar;
}

json_t *runs_load(const char *what, const struct runs_args *a,
		  long long id)
{
	struct bb_archive *ar = runs_open(what, a->archive, false);
	json_t *rec = NULL;

	if (ar && bb_archive_report(ar, id, &rec))
		runs_fail(what, bb_archive_error(ar));
	bb_archive_close(ar);
	return rec;
}

static void print_list(json_t *runs)
{
	json_t *r;
	size_t i;

	printf("%-6s %-24s %-26s %-8s %s\n", "ID", "NAME", "STARTED", "VERDICT",
	       "INTERRUPTED");
	json_array_foreach(runs, i, r) {
		const char *v = json_string_value(json_object_get(r, "verdict"));

		printf("%-6lld %-24s %-26s %-8s %s\n",
		       (long long)json_integer_value(json_object_get(r, "id")),
		       json_string_value(json_object_get(r, "name")),
		       json_string_value(json_object_get(r, "started")) ? json_string_value(json_object_get(r, "started")) : "-",
		       v ? v : "-", json_is_true(json_object_get(r, "interrupted")) ?
		       "yes" : "no");
	}
}

static int cmd_list(int argc, char **argv)
{
	struct runs_args a;
	struct bb_archive *ar;
	json_t *runs;
	int ret;

	ret = runs_parse("runs", NULL, false, argc, argv, &a);
	if (ret)
		return ret;
	ar = runs_open("runs", a.archive, false);
	if (!ar)
		return -1;
	runs = bb_archive_list(ar);
	if (!runs)
		runs_fail("runs", bb_archive_error(ar));
	bb_archive_close(ar);
	if (!runs)
		return -1;
	if (a.json) {
		json_dumpf(runs, stdout, JSON_INDENT(2));
		putchar('\n');
	} else {
		print_list(runs);
	}
	json_decref(runs);
	return EXIT_OK;
}

static int cmd_show(int argc, char **argv)
{
	struct runs_args a;
	long long id;
	json_t *rec;
	int ret;

	ret = runs_parse("runs show", "RUN", false, argc, argv, &a);
	if (!ret)
		ret = runs_id("runs show", a.pos, &id);
	if (ret)
		return ret;
	rec = runs_load("runs", &a, id);
	if (!rec)
		return -1;
	if (a.json)
		bb_report_json_write(stdout, rec);
	else
		record_show_summary(rec);
	json_decref(rec);
	return EXIT_OK;
}

/* Enough of a record to list and render it: the rest is taken as is. */
static int check_record(const char *file, json_t *rec)
{
	static const char *const need[] = { "run", "verdict", "flows" };
	json_t *run = json_object_get(rec, "run");
	char msg[600];

	for (size_t i = 0; i < 3; i++)
		if (!json_object_get(rec, need[i])) {
			snprintf(msg, sizeof(msg), "%s: %s: missing (not a bb JSON report)",
				 file, need[i]);
			return runs_fail("runs import", msg);
		}
	if (!json_is_object(run) || !json_is_string(json_object_get(run, "name"))) {
		snprintf(msg, sizeof(msg), "%s: run.name: must be a string", file);
		return runs_fail("runs import", msg);
	}
	return 0;
}

static int cmd_import(int argc, char **argv)
{
	struct runs_args a;
	struct bb_archive *ar;
	json_error_t e;
	long long id = -1;
	char msg[700];
	json_t *rec;
	int ret;

	ret = runs_parse("runs import", "FILE", false, argc, argv, &a);
	if (ret)
		return ret;
	rec = json_load_file(a.pos, 0, &e);
	if (!rec) {
		snprintf(msg, sizeof(msg), "%s: line %d: %s", a.pos, e.line, e.text);
		return runs_fail("runs import", msg);
	}
	if (!check_record(a.pos, rec) && (ar = runs_open("runs import", a.archive, true))) {
		id = bb_archive_store(ar, 0, rec);
		if (id < 0)
			runs_fail("runs import", bb_archive_error(ar));
		bb_archive_close(ar);
	}
	json_decref(rec);
	if (id < 0)
		return -1;
	if (a.json)
		printf("{\"id\": %lld}\n", id);
	else
		printf("run %lld\n", id);
	return EXIT_OK;
}

/* "runs" alone or with options lists; a first word names the command. */
static int cmd_runs(int argc, char **argv)
{
	static const struct cmd cmds[] = {
		{ "list", cmd_list, false }, { "show", cmd_show, false },
		{ "import", cmd_import, false }, { NULL },
	};
	const struct cmd *c;
	int ret = -2;

	if (!argc || argv[0][0] == '-' || !strcmp(argv[0], "archive"))
		ret = cmd_list(argc, argv);
	for (c = cmds; ret == -2 && c->name; c++)
		if (!strncmp(argv[0], c->name, strlen(argv[0])))
			ret = c->fn(argc - 1, argv + 1);
	if (ret == -2)
		return usage_err("runs: unknown command \"%s\" (one of list, show, import)",
				 argv[0]);
	/* a missing run or archive: one line said it; no usage */
	if (ret < 0)
		exit(EXIT_USAGE);
	return ret;
}

const struct object runs_object = {
	.name = "runs",
	.direct = cmd_runs,
	.usage = "bbctl runs [ list ] [archive DB]\n"
		 "       bbctl runs show RUN [archive DB]\n"
		 "       bbctl runs import FILE [archive DB]\n",
};
