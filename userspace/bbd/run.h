/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * One scenario run, driven by a 200 ms timer in bbd's event loop:
 *   ADDRESS  ports are up; DHCP ports wait for their lease (the others
 *            are ready at once); then each flow's next hop is chosen
 *   DISCOVER flows through a NAT find their public tuple (nat.h); the
 *            timer ticks every BBD_NAT_PROBE_MS meanwhile
 *   RESOLVE  ports are up; next-hop MACs are being resolved (ARP/ND)
 *   TRAFFIC  streams run; every second counters are read, history
 *            drained and a progress event sent
 *   WAIT     streams done (or stopped at maximum_run_time / on stop):
 *            wait_for_finish lets late frames arrive
 *   then the final counters and histograms are read, the run record
 *   built, the namespaces removed and the record handed to done().
 */
#ifndef BBD_RUN_H
#define BBD_RUN_H

#include <stdbool.h>
#include <stdint.h>

#include <jansson.h>

#include "bbd_proto.h"

#include "gen.h"
#include "nat.h"
#include "peer.h"
#include "plan.h"
#include "port.h"

enum bbd_run_phase { RUN_ADDRESS, RUN_DISCOVER, RUN_RESOLVE, RUN_TRAFFIC, RUN_WAIT, RUN_DONE };
#define BBD_RUN_PHASES	(RUN_DONE + 1)

/* "addressing", "nat-discovery", ...: bbctl status and the metrics say it. */
const char *bbd_run_phase_name(enum bbd_run_phase ph);

struct bbd_flow_run {
	const struct bbd_flow_cfg *cfg;
	struct bbd_port *src, *dst;
	const struct bb_ip *sip, *dip, *nh;
	bool resolved;
	uint8_t dst_mac[BB_MAC_LEN];
	uint32_t stream_id, trigger_id;
	struct bb_gen_stream tx;
	struct bb_gen_trigger rx;
	json_t *over_time;
	uint64_t history_next;		/* the trigger's snapshots read so far */
	uint64_t history_missed;	/* overwritten before bbd read them */
	json_t *histogram;
	struct bbd_http_flow *http;	/* BBD_FLOW_HTTP: the TCP session */
	struct bbd_video_flow *video;	/* BBD_FLOW_VIDEO */
	struct bbd_nat_flow nat;	/* discovery, keep-alive */
};

struct bbd_run;
/* Events for the client: progress objects, then the end. */
struct bbd_run_ops {
	void (*progress)(struct bbd_run *r, json_t *event);
	/* record is NULL if the run failed; code is a BBD_EXIT_*; msg says
	 * why it failed. */
	void (*done)(struct bbd_run *r, json_t *record, int code,
		     const char *msg);
};

struct bbd_run {
	struct bbd_plan plan;
	struct bbd_port *ports;
	struct bbd_flow_run *flows;
	enum bbd_run_phase phase;
	const struct bbd_run_ops *ops;
	void *arg;			/* the caller's */
	int timer;
	int http_timer;			/* 1 ms while HTTP flows need it */
	bool fast_armed;
	unsigned int ticks;
	long long id;			/* archive id, or 0 */
	const struct bbd_peer *writer;	/* captures are written as this user */
	bool interrupted;
	uint64_t phase_mono;		/* when the phase began */
	uint64_t traffic_mono, traffic_tai;
	uint64_t started_real, ended_real;
	uint64_t last_probe_mono;
	struct bbd_port_capture *captures;	/* per port (port_capture.h) */
	struct bbd_nat_cap *nat_caps;	/* per port; NULL without NAT */
	uint32_t nat_nonce;		/* in this run's probes */
	uint64_t nat_mono;		/* discovery began */
	char err[512];
};

/*
 * Check the scenario, make its ports and start resolving. On failure the
 * run is torn down, *code is BBD_EXIT_INPUT or BBD_EXIT_SYSTEM and
 * r->err says why. The caller frees r after done() (bbd_run_free).
 */
int bbd_run_start(struct bbd_run *r, json_t *scenario, const char *name,
		  const char *capture_dir, const struct bbd_peer *writer,
		  const struct bbd_run_ops *ops, void *arg, int *code);
/* Stop early (Ctrl-C): traffic stops, the run ends marked interrupted. */
void bbd_run_stop(struct bbd_run *r);
void bbd_run_free(struct bbd_run *r);

/* run_flow.c: per-flow bbgen objects and counters. */
int run_flow_add(struct bbd_run *r, struct bbd_flow_run *f, char *err,
		 size_t errlen);
int run_start_streams(struct bbd_run *r, uint64_t tai_ns);
void run_stop_streams(struct bbd_run *r);
/* An HTTP or video flow needs the 1 ms tick (it waits for an ACK). */
void bbd_run_fast_tick(struct bbd_run *r);
/* Cut every HTTP flow still going, for why. */
void run_stop_http(struct bbd_run *r, const char *why);
void run_flow_poll(struct bbd_run *r, struct bbd_flow_run *f);
void run_flow_final(struct bbd_run *r, struct bbd_flow_run *f);
/* A snapshot the monitor announced: appended in index order (a gap reads
 * the history from the flow's cursor). */
void run_flow_snapshot(struct bbd_flow_run *f, const struct bb_gen_snapshot *s);
/* The monitor heard a stream change state: the traffic phase ends as soon
 * as every flow is done. */
void bbd_run_streams_changed(struct bbd_run *r);
bool run_flow_done(const struct bbd_flow_run *f);

/* record.c: the run record (context of issue 4). */
json_t *bbd_record_build(const struct bbd_run *r);
/* Progress: {flow, elapsed_s, total_s, tx, rx, loss} per flow. */
json_t *bbd_progress_build(const struct bbd_run *r);

#endif
