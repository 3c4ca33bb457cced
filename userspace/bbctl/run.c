// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * bbctl run FILE: check the scenario, hand it to bbd (starting one for
 * this run if none is running), show progress, print the verdict.
 * Exit 0 PASS, 3 FAIL, 1 bad input, 2 system error. Ctrl-C asks bbd to
 * stop: the run still ends with its (interrupted, FAIL) record.
 */
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bbctl.h"
#include "print.h"
#include "run.h"
#include "scenario.h"
#include "scenario_framework.h"

struct run_args {
	const char *file;
	const char *report_dir;
	const char *formats;
	const char *socket;
	bool json;
	struct scenario_input in;	/* map, map-file */
};

static volatile sig_atomic_t interrupted;

static void on_sigint(int sig)
{
	(void)sig;
	interrupted = 1;
}

enum { R_FILE, R_REPORT_DIR, R_FORMAT, R_SOCKET, R_MAP, R_MAP_FILE, R_NUM };

static int parse_args(int argc, char **argv, struct run_args *a)
{
	static const struct arg_spec spec[] = {
		[R_FILE] = ARG_POS("the scenario FILE", true),
		[R_REPORT_DIR] = ARG("report-dir", "DIR", false),
		[R_FORMAT] = ARG("format", "html|json|junit,...", false),
		[R_SOCKET] = ARG("socket", "PATH", false),
		[R_MAP] = ARG_REPEAT("map", "NAME=IFNAME,..."),
		[R_MAP_FILE] = ARG("map-file", "FILE", false),
		{ NULL },
	};
	struct arg_val v[R_NUM];
	int ret = args_parse("run", argc, argv, spec, v);

	if (ret)
		return ret;
	a->json = pr_is_json();
	a->file = arg_str(&v[R_FILE]);
	a->report_dir = arg_str(&v[R_REPORT_DIR]);
	a->formats = arg_str(&v[R_FORMAT]);
	a->socket = v[R_SOCKET].n ? arg_str(&v[R_SOCKET]) : run_socket_path();
	scenario_input_set(&a->in, &v[R_MAP], &v[R_MAP_FILE]);
	return 0;
}

/* "html,json" -> ["html","json"], each checked. */
static int formats(const char *s, json_t **out)
{
	char buf[128], *tok, *save = NULL;

	*out = json_array();
	if (!s)
		return 0;
	snprintf(buf, sizeof(buf), "%s", s);
	for (tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		if (strcmp(tok, "html") && strcmp(tok, "json") && strcmp(tok, "junit"))
			return usage_err("run: format: \"%s\" is not one of html, json, junit", tok);
		json_array_append_new(*out, json_string(tok));
	}
	return 0;
}

/* The formats: --format's, else the scenario's report.formats (which
 * defaults to html and json). */
static int formats_of(const struct run_args *a, const struct bb_scenario *p,
		      json_t **out)
{
	if (a->formats)
		return formats(a->formats, out);
	*out = json_array();
	if (p->report_formats & BB_REPORT_HTML)
		json_array_append_new(*out, json_string("html"));
	if (p->report_formats & BB_REPORT_JSON)
		json_array_append_new(*out, json_string("json"));
	if (p->report_formats & BB_REPORT_JUNIT)
		json_array_append_new(*out, json_string("junit"));
	return 0;
}

/* Where reports go, absolute (bbd has another working directory):
 * --report-dir, else the scenario's report.output_dir (relative to the
 * scenario file's directory), else none (bbd's --report-dir): 0, -1
 * for none, or BBD_EXIT_INPUT (printed). */
static int report_dir(const struct run_args *a, const struct bb_scenario *p,
		      char *dir)
{
	char fcopy[PATH_MAX], want[PATH_MAX * 2];

	if (a->report_dir) {
		if (realpath(a->report_dir, dir))
			return 0;
		fprintf(stderr, "bbctl: --report-dir %s: %s\n", a->report_dir,
			strerror(errno));
		return BBD_EXIT_INPUT;
	}
	if (!p->report_dir[0])
		return -1;
	snprintf(fcopy, sizeof(fcopy), "%s", a->file);
	if (p->report_dir[0] == '/')
		snprintf(want, sizeof(want), "%s", p->report_dir);
	else
		snprintf(want, sizeof(want), "%s/%s", dirname(fcopy), p->report_dir);
	if (realpath(want, dir))
		return 0;
	fprintf(stderr, "bbctl: %s: report.output_dir: %s: %s\n", a->file,
		p->report_dir, strerror(errno));
	return BBD_EXIT_INPUT;
}

/* The request: the scenario (in bb's dialect), its name (a framework
 * file's report.filename_prefix or filename, else the file's basename
 * without .json), the report formats and where reports go. */
