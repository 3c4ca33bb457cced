/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* bbctl stream add: the parsed request, shared by the parser and the
 * message builder. */
#ifndef BBCTL_STREAM_H
#define BBCTL_STREAM_H

#include <stdbool.h>
#include <stdint.h>

#include "frame.h"
#include "mix.h"
#include "rate.h"

/* Frame sizes of size-dist: the same command sends the same sample. */
#define STREAM_SIZE_DIST_SEED	1

/* Everything stream add sends, parsed and checked. */
struct stream_req {
	uint32_t ifindex;
	uint32_t id;			/* 0: let the kernel choose */
	struct bb_frame_spec frame;	/* size: set per template */
	struct bb_mix mix;		/* template sizes and their order */
	bool has_order;
	uint32_t order;			/* enum bbgen_order, imix only */
	uint32_t xmit_mode;
	bool has_cpu;
	uint32_t cpu;			/* of its TX worker */
	struct bb_rate rate;
	uint64_t count;			/* 0: none */
	uint64_t duration_ns;		/* 0: none */
	uint64_t delay_ns;
};

/* stream add's keywords, in grammar order (missing ones reported so) */
enum stream_key {
	S_DEV, S_ID, S_DST_MAC, S_SRC_MAC, S_SRC, S_DST, S_SPORT, S_DPORT,
	S_SIZE, S_SIZES, S_IMIX, S_IMIX_ORDER, S_SIZE_DIST,
	S_RATE, S_BITRATE, S_L2_SPEED, S_COUNT, S_DURATION, S_DELAY,
	S_VLAN, S_TPID, S_DSCP, S_ECN, S_TOS, S_LATENCY, S_XMIT, S_CPU,
	S_NUM
};

struct arg_val;

/* Parse and check stream add's arguments; 0 or EXIT_USAGE (printed). */
int stream_parse_add(int argc, char **argv, struct stream_req *r);

/* stream_sizes.c: the frame sizes (size, sizes, imix, size-dist) once the
 * headers are known, then the rate over them (rate or bitrate). */
int stream_parse_sizes(const struct arg_val *v, struct stream_req *r);
int stream_parse_rate(const struct arg_val *v, struct stream_req *r);

struct bb_genl;
struct nl_msg;

/* The STREAM_ADD request for r; NULL if out of memory. */
struct nl_msg *stream_add_msg(struct bb_genl *g, const struct stream_req *r);

/* Bytes of netlink request r needs. */
size_t stream_req_size(const struct stream_req *r);

#endif
