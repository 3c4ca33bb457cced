// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* bbd's request lines (bbd_request.h): JSON, a known cmd, and for a run a
 * scenario object; what the scenario holds is bb_scenario_parse's. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "bbd_request.h"

static const char *const cmd_names[] = {
	[BBD_CMD_RUN] = "run",
	[BBD_CMD_STATUS] = "status",
	[BBD_CMD_STOP] = "stop",
};

static int fail(struct bbd_request *req, char *err, size_t errlen,
		const char *msg)
{
	snprintf(err, errlen, "%s", msg);
	json_decref(req->doc);
	req->doc = NULL;
	return -EINVAL;
}

static int run_args(struct bbd_request *req, char *err, size_t errlen)
{
	const char *name = json_string_value(json_object_get(req->doc, "name"));

	req->scenario = json_object_get(req->doc, "scenario");
	if (!json_is_object(req->scenario))
		return fail(req, err, errlen, "scenario: must be a JSON object");
	req->name = name ? name : "scenario";
	req->options = json_object_get(req->doc, "options");
	return 0;
}

int bbd_request_decode(const char *line, struct bbd_request *req, char *err,
		       size_t errlen)
{
	json_error_t jerr;
	const char *cmd;
	unsigned int i;

	memset(req, 0, sizeof(*req));
	req->doc = json_loads(line, 0, &jerr);
	if (!req->doc)
		return fail(req, err, errlen, jerr.text);
	cmd = json_string_value(json_object_get(req->doc, "cmd"));
	for (i = 0; cmd && i < sizeof(cmd_names) / sizeof(cmd_names[0]); i++)
		if (!strcmp(cmd, cmd_names[i]))
			break;
	if (!cmd || i == sizeof(cmd_names) / sizeof(cmd_names[0]))
		return fail(req, err, errlen, "cmd: must be one of run, status, stop");
	req->cmd = (enum bbd_cmd)i;
	return req->cmd == BBD_CMD_RUN ? run_args(req, err, errlen) : 0;
}

void bbd_request_free(struct bbd_request *req)
{
	json_decref(req->doc);
	req->doc = NULL;
}
