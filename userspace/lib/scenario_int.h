/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * scenario*.c internals: path-aware getters over the normalized copy of
 * the document (a default is written into the copy when its key is
 * absent), and the parse stages.
 */
#ifndef BB_SCENARIO_INT_H
#define BB_SCENARIO_INT_H

#include "scenario.h"

#define SC_PATH_MAX	96

/* Limits of a scenario (Documentation/scenario.md, "Limits"), each checked
 * before the work it bounds, so that a file at the limits checks in well
 * under a second. */
#define SC_FILE_MAX	(16 << 20)	/* bytes of JSON */
#define SC_PORTS_MAX	4096
#define SC_FLOWS_MAX	4096	/* in the file, and once expanded */
#define SC_SELECT_MAX	64	/* groups of a source or destination */

struct sc_groups;

struct sc_ctx {
	char *err;
	size_t errlen;
	struct sc_groups *groups;	/* port group -> ports (sc_groups_build) */
};

/* Build a path into out (SC_PATH_MAX bytes); paths are short, a longer
 * one is cut. */
void sc_path(char *out, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* "path: message" into the error buffer; returns -EINVAL. */
int sc_fail(struct sc_ctx *c, const char *path, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The same for "path.key: message". */
int sc_fail_key(struct sc_ctx *c, const char *path, const char *key,
		const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* o must be an object whose keys are all in allowed (NULL-terminated);
 * what names it in the message ("a voice flow"). */
int sc_check_object(struct sc_ctx *c, json_t *o, const char *path,
		    const char *what, const char *const *allowed);

/*
 * Getters of o's key (path names o). Each returns 0 when the key is set
 * (or was absent and its default was written in), 1 when it is absent and
 * has no default (*out untouched), -EINVAL on a wrong type or range.
 */
int sc_bool(struct sc_ctx *c, json_t *o, const char *path, const char *key,
	    const bool *dflt, bool *out);
/* A number (integer or real) in [min, max]; above min only if min_open. */
int sc_number(struct sc_ctx *c, json_t *o, const char *path, const char *key,
	      double min, bool min_open, double max, const double *dflt,
	      double *out);
/* A JSON integer in [min, max]. */
int sc_uint(struct sc_ctx *c, json_t *o, const char *path, const char *key,
	    uint64_t min, uint64_t max, const uint64_t *dflt, uint64_t *out);
/* A non-empty string shorter than size, copied into out (size bytes);
 * required: absent is an error. */
int sc_string(struct sc_ctx *c, json_t *o, const char *path, const char *key,
	      bool required, char *out, size_t size);
/* An array (or object, for sc_object) under key; required as above.
 * *out is a borrowed reference. */
int sc_array(struct sc_ctx *c, json_t *o, const char *path, const char *key,
	     bool required, json_t **out);
int sc_object(struct sc_ctx *c, json_t *o, const char *path,
	      const char *key, bool required, json_t **out);
/* Optional labels under key (tags, flow_group): 1 to
 * BB_SCENARIO_GROUPS_MAX printable names; *out borrowed, NULL if absent. */
int sc_labels(struct sc_ctx *c, json_t *o, const char *path, const char *key,
	      json_t **out);
/* Error when both keys a and b are in o: "path.b: conflicts with path.a". */
int sc_conflict(struct sc_ctx *c, json_t *o, const char *path,
		const char *a, const char *b);

/* An error is one line a terminal prints as it is: values it quotes may
 * hold newlines or escape sequences, shown as '?' (C0, DEL, C1). Every
 * sc_fail* does this; the framework translator's errors too. */
void sc_one_line(char *s);

/* 0 when s, the value at path.key (or path if key is NULL), holds no
 * control character; else the error. */
int sc_printable(struct sc_ctx *c, const char *path, const char *key,
		 const char *s);

/* c->groups indexes sc's ports by group, once they are parsed, so that
 * expanding a flow costs what it selects; sc_groups_free drops it. */
int sc_groups_build(struct sc_ctx *c, const struct bb_scenario *sc);
void sc_groups_free(struct sc_ctx *c);

/* Stages of bb_scenario_parse, in order. */
int sc_parse_ports(struct sc_ctx *c, json_t *ports, struct bb_scenario *sc);
/* ipv4/netmask/gateway, ipv6/gateway_ipv6, mac of the port at path. */
/* A port's "capture" object, if any (scenario_parse_capture.c). */
int sc_parse_capture(struct sc_ctx *c, json_t *o, const char *path,
		     struct bb_scenario_capture *cap);
int sc_parse_addrs(struct sc_ctx *c, json_t *o, const char *path,
		   struct bb_scenario_port *p);
/* One flow of the file into tmpl (src, dst, name still to fill). */
int sc_parse_flow(struct sc_ctx *c, json_t *o, unsigned int idx,
		  struct bb_scenario_flow *tmpl);
/* Sizes, rate and length of a flow; part of sc_parse_flow. */
int sc_parse_frames(struct sc_ctx *c, json_t *o, const char *path,
		    struct bb_scenario_flow *f);
/* The keys of an http flow (type already known); part of sc_parse_flow. */
int sc_parse_http(struct sc_ctx *c, json_t *o, const char *path,
		  struct bb_scenario_flow *f);
/* The TCP keys http and video flows share (congestion control, DSCP,
 * ECN, TCP ports, window scale). */
int sc_parse_http_tcp(struct sc_ctx *c, json_t *o, const char *path,
		      struct bb_scenario_flow *f);
/* The keys of a video flow; part of sc_parse_flow. */
int sc_parse_video(struct sc_ctx *c, json_t *o, const char *path,
		   struct bb_scenario_flow *f);
/* Every (source, destination) pair of flows[idx] appended to sc->flows. */
int sc_expand_flow(struct sc_ctx *c, json_t *o, unsigned int idx,
		   const struct bb_scenario_flow *tmpl, struct bb_scenario *sc);

#endif
