// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* bbd's socket protocol: the input cut into lines as the server does,
 * each decoded with bbd_request_decode(); a run's scenario goes on to
 * bb_scenario_parse as bbd_run_start() sends it. */
#include <jansson.h>

#include "bbd_request.h"
#include "fuzz.h"
#include "scenario.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	json_object_seed(1);
	return 0;
}

static void one_line(const char *line)
{
	char err[BB_SCENARIO_ERR_MAX] = "";
	struct bbd_request req;
	struct bb_scenario *sc;

	if (bbd_request_decode(line, &req, err, sizeof(err))) {
		if (req.doc)
			abort();	/* nothing may be left to free */
		fuzz_one_line("bbd request", err);
		return;
	}
	if (req.cmd == BBD_CMD_RUN) {
		if (!bb_scenario_parse(req.scenario, &sc, err, sizeof(err)))
			bb_scenario_free(sc);
		else
			fuzz_one_line("bbd run scenario", err);
	}
	bbd_request_free(&req);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = malloc(size + 1), *line, *nl;

	if (!buf)
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';
	/* a line ends at '\n'; the server reads a NUL as the line's end */
	for (line = buf; line < buf + size; line = nl + 1) {
		nl = memchr(line, '\n', (size_t)(buf + size - line));
		if (!nl)
			break;	/* no newline yet: the server waits for more */
		*nl = '\0';
		one_line(line);
	}
	free(buf);
	return 0;
}
