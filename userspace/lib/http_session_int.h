/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* Shared by the sending (http_session.c) and receiving (http_recv.c)
 * halves of an HTTP end. */
#ifndef BB_HTTP_SESSION_INT_H
#define BB_HTTP_SESSION_INT_H

#include "http_session.h"

#define BB_HTTP_IO_MAX		65536u
/* Reads or writes per bb_http_io() call, so one fast flow cannot starve
 * the others on the event loop. */
#define BB_HTTP_IO_ROUNDS	16

/* CLOCK_TAI in ns: each read or write after the first of one
 * bb_http_io() call is stamped when it happens, not when the call began
 * (a whole buffered body would otherwise share one time). */
uint64_t http_now(void);
void http_fail_errno(struct bb_http_end *e, const char *what, int err);
/* Queue prefix, then data body bytes, then suffix. */
void http_queue(struct bb_http_end *e, const char *prefix, uint64_t data,
		const char *suffix);
/* Send head, then the body: e->size bytes, or chunks for e->duration_s. */
void http_start_body(struct bb_http_end *e, const char *head, uint64_t now);
/* Read what the socket has, head then body. */
void http_recv(struct bb_http_end *e, uint64_t now);

#endif
