// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* An HTTP flow's sockets on the two event loops (the server ends' thread
 * and the main one, http_flow.h says why): listen, accept, connect, and
 * the end of the session (finished, failed or cut). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "http_flow.h"
#include "http_srv.h"
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

/* The server ends' thread of f's run (NULL before it started). */
static struct bbd_http_srv *srv_of(const struct bbd_flow_run *f)
{
	return f->http->run->srv;
}

void bbd_http_lock(const struct bbd_flow_run *f)
{
	if (f->http && srv_of(f))
		pthread_mutex_lock(&srv_of(f)->lock);
}

void bbd_http_unlock(const struct bbd_flow_run *f)
{
	if (f->http && srv_of(f))
		pthread_mutex_unlock(&srv_of(f)->lock);
}

/* Lock held from here on, unless a function says otherwise. */

static void close_end(struct bbd_loop *l, struct bb_http_end *e, bool *open)
{
	if (!*open)
		return;
	bb_http_closing(e, bbd_now_tai());
	if (l)
		bbd_loop_close_on(l, &e->fd);
	else
		bbd_loop_close(&e->fd);
	*open = false;
}

static void close_all(struct bbd_flow_run *f)
{
	struct bbd_http_flow *h = f->http;
	struct bbd_loop *l = srv_of(f) ? srv_of(f)->loop : NULL;

	if (l)
		bbd_loop_close_on(l, &h->listen_fd);
	close_end(NULL, &h->client, &h->client_open);
	close_end(l, &h->server, &h->server_open);
}

