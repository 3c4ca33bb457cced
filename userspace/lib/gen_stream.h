/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * A bbgen stream as the kernel reports it: STREAM_GET replies (do and
 * dump) and STREAM_STATE notifications, decoded once into a struct that
 * bbctl prints and bbd keeps. Each optional attribute has a presence bit,
 * so a printer tells "absent" from 0. Attributes: include/uapi/linux/bbgen.h.
 */
#ifndef BB_GEN_STREAM_H
#define BB_GEN_STREAM_H

#include <net/if.h>
#include <stdbool.h>
#include <stdint.h>

#include "genl.h"

struct bb_gen_stream {
	struct {
		unsigned int id:1;
		unsigned int ifindex:1;
		unsigned int dev:1;
		unsigned int state:1;
		unsigned int frame_size:1;
		unsigned int seq_offset:1;
		unsigned int xmit_mode:1;
		unsigned int rate_frames:1;
		unsigned int rate_period_ns:1;
		unsigned int interval_ns:1;
		unsigned int count:1;
		unsigned int duration_ns:1;
		unsigned int delay_ns:1;
		unsigned int start_tai_ns:1;
		unsigned int templates:1;
		unsigned int cycle_len:1;
		unsigned int order:1;
		unsigned int seed:1;
		unsigned int rtp_offset:1;
		unsigned int rtp_samples:1;
		unsigned int tx_frames:1;
		unsigned int tx_bytes:1;
		unsigned int tx_busy:1;
		unsigned int first_tx_ns:1;
		unsigned int last_tx_ns:1;
		unsigned int tx_time_error_ns:1;
		unsigned int cpu:1;
	} present;
	uint32_t id, ifindex;
	char dev[IF_NAMESIZE];
	uint32_t state;			/* enum bbgen_stream_state */
	uint32_t frame_size, seq_offset;
	uint32_t xmit_mode;		/* enum bbgen_xmit_mode */
	uint32_t cpu;			/* of its TX worker: set, or last start's */
	uint64_t rate_frames, rate_period_ns, interval_ns;
	uint64_t count, duration_ns, delay_ns, start_tai_ns;
	uint32_t templates, cycle_len;
	uint32_t order;			/* enum bbgen_order */
	uint32_t seed, rtp_offset, rtp_samples;
	bool latency;			/* a flag: absent is false */
	uint64_t tx_frames, tx_bytes, tx_busy;
	uint64_t first_tx_ns, last_tx_ns;
	uint64_t tx_time_error_ns;	/* bound on a TX time's error */
};

/* Always fills s (cleared first); -EPROTO if the reply has no ID. */
int bb_gen_stream_decode(const struct bb_reply *r, struct bb_gen_stream *s);
/* STREAM_GET of stream id, or a dump of all when id is 0. */
struct nl_msg *bb_gen_stream_get_msg(struct bb_genl *g, uint32_t id);

#endif
