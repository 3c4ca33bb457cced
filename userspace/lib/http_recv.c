// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* The receiving half of an HTTP end: the head (request or response),
 * then the body by Content-Length, chunks, or up to the peer's FIN. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>

#include "http_session_int.h"

/* Chunk framing ("\r\n<hex size>\r\n") is read here, and no more than
 * this: the data after it goes the MSG_TRUNC way instead of being copied
 * (a 64 KB read here copied half of every chunked body). */
#define FRAMING_READ	64
static char scratch[FRAMING_READ];
/* Where a MSG_TRUNC read points: nothing is copied there, but the
 * buffer is as long as the read, as sanitizers (and readers) expect. */
static char sink[1u << 20];
#define SKIP_MAX	sizeof(sink)

static void got(struct bb_http_end *e, size_t n, uint64_t now)
{
	e->rx_bytes += n;
	if (!e->first_rx)
		e->first_rx = now;
	e->last_rx = now;
	if (e->role == BB_HTTP_CLIENT && e->method == BB_HTTP_GET) {
		if (!e->t2)
			e->t2 = now;	/* first response segment */
		e->t3 = now;		/* the last one, so far */
	} else if (e->role == BB_HTTP_CLIENT) {
		if (!e->t3)
			e->t3 = now;	/* PUT: first response segment */
	} else {
		if (!e->t1)
			e->t1 = now;	/* first request segment */
		if (e->method == BB_HTTP_PUT)
			e->t2 = now;	/* the last request segment, so far */
	}
}

/* The server answers an error and gives up on the session. */
static void refuse(struct bb_http_end *e, unsigned int code, const char *text,
		   const char *why)
{
	char head[160];

	snprintf(head, sizeof(head),
		 "HTTP/1.1 %u %s\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
		 code, text);
	(void)!send(e->fd, head, strlen(head), MSG_NOSIGNAL | MSG_DONTWAIT);
	bb_http_fail(e, why);
}

