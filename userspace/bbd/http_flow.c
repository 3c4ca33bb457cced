// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* An HTTP flow's sockets on the event loop: listen, accept, connect, and
 * the end of the session (finished, failed or cut). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "http_flow.h"
#include "http_tcp.h"
#include "log.h"
#include "loop.h"
#include "netns.h"
#include "run.h"

/* No byte moved for this long: the session is given up (a link cut). */
#define STALL_NS	15000000000ull

static bool is_get(const struct bbd_flow_run *f)
{
	return f->cfg->http.method == BB_HTTP_GET;
}

static struct bbd_port *server_port(const struct bbd_flow_run *f)
{
	return is_get(f) ? f->src : f->dst;
}

static struct bbd_port *client_port(const struct bbd_flow_run *f)
{
	return is_get(f) ? f->dst : f->src;
}

static const struct bb_ip *server_ip(const struct bbd_flow_run *f)
{
	return is_get(f) ? f->sip : f->dip;
}

static const struct bb_ip *client_ip(const struct bbd_flow_run *f)
{
	return is_get(f) ? f->dip : f->sip;
}

/* The end that sends the data: its TCP_INFO is the flow's. */
static struct bb_http_end *sender(struct bbd_flow_run *f)
{
	return is_get(f) ? &f->http->server : &f->http->client;
}

static void close_end(struct bb_http_end *e, bool *open)
{
	if (!*open)
		return;
	bb_http_closing(e, bbd_now_tai());
	bbd_loop_close(&e->fd);
	*open = false;
}

void bbd_http_close(struct bbd_flow_run *f)
{
	struct bbd_http_flow *h = f->http;

	if (!h)
		return;
	bbd_loop_close(&h->listen_fd);
	close_end(&h->client, &h->client_open);
	close_end(&h->server, &h->server_open);
}

/* The session is over: last TCP_INFO, the offered window scales, close. */
static void end_session(struct bbd_flow_run *f)
{
	struct bbd_http_flow *h = f->http;
	struct bb_http_end *s = sender(f);

	if (h->finished)
		return;
	if (is_get(f) ? h->server_open : h->client_open)
		http_tcp_sample(s->fd, &h->tcp);
	if (h->server_open)
		h->tcp.srv_rcv_wscale = http_tcp_rcv_wscale(h->server.fd);
	if (h->client_open)
		h->tcp.cli_rcv_wscale = http_tcp_rcv_wscale(h->client.fd);
	bbd_http_close(f);
	h->finished = true;
	bbd_http_poll(h->run, f);	/* over_time up to the end, then no more */
}

/* After any event: a failed end fails the flow; two done ends finish it. */
static void settle(struct bbd_flow_run *f)
{
	struct bbd_http_flow *h = f->http;

	if (h->finished)
		return;
	if (h->client.state == BB_HS_FAILED && !h->why[0])
		snprintf(h->why, sizeof(h->why), "client: %s", h->client.err);
	else if (h->accepted && h->server.state == BB_HS_FAILED && !h->why[0])
		snprintf(h->why, sizeof(h->why), "server: %s", h->server.err);
	if (h->why[0] || (h->client.state == BB_HS_DONE && h->accepted &&
			  h->server.state == BB_HS_DONE))
		end_session(f);
}

/* Wait for what the end needs next; nothing once it only waits for ACKs
 * or is over (a level-triggered FIN would wake the loop for ever). */
static void watch(struct bb_http_end *e, bool open)
{
	uint32_t want = bb_http_want(e);

	if (open && want)
		bbd_loop_mod(e->fd, want);
	else if (open)
		bbd_loop_del(e->fd);
}

static void on_end(struct bbd_flow_run *f, struct bb_http_end *e, bool open,
		   uint32_t events)
{
	bb_http_io(e, events, bbd_now_tai());
	watch(e, open);
	settle(f);
	if (bb_http_draining(e))
		bbd_run_fast_tick(f->http->run);
}

static void on_client(int fd, uint32_t events, void *arg)
{
	struct bbd_flow_run *f = arg;

	(void)fd;
	on_end(f, &f->http->client, f->http->client_open, events);
}

static void on_server(int fd, uint32_t events, void *arg)
{
	struct bbd_flow_run *f = arg;

	(void)fd;
	on_end(f, &f->http->server, f->http->server_open, events);
}

/* One connection per flow: the first is the flow's; the listening
 * socket closes then, so a stray second SYN is refused by the kernel. */
static void on_listen(int fd, uint32_t events, void *arg)
{
	struct bbd_flow_run *f = arg;
	struct bbd_http_flow *h = f->http;
	const struct bb_scenario_http *c = &f->cfg->http;
	int s = accept4(fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);

	(void)events;
	if (s < 0)
		return;
	bb_http_server_init(&h->server, s, c->request_size, c->request_duration_s,
			    bbd_now_tai());
	if (is_get(f) && http_tcp_sender(s, f->cfg))
		bbd_log_err("flow %s: pacing: %s", f->cfg->name, strerror(errno));
	if (bbd_loop_add(s, EPOLLIN, on_server, f)) {
		close(s);
		snprintf(h->why, sizeof(h->why), "server: too many sockets for the event loop");
		end_session(f);
		return;
	}
	h->accepted = h->server_open = true;
	bbd_loop_close(&h->listen_fd);
}

