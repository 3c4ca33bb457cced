// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* The play-out buffer model of a video flow (video_buffer.h). */
#include <string.h>

#include "video_buffer.h"

#define NS	1e9

void bb_video_init(struct bb_video_buffer *b, const struct bb_video_cfg *c,
		   uint64_t now)
{
	memset(b, 0, sizeof(*b));
	b->cfg = *c;
	b->start_ns = b->last_ns = now;
}

static double rate_Bps(const struct bb_video_buffer *b)
{
	return (double)b->cfg.segment_size / b->cfg.segment_duration_s;
}

void bb_video_update(struct bb_video_buffer *b, uint64_t now)
{
	double dt = now > b->last_ns ? (double)(now - b->last_ns) / NS : 0, play;
	uint64_t whole;

	b->last_ns = now > b->last_ns ? now : b->last_ns;
	if (!b->playing)
		return;
	play = dt < b->level_s ? dt : b->level_s;
	b->level_s -= play;
	b->out_frac += play * rate_Bps(b);
	whole = (uint64_t)b->out_frac;
	b->bytes_out += whole;
	b->out_frac -= (double)whole;
	if (b->level_s <= 0) {
		/* ran dry part-way through: the stall began when it emptied */
		b->level_s = 0;
		b->playing = false;
		b->stalls++;
		b->stall_since = now - (uint64_t)((dt - play) * NS);
	}
}

void bb_video_segment(struct bb_video_buffer *b, uint64_t now)
{
	bb_video_update(b, now);
	b->level_s += b->cfg.segment_duration_s;
	b->bytes_in += b->cfg.segment_size;
	b->segments++;
	if (b->playing || b->level_s < b->cfg.play_goal_s)
		return;
	b->playing = true;
	if (!b->started) {
		b->started = true;
		b->first_play_ns = now;
	} else {
		b->stall_ns += now - b->stall_since;
	}
}

bool bb_video_wants(const struct bb_video_buffer *b)
{
	return b->level_s + b->cfg.segment_duration_s <= b->cfg.buffering_goal_s ||
	       b->level_s < b->cfg.play_goal_s;
}

uint64_t bb_video_initial_wait(const struct bb_video_buffer *b)
{
	return b->started ? b->first_play_ns - b->start_ns : 0;
}