static void body_complete(struct bb_http_end *e, uint64_t now)
{
	if (e->role == BB_HTTP_CLIENT) {
		e->state = BB_HS_DONE;
		return;
	}
	/* PUT server: the whole request is in; the response goes out */
	http_queue(e, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", 0, "");
	e->state = BB_HS_SEND;
	(void)now;
}

/* n body bytes at p. */
static void body(struct bb_http_end *e, const char *p, size_t n, uint64_t now)
{
	uint64_t data = 0;
	long used;

	if (e->body_chunked) {
		used = bb_http_chunks_feed(&e->chunks, p, n, &data);
		if (used < 0) {
			bb_http_fail(e, "malformed chunked body");
			return;
		}
	} else if (e->body_to_eof) {
		data = n;
	} else {
		data = n < e->body_left ? n : e->body_left;
		e->body_left -= data;
	}
	e->rx_payload += data;
	if ((e->body_chunked && e->chunks.done) ||
	    (!e->body_chunked && !e->body_to_eof && !e->body_left))
		body_complete(e, now);
}

/* The server's side of a complete request head. */
static void request(struct bb_http_end *e, uint64_t now)
{
	struct bb_http_head *h = &e->head;
	char head[256];

	if (!strcmp(h->method, "GET")) {
		e->method = BB_HTTP_GET;
		if (bb_http_target_size(h->target, &e->size))
			e->duration_s = 0;
		else if (bb_http_target_duration(h->target, &e->duration_s))
			e->size = 0;
		if (e->size)
			snprintf(head, sizeof(head), "HTTP/1.1 200 OK\r\nServer: bb\r\nContent-Type: application/octet-stream\r\nContent-Length: %" PRIu64 "\r\nConnection: close\r\n\r\n",
				 e->size);
		else
			snprintf(head, sizeof(head), "HTTP/1.1 200 OK\r\nServer: bb\r\nContent-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
		http_start_body(e, head, now);
		return;
	}
	if (strcmp(h->method, "PUT")) {
		refuse(e, 405, "Method Not Allowed", "request method is not GET or PUT");
		return;
	}
	e->method = BB_HTTP_PUT;
	if (!h->chunked && !h->has_length) {
		refuse(e, 411, "Length Required", "PUT request without a length");
		return;
	}
	e->body_chunked = h->chunked;
	e->body_left = h->length;
	e->state = BB_HS_RECV_BODY;
	/* curl -T waits a second for this before it sends the body; a
	 * non-blocking send of 25 bytes to a fresh socket cannot be short */
	if (h->expect_continue)
		if (send(e->fd, "HTTP/1.1 100 Continue\r\n\r\n", 25, MSG_NOSIGNAL | MSG_DONTWAIT) == 25)
			e->tx_bytes += 25;
	if (!h->chunked && !h->length)
		body_complete(e, now);
}

/* The client's side of a complete response head. */
static void response(struct bb_http_end *e, uint64_t now)
{
	struct bb_http_head *h = &e->head;
	char why[64];

	e->status = h->status;
	if (h->status < 200 || h->status > 299) {
		snprintf(why, sizeof(why), "HTTP status %u", h->status);
		bb_http_fail(e, why);
		return;
	}
	e->body_chunked = h->chunked;
	e->body_left = h->length;
	e->body_to_eof = !h->chunked && !h->has_length;
	e->state = BB_HS_RECV_BODY;
	if (!h->chunked && h->has_length && !h->length)
		body_complete(e, now);
}

static void head(struct bb_http_end *e, uint64_t now)
{
	const char *why = "malformed head";
	int n = bb_http_head_parse(e->in, e->in_len, &e->head, &why);

	if (n == 0)
		return;
	if (n < 0 || e->head.request != (e->role == BB_HTTP_SERVER)) {
		if (e->role == BB_HTTP_SERVER)
			refuse(e, 400, "Bad Request", n == -E2BIG ? "request head too long" : why);
		else
			bb_http_fail(e, n == -E2BIG ? "response head too long" : why);
		return;
	}
	if (e->role == BB_HTTP_SERVER)
		request(e, now);
	else
		response(e, now);
	/* the rest of what was read belongs to the body */
	if (e->state == BB_HS_RECV_BODY && e->in_len > (size_t)n)
		body(e, e->in + n, e->in_len - (size_t)n, now);
}

static void eof(struct bb_http_end *e, uint64_t now)
{
	char why[120];

	e->fin_received_ns = now;
	if (e->state == BB_HS_RECV_BODY && e->body_to_eof) {
		body_complete(e, now);
		return;
	}
	if (e->state == BB_HS_RECV_BODY)
		snprintf(why, sizeof(why), "connection closed by the peer after %" PRIu64 " body bytes",
			 e->rx_payload);
	else
		snprintf(why, sizeof(why), "connection closed by the peer before the %s",
			 e->role == BB_HTTP_SERVER ? "request" : "response");
	bb_http_fail(e, why);
}

/*
 * Body data nobody needs to look at (a Content-Length body, a chunk's
 * data, a body up to EOF) is taken with MSG_TRUNC: TCP counts and frees
 * it without copying it out, which is most of a receiver's CPU (iperf3
 * copies). How many bytes may go that way, or 0 (framing: read it).
 */
static uint64_t skippable(const struct bb_http_end *e)
{
	if (e->state != BB_HS_RECV_BODY)
		return 0;
	if (e->body_chunked)
		return bb_http_chunks_data(&e->chunks);
	return e->body_to_eof ? UINT64_MAX : e->body_left;
}

static void skipped(struct bb_http_end *e, size_t n, uint64_t now)
{
	got(e, n, now);
	e->rx_payload += n;
	if (e->body_chunked)
		bb_http_chunks_skip(&e->chunks, n);
	else if (!e->body_to_eof && !(e->body_left -= n))
		body_complete(e, now);
}

void http_recv(struct bb_http_end *e, uint64_t now)
{
	uint64_t skip;
	bool in_head;
	ssize_t n;
	int i;

	for (i = 0; i < BB_HTTP_IO_ROUNDS; i++) {
		if (i)
			now = http_now();
		if (e->state == BB_HS_DRAIN) {	/* the response: all was ACKed */
			e->t2 = now;
			e->state = BB_HS_RECV_HEAD;
		}
		in_head = e->state == BB_HS_RECV_HEAD;
		if (!in_head && e->state != BB_HS_RECV_BODY)
			return;
		skip = skippable(e);
		if (skip > SKIP_MAX)
			skip = SKIP_MAX;
		n = in_head ? recv(e->fd, e->in + e->in_len, sizeof(e->in) - e->in_len, MSG_DONTWAIT)
		    : skip ? recv(e->fd, sink, (size_t)skip, MSG_DONTWAIT | MSG_TRUNC)
			   : recv(e->fd, scratch, sizeof(scratch), MSG_DONTWAIT);
		if (n < 0) {
			if (errno != EAGAIN && errno != EINTR)
				http_fail_errno(e, "recv", errno);
			return;
		}
		if (n == 0) {
			eof(e, now);
			return;
		}
		if (skip) {
			skipped(e, (size_t)n, now);
			continue;
		}
		got(e, (size_t)n, now);
		if (in_head) {
			e->in_len += (size_t)n;
			head(e, now);
			if (e->state == BB_HS_RECV_HEAD && e->in_len == sizeof(e->in))
				bb_http_fail(e, "head too long");
		} else {
			body(e, scratch, (size_t)n, now);
		}
	}
}
