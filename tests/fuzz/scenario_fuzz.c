// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* The scenario parser from JSON text, as bbctl scenario check and bbd
 * read it (both dialects: bb_scenario_parse detects the framework's),
 * then what the runner and the record take from the result. */
#include <jansson.h>

#include "fuzz.h"
#include "scenario.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	json_object_seed(1);	/* the same hash order every run */
	return 0;
}

static void use(const struct bb_scenario *sc)
{
	json_t *n = bb_scenario_json(sc), *cfg;
	unsigned int i;

	for (i = 0; i < sc->nflows; i++) {
		if (sc->flows[i].src >= sc->nports || sc->flows[i].dst >= sc->nports)
			abort();
		cfg = bb_scenario_flow_config(&sc->flows[i]);
		json_decref(cfg);
	}
	json_decref(n);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[BB_SCENARIO_ERR_MAX] = "";
	struct bb_scenario *sc;
	json_t *doc;

	doc = json_loadb((const char *)data, size, JSON_REJECT_DUPLICATES, NULL);
	if (!doc)
		return 0;
	if (!bb_scenario_parse(doc, &sc, err, sizeof(err))) {
		use(sc);
		bb_scenario_free(sc);
	} else {
		fuzz_one_line("scenario", err);
	}
	json_decref(doc);
	return 0;
}
