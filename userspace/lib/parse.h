/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Strict parsers for command-line values. They return 0 or a negative
 * errno (-EINVAL: not of the expected form, -ERANGE: out of range) and
 * leave the wording of messages to the caller, who knows the field name.
 */
#ifndef BB_PARSE_H
#define BB_PARSE_H

#include <stdint.h>

#include "addr.h"

/* Fastest rate: one frame per nanosecond, the interval's unit. */
#define BB_RATE_MAX_FPS 1e9

/* Decimal integer in [min, max]; no sign, no spaces, no hex. */
int bb_parse_u64(const char *s, uint64_t min, uint64_t max, uint64_t *out);

/* Six hex bytes separated by ':' (e.g. 02:00:00:00:00:01). */
int bb_parse_mac(const char *s, uint8_t mac[BB_MAC_LEN]);

/* An IPv4 or IPv6 address in its usual text form. */
int bb_parse_ip(const char *s, struct bb_ip *ip);

/* A finite decimal number > 0, fraction and exponent allowed (0.5, 1e6). */
int bb_parse_rate(const char *s, double *fps);

/*
 * Frames per second to an inter-frame interval, rounded to the nearest ns.
 * So 3 fps runs at 3.000000003 fps; exact fractional rates (an interval
 * with a fractional part carried from frame to frame) are the next step.
 * -ERANGE if fps > BB_RATE_MAX_FPS or the interval exceeds
 * BBGEN_INTERVAL_MAX_NS (slower than one frame per hour).
 */
int bb_rate_to_interval(double fps, uint64_t *interval_ns);

#endif
