// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The HTTP test transfer, one end. T1/T2/T3 follow ByteBlower's
 * definitions (seeds: "Server: timestamps T1, T2 and T3"):
 *   GET client  T1 request prepared, T2 first response byte, T3 last one
 *   GET server  T1 first request byte, T2 response head handed to TCP,
 *               T3 whole response ACKed
 *   PUT client  T1 request prepared, T2 whole request ACKed, T3 first
 *               response byte
 *   PUT server  T1 first request byte, T2 last request byte, T3 response
 *               handed to TCP
 * A size-based body has a Content-Length; a duration-based one is chunked
 * and ends with the last chunk once the time is up.
 */
#include <errno.h>
#include <inttypes.h>
#include <netinet/in.h>
#include <linux/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/sendfile.h>
#include <sys/socket.h>
#include <linux/sockios.h>
#include <time.h>
#include <unistd.h>

#include "http_session_int.h"

/*
 * A duration-based body goes in chunks of about CHUNK_NS of sending at the
 * rate TCP last delivered (tcpi_delivery_rate): big enough that the two
 * small writes of its framing are rare at any speed (64 KB chunks halved
 * the goodput of a 3 Gbit/s flow), small enough that the last one ends
 * the transfer close to on time.
 */
#define CHUNK_MIN	65536u
#define CHUNK_MAX	(16u << 20)
#define CHUNK_NS	4000000ull

/*
 * The body bytes: a pattern (not all zero, so a compressing middlebox
 * gains little) in a memfd, sent with sendfile(): TCP takes references to
 * its pages instead of copying them from user memory for every segment,
 * which is most of a sender's CPU (iperf3 copies unless given -Z).
 */
#define PAYLOAD_FILE	(1u << 20)

static char pattern[BB_HTTP_IO_MAX];

static void fill(char *p, size_t n)
{
	uint32_t x = 2463534242u;

	for (size_t i = 0; i < n; i++) {
		x ^= x << 13, x ^= x >> 17, x ^= x << 5;
		p[i] = (char)x;
	}
}

/* The memfd of PAYLOAD_FILE pattern bytes, or -1 (then send() copies). */
static int payload_fd(void)
{
	static int fd = -2;
	char *buf;

	if (fd != -2)
		return fd;
	fill(pattern, sizeof(pattern));
	fd = memfd_create("bb-payload", MFD_CLOEXEC);
	buf = fd >= 0 ? malloc(PAYLOAD_FILE) : NULL;
	if (buf)
		fill(buf, PAYLOAD_FILE);
	if (!buf || write(fd, buf, PAYLOAD_FILE) != PAYLOAD_FILE) {
		if (fd >= 0)
			close(fd);
		fd = -1;
	}
	free(buf);
	return fd;
}

/* Up to n data bytes: from the memfd, or copied from the pattern. */
static ssize_t send_data(struct bb_http_end *e, uint64_t n)
{
	int pfd = payload_fd();
	off_t off = (off_t)(e->tx_payload % PAYLOAD_FILE);

	if (pfd < 0)
		return send(e->fd, pattern, n < sizeof(pattern) ? (size_t)n : sizeof(pattern),
			    MSG_NOSIGNAL | MSG_DONTWAIT);
	if (n > PAYLOAD_FILE - (uint64_t)off)
		n = PAYLOAD_FILE - (uint64_t)off;
	return sendfile(e->fd, pfd, &off, (size_t)n);
}

const char *bb_http_state_name(enum bb_http_state s)
{
	static const char *const names[] = {
		"connecting", "sending", "draining", "receiving", "receiving",
		"finished", "failed",
	};

	return (unsigned int)s <= BB_HS_FAILED ? names[s] : "unknown";
}

void bb_http_fail(struct bb_http_end *e, const char *why)
{
	if (e->state == BB_HS_FAILED || e->state == BB_HS_DONE)
		return;
	snprintf(e->err, sizeof(e->err), "%s", why);
	e->state = BB_HS_FAILED;
}

uint64_t http_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_TAI, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

void http_fail_errno(struct bb_http_end *e, const char *what, int err)
{
	char buf[160];

	if (err == ECONNRESET)
		e->reset = true;
	snprintf(buf, sizeof(buf), "%s: %s", what,
		 err == ECONNREFUSED ? "connection refused" :
		 err == ECONNRESET ? "connection reset by the peer" :
		 err == ETIMEDOUT ? "timed out" : strerror(err));
	bb_http_fail(e, buf);
}

void http_queue(struct bb_http_end *e, const char *prefix, uint64_t data,
		  const char *suffix)
{
	struct bb_http_out *o = &e->out;

	o->prefix_len = (size_t)snprintf(o->prefix, sizeof(o->prefix), "%s", prefix);
	o->prefix_off = 0;
	o->data_left = data;
	o->suffix = suffix;
	o->suffix_len = strlen(suffix);
	o->suffix_off = 0;
}

static bool out_empty(const struct bb_http_out *o)
{
	return o->prefix_off == o->prefix_len && !o->data_left &&
	       o->suffix_off == o->suffix_len;
}

