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
#include "genl.h"
#include "mix.h"
#include "rate.h"
#include "stream_msg.h"

/* Open the bbgen family from inside the namespace netns_fd. 0, -ENOENT
 * if the module is not loaded, or -errno. */
int bbd_gen_open(struct bb_genl *g, int netns_fd);

int bbd_gen_port_add(struct bb_genl *g, unsigned int ifindex);

struct bbd_trigger_spec {
	unsigned int ifindex;
	struct bb_ip src, dst;
	uint16_t sport, dport;
	bool latency;
	bool rtp;		/* voice: check the RTP sequence */
};

/* Add; *id gets the id the kernel chose. 0 or -errno (g->msg: why). */
/* A stream of a flow: through the qdisc (tc, netem and shapers on the
 * port apply) and owned by bbd's socket. */
int bbd_gen_stream_add(struct bb_genl *g, const struct bb_stream_add *s,
		       uint32_t *id);
int bbd_gen_trigger_add(struct bb_genl *g, const struct bbd_trigger_spec *t,
			uint32_t *id);
/* Start the n streams ids at CLOCK_TAI tai_ns (0: now), or stop them. */
int bbd_gen_streams_start(struct bb_genl *g, const uint32_t *ids,
			  unsigned int n, uint64_t tai_ns);
int bbd_gen_streams_stop(struct bb_genl *g, const uint32_t *ids,
			 unsigned int n);

struct bbd_tx {
	uint32_t state;		/* enum bbgen_stream_state */
	uint64_t frames, bytes;
	bool has_first;
	uint64_t first_ns, last_ns;
	uint64_t time_err_ns;	/* bound on a tag's TX time error (latency) */
};

struct bbd_latency {
	uint64_t count, min, avg, max, jitter, p50, p90, p99, p999, p9999;
	uint64_t below, above, invalid, range_min, range_max;
};

struct bbd_loss_event {
	uint64_t first_seq, count, rx_ns;
};

struct bbd_rx {
	uint64_t frames, bytes, lost, ooo, dups;
	bool has_times;
	uint64_t first_ns, last_ns;
	bool has_latency;
	struct bbd_latency lat;
	bool has_rtp;
	uint64_t rtp_seq_errors;	/* RTP sequence not following the tag */
	unsigned int nloss;
	struct bbd_loss_event loss[64];
};

int bbd_gen_stream_get(struct bb_genl *g, uint32_t id, struct bbd_tx *tx);
int bbd_gen_trigger_get(struct bb_genl *g, uint32_t id, struct bbd_rx *rx);

/* One results-over-time interval. */
struct bbd_snapshot {
	uint64_t index;		/* the kernel's, 0, 1, ... */
	uint64_t start_ns, frames, bytes, lost, ooo, lat_count;
	uint64_t lat_min, lat_avg, lat_max, jitter;
};

typedef void (*bbd_snapshot_cb)(const struct bbd_snapshot *s, void *arg);
/* A SNAPSHOT nest (history reply or notification): false if malformed. */
bool bbd_gen_snapshot_parse(const struct nlattr *nest, struct bbd_snapshot *s);
typedef void (*bbd_bucket_cb)(uint64_t upper_ns, uint64_t count, void *arg);

/*
 * The trigger's snapshots from index *cursor on, item by item; *cursor
 * moves past the last one read, and *missed grows by those the ring
 * overwrote before this read (reading removes nothing in the kernel: other
 * readers see them too). Its histogram likewise.
 */
int bbd_gen_history(struct bb_genl *g, uint32_t id, uint64_t *cursor,
		    uint64_t *missed, bbd_snapshot_cb cb, void *arg);
int bbd_gen_histogram(struct bb_genl *g, uint32_t id, bbd_bucket_cb cb,
		      void *arg);

#endif
