/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * A video player's play-out buffer (ByteBlower's VideoFlow and
 * BufferAnalyser): segments of segment_size bytes each hold
 * segment_duration seconds of video; the player asks for the next segment
 * while the buffer has room below buffering_goal, starts (and after a
 * stall resumes) playing once play_goal seconds are buffered, and plays
 * in real time, draining the buffer. Pure arithmetic on times the caller
 * gives, so a test can replay any arrival pattern.
 */
#ifndef BB_VIDEO_BUFFER_H
#define BB_VIDEO_BUFFER_H

#include <stdbool.h>
#include <stdint.h>

struct bb_video_cfg {
	uint64_t segment_size;		/* bytes */
	double segment_duration_s;
	double buffering_goal_s;
	double play_goal_s;
};

struct bb_video_buffer {
	struct bb_video_cfg cfg;
	uint64_t start_ns;		/* the first request */
	uint64_t last_ns;		/* of the last update */
	double level_s;			/* video buffered, seconds */
	bool playing, started;
	uint64_t first_play_ns;		/* 0 until playing starts */
	unsigned int stalls;
	uint64_t stall_ns, stall_since;	/* total; current stall's start */
	uint64_t segments;
	uint64_t bytes_in, bytes_out;	/* into the buffer, played out */
	double out_frac;		/* bytes played, not yet whole */
};

void bb_video_init(struct bb_video_buffer *b, const struct bb_video_cfg *c,
		   uint64_t now);
/* Play out up to now. */
void bb_video_update(struct bb_video_buffer *b, uint64_t now);
/* A whole segment arrived at now. */
void bb_video_segment(struct bb_video_buffer *b, uint64_t now);
/* Is there room for one more segment below buffering_goal? */
bool bb_video_wants(const struct bb_video_buffer *b);
/* The initial wait (ns until playing first started), or 0 if it never
 * did. */
uint64_t bb_video_initial_wait(const struct bb_video_buffer *b);

#endif