static void init_end(struct bb_http_end *e, enum bb_http_role role, int fd,
		     uint64_t size, double duration_s)
{
	memset(e, 0, sizeof(*e));
	e->role = role;
	e->fd = fd;
	e->size = size;
	e->duration_s = duration_s;
	e->state = role == BB_HTTP_CLIENT ? BB_HS_CONNECTING : BB_HS_RECV_HEAD;
}

void bb_http_client_init(struct bb_http_end *e, int fd, enum bb_http_method m,
			 uint64_t size, double duration_s, const char *host,
			 const char *target, uint64_t now)
{
	init_end(e, BB_HTTP_CLIENT, fd, size, duration_s);
	e->method = m;
	snprintf(e->host, sizeof(e->host), "%s", host);
	snprintf(e->target, sizeof(e->target), "%s", target);
	e->t1 = e->syn_ns = now;
}

void bb_http_closing(struct bb_http_end *e, uint64_t now)
{
	if (!e->fin_sent_ns && !e->reset && e->established_ns)
		e->fin_sent_ns = now;
}

void bb_http_server_init(struct bb_http_end *e, int fd, uint64_t size,
			 double duration_s, uint64_t now)
{
	init_end(e, BB_HTTP_SERVER, fd, size, duration_s);
	/* the kernel did the handshake before accept() returned it */
	e->syn_ns = e->established_ns = now;
}

/* Start sending a body after head (in e->out's prefix): Content-Length
 * for a size, chunks for a duration. */
void http_start_body(struct bb_http_end *e, const char *head, uint64_t now)
{
	e->chunked_out = !e->size;
	e->payload_goal = e->size;
	e->last_chunk = false;
	e->send_until = now + (uint64_t)(e->duration_s * 1e9);
	http_queue(e, head, e->size, "");
	e->state = BB_HS_SEND;
}

static void client_request(struct bb_http_end *e, uint64_t now)
{
	char head[512];
	bool put = e->method == BB_HTTP_PUT;

	if (put && e->size)
		snprintf(head, sizeof(head),
			 "PUT %s HTTP/1.1\r\nHost: %s\r\nUser-Agent: bb\r\nContent-Type: application/octet-stream\r\nContent-Length: %" PRIu64 "\r\nConnection: close\r\n\r\n",
			 e->target, e->host, e->size);
	else if (put)
		snprintf(head, sizeof(head),
			 "PUT %s HTTP/1.1\r\nHost: %s\r\nUser-Agent: bb\r\nContent-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
			 e->target, e->host);
	else
		snprintf(head, sizeof(head),
			 "GET %s HTTP/1.1\r\nHost: %s\r\nUser-Agent: bb\r\nAccept: */*\r\nConnection: close\r\n\r\n",
			 e->target, e->host);
	if (put) {
		http_start_body(e, head, now);
		return;
	}
	http_queue(e, head, 0, "");
	e->state = BB_HS_SEND;
}

static uint64_t chunk_size(const struct bb_http_end *e)
{
	struct tcp_info ti;
	socklen_t len = sizeof(ti);
	uint64_t n;

	memset(&ti, 0, sizeof(ti));
	if (getsockopt(e->fd, IPPROTO_TCP, TCP_INFO, &ti, &len))
		return CHUNK_MIN;
	n = ti.tcpi_delivery_rate * CHUNK_NS / 1000000000ull;
	return n < CHUNK_MIN ? CHUNK_MIN : n > CHUNK_MAX ? CHUNK_MAX : n;
}

/* The next chunk of a duration-based body, or the last one when time is
 * up. */
static void next_chunk(struct bb_http_end *e, uint64_t now)
{
	char line[24];
	uint64_t size;

	if (now >= e->send_until) {
		http_queue(e, "0\r\n\r\n", 0, "");
		e->last_chunk = true;
		return;
	}
	size = chunk_size(e);
	snprintf(line, sizeof(line), "%" PRIx64 "\r\n", size);
	http_queue(e, line, size, "\r\n");
}

static void sent(struct bb_http_end *e, size_t n, bool data, uint64_t now)
{
	e->tx_bytes += n;
	if (data)
		e->tx_payload += n;
	if (!e->first_tx)
		e->first_tx = now;
	e->last_tx = now;
}

/* Write what e->out holds; false when the socket is full or failed. */
static bool write_out(struct bb_http_end *e, uint64_t now)
{
	struct bb_http_out *o = &e->out;
	bool data = o->prefix_off == o->prefix_len && o->data_left;
	bool chunks_follow = e->chunked_out && !e->last_chunk;
	int flags = MSG_NOSIGNAL | MSG_DONTWAIT;
	ssize_t w;

	/* framing that data follows is corked (MSG_MORE) to go out in the
	 * data's segments, not in small ones of its own */
	if (o->prefix_off < o->prefix_len)
		w = send(e->fd, o->prefix + o->prefix_off, o->prefix_len - o->prefix_off,
			 flags | (o->data_left || chunks_follow ? MSG_MORE : 0));
	else if (data)
		w = send_data(e, o->data_left);
	else
		w = send(e->fd, o->suffix + o->suffix_off, o->suffix_len - o->suffix_off,
			 flags | (chunks_follow ? MSG_MORE : 0));
	if (w < 0) {
		if (errno != EAGAIN && errno != EINTR)
			http_fail_errno(e, "send", errno);
		return false;
	}
	sent(e, (size_t)w, data, now);
	if (o->prefix_off < o->prefix_len)
		o->prefix_off += (size_t)w;
	else if (o->data_left)
		o->data_left -= (uint64_t)w;
	else
		o->suffix_off += (size_t)w;
	return true;
}

