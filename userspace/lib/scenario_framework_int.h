/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* scenario_framework*.c internals: the translation's context, notices and
 * the value conversions every part shares. */
#ifndef BB_SCENARIO_FRAMEWORK_INT_H
#define BB_SCENARIO_FRAMEWORK_INT_H

#include "scenario_framework.h"

#define FW_PATH_MAX	128

struct fw_ctx {
	char *err;
	size_t errlen;
	json_t *notes;
	const struct bb_ifmap *map;
	json_t *ports;		/* the translated ports (gaming needs families) */
};

void fw_path(char *out, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* "path: message" into err; returns -EINVAL. */
int fw_fail(struct fw_ctx *c, const char *path, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* One notice: action is "ignored", "mapped", "kept" or "added". */
void fw_note(struct fw_ctx *c, const char *path, const char *action,
	     const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* o[from] renamed to o[to] (path names o); noted as mapped, with "to" so
 * bb's errors on the new key name the user's. Error if both are set. */
int fw_rename(struct fw_ctx *c, json_t *o, const char *path,
	      const char *from, const char *to);
/* An integer-valued real under key (100.0) becomes the integer. */
void fw_intify(struct fw_ctx *c, json_t *o, const char *path, const char *key);
/* A code point given as a string ("0x2e", "46", "0b101110") becomes the
 * integer; other strings are an error naming what is allowed. */
int fw_codepoint(struct fw_ctx *c, json_t *o, const char *path,
		 const char *key);

/* trunk-N-N or nontrunk-N: the names of ByteBlower interfaces */
bool fw_bb_ifname(const char *s);

int fw_ports(struct fw_ctx *c, json_t *ports);
int fw_flows(struct fw_ctx *c, json_t *doc, json_t *flows);
/* gaming's packet_length* (the UDP length) as an IMIX of frames */
int fw_gaming(struct fw_ctx *c, json_t *o, const char *path);

#endif
