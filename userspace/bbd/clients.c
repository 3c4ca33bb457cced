// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* bbd's socket clients: lines in, a bounded queue out (clients.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "bbd_request.h"
#include "clients.h"
#include "loop.h"

#define NS_PER_S	1000000000ull

struct bbd_client {
	int fd;
	bool keep;
	struct bbd_lines in;	/* request lines being read */
	char *out;		/* answers not yet sent: out[out_off..out_len) */
	size_t out_len, out_off, out_cap;
	uint64_t active_mono;	/* last byte read or written */
	struct bbd_peer peer;
};

static struct bbd_client clients[BBD_CLIENTS_MAX];
static const struct bbd_clients_ops *ops;
static uint64_t idle_ns;
static int idle_timer = -1;

static void client_free(struct bbd_client *c)
{
	bbd_lines_free(&c->in);
	free(c->out);
	memset(c, 0, sizeof(*c));
	c->fd = -1;
}

void bbd_client_close(struct bbd_client *c)
{
	if (c->fd < 0)
		return;
	bbd_loop_del(c->fd);
	close(c->fd);
	c->fd = -1;
	if (ops)
		ops->gone(c);
	client_free(c);
}

const struct bbd_peer *bbd_client_peer(const struct bbd_client *c)
{
	return &c->peer;
}

bool bbd_client_is_open(const struct bbd_client *c)
{
	return c && c->fd >= 0;
}

void bbd_client_keep(struct bbd_client *c, bool keep)
{
	c->keep = keep;
	c->active_mono = bbd_now_mono();
}

/* Send what the socket takes; wait for EPOLLOUT while some is left. */
static void flush(struct bbd_client *c)
{
	ssize_t n;

	while (c->out_off < c->out_len) {
		n = send(c->fd, c->out + c->out_off, c->out_len - c->out_off,
			 MSG_NOSIGNAL | MSG_DONTWAIT);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			break;
		if (n <= 0)
			return bbd_client_close(c);
		c->out_off += (size_t)n;
		c->active_mono = bbd_now_mono();
	}
	if (c->out_off == c->out_len)
		c->out_off = c->out_len = 0;
	bbd_loop_mod(c->fd, c->out_len ? EPOLLIN | EPOLLOUT : EPOLLIN);
}

void bbd_client_send(struct bbd_client *c, json_t *o)
{
	char *s, *p;
	size_t len;

	if (!bbd_client_is_open(c))
		return;
	/* it does not read its answers: drop it, never wait for it */
	if (c->out_len - c->out_off > BBD_CLIENT_QUEUE_MAX)
		return bbd_client_close(c);
	s = bbd_frame(o, &len);
	if (!s)
		return;
	if (c->out_off) {	/* move the unsent part to the front */
		memmove(c->out, c->out + c->out_off, c->out_len - c->out_off);
		c->out_len -= c->out_off;
		c->out_off = 0;
	}
	if (c->out_len + len > c->out_cap) {	/* grow by doubling */
		size_t cap = c->out_cap ? c->out_cap : 4096;

		while (cap < c->out_len + len)
			cap *= 2;
		p = realloc(c->out, cap);
		if (!p) {
			free(s);
			return bbd_client_close(c);
		}
		c->out = p;
		c->out_cap = cap;
	}
	memcpy(c->out + c->out_len, s, len);
	c->out_len += len;
	free(s);
	flush(c);
}

static void read_lines(struct bbd_client *c)
{
	char tmp[65536], *line;
	ssize_t n = recv(c->fd, tmp, sizeof(tmp), MSG_DONTWAIT);

	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return;
	if (n <= 0 || bbd_lines_add(&c->in, tmp, (size_t)n, BBD_REQUEST_LINE_MAX))
		return bbd_client_close(c);
	c->active_mono = bbd_now_mono();
	while ((line = bbd_lines_next(&c->in))) {
		ops->line(c, line);
		if (c->fd < 0)
			return;	/* closed (and freed) by the answer */
	}
}

static void on_client(int fd, uint32_t events, void *arg)
{
	struct bbd_client *c = arg;

	(void)fd;
	if (events & EPOLLOUT)
		flush(c);
	if (c->fd >= 0 && (events & (EPOLLIN | EPOLLHUP | EPOLLERR)))
		read_lines(c);
}

static bool idle(const struct bbd_client *c, uint64_t now)
{
	return c->fd >= 0 && !c->keep && now - c->active_mono > idle_ns;
}

static void on_idle_timer(int fd, uint32_t events, void *arg)
{
	uint64_t now = bbd_now_mono();
	int i;

	(void)events;
	(void)arg;
	bbd_timer_read(fd);
	for (i = 0; i < BBD_CLIENTS_MAX; i++)
		if (idle(&clients[i], now))
			bbd_client_close(&clients[i]);
}

/* A free slot, or the slot of the longest idle client that is not kept
 * (closed for the newcomer), or NULL when every client is kept. */
static struct bbd_client *slot(void)
{
	struct bbd_client *oldest = NULL;
	int i;

	for (i = 0; i < BBD_CLIENTS_MAX; i++) {
		if (clients[i].fd < 0)
			return &clients[i];
		if (!clients[i].keep &&
		    (!oldest || clients[i].active_mono < oldest->active_mono))
			oldest = &clients[i];
	}
	if (oldest)
		bbd_client_close(oldest);
	return oldest;
}

static void on_accept(int fd, uint32_t events, void *arg)
{
	int cfd = accept4(fd, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);
	struct bbd_client *c;

	(void)events;
	(void)arg;
	if (cfd < 0)
		return;
	c = slot();
	if (!c || bbd_loop_add(cfd, EPOLLIN, on_client, c)) {
		close(cfd);
		return;
	}
	c->fd = cfd;
	c->active_mono = bbd_now_mono();
	bbd_peer_read(cfd, &c->peer);	/* unknown: treated as bbd itself */
}

int bbd_clients_start(int listen_fd, unsigned int idle_s,
		      const struct bbd_clients_ops *o)
{
	int i, ret;

	ops = o;
	idle_ns = (uint64_t)idle_s * NS_PER_S;
	for (i = 0; i < BBD_CLIENTS_MAX; i++)
		client_free(&clients[i]);
	idle_timer = bbd_timer_new(idle_s < 4 ? 250 : 1000);
	if (idle_timer < 0)
		return idle_timer;
	ret = bbd_loop_add(idle_timer, EPOLLIN, on_idle_timer, NULL);
	if (!ret)
		ret = bbd_loop_add(listen_fd, EPOLLIN, on_accept, NULL);
	return ret;
}

void bbd_clients_close(void)
{
	int i;

	for (i = 0; i < BBD_CLIENTS_MAX; i++)
		bbd_client_close(&clients[i]);
	bbd_loop_close(&idle_timer);
}