/* All of the body (or head) is written: what comes next for this end. */
static void send_done(struct bb_http_end *e, uint64_t now)
{
	if (e->role == BB_HTTP_CLIENT && e->method == BB_HTTP_GET) {
		e->state = BB_HS_RECV_HEAD;
	} else if (e->role == BB_HTTP_SERVER && e->method == BB_HTTP_PUT) {
		e->t3 = now;	/* response handed to TCP */
		shutdown(e->fd, SHUT_WR);
		e->fin_sent_ns = now;
		e->state = BB_HS_DONE;
	} else {
		/* a body sender waits until the peer has ACKed it all */
		if (e->role == BB_HTTP_SERVER && !shutdown(e->fd, SHUT_WR))
			e->fin_sent_ns = now;
		e->state = BB_HS_DRAIN;
	}
}

static void do_send(struct bb_http_end *e, uint64_t now)
{
	bool head_pending = e->out.prefix_off < e->out.prefix_len;
	int i;

	for (i = 0; i < BB_HTTP_IO_ROUNDS && e->state == BB_HS_SEND; i++) {
		if (i)
			now = http_now();
		if (out_empty(&e->out)) {
			if (!e->chunked_out || e->last_chunk) {
				send_done(e, now);
				break;
			}
			next_chunk(e, now);
		}
		if (!write_out(e, now))
			break;
		/* GET server: T2 as the response head goes down to TCP */
		if (head_pending && e->out.prefix_off == e->out.prefix_len &&
		    e->role == BB_HTTP_SERVER && !e->t2)
			e->t2 = now;
		head_pending = e->out.prefix_off < e->out.prefix_len;
	}
	if (e->state == BB_HS_SEND && out_empty(&e->out) &&
	    (!e->chunked_out || e->last_chunk))
		send_done(e, now);
}

enum bb_http_state bb_http_tick(struct bb_http_end *e, uint64_t now)
{
	int outq = 0;

	if (e->state != BB_HS_DRAIN)
		return e->state;
	if (ioctl(e->fd, SIOCOUTQ, &outq) < 0) {
		http_fail_errno(e, "SIOCOUTQ", errno);
		return e->state;
	}
	if (outq > 0)
		return e->state;
	if (e->role == BB_HTTP_SERVER) {
		e->t3 = now;		/* GET: whole response ACKed */
		e->state = BB_HS_DONE;
	} else {
		e->t2 = now;		/* PUT: whole request ACKed */
		e->state = BB_HS_RECV_HEAD;
	}
	return e->state;
}

enum bb_http_state bb_http_io(struct bb_http_end *e, uint32_t events,
			      uint64_t now)
{
	int err = 0;
	socklen_t len = sizeof(err);

	if (e->state == BB_HS_CONNECTING) {
		if (!(events & (EPOLLOUT | EPOLLERR | EPOLLHUP)))
			return e->state;
		if (getsockopt(e->fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0)
			err = errno;
		if (err) {
			http_fail_errno(e, "connect", err);
			return e->state;
		}
		e->established_ns = now;
		client_request(e, now);
	}
	if (e->state == BB_HS_SEND && (events & (EPOLLOUT | EPOLLERR | EPOLLHUP))) {
		do_send(e, now);
		/* what follows happened after the writes: a GET server's T3
		 * (the peer's ACK, back while we wrote) is not its T2 */
		now = http_now();
	}
	if (e->state == BB_HS_DRAIN)
		bb_http_tick(e, now);
	if ((e->state == BB_HS_RECV_HEAD || e->state == BB_HS_RECV_BODY ||
	     e->state == BB_HS_DRAIN) && (events & (EPOLLIN | EPOLLERR | EPOLLHUP)))
		http_recv(e, now);
	if (e->state == BB_HS_SEND && (events & EPOLLERR) &&
	    !getsockopt(e->fd, SOL_SOCKET, SO_ERROR, &err, &len) && err)
		http_fail_errno(e, "send", err);
	return e->state;
}

uint32_t bb_http_want(const struct bb_http_end *e)
{
	switch (e->state) {
	case BB_HS_CONNECTING:
	case BB_HS_SEND:
		return EPOLLOUT;
	case BB_HS_DRAIN:	/* a PUT client reads the response early */
		return e->role == BB_HTTP_CLIENT ? EPOLLIN : 0;
	case BB_HS_RECV_HEAD:
	case BB_HS_RECV_BODY:
		return EPOLLIN;
	default:
		return 0;
	}
}

bool bb_http_draining(const struct bb_http_end *e)
{
	return e->state == BB_HS_DRAIN;
}
