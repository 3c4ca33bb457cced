// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * A video flow: the player on the destination fetches segment after
 * segment (one HTTP GET of segment_size bytes per connection) from the
 * server on the source whenever its buffer has room, into the play-out
 * model of lib/video_buffer.h, for the flow's duration (or until the run
 * is cut). The same HTTP engine as http flows, on the same event loop.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "http_tcp.h"
#include "log.h"
#include "loop.h"
#include "run.h"
#include "video_flow.h"

/* No byte of a requested segment for this long: the session failed. */
#define STALL_NS	15000000000ull
#define NS_PER_S	1000000000ull

static void span(uint64_t *first, uint64_t *last, uint64_t a, uint64_t b)
{
	if (a && (!*first || a < *first))
		*first = a;
	if (b > *last)
		*last = b;
}

/* A segment's ends, folded into the flow's totals as they close (the
 * record and the aggregate see the video as one GET, first to last byte). */
static void close_client(struct bbd_video_flow *v)
{
	if (v->client.fd < 0)
		return;
	v->rx_total += v->client.rx_payload;
	span(&v->first_rx, &v->last_rx, v->client.first_rx, v->client.last_rx);
	bbd_loop_close(&v->client.fd);
}

static void close_server(struct bbd_video_flow *v, struct bb_http_end *e)
{
	if (e->fd < 0)
		return;
	v->tx_total += e->tx_payload;
	span(&v->first_tx, &v->last_tx, e->first_tx, e->last_tx);
	bbd_loop_close(&e->fd);
}

void bbd_video_close(struct bbd_flow_run *f)
{
	struct bbd_video_flow *v = f->video;
	int i;

	if (!v)
		return;
	bbd_loop_close(&v->listen_fd);
	close_client(v);
	for (i = 0; i < BBD_VIDEO_SERVERS; i++)
		close_server(v, &v->server[i].end);
}

static void finish(struct bbd_flow_run *f, const char *why)
{
	struct bbd_video_flow *v = f->video;

	if (v->finished)
		return;
	bb_video_update(&v->buf, bbd_now_tai());
	if (why && !v->why[0])
		snprintf(v->why, sizeof(v->why), "%s", why);
	bbd_video_close(f);
	v->finished = true;
	bbd_video_poll(NULL, f);	/* over_time up to the end, then no more */
}

static void on_server(int fd, uint32_t events, void *arg)
{
	struct bbd_video_server *s = arg;
	uint32_t want;

	(void)fd;
	bb_http_io(&s->end, events, bbd_now_tai());
	want = bb_http_want(&s->end);
	if (s->end.state == BB_HS_DONE || s->end.state == BB_HS_FAILED)
		close_server(s->video, &s->end);
	else if (want)
		bbd_loop_mod(s->end.fd, want);
	else
		bbd_loop_del(s->end.fd);	/* waits for the ACK: the tick polls */
}

/* Each segment is a connection of its own; a free slot serves it. */
static void on_listen(int fd, uint32_t events, void *arg)
{
	struct bbd_flow_run *f = arg;
	struct bbd_video_flow *v = f->video;
	int s = accept4(fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC), i;

	(void)events;
	if (s < 0)
		return;
	for (i = 0; i < BBD_VIDEO_SERVERS && v->server[i].end.fd >= 0; i++)
		;
	if (i == BBD_VIDEO_SERVERS || bbd_loop_add(s, EPOLLIN, on_server, &v->server[i])) {
		close(s);
		return;
	}
	bb_http_server_init(&v->server[i].end, s, f->cfg->http.request_size, 0,
			    bbd_now_tai());
}

int bbd_video_add(struct bbd_run *r, struct bbd_flow_run *f, char *err,
		  size_t errlen)
{
	struct bbd_video_flow *v = calloc(1, sizeof(*v));
	int fd, i;

	(void)r;
	if (!v)
		return -ENOMEM;
	f->video = v;
	v->model = (struct bb_video_cfg){
		.segment_size = f->cfg->video.segment_size,
		.segment_duration_s = f->cfg->video.segment_duration_s,
		.buffering_goal_s = f->cfg->video.buffering_goal_s,
		.play_goal_s = f->cfg->video.play_goal_s,
	};
	v->client.fd = -1;
	for (i = 0; i < BBD_VIDEO_SERVERS; i++) {
		v->server[i].end.fd = -1;
		v->server[i].video = v;
	}
	if (f->cfg->http.slow_start_threshold && (fd = http_tcp_ssthresh(f, err, errlen)))
		return fd;
	fd = http_tcp_listen(f->src->nsfd, f->sip, f->cfg, 8, err, errlen);
	v->listen_fd = fd;
	if (fd < 0)
		return fd;
	return bbd_loop_add(fd, EPOLLIN, on_listen, f);
}

