// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * bbctl http get URL / bbctl http serve: bb's HTTP test engine
 * (lib/http_session.h, the one bbd's http flows run) on its own, against
 * any server or client: a quick probe of a web server's T1/T2/T3 and
 * goodput, and the proof that bb speaks real HTTP (tests/vm/63-http.bats
 * runs it against python3's http.server and curl). Run it in a namespace
 * with ip netns exec.
 */
#include <errno.h>
#include <netdb.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "bbctl.h"
#include "http_session.h"
#include "print.h"

#define SERVE_SIZE_DFLT	1000000
#define SESSION_MAX_MS	600000

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_TAI, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

/* Drive one end until it is done or failed: 1 ms polls while it waits
 * for the peer's last ACK, which no socket event announces. */
static void drive(struct bb_http_end *e)
{
	uint64_t start = now_ns();
	struct pollfd p = { .fd = e->fd };

	while (e->state != BB_HS_DONE && e->state != BB_HS_FAILED) {
		p.events = (short)bb_http_want(e);
		if (poll(&p, 1, bb_http_draining(e) ? 1 : 1000) < 0 && errno != EINTR) {
			bb_http_fail(e, strerror(errno));
			break;
		}
		bb_http_io(e, (uint32_t)p.revents, now_ns());
		if (now_ns() - start > SESSION_MAX_MS * 1000000ull)
			bb_http_fail(e, "no end after 600 s");
	}
}

static void print_end(const struct bb_http_end *e)
{
	pr_string(PR_ANY, "state", "%s", bb_http_state_name(e->state));
	if (e->status)
		pr_uint(PR_ANY, "http_status", "status %u", e->status);
	pr_u64(PR_ANY, "tx_bytes", "tx %llu", e->tx_bytes);
	pr_u64(PR_ANY, "rx_bytes", "rx %llu", e->rx_bytes);
	pr_u64(PR_ANY, "tx_payload_bytes", "tx-payload %llu", e->tx_payload);
	pr_u64(PR_ANY, "rx_payload_bytes", "rx-payload %llu", e->rx_payload);
	pr_u64(PR_ANY, "t1_ns", "t1 %llu", e->t1);
	pr_u64(PR_ANY, "t2_ns", "t2 %llu", e->t2);
	pr_u64(PR_ANY, "t3_ns", "t3 %llu", e->t3);
	if (e->err[0])
		pr_string(PR_ANY, "error", "error \"%s\"", e->err);
	pr_string(PR_TEXT, NULL, "%s", "\n");
}

/* Run the session to its end, close it, print it. */
static void session(struct bb_http_end *e)
{
	drive(e);
	bb_http_closing(e, now_ns());
	close(e->fd);
	pr_open_object();
	print_end(e);
	pr_close_object();
}

/* http://HOST[:PORT]/PATH, HOST a name, an IPv4 or an [IPv6]. */
static int parse_url(const char *url, char *host, size_t hlen, char *port,
		     const char **path)
{
	const char *h, *end, *colon;
	size_t n;

	if (strncmp(url, "http://", 7))
		return usage_err("http get: URL: \"%s\" must start with http://", url);
	h = url + 7;
	*path = strchr(h, '/');
	end = *path ? *path : h + strlen(h);
	colon = *h == '[' ? memchr(h, ']', (size_t)(end - h)) : h;
	colon = colon ? memchr(colon, ':', (size_t)(end - colon)) : NULL;
	n = (size_t)((colon ? colon : end) - h);
	if (*h == '[' && n >= 2)
		h++, n -= 2;
	if (!n || n >= hlen || (colon && (end - colon < 2 || end - colon > 6)))
		return usage_err("http get: URL: \"%s\" has no usable host and port", url);
	memcpy(host, h, n);
	host[n] = '\0';
	snprintf(port, 8, "%.*s", colon ? (int)(end - colon - 1) : 2,
		 colon ? colon + 1 : "80");
	if (!*path)
		*path = "/";
	return 0;
}

static int connect_to(const char *host, const char *port)
{
	struct addrinfo hints = { .ai_socktype = SOCK_STREAM }, *ai;
	int fd, ret = getaddrinfo(host, port, &hints, &ai);

	if (ret) {
		fprintf(stderr, "bbctl: http get: %s: %s\n", host, gai_strerror(ret));
		return -1;
	}
	fd = socket(ai->ai_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd >= 0 && connect(fd, ai->ai_addr, ai->ai_addrlen) && errno != EINPROGRESS) {
		fprintf(stderr, "bbctl: http get: connect: %s\n", strerror(errno));
		close(fd);
		fd = -1;
	}
	freeaddrinfo(ai);
	return fd;
}

static int http_get(int argc, char **argv)
{
	char host[256], port[8], hosthdr[300];
	struct bb_http_end e;
	const char *path = "/";
	int fd, ret;

	if (argc != 1)
		return usage_err("http get: expected one URL");
	ret = parse_url(argv[0], host, sizeof(host), port, &path);
	if (ret)
		return ret;
	snprintf(hosthdr, sizeof(hosthdr), strchr(host, ':') ? "[%s]:%s" : "%s:%s", host, port);
	fd = connect_to(host, port);
	if (fd < 0)
		return EXIT_KERNEL;
	bb_http_client_init(&e, fd, BB_HTTP_GET, 0, 0, hosthdr, path, now_ns());
	session(&e);
	pr_flush();
	return e.state == BB_HS_DONE ? EXIT_OK : EXIT_KERNEL;
}

static int listen_on(const char *addr, const char *port)
{
	struct addrinfo hints = { .ai_socktype = SOCK_STREAM, .ai_flags = AI_PASSIVE }, *ai;
	int fd, one = 1, ret = getaddrinfo(addr, port, &hints, &ai);

	if (ret) {
		fprintf(stderr, "bbctl: http serve: %s: %s\n", addr ? addr : "*", gai_strerror(ret));
		return -1;
	}
	fd = socket(ai->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd >= 0 && (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) ||
			bind(fd, ai->ai_addr, ai->ai_addrlen) || listen(fd, 8))) {
		fprintf(stderr, "bbctl: http serve: port %s: %s\n", port, strerror(errno));
		close(fd);
		fd = -1;
	}
	freeaddrinfo(ai);
	return fd;
}

/* Serve count sessions one after the other; a GET whose target names
 * no size= or duration= gets size bytes. */
static int http_serve(int argc, char **argv)
{
	static const struct arg_spec spec[] = {
		ARG("port", "PORT", false), ARG("address", "ADDR", false),
		ARG("count", "N", false), ARG("size", "BYTES", false), { 0 },
	};
	const char *v[5] = { 0 };
	uint64_t count = 1, size = SERVE_SIZE_DFLT, i;
	struct bb_http_end e;
	int lfd, fd, ret = args_collect("http serve", argc, argv, spec, v);

	if (!ret && v[2])
		ret = arg_uint("count", v[2], 1, 1000000, &count);
	if (!ret && v[3])
		ret = arg_uint("size", v[3], 1, 1ull << 48, &size);
	if (ret)
		return ret;
	lfd = listen_on(v[1], v[0] ? v[0] : "8080");
	if (lfd < 0)
		return EXIT_KERNEL;
	pr_open_array();
	for (i = 0; i < count; i++) {
		fd = accept4(lfd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
		if (fd < 0)
			break;
		bb_http_server_init(&e, fd, size, 0, now_ns());
		session(&e);
	}
	pr_close_array();
	pr_flush();
	close(lfd);
	return i == count ? EXIT_OK : EXIT_KERNEL;
}

static const struct cmd http_cmds[] = {
	{ "get", http_get, false },
	{ "serve", http_serve, false },
	{ 0 },
};

const struct object http_object = {
	.name = "http",
	.cmds = http_cmds,
	.usage = "bbctl http get URL [-j]\n"
		 "       bbctl http serve [port PORT] [address ADDR] [count N] [size BYTES] [-j]\n",
};
