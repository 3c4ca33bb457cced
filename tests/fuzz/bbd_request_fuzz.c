// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* bbd's socket protocol: the input read in pieces and cut into lines by
 * the server's own reader (lib/bbd_proto.c), each decoded with bbd_request_decode(); a run's scenario goes on to
 * bb_scenario_parse as bbd_run_start() sends it. */
#include <jansson.h>

#include "bbd_proto.h"
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

/* The input as reads of the socket: cut where its first byte says (so
 * lines span reads), through the server's own line reader. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct bbd_lines l = { 0 };
	size_t cut, off;
	char *line;

	if (!size)
		return 0;
	cut = 1 + data[0] % 64;
	for (off = 1; off < size; off += cut) {
		size_t n = size - off < cut ? size - off : cut;

		if (bbd_lines_add(&l, (const char *)data + off, n, BBD_REQUEST_LINE_MAX))
			break;	/* the server closes such a client */
		while ((line = bbd_lines_next(&l)))
			one_line(line);
	}
	bbd_lines_free(&l);
	return 0;
}
