/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* What the scenario unit tests share: a table of bad documents checked
 * for their exact error line, and a good document parsed. Include after
 * cmocka.h. */
#ifndef BB_SCENARIO_CHECK_H
#define BB_SCENARIO_CHECK_H

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "scenario.h"

struct bad {
	const char *doc;
	const char *err;
};

typedef int (*scenario_parse_fn)(json_t *doc, struct bb_scenario **out,
				 char *err, size_t errlen);

/* Every case runs, so one change shows all the lines it moved. parse is
 * the way in under test (bb_scenario_parse, or a wrapper). */
static inline void check_bad_with(const struct bad *bad, size_t n,
				  scenario_parse_fn parse)
{
	char err[BB_SCENARIO_ERR_MAX];
	struct bb_scenario *sc;
	json_error_t jerr;
	size_t i, wrong = 0;

	for (i = 0; i < n; i++) {
		json_t *doc = json_loads(bad[i].doc, 0, &jerr);

		if (!doc)
			fail_msg("case %zu is not JSON: %s", i, jerr.text);
		snprintf(err, sizeof(err), "(no error)");
		if (parse(doc, &sc, err, sizeof(err)) != -EINVAL || sc) {
			print_error("case %zu: not -EINVAL (%s)\n", i, err);
			bb_scenario_free(sc);
			wrong++;
		} else if (strcmp(err, bad[i].err)) {
			print_error("case %zu:\n want: %s\n  got: %s\n", i, bad[i].err, err);
			wrong++;
		}
		json_decref(doc);
	}
	if (wrong)
		fail_msg("%zu cases gave another error", wrong);
}

static inline void check_bad(const struct bad *bad, size_t n)
{
	check_bad_with(bad, n, bb_scenario_parse);
}

static inline struct bb_scenario *good(const char *text)
{
	char err[BB_SCENARIO_ERR_MAX] = "";
	struct bb_scenario *sc = NULL;
	json_t *doc = json_loads(text, 0, NULL);

	assert_non_null(doc);
	if (bb_scenario_parse(doc, &sc, err, sizeof(err)))
		fail_msg("unexpected error: %s", err);
	json_decref(doc);
	return sc;
}

#endif
