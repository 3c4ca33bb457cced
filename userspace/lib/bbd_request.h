/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * bbd's socket protocol, the request side: one JSON object a line,
 * {"cmd": "run", "name": NAME, "scenario": {...}, "options": {...}},
 * {"cmd": "status"} or {"cmd": "stop"}. Decoded here, apart from the
 * server, so that a fuzz harness (tests/fuzz/bbd_request.c) reads lines
 * exactly as bbd does.
 */
#ifndef BB_BBD_REQUEST_H
#define BB_BBD_REQUEST_H

#include <stddef.h>

#include <jansson.h>

#include "bbd_proto.h"

/* The longest request line bbd reads (a scenario file's limit + room). */
#define BBD_REQUEST_LINE_MAX	(32u << 20)

/* A run's "name": 1 to this many bytes (report file names use a cleaned
 * prefix of it: lib/report_path.h). */
#define BBD_RUN_NAME_MAX	255

struct bbd_request {
	enum bbd_cmd cmd;
	/* run (and name: stop), borrowed from doc */
	const char *name;	/* run: "scenario" when not given; stop: NULL */
	json_t *scenario;	/* an object */
	json_t *options;	/* NULL when not given */
	json_t *doc;		/* the request; bbd_request_free drops it */
};

/* One line (without its newline) into *req. 0, or -EINVAL with the
 * one-line error in err (req->doc is then NULL). */
int bbd_request_decode(const char *line, struct bbd_request *req, char *err,
		       size_t errlen);
void bbd_request_free(struct bbd_request *req);

#endif
