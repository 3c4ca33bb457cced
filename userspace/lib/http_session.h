/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * One end of an HTTP test transfer on a non-blocking TCP socket: the
 * client sends GET or PUT, the server answers, and each end keeps the
 * ByteBlower timestamps T1, T2, T3 (Documentation/http.md has the table)
 * and its byte counts. The caller owns the socket and the event loop: it
 * calls bb_http_io() when the socket is ready (bb_http_want() says for
 * what) and bb_http_tick() while bb_http_draining() (waiting for the
 * peer's ACK of the last byte, which no socket event announces).
 */
#ifndef BB_HTTP_SESSION_H
#define BB_HTTP_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "http1.h"
#include "scenario.h"

enum bb_http_role { BB_HTTP_CLIENT, BB_HTTP_SERVER };

enum bb_http_state {
	BB_HS_CONNECTING,	/* client: connect() in progress */
	BB_HS_SEND,		/* head and body going out */
	BB_HS_DRAIN,		/* all written; waiting for the last ACK */
	BB_HS_RECV_HEAD,
	BB_HS_RECV_BODY,
	BB_HS_DONE,
	BB_HS_FAILED,
};

/* What goes out next: a prefix (head or chunk size line), data bytes,
 * a suffix (a chunk's CRLF). */
struct bb_http_out {
	char prefix[512];
	size_t prefix_len, prefix_off;
	uint64_t data_left;
	const char *suffix;
	size_t suffix_len, suffix_off;
};

struct bb_http_end {
	enum bb_http_role role;
	enum bb_http_method method;	/* the client's; the server learns it */
	uint64_t size;			/* bytes to send; 0: for duration_s */
	double duration_s;
	char host[64];			/* client: Host header */
	char target[BB_HTTP_TARGET_MAX];	/* client: request target */
	int fd;
	enum bb_http_state state;
	struct bb_http_out out;
	bool chunked_out, last_chunk;
	uint64_t send_until;		/* duration-based: stop after this */
	uint64_t payload_goal;		/* size-based: body bytes to send */
	char in[BB_HTTP_HEAD_MAX];
	size_t in_len;
	struct bb_http_head head;
	struct bb_http_chunks chunks;
	bool body_chunked, body_to_eof;
	uint64_t body_left;
	unsigned int status;		/* client: the response's */
	/* results */
	uint64_t tx_bytes, rx_bytes;		/* HTTP bytes, heads included */
	uint64_t tx_payload, rx_payload;	/* body data only */
	uint64_t first_tx, last_tx, first_rx, last_rx;	/* ns; 0: none */
	uint64_t t1, t2, t3;			/* ns; 0: not reached */
	/* the TCP session as this end saw it (ns; 0: not seen): the SYN
	 * (client: connect(); server: the accept), ESTABLISHED, our FIN
	 * (shutdown or close), the peer's FIN (EOF read), a RST */
	uint64_t syn_ns, established_ns, fin_sent_ns, fin_received_ns;
	bool reset;
	char err[160];
};

/* A client that will send method for size bytes (or duration_s) to
 * host; t1 is taken now (before connect()). */
void bb_http_client_init(struct bb_http_end *e, int fd, enum bb_http_method m,
			 uint64_t size, double duration_s, const char *host,
			 const char *target, uint64_t now);
/* The end closes its socket now (the caller's close() sends our FIN). */
void bb_http_closing(struct bb_http_end *e, uint64_t now);
/* A server on an accepted socket; size/duration_s answer a GET whose
 * target names neither. */
void bb_http_server_init(struct bb_http_end *e, int fd, uint64_t size,
			 double duration_s, uint64_t now);

/* The socket is ready (EPOLLIN/OUT/ERR/HUP bits in events). Returns the
 * new state. */
enum bb_http_state bb_http_io(struct bb_http_end *e, uint32_t events,
			      uint64_t now);
/* While draining: has the peer ACKed everything? Moves on if so. */
enum bb_http_state bb_http_tick(struct bb_http_end *e, uint64_t now);
/* The epoll events the end waits for now (0 once done or failed). */
uint32_t bb_http_want(const struct bb_http_end *e);
bool bb_http_draining(const struct bb_http_end *e);
/* Fail the end from outside (run cut short): keeps the first reason. */
void bb_http_fail(struct bb_http_end *e, const char *why);

const char *bb_http_state_name(enum bb_http_state s);

#endif
