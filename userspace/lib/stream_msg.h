/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The STREAM_ADD request, built one way for bbctl stream add and for
 * bbd's flows: templates (one per frame size of the mix), their order,
 * the rate and the limits. Attributes: include/uapi/linux/bbgen.h.
 */
#ifndef BB_STREAM_MSG_H
#define BB_STREAM_MSG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "frame.h"
#include "genl.h"
#include "mix.h"
#include "rate.h"

struct bb_stream_add {
	uint32_t ifindex;
	uint32_t id;			/* 0: the kernel chooses */
	struct bb_frame_spec frame;	/* size: set per template */
	const struct bb_mix *mix;	/* template sizes and their order */
	bool has_order;
	uint32_t order;			/* enum bbgen_order, weighted only */
	uint32_t xmit_mode;		/* enum bbgen_xmit_mode */
	bool has_cpu;
	uint32_t cpu;			/* of its TX worker */
	struct bb_rate rate;
	uint64_t count;			/* 0: none */
	uint64_t duration_ns;		/* 0: none */
	uint64_t delay_ns;
	bool socket_owner;		/* freed when the socket closes */
};

/* Bytes the request for mix needs (templates, arrays, headers). */
size_t bb_stream_add_size(const struct bb_mix *mix);
/* The request; NULL if out of memory or a template cannot be built. */
struct nl_msg *bb_stream_add_msg(struct bb_genl *g,
				 const struct bb_stream_add *s);

#endif