static int request(const struct run_args *a, const struct bb_fw_result *fw,
		   const struct bb_scenario *p, json_t **req)
{
	char name[256], *dot, dir[PATH_MAX], fcopy[PATH_MAX];
	json_t *sc = fw->doc, *fmts, *opts;
	int ret;

	snprintf(fcopy, sizeof(fcopy), "%s", a->file);
	snprintf(name, sizeof(name), "%s", basename(fcopy));
	dot = strrchr(name, '.');
	if (dot && !strcmp(dot, ".json"))
		*dot = '\0';
	if (fw->run_name[0])
		snprintf(name, sizeof(name), "%s", fw->run_name);
	if (formats_of(a, p, &fmts)) {
		json_decref(fmts);
		return EXIT_USAGE;
	}
	opts = json_pack("{s:o}", "formats", fmts);
	ret = report_dir(a, p, dir);
	if (ret < 0)
		ret = 0;
	else if (!ret)
		json_object_set_new(opts, "report_dir", json_string(dir));
	if (ret) {
		json_decref(opts);
		return ret;
	}
	*req = json_pack("{s:s,s:s,s:O,s:o}", "cmd", bbd_cmd_name(BBD_CMD_RUN), "name", name,
			 "scenario", sc, "options", opts);
	return 0;
}

/* Check the whole file before any interface is touched: *parsed is the
 * model (bb_scenario_free), fw the file in bb's dialect; what bb made of
 * a framework file's keys goes to stderr, one line each. */
static int check_scenario(const struct run_args *a, struct bb_scenario **parsed,
			  struct bb_fw_result *fw)
{
	char prefix[PATH_MAX + 16];
	int ret = scenario_input_load(&a->in, a->file, parsed, fw);

	if (ret)
		return ret;
	snprintf(prefix, sizeof(prefix), "bbctl: %s: ", a->file);
	scenario_print_notes(stderr, fw->notes, prefix);
	return 0;
}

/* The end of the run: the record (or bbd's error). */
static int finish(json_t *ev, bool json)
{
	int code = (int)json_integer_value(json_object_get(ev, "exit"));

	if (bbd_event_of(ev) == BBD_EV_ERROR) {
		fprintf(stderr, "bbctl: run: %s\n",
			json_string_value(json_object_get(ev, "message")));
		return code ? code : BBD_EXIT_SYSTEM;
	}
	if (json)
		json_dumpf(json_object_get(ev, "record"), stdout, JSON_INDENT(2));
	else
		run_show_result(json_object_get(ev, "record"),
				json_object_get(ev, "reports"), code);
	if (json)
		putchar('\n');
	return code;
}

/* Events until the result; Ctrl-C sends one stop request. */
static int follow(struct run_conn *c, bool json)
{
	bool tty = !json && isatty(STDOUT_FILENO), stop_sent = false;
	json_t *ev, *stop;
	enum bbd_event what;
	int err, ret;

	for (;;) {
		ev = run_recv(c, &err);
		if (interrupted && !stop_sent) {
			stop = bbd_cmd_new(BBD_CMD_STOP);
			run_send(c, stop);
			json_decref(stop);
			stop_sent = true;
		}
		if (!ev && err == -EINTR)
			continue;
		if (!ev) {
			fprintf(stderr, "bbctl: run: bbd closed the connection\n");
			return BBD_EXIT_SYSTEM;
		}
		what = bbd_event_of(ev);
		if (what == BBD_EV_PROGRESS)
			run_show_progress(ev, tty);
		if (what == BBD_EV_RESULT || what == BBD_EV_ERROR) {
			ret = finish(ev, json);
			json_decref(ev);
			return ret;
		}
		json_decref(ev);
	}
}

static int cmd_run(int argc, char **argv)
{
	struct sigaction sa = { .sa_handler = on_sigint };
	struct run_args a = { 0 };
	struct run_conn c;
	struct bb_scenario *parsed;
	struct bb_fw_result fw;
	json_t *req = NULL;
	int ret;

	ret = parse_args(argc, argv, &a);
	if (ret)
		return ret;
	if (a.formats) {	/* usage errors before the file's */
		ret = formats(a.formats, &req);
		json_decref(req);
		req = NULL;
		if (ret)
			return EXIT_USAGE;
	}
	/* the whole file is checked before bbd touches any interface */
	ret = check_scenario(&a, &parsed, &fw);
	if (!ret) {
		ret = request(&a, &fw, parsed, &req);
		bb_scenario_free(parsed);
		bb_fw_result_free(&fw);
	}
	if (ret) {
		json_decref(req);
		return ret == BBD_EXIT_INPUT ? EXIT_INPUT : ret;
	}
	/* no SA_RESTART: the wait for bbd returns and sends the stop */
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	ret = run_connect(&c, a.socket);
	if (!ret && run_send(&c, req)) {
		fprintf(stderr, "bbctl: run: cannot send to bbd\n");
		ret = BBD_EXIT_SYSTEM;
	} else if (!ret) {
		ret = follow(&c, a.json);
	}
	json_decref(req);
	run_disconnect(&c);
	/* the file or bbd said what was wrong: no usage after that line */
	return ret == BBD_EXIT_INPUT ? EXIT_INPUT : ret;
}

static const struct cmd run_cmds[] = {
	{ "run", cmd_run, false },
	{ NULL },
};

const struct object scenario_run_object = {
	.name = "run",
	.cmds = run_cmds,
	.direct = cmd_run,
	.usage =
	"bbctl run FILE [report-dir DIR] [format { html | json | junit },...]\n"
	"                [socket PATH] [map NAME=IFNAME,...] [map-file FILE]\n",
};
