// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* bbd's request lines (bbd_request.h): JSON, a known cmd, and for a run a
 * scenario object; what the scenario holds is bb_scenario_parse's. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "bbd_request.h"

static int fail(struct bbd_request *req, char *err, size_t errlen,
		const char *msg)
{
	snprintf(err, errlen, "%s", msg);
	json_decref(req->doc);
	req->doc = NULL;
	return -EINVAL;
}

static bool plain_path(const char *s)
{
	size_t n = strlen(s);

	if (n >= 2048 || strstr(s, "/../") || (n >= 3 && !strcmp(s + n - 3, "/..")))
		return false;
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return false;
	return true;
}

/*
 * A run's options: where bbd (root) writes the reports is the client's
 * choice, so it must be a plain absolute path; "formats" names known
 * formats only. NULL, or what is wrong.
 */
static const char *options_error(json_t *opts)
{
	json_t *dir = json_object_get(opts, "report_dir");
	json_t *formats = json_object_get(opts, "formats");
	const char *s;
	json_t *v;
	size_t i;

	if (!opts)
		return NULL;
	if (!json_is_object(opts))
		return "options: must be a JSON object";
	if (dir && (!json_is_string(dir) || json_string_value(dir)[0] != '/'))
		return "options.report_dir: must be an absolute path";
	if (dir && !plain_path(json_string_value(dir)))
		return "options.report_dir: must be a plain path (no '..', no control characters, under 2048 bytes)";
	if (formats && !json_is_array(formats))
		return "options.formats: must be an array of \"json\", \"html\", \"junit\"";
	json_array_foreach(formats, i, v) {
		s = json_string_value(v);
		if (!s || (strcmp(s, "json") && strcmp(s, "html") && strcmp(s, "junit")))
			return "options.formats: must be an array of \"json\", \"html\", \"junit\"";
	}
	return NULL;
}

/* "name", when given: a string of 1 to BBD_RUN_NAME_MAX bytes. */
static bool name_ok(const json_t *name)
{
	return !name || (json_is_string(name) && json_string_length(name) &&
			 json_string_length(name) <= BBD_RUN_NAME_MAX);
}

static int run_args(struct bbd_request *req, char *err, size_t errlen)
{
	json_t *name = json_object_get(req->doc, "name");
	const char *why;

	req->scenario = json_object_get(req->doc, "scenario");
	if (!json_is_object(req->scenario))
		return fail(req, err, errlen, "scenario: must be a JSON object");
	if (!name_ok(name))
		return fail(req, err, errlen, "name: must be a string of 1 to 255 bytes");
	req->name = name ? json_string_value(name) : "scenario";
	req->options = json_object_get(req->doc, "options");
	why = options_error(req->options);
	if (why)
		return fail(req, err, errlen, why);
	return 0;
}

int bbd_request_decode(const char *line, struct bbd_request *req, char *err,
		       size_t errlen)
{
	json_error_t jerr;

	memset(req, 0, sizeof(*req));
	req->doc = json_loads(line, 0, &jerr);
	if (!req->doc)
		return fail(req, err, errlen, jerr.text);
	req->cmd = bbd_cmd_of(json_string_value(json_object_get(req->doc, "cmd")));
	if (req->cmd == BBD_CMD_N)
		return fail(req, err, errlen, "cmd: must be one of run, status, stop");
	if (req->cmd == BBD_CMD_RUN)
		return run_args(req, err, errlen);
	if (req->cmd == BBD_CMD_STOP) {	/* stop only the run of this name */
		if (!name_ok(json_object_get(req->doc, "name")))
			return fail(req, err, errlen, "name: must be a string of 1 to 255 bytes");
		req->name = json_string_value(json_object_get(req->doc, "name"));
	}
	return 0;
}

void bbd_request_free(struct bbd_request *req)
{
	json_decref(req->doc);
	req->doc = NULL;
}
