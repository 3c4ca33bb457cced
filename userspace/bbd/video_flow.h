/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * A video flow of a run (video_flow.c): segments over HTTP into a
 * player's buffer model; its record and progress (video_record.c).
 */
#ifndef BBD_VIDEO_FLOW_H
#define BBD_VIDEO_FLOW_H

#include <stdbool.h>
#include <stdint.h>

#include <jansson.h>

#include "http_session.h"
#include "video_buffer.h"

struct bbd_run;
struct bbd_flow_run;

/* Server ends at once: a segment's server may still wait for its last
 * ACK when the next segment's connection arrives. */
#define BBD_VIDEO_SERVERS	4

struct bbd_video_flow;

struct bbd_video_server {
	struct bb_http_end end;		/* fd -1 when free */
	struct bbd_video_flow *video;
};

struct bbd_video_flow {
	int listen_fd;
	struct bb_http_end client;	/* the segment being fetched; fd -1 if none */
	struct bbd_video_server server[BBD_VIDEO_SERVERS];
	struct bb_video_cfg model;
	struct bb_video_buffer buf;
	bool started, finished, final_sampled;
	uint64_t start_mono, last_progress_mono, last_moved;
	uint64_t rx_total, tx_total;	/* payload of closed segment ends */
	uint64_t first_rx, last_rx, first_tx, last_tx;	/* over all segments */
	uint64_t last_sample_tai, last_in, last_out, last_rx_sample;	/* over_time */
	char why[200];			/* a failure's reason */
};

int bbd_video_add(struct bbd_run *r, struct bbd_flow_run *f, char *err,
		  size_t errlen);
/* Every millisecond (a video always wants it: its buffer drains in
 * time): start, next segment, play-out, end, stall. */
bool bbd_video_tick(struct bbd_run *r, struct bbd_flow_run *f);
/* Every second: the buffer into f->over_time. */
void bbd_video_poll(struct bbd_run *r, struct bbd_flow_run *f);
void bbd_video_cut(struct bbd_flow_run *f, const char *why);
bool bbd_video_done(const struct bbd_flow_run *f);
void bbd_video_close(struct bbd_flow_run *f);
json_t *bbd_video_results(const struct bbd_flow_run *f);
json_t *bbd_video_progress(const struct bbd_flow_run *f, double elapsed_s);

#endif
