// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * bbctl report RUN --format html|json|junit --out FILE [--archive DB]:
 * any report of an archived run, made again from the stored record alone
 * and written atomically.
 */
#include <stdlib.h>
#include <string.h>

#include "bbctl.h"
#include "report.h"
#include "runs.h"

static int cmd_report(int argc, char **argv)
{
	enum bb_report_format f;
	struct runs_args a;
	long long id;
	char msg[4200];
	json_t *rec;
	int ret;

	ret = runs_parse("report", "RUN", true, argc, argv, &a);
	if (!ret)
		ret = runs_id("report", a.pos, &id);
	if (ret)
		return ret;
	if (bb_report_format_parse(a.format, &f))
		return usage_err("report: format: \"%s\" is not one of html, json, junit",
				 a.format);
	rec = runs_load("report", &a, id);
	if (!rec)
		exit(EXIT_USAGE);
	ret = bb_report_write_file(a.out, f, rec);
	json_decref(rec);
	if (ret) {
		snprintf(msg, sizeof(msg), "%s: %s", a.out, strerror(-ret));
		runs_fail("report", msg);
		exit(EXIT_USAGE);
	}
	return EXIT_OK;
}

const struct object report_object = {
	.name = "report",
	.direct = cmd_report,
	.usage = "bbctl report RUN format { html | json | junit } out FILE\n"
		 "                    [archive DB]\n",
};
