/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The HTTP/1.1 that bb's test traffic speaks (RFC 9112), both ends: a
 * request or response head, and the chunked body of a duration-based
 * transfer. Only what a GET or PUT of test data needs, but real HTTP:
 * curl talks to bb's server, bb's client to any stock server. Pure code,
 * no sockets: the engine in http_session.h feeds it bytes.
 */
#ifndef BB_HTTP1_H
#define BB_HTTP1_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define BB_HTTP_HEAD_MAX	8192	/* a longer head is refused */
#define BB_HTTP_TARGET_MAX	256

/* A parsed head: a request line or a status line, and the headers bb
 * uses. */
struct bb_http_head {
	bool request;
	char method[8];			/* request: GET or PUT */
	char target[BB_HTTP_TARGET_MAX];	/* request: "/path?query" */
	unsigned int status;		/* response: 200... */
	unsigned int minor;		/* HTTP/1.<minor> */
	bool has_length;
	uint64_t length;		/* Content-Length */
	bool chunked;			/* Transfer-Encoding: chunked */
	bool expect_continue;		/* Expect: 100-continue */
};

/*
 * Parse the head at the start of buf (len bytes). Returns the head's
 * length (through the blank line) when complete, 0 when more bytes are
 * needed, -EINVAL when it is not HTTP/1.x or is malformed (why says what,
 * in a few words), -E2BIG past BB_HTTP_HEAD_MAX.
 */
int bb_http_head_parse(const char *buf, size_t len, struct bb_http_head *h,
		       const char **why);

/* What a GET or PUT target asks for: "size=N" (bytes) or
 * "duration=S" (seconds) in the query. false when neither is there. */
bool bb_http_target_size(const char *target, uint64_t *size);
bool bb_http_target_duration(const char *target, double *seconds);

/* Chunked body decoder: counts payload bytes, finds the last chunk. */
struct bb_http_chunks {
	int state;
	uint64_t left;			/* of the current chunk's data */
	unsigned int digits;
	bool done;			/* the last chunk and trailers read */
};

/*
 * Feed n body bytes; *payload gets how many of them were chunk data.
 * Returns how many bytes were used (less than n only once done: the rest
 * follows the body), or -EINVAL on a malformed chunk.
 */
long bb_http_chunks_feed(struct bb_http_chunks *c, const char *p, size_t n,
			 uint64_t *payload);
/* How many chunk data bytes may be taken without looking at them (0 when
 * framing comes next); bb_http_chunks_skip() takes them. */
uint64_t bb_http_chunks_data(const struct bb_http_chunks *c);
void bb_http_chunks_skip(struct bb_http_chunks *c, uint64_t n);

#endif