/* Main thread, lock not held. */
void bbd_http_close(struct bbd_flow_run *f)
{
	if (!f->http)
		return;
	bbd_http_lock(f);
	close_all(f);
	bbd_http_unlock(f);
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
	close_all(f);
	h->finished = true;
	bbd_http_sample(f);	/* over_time up to the end, then no more */
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

/* Wait for what the end needs next (on l, or the main loop if NULL);
 * nothing once it only waits for ACKs or is over (a level-triggered FIN
 * would wake the loop for ever). */
static void watch(struct bbd_loop *l, struct bb_http_end *e, bool open)
{
	uint32_t want = bb_http_want(e);

	if (open && want && l)
		bbd_loop_mod_on(l, e->fd, want);
	else if (open && want)
		bbd_loop_mod(e->fd, want);
	else if (open && l)
		bbd_loop_del_on(l, e->fd);
	else if (open)
		bbd_loop_del(e->fd);
}

static bool over(enum bb_http_state st)
{
	return st == BB_HS_DONE || st == BB_HS_FAILED;
}

/* Main thread, lock not held: the client is the main thread's alone; the
 * server end is looked at (settle) only once the client is over. */
static void client_io(struct bbd_flow_run *f, uint32_t events)
{
	struct bbd_http_flow *h = f->http;

	bb_http_io(&h->client, events, bbd_now_tai());
	watch(NULL, &h->client, h->client_open);
	if (over(h->client.state)) {
		bbd_http_lock(f);
		settle(f);
		bbd_http_unlock(f);
	}
	if (!h->finished && bb_http_draining(&h->client))
		bbd_run_fast_tick(h->run);
}

static void on_client(int fd, uint32_t events, void *arg)
{
	(void)fd;
	client_io(arg, events);
}

/* Server thread: the lock is held by the loop. The main thread hears of
 * a state it acts on (drain: its 1 ms tick; done, failed: settle). */
static void on_server(int fd, uint32_t events, void *arg)
{
	struct bbd_flow_run *f = arg;
	struct bbd_http_flow *h = f->http;
	enum bb_http_state was = h->server.state;

	(void)fd;
	bb_http_io(&h->server, events, bbd_now_tai());
	watch(srv_of(f)->loop, &h->server, h->server_open);
	if (h->server.state != was &&
	    (bb_http_draining(&h->server) || over(h->server.state)))
		bbd_http_srv_news(srv_of(f));
}

/* Server thread. One connection per flow: the first is the flow's; the
 * listening socket closes then, so a stray second SYN is refused by the
 * kernel. */
static void on_listen(int fd, uint32_t events, void *arg)
{
	struct bbd_flow_run *f = arg;
	struct bbd_http_flow *h = f->http;
	const struct bb_scenario_http *c = &f->cfg->http;
	struct bbd_loop *l = srv_of(f)->loop;
	int s = accept4(fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);

	(void)events;
	if (s < 0)
		return;
	bb_http_server_init(&h->server, s, c->request_size, c->request_duration_s,
			    bbd_now_tai());
	if (is_get(f) && http_tcp_sender(s, f->cfg))
		bbd_log_err("flow %s: pacing: %s", f->cfg->name, strerror(errno));
	h->accepted = true;
	bbd_loop_close_on(l, &h->listen_fd);
	if (bbd_loop_add_on(l, s, EPOLLIN, on_server, f)) {
		close(s);
		h->server.fd = -1;
		bb_http_fail(&h->server, "too many sockets for the event loop");
		bbd_http_srv_news(srv_of(f));
		return;
	}
	h->server_open = true;
}

/* Main thread: the server thread said a server end moved on. */
static void on_news(int fd, uint32_t events, void *arg)
{
	struct bbd_run *r = arg;
	struct bbd_http_flow *h;
	unsigned int i;
	bool fast = false;

	(void)events;
	bbd_timer_read(fd);
	pthread_mutex_lock(&r->srv->lock);
	for (i = 0; i < r->plan.nflows; i++) {
		h = r->flows[i].http;
		if (!h || h->finished)
			continue;
		settle(&r->flows[i]);
		fast |= !h->finished && bb_http_draining(&h->server);
	}
	pthread_mutex_unlock(&r->srv->lock);
	if (fast)
		bbd_run_fast_tick(r);
}

static int listen_on(struct bbd_flow_run *f, char *err, size_t errlen)
{
	int fd = http_tcp_listen(server_port(f)->nsfd, server_ip(f), f->cfg, 4,
				 err, errlen);

	if (fd < 0)
		return fd;
	f->http->listen_fd = fd;
	return bbd_loop_add_on(srv_of(f)->loop, fd, EPOLLIN, on_listen, f);
}

/* Main thread, lock not held. */
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
	if (!r->srv && !(r->srv = bbd_http_srv_start(on_news, r))) {
		ret = -errno;
		snprintf(err, errlen, "HTTP server thread: %s", strerror(-ret));
		return ret;
	}
	ret = f->cfg->http.slow_start_threshold ? http_tcp_ssthresh(f, err, errlen) : 0;
	if (!ret) {
		bbd_http_lock(f);
		ret = listen_on(f, err, errlen);
		bbd_http_unlock(f);
	}
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

/* Main thread, lock not held. */
static void start_client(struct bbd_run *r, struct bbd_flow_run *f)
{
	struct bbd_http_flow *h = f->http;
	char err[160];

	(void)r;
	h->started = true;
	h->last_progress_mono = bbd_now_mono();
	h->last_sample_tai = bbd_now_tai();
	if (connect_client(f, err, sizeof(err))) {
		bbd_http_lock(f);
		snprintf(h->why, sizeof(h->why), "client: %s", err);
		end_session(f);
		bbd_http_unlock(f);
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

/* The server end waits for its last ACK: the main thread's 1 ms tick
 * asks for it (no socket event announces it). */
static void server_drain(struct bbd_flow_run *f)
{
	struct bbd_http_flow *h = f->http;

	bb_http_io(&h->server, 0, bbd_now_tai());
	watch(srv_of(f)->loop, &h->server, h->server_open);
	settle(f);
}

static void cut(struct bbd_flow_run *f, const char *why)
{
	struct bbd_http_flow *h = f->http;

	if (h->finished)
		return;
	h->cut = true;
	snprintf(h->why, sizeof(h->why), "%s", why);
	bb_http_fail(&h->client, why);
	if (h->accepted)
		bb_http_fail(&h->server, why);
	end_session(f);
}

/* Main thread, lock not held. A client waiting to start wants the 1 ms
 * tick (it starts on time); one connecting does not (the connect's end
 * comes as EPOLLOUT); ends waiting for their last ACK do. */
bool bbd_http_tick(struct bbd_run *r, struct bbd_flow_run *f)
{
	struct bbd_http_flow *h = f->http;
	uint64_t now = bbd_now_mono(), m;
	bool fast;

	if (!h || h->finished)
		return false;
	if (!h->started) {
		if (now >= r->traffic_mono + f->cfg->delay_ns)
			start_client(r, f);
		return !h->started;
	}
	if (bb_http_draining(&h->client))
		client_io(f, 0);
	bbd_http_lock(f);
	if (!h->finished && bb_http_draining(&h->server))
		server_drain(f);
	m = moved(h);
	if (m != h->last_moved) {
		h->last_moved = m;
		h->last_progress_mono = now;
	} else if (!h->finished && now - h->last_progress_mono > STALL_NS) {
		cut(f, "no byte moved for 15 s (link down?)");
	}
	fast = !h->finished && (bb_http_draining(&h->client) ||
				bb_http_draining(&h->server));
	bbd_http_unlock(f);
	return fast;
}

/* Main thread, lock not held. */
void bbd_http_cut(struct bbd_flow_run *f, const char *why)
{
	if (!f->http || f->http->finished)
		return;
	bbd_http_lock(f);
	cut(f, why);
	bbd_http_unlock(f);
}

/* Main thread: finished is the main thread's own. */
bool bbd_http_done(const struct bbd_flow_run *f)
{
	return f->http && f->http->finished;
}
