// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* A scenario file as a whole: the top-level keys, then the ports, then
 * every flow (parsed, names checked unique, expanded). */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "scenario_framework.h"
#include "scenario_int.h"

#define WAIT_FOR_FINISH_S	5.0
#define RUN_TIME_MAX_S		31536000.0	/* a year */

static const char *const top_keys[] = {
	"ports", "flows", "report", "maximum_run_time", "layer2_speed",
	"wait_for_finish", NULL,
};
static const char *const report_keys[] = { "formats", "output_dir", NULL };

static int l2_speed(struct sc_ctx *c, json_t *doc, struct bb_scenario *sc)
{
	json_t *v = json_object_get(doc, "layer2_speed");

	if (!v) {
		json_object_set_new(doc, "layer2_speed", json_string("frame"));
		sc->layer2_speed = BB_L2_FRAME;
		return 0;
	}
	if (!json_is_string(v) || bb_l2_speed_parse(json_string_value(v), &sc->layer2_speed))
		return sc_fail(c, "layer2_speed", "must be one of frame, frame_with_fcs, physical");
	return 0;
}

static int report_format(struct sc_ctx *c, json_t *v, size_t i,
			 unsigned int *bits)
{
	static const char *const names[] = { "html", "json", "junit" };
	char path[SC_PATH_MAX];
	unsigned int k;

	sc_path(path, "report.formats[%zu]", i);
	for (k = 0; k < 3; k++)
		if (json_is_string(v) && !strcmp(json_string_value(v), names[k]))
			break;
	if (k == 3)
		return sc_fail(c, path, "must be one of \"html\", \"json\", \"junit\"");
	if (*bits & 1u << k)
		return sc_fail(c, path, "\"%s\" is listed twice", names[k]);
	*bits |= 1u << k;
	return 0;
}

/* report: {"formats": [...] (html and json), "output_dir": DIR}. */
static int report(struct sc_ctx *c, json_t *doc, struct bb_scenario *sc)
{
	json_t *r, *f = NULL, *v;
	size_t i;
	int ret = sc_object(c, doc, "", "report", false, &r);

	if (ret == 1)
		json_object_set_new(doc, "report", r = json_object());
	else if (ret)
		return ret;
	ret = sc_check_object(c, r, "report", "report", report_keys);
	if (!ret && (ret = sc_array(c, r, "report", "formats", false, &f)) == 1) {
		json_object_set_new(r, "formats", f = json_pack("[s,s]", "html", "json"));
		ret = 0;
	}
	/* f is set only when the checks above passed: never walk it otherwise */
	if (ret)
		return ret;
	json_array_foreach(f, i, v)
		if (!ret)
			ret = report_format(c, v, i, &sc->report_formats);
	if (!ret && (ret = sc_string(c, r, "report", "output_dir", false, sc->report_dir,
				     sizeof(sc->report_dir))) == 1)
		ret = 0;
	return ret;
}

static int top(struct sc_ctx *c, json_t *doc, struct bb_scenario *sc)
{
	static const double wait = WAIT_FOR_FINISH_S;
	int ret;

	ret = sc_check_object(c, doc, "", "the scenario", top_keys);
	if (!ret)
		ret = l2_speed(c, doc, sc);
	if (!ret && (ret = sc_number(c, doc, "", "maximum_run_time", 0, true,
				     RUN_TIME_MAX_S, NULL, &sc->maximum_run_time_s)) == 1)
		ret = 0;
	if (!ret)
		ret = sc_number(c, doc, "", "wait_for_finish", 0, false, 3600, &wait,
				&sc->wait_for_finish_s);
	if (!ret)
		ret = report(c, doc, sc);
	return ret;
}

/* flows[i]'s name is printable and no earlier flow's (names hashed in
 * seen: linear in the number of flows). */
static int unique_name(struct sc_ctx *c, const struct bb_scenario_flow *f,
		       unsigned int i, json_t *seen)
{
	char path[SC_PATH_MAX];
	json_t *j;

	sc_path(path, "flows[%u]", i);
	if (sc_printable(c, path, "name", f->name))
		return -EINVAL;
	j = json_object_get(seen, f->name);
	if (j)
		return sc_fail_key(c, path, "name", "\"%s\" is already the name of flows[%u]",
				   f->name, (unsigned int)json_integer_value(j));
	return json_object_set_new_nocheck(seen, f->name, json_integer(i)) ? -ENOMEM : 0;
}

static int each_flow(struct sc_ctx *c, json_t *arr, struct bb_scenario *sc,
		     struct bb_scenario_flow *tmpl, json_t *seen)
{
	json_t *o;
	size_t i;
	int ret;

	json_array_foreach(arr, i, o) {
		ret = sc_parse_flow(c, o, (unsigned int)i, &tmpl[i]);
		if (!ret)
			ret = unique_name(c, &tmpl[i], (unsigned int)i, seen);
		if (!ret)
			ret = sc_expand_flow(c, o, (unsigned int)i, &tmpl[i], sc);
		if (ret)
			return ret;
	}
	return 0;
}

