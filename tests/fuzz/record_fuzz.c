// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* The run-record reader: a JSON report as bbctl runs import takes it
 * (run, verdict, flows and run.name present), rendered in every format
 * as bbctl report does, and analysed again as bbd does its own. */
#include <jansson.h>

#include "analyse.h"
#include "fuzz.h"
#include "report.h"

static FILE *sink;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	json_object_seed(1);
	sink = fopen("/dev/null", "w");
	return sink ? 0 : -1;
}

/* runs.c's check_record(): what an imported record must hold. */
static int importable(json_t *rec)
{
	json_t *run = json_object_get(rec, "run");

	return json_object_get(rec, "verdict") && json_object_get(rec, "flows") &&
	       json_is_object(run) && json_is_string(json_object_get(run, "name"));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum bb_report_format formats[] = {
		BB_REPORT_JSON, BB_REPORT_HTML, BB_REPORT_JUNIT,
	};
	json_t *rec = json_loadb((const char *)data, size, 0, NULL), *copy;
	size_t i;

	if (!rec || !importable(rec)) {
		json_decref(rec);
		return 0;
	}
	for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
		bb_report_write(sink, formats[i], rec);
	copy = json_deep_copy(rec);
	if (copy)
		bb_analyse_record(copy);
	json_decref(copy);
	json_decref(rec);
	return 0;
}
