/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * bbgen requests of a run, on a genl socket made inside a port's network
 * namespace. Every object is added with SOCKET_OWNER: the kernel stops
 * and frees it when the socket closes, so a bbd that dies leaves nothing
 * sending. Keep the socket open for the whole run.
 */
#ifndef BBD_GEN_H
#define BBD_GEN_H

#include <stdbool.h>
#include <stdint.h>

#include "frame.h"
#include "gen_history.h"
#include "gen_stream.h"
#include "gen_trigger.h"
#include "genl.h"
#include "mix.h"
#include "rate.h"
#include "stream_msg.h"

/* Open the bbgen family from inside the namespace netns_fd. 0, -ENOENT
 * if the module is not loaded, or -errno. */
int bbd_gen_open(struct bb_genl *g, int netns_fd);

int bbd_gen_port_add(struct bb_genl *g, unsigned int ifindex);

/* Add; *id gets the id the kernel chose. 0 or -errno (g->msg: why).
 * A flow's stream goes through the qdisc (tc, netem and shapers on the
 * port apply); its stream and trigger are owned by bbd's socket
 * (socket_owner, set by run_flow.c). */
int bbd_gen_stream_add(struct bb_genl *g, const struct bb_stream_add *s,
		       uint32_t *id);
int bbd_gen_trigger_add(struct bb_genl *g, const struct bb_gen_trigger_add *t,
			uint32_t *id);
/* Start the n streams ids at CLOCK_TAI tai_ns (0: now), or stop them. */
int bbd_gen_streams_start(struct bb_genl *g, const uint32_t *ids,
			  unsigned int n, uint64_t tai_ns);
int bbd_gen_streams_stop(struct bb_genl *g, const uint32_t *ids,
			 unsigned int n);

/* The stream's / trigger's counters now, decoded by userspace/lib. */
int bbd_gen_stream_get(struct bb_genl *g, uint32_t id,
		       struct bb_gen_stream *tx);
int bbd_gen_trigger_get(struct bb_genl *g, uint32_t id,
			struct bb_gen_trigger *rx);

typedef void (*bbd_bucket_cb)(uint64_t upper_ns, uint64_t count, void *arg);

/*
 * The trigger's snapshots from index *cursor on, item by item; *cursor
 * moves past the last one read, and *missed grows by those the ring
 * overwrote before this read (reading removes nothing in the kernel: other
 * readers see them too). Its histogram likewise.
 */
int bbd_gen_history(struct bb_genl *g, uint32_t id, uint64_t *cursor,
		    uint64_t *missed, bb_gen_snapshot_cb cb, void *arg);
int bbd_gen_histogram(struct bb_genl *g, uint32_t id, bbd_bucket_cb cb,
		      void *arg);

#endif