static int flows(struct sc_ctx *c, json_t *arr, struct bb_scenario *sc)
{
	struct bb_scenario_flow *tmpl;
	json_t *seen;
	int ret;

	if (!json_array_size(arr))
		return sc_fail(c, "flows", "at least one flow is needed");
	if (json_array_size(arr) > SC_FLOWS_MAX)
		return sc_fail(c, "flows", "%zu flows; a scenario has at most %d",
			       json_array_size(arr), SC_FLOWS_MAX);
	tmpl = calloc(json_array_size(arr), sizeof(*tmpl));
	seen = json_object();
	ret = sc_groups_build(c, sc);
	if (!ret)
		ret = tmpl && seen ? each_flow(c, arr, sc, tmpl, seen) : -ENOMEM;
	sc_groups_free(c);
	json_decref(seen);
	free(tmpl);
	return ret;
}

int bb_scenario_parse(json_t *doc, struct bb_scenario **out, char *err,
		      size_t errlen)
{
	struct sc_ctx c = { .err = err, .errlen = errlen };
	struct bb_scenario *sc;
	json_t *ports, *fl;
	int ret;

	*out = NULL;
	if (bb_fw_detect(doc))	/* the framework's dialect: translated first */
		return bb_fw_parse(doc, out, err, errlen);
	if (!json_is_object(doc)) {
		snprintf(err, errlen, "the scenario must be a JSON object");
		return -EINVAL;
	}
	sc = calloc(1, sizeof(*sc));
	if (!sc || !(sc->normalized = json_deep_copy(doc))) {
		free(sc);
		return -ENOMEM;
	}
	ret = top(&c, sc->normalized, sc);
	if (!ret)
		ret = sc_array(&c, sc->normalized, "", "ports", true, &ports);
	if (!ret)
		ret = sc_parse_ports(&c, ports, sc);
	if (!ret)
		ret = sc_array(&c, sc->normalized, "", "flows", true, &fl);
	if (!ret)
		ret = flows(&c, fl, sc);
	if (ret) {
		if (ret == -ENOMEM)
			snprintf(err, errlen, "out of memory");
		bb_scenario_free(sc);
		return ret;
	}
	*out = sc;
	return 0;
}

/* The whole file into *buf (read at once: jansson's file reader takes a
 * call per character); more than SC_FILE_MAX bytes is an error before
 * they are read, or as soon as a pipe passes the limit. */
static int read_file(const char *file, char **buf, size_t *len, char *err,
		     size_t errlen)
{
	FILE *f = fopen(file, "r");
	struct stat st;
	size_t n = 0;
	bool bad;

	*buf = NULL;
	if (!f) {
		snprintf(err, errlen, "%s: unable to open %s: %s", file, file, strerror(errno));
		return -EINVAL;
	}
	if (!fstat(fileno(f), &st) && S_ISREG(st.st_mode) && st.st_size > SC_FILE_MAX)
		n = (size_t)st.st_size;
	else if ((*buf = malloc(SC_FILE_MAX + 1)))
		n = fread(*buf, 1, SC_FILE_MAX + 1, f);
	bad = n > SC_FILE_MAX || !*buf || ferror(f);
	if (n > SC_FILE_MAX)
		snprintf(err, errlen, "%s: %zu%s bytes; a scenario file has at most %d",
			 file, n, *buf ? " or more" : "", SC_FILE_MAX);
	else if (bad)
		snprintf(err, errlen, "%s: %s", file, *buf ? strerror(errno) : "out of memory");
	fclose(f);
	if (bad) {
		free(*buf);
		return -EINVAL;
	}
	*len = n;
	return 0;
}

int bb_scenario_load(const char *file, struct bb_scenario **out, char *err,
		     size_t errlen)
{
	json_error_t jerr;
	json_t *doc;
	size_t len;
	char *buf;
	int ret;

	*out = NULL;
	ret = read_file(file, &buf, &len, err, errlen);
	if (ret)
		return ret;
	doc = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &jerr);
	free(buf);
	if (!doc) {
		snprintf(err, errlen, "%s:%d:%d: %s", file, jerr.line, jerr.column, jerr.text);
		return -EINVAL;
	}
	ret = bb_scenario_parse(doc, out, err, errlen);
	json_decref(doc);
	if (ret && errlen) {
		char *msg = strdup(err);

		snprintf(err, errlen, "%s: %s", file, msg ? msg : "out of memory");
		free(msg);
	}
	return ret;
}

void bb_scenario_free(struct bb_scenario *sc)
{
	if (!sc)
		return;
	free(sc->ports);
	free(sc->flows);
	json_decref(sc->normalized);
	free(sc);
}

json_t *bb_scenario_json(const struct bb_scenario *sc)
{
	return json_incref(sc->normalized);
}
