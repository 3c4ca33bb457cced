/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The ByteBlower test framework's CLI configuration as a second dialect of
 * scenario files: a framework document is translated into bb's own
 * dialect (Documentation/scenario.md, "The framework's dialect"), then
 * parsed as any bb file. Every key the translation ignored, mapped or kept
 * aside is recorded as a notice with its JSON path in the user's file.
 */
#ifndef BB_SCENARIO_FRAMEWORK_H
#define BB_SCENARIO_FRAMEWORK_H

#include <net/if.h>
#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#include "scenario.h"

/* Read once when present: {"trunk-1-3": "enp1s0f0", ...} */
#define BB_IFMAP_FILE		"/etc/bb/interfaces.json"
#define BB_IFMAP_MAX		256
#define BB_IFMAP_NAME_MAX	64	/* a framework interface name, with NUL */

/* Framework interface names (trunk-1-3, nontrunk-1) -> netdevs. */
struct bb_ifmap {
	unsigned int n;
	struct {
		char from[BB_IFMAP_NAME_MAX];
		char to[IFNAMSIZ];
	} e[BB_IFMAP_MAX];
};

/* Add "NAME=IFNAME[,NAME=IFNAME...]" to m; a name given again takes the
 * new device. Returns 0 or -EINVAL with one line in err. */
int bb_ifmap_parse(struct bb_ifmap *m, const char *text, char *err,
		   size_t errlen);
/* Add the entries of a map file; a missing file adds nothing when
 * optional. Returns 0 or -EINVAL with one line in err naming the file. */
int bb_ifmap_load(struct bb_ifmap *m, const char *file, bool optional,
		  char *err, size_t errlen);
/* The netdev of name, or NULL. */
const char *bb_ifmap_get(const struct bb_ifmap *m, const char *name);

/* What the translation made of a framework document. */
struct bb_fw_result {
	bool framework;		/* the document was in the framework's dialect */
	json_t *doc;		/* bb's dialect (a new reference) */
	json_t *notes;		/* [{"path", "action", "notice"[, "to"]}...] */
	char run_name[128];	/* report.filename_prefix / filename, or "" */
};

/* Does doc use keys only the framework's dialect has? */
bool bb_fw_detect(const json_t *doc);

/*
 * doc (not changed) in bb's dialect into r (free with bb_fw_result_free):
 * a framework document is translated with map (NULL: none), any other is
 * taken as it is. Returns 0; -EINVAL with one line in err ("path: why");
 * -ENOMEM.
 */
int bb_fw_translate(const json_t *doc, const struct bb_ifmap *map,
		    struct bb_fw_result *r, char *err, size_t errlen);
void bb_fw_result_free(struct bb_fw_result *r);

/* An error bb's parser gave on the translated document names the key
 * the user wrote (ip_dscp rather than dscp): err rewritten in place. */
void bb_fw_error_path(const json_t *notes, char *err, size_t errlen);

/* Translate (as above) and parse: bb_scenario_parse for either dialect,
 * with the interface map. r may be NULL. */
int bb_scenario_parse_map(json_t *doc, const struct bb_ifmap *map,
			  struct bb_scenario **out, struct bb_fw_result *r,
			  char *err, size_t errlen);

/* bb_scenario_parse's way in for a framework document: the map is
 * BB_IFMAP_FILE's, when there is one. */
int bb_fw_parse(json_t *doc, struct bb_scenario **out, char *err,
		size_t errlen);

#endif