static int listen_on(struct bbd_flow_run *f, char *err, size_t errlen)
{
	int fd = http_tcp_listen(server_port(f)->nsfd, server_ip(f), f->cfg, 4,
				 err, errlen);

	if (fd < 0)
		return fd;
	f->http->listen_fd = fd;
	return bbd_loop_add(fd, EPOLLIN, on_listen, f);
}

int bbd_http_add(struct bbd_run *r, struct bbd_flow_run *f, char *err,
		 size_t errlen)
{
	struct bbd_http_flow *h = calloc(1, sizeof(*h));
	int ret;

	if (!h)
		return -ENOMEM;
	h->listen_fd = h->client.fd = h->server.fd = -1;
	h->run = r;
	f->http = h;
	ret = f->cfg->http.slow_start_threshold ? http_tcp_ssthresh(f, err, errlen) : 0;
	if (!ret)
		ret = listen_on(f, err, errlen);
	if (!ret && f->cfg->http.ecn && (ret = http_tcp_ecn_on(client_port(f)->nsfd)))
		snprintf(err, errlen, "net.ipv4.tcp_ecn in %s: %s",
			 client_port(f)->cfg->name, strerror(-ret));
	return ret;
}

static void request_target(const struct bb_scenario_http *c, char *t, size_t len)
{
	if (c->request_size)
		snprintf(t, len, "/bb?size=%llu", (unsigned long long)c->request_size);
	else
		snprintf(t, len, "/bb?duration=%.3f", c->request_duration_s);
}

static int connect_client(struct bbd_flow_run *f, char *err, size_t errlen)
{
	struct bbd_http_flow *h = f->http;
	const struct bb_scenario_http *c = &f->cfg->http;
	char host[80], target[64];
	uint64_t t1 = bbd_now_tai();	/* T1: before connect() */
	int fd = http_tcp_connect(client_port(f)->nsfd, client_ip(f), server_ip(f),
				  f->cfg, !is_get(f), host, sizeof(host), err, errlen);

	if (fd < 0)
		return fd;
	request_target(c, target, sizeof(target));
	bb_http_client_init(&h->client, fd, c->method, c->request_size,
			    c->request_duration_s, host, target, t1);
	h->client_open = true;
	if (bbd_loop_add(fd, EPOLLOUT, on_client, f)) {
		snprintf(err, errlen, "too many sockets for the event loop");
		return -EMFILE;
	}
	return 0;
}

static void start_client(struct bbd_run *r, struct bbd_flow_run *f)
{
	struct bbd_http_flow *h = f->http;
	char err[160];

	(void)r;
	h->started = true;
	h->last_progress_mono = bbd_now_mono();
	h->last_sample_tai = bbd_now_tai();
	if (connect_client(f, err, sizeof(err))) {
		snprintf(h->why, sizeof(h->why), "client: %s", err);
		end_session(f);
	}
}

/* Bytes moved by either end: progress for the stall check. Bytes only:
 * a session waiting in DRAIN for an ACK that never comes (a cut link)
 * moves none and is given up like any other stalled one. */
static uint64_t moved(const struct bbd_http_flow *h)
{
	return h->client.tx_bytes + h->client.rx_bytes + h->server.tx_bytes +
	       h->server.rx_bytes;
}

/* A client waiting to start wants the 1 ms tick (it starts on time); one
 * connecting does not (the connect's end comes as EPOLLOUT); ends waiting
 * for their last ACK do. */
bool bbd_http_tick(struct bbd_run *r, struct bbd_flow_run *f)
{
	struct bbd_http_flow *h = f->http;
	uint64_t now = bbd_now_mono(), m;

	if (!h || h->finished)
		return false;
	if (!h->started) {
		if (now >= r->traffic_mono + f->cfg->delay_ns)
			start_client(r, f);
		return !h->started;
	}
	if (bb_http_draining(&h->client))
		on_end(f, &h->client, h->client_open, 0);
	if (bb_http_draining(&h->server))
		on_end(f, &h->server, h->server_open, 0);
	m = moved(h);
	if (m != h->last_moved) {
		h->last_moved = m;
		h->last_progress_mono = now;
	} else if (!h->finished && now - h->last_progress_mono > STALL_NS) {
		bbd_http_cut(f, "no byte moved for 15 s (link down?)");
	}
	return !h->finished && (bb_http_draining(&h->client) || bb_http_draining(&h->server));
}

void bbd_http_cut(struct bbd_flow_run *f, const char *why)
{
	struct bbd_http_flow *h = f->http;

	if (!h || h->finished)
		return;
	h->cut = true;
	snprintf(h->why, sizeof(h->why), "%s", why);
	bb_http_fail(&h->client, why);
	if (h->accepted)
		bb_http_fail(&h->server, why);
	end_session(f);
}

bool bbd_http_done(const struct bbd_flow_run *f)
{
	return f->http && f->http->finished;
}
