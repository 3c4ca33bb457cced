// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * A scenario file as bbctl run, scenario check and scenario convert read
 * it: either dialect, the framework's translated with the interface map
 * (the map file, then --map entries over it). bbctl translates, so bbd
 * only ever gets bb's own dialect and the map never has to travel.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bbctl.h"
#include "run.h"
#include "scenario_framework.h"

#define FILE_MAX	(16 << 20)	/* as bb_scenario_load */

void scenario_input_set(struct scenario_input *in, const struct arg_val *map,
			const struct arg_val *map_file)
{
	unsigned int i;

	*in = (struct scenario_input){ .map_file = arg_str(map_file) };
	for (i = 0; i < map->n; i++)
		in->maps[in->nmaps++] = map->at[i][0];
}

static int build_map(const struct scenario_input *in, struct bb_ifmap *m)
{
	char err[BB_SCENARIO_ERR_MAX + 4096];
	unsigned int k;

	if (bb_ifmap_load(m, in->map_file ? in->map_file : BB_IFMAP_FILE,
			  !in->map_file, err, sizeof(err))) {
		fprintf(stderr, "bbctl: %s\n", err);
		return BBD_EXIT_INPUT;
	}
	for (k = 0; k < in->nmaps; k++)
		if (bb_ifmap_parse(m, in->maps[k], err, sizeof(err))) {
			fprintf(stderr, "bbctl: %s\n", err);
			return BBD_EXIT_INPUT;
		}
	return 0;
}

static int read_doc(const char *file, json_t **doc)
{
	json_error_t jerr;
	struct stat st;

	if (!stat(file, &st) && S_ISREG(st.st_mode) && st.st_size > FILE_MAX) {
		fprintf(stderr, "bbctl: %s: %lld bytes; a scenario file has at most %d\n",
			file, (long long)st.st_size, FILE_MAX);
		return BBD_EXIT_INPUT;
	}
	*doc = json_load_file(file, JSON_REJECT_DUPLICATES, &jerr);
	if (*doc)
		return 0;
	if (jerr.line < 0)	/* not read at all: the text says why */
		fprintf(stderr, "bbctl: %s: %s\n", file, jerr.text);
	else
		fprintf(stderr, "bbctl: %s:%d:%d: %s\n", file, jerr.line, jerr.column, jerr.text);
	return BBD_EXIT_INPUT;
}

int scenario_input_load(const struct scenario_input *in, const char *file,
			struct bb_scenario **sc, struct bb_fw_result *r)
{
	char err[BB_SCENARIO_ERR_MAX + 4096];
	struct bb_ifmap *m = calloc(1, sizeof(*m));
	json_t *doc = NULL;
	int ret;

	*sc = NULL;
	if (!m) {
		fprintf(stderr, "bbctl: out of memory\n");
		return BBD_EXIT_SYSTEM;
	}
	ret = build_map(in, m);
	if (!ret)
		ret = read_doc(file, &doc);
	if (!ret && bb_scenario_parse_map(doc, m, sc, r, err, sizeof(err))) {
		fprintf(stderr, "bbctl: %s: %s\n", file, err);
		ret = BBD_EXIT_INPUT;
	}
	json_decref(doc);
	free(m);
	return ret;
}

void scenario_print_notes(FILE *f, const json_t *notes, const char *prefix)
{
	json_t *n;
	size_t i;

	json_array_foreach(notes, i, n)
		fprintf(f, "%s%s: %s (%s)\n", prefix,
			json_string_value(json_object_get(n, "path")),
			json_string_value(json_object_get(n, "notice")),
			json_string_value(json_object_get(n, "action")));
}
