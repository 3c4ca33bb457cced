/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Stream rates as exact ratios: "frames every period_ns". A rate given in
 * frames/s or bits/s becomes the reduced fraction, so 1488095.24 fps is
 * 37202381 frames every 25 s and the kernel can honour it without drift.
 * Bits/s count the layer-2 speed mode's per-frame overhead (ByteBlower's
 * Layer2Speed): frame (+0), frame_with_fcs (+4 FCS), physical (+24: FCS,
 * preamble 7, SFD 1, inter-frame gap 12).
 */
#ifndef BB_RATE_H
#define BB_RATE_H

#include <stdint.h>

#include "decimal.h"

/* Fastest: one frame per nanosecond. Slowest: one frame per hour. */
#define BB_RATE_MAX_FPS		1000000000ULL
#define BB_RATE_MIN_PERIOD_S	3600ULL

enum bb_l2_speed {
	BB_L2_FRAME,
	BB_L2_FRAME_WITH_FCS,
	BB_L2_PHYSICAL,
};

struct bb_rate {
	uint64_t frames;	/* >= 1 */
	uint64_t period_ns;	/* >= frames */
};

/* "frame", "frame_with_fcs" or "physical": 0, or -EINVAL. */
int bb_l2_speed_parse(const char *s, enum bb_l2_speed *mode);
const char *bb_l2_speed_name(enum bb_l2_speed mode);
/* Bytes counted per frame on top of the frame without FCS: 0, 4, 24. */
unsigned int bb_l2_overhead(enum bb_l2_speed mode);

/*
 * fps frames per second as a reduced ratio (or, if its period would exceed
 * BBGEN_RATE_PERIOD_MAX_NS, the closest ratio within it). Returns 0,
 * -EINVAL for 0,
 * -ERANGE if faster than BB_RATE_MAX_FPS, -EDOM if slower than one frame
 * per BB_RATE_MIN_PERIOD_S.
 */
int bb_rate_from_fps(const struct bb_dec *fps, struct bb_rate *r);

/*
 * bps bits per second over a mix of frames: bytes is the sum over the mix
 * of weight * (frame size + layer-2 overhead), weight the sum of the
 * weights (1 and the size for a single frame). The frame rate is
 * bps * weight / (8 * bytes). Returns as bb_rate_from_fps(), and -EINVAL
 * if bytes or weight is 0.
 */
int bb_rate_from_bitrate(const struct bb_dec *bps, uint64_t bytes,
			 uint64_t weight, struct bb_rate *r);

/*
 * Reduce num/den; if the result exceeds max_num or max_den, take the
 * closest fraction within them (continued fractions). Returns 0 if exact,
 * 1 if approximated, -ERANGE if num/den is above max_num or num or den
 * is 0.
 */
int bb_ratio_fit(unsigned __int128 num, unsigned __int128 den,
		 uint64_t max_num, uint64_t max_den, uint64_t *n, uint64_t *d);

/* Frames per second (for display). */
double bb_rate_fps(const struct bb_rate *r);

/* Inter-frame interval rounded to the nearest ns (at least 1). */
uint64_t bb_rate_interval_ns(const struct bb_rate *r);

#endif