static void on_client(int fd, uint32_t events, void *arg);

/* The next segment: a new connection and a GET. */
static void request(struct bbd_flow_run *f)
{
	struct bbd_video_flow *v = f->video;
	char host[80], target[64], err[160];
	uint64_t t1 = bbd_now_tai();
	int fd = http_tcp_connect(f->dst->nsfd, f->dip, f->sip, f->cfg, false, host,
				  sizeof(host), err, sizeof(err));

	if (fd < 0 || bbd_loop_add(fd, EPOLLOUT, on_client, f)) {
		if (fd >= 0)
			close(fd);
		finish(f, fd < 0 ? err : "too many sockets for the event loop");
		return;
	}
	snprintf(target, sizeof(target), "/bb?size=%llu",
		 (unsigned long long)f->cfg->http.request_size);
	bb_http_client_init(&v->client, fd, BB_HTTP_GET, f->cfg->http.request_size, 0,
			    host, target, t1);
	v->last_progress_mono = bbd_now_mono();
}

static void on_client(int fd, uint32_t events, void *arg)
{
	struct bbd_flow_run *f = arg;
	struct bbd_video_flow *v = f->video;
	uint64_t now = bbd_now_tai();
	char why[200];

	(void)fd;
	bb_http_io(&v->client, events, now);
	if (v->client.state == BB_HS_DONE) {
		close_client(v);
		bb_video_segment(&v->buf, now);
	} else if (v->client.state == BB_HS_FAILED) {
		snprintf(why, sizeof(why), "segment %llu: %s",
			 (unsigned long long)v->buf.segments + 1, v->client.err);
		finish(f, why);
	} else {
		bbd_loop_mod(v->client.fd, bb_http_want(&v->client));
	}
}

static void video_tick(struct bbd_run *r, struct bbd_flow_run *f);

static void drain_servers(struct bbd_video_flow *v)
{
	int i;

	for (i = 0; i < BBD_VIDEO_SERVERS; i++)
		if (v->server[i].end.fd >= 0 && bb_http_draining(&v->server[i].end) &&
		    bb_http_tick(&v->server[i].end, bbd_now_tai()) != BB_HS_DRAIN)
			close_server(v, &v->server[i].end);
}

bool bbd_video_tick(struct bbd_run *r, struct bbd_flow_run *f)
{
	struct bbd_video_flow *v = f->video;

	if (!v || v->finished)
		return false;
	video_tick(r, f);
	return !v->finished;
}

static void video_tick(struct bbd_run *r, struct bbd_flow_run *f)
{
	struct bbd_video_flow *v = f->video;
	uint64_t mono = bbd_now_mono(), now = bbd_now_tai();

	if (!v->started) {
		if (mono < r->traffic_mono + f->cfg->delay_ns)
			return;
		v->started = true;
		v->start_mono = mono;
		v->last_sample_tai = now;
		bb_video_init(&v->buf, &v->model, now);
	}
	drain_servers(v);
	bb_video_update(&v->buf, now);
	if (f->cfg->duration_ns && mono - v->start_mono >= f->cfg->duration_ns) {
		finish(f, NULL);	/* played for its duration: the end */
		return;
	}
	if (v->client.fd < 0 && bb_video_wants(&v->buf)) {
		request(f);
		return;
	}
	if (v->client.fd >= 0 && v->client.rx_bytes + v->client.tx_bytes != v->last_moved) {
		v->last_moved = v->client.rx_bytes + v->client.tx_bytes;
		v->last_progress_mono = mono;
	} else if (v->client.fd >= 0 && mono - v->last_progress_mono > STALL_NS) {
		finish(f, "no byte of the segment moved for 15 s (link down?)");
	}
}

void bbd_video_cut(struct bbd_flow_run *f, const char *why)
{
	/* a video plays until it is stopped: the cut is its normal end,
	 * unless it was given a duration it did not reach */
	if (f->video && !f->video->finished)
		finish(f, f->cfg->duration_ns ? why : NULL);
}

bool bbd_video_done(const struct bbd_flow_run *f)
{
	return f->video && f->video->finished;
}
