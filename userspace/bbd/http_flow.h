/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * An HTTP flow of a run: the server listening in its port's namespace,
 * the client connecting from the other's after initial_time_to_wait, both
 * on bbd's one event loop (lib/http_session.h does the HTTP), TCP_INFO of
 * the data sender sampled every second. GET puts the server on the
 * source, PUT the client: data always flows source -> destination.
 */
#ifndef BBD_HTTP_FLOW_H
#define BBD_HTTP_FLOW_H

#include <stdbool.h>
#include <stdint.h>

#include <jansson.h>

#include "http_session.h"

struct bbd_run;
struct bbd_flow_run;
struct bbd_plan;

/* What TCP_INFO told over the session (the data sender's view). */
struct bbd_tcp_stats {
	bool sampled;
	uint32_t rtt_min_us, rtt_max_us, rtt_last_us;
	uint64_t rtt_sum_us, rtt_n;
	uint32_t cwnd, ssthresh, retrans_total, snd_wscale, rcv_wscale;
	uint32_t delivered_ce;
	bool ecn;			/* negotiated (TCPI_OPT_ECN) */
	uint64_t pacing_rate, max_pacing_rate;	/* bytes/s */
	uint64_t segs_out, segs_in, bytes_sent;
	bool timestamps;		/* TCP timestamps option in use */
	char congestion[16];		/* TCP_CONGESTION in use */
	uint32_t srv_rcv_wscale, cli_rcv_wscale;	/* what each end offered */
};

struct bbd_http_flow {
	struct bbd_run *run;
	int listen_fd;
	struct bb_http_end client, server;
	bool client_open, server_open;	/* their fds are live */
	bool started, accepted, finished, cut, final_sampled;
	uint64_t start_at_mono;		/* the client's connect */
	uint64_t last_progress_mono, last_moved;	/* stall check */
	uint64_t last_rx_payload, last_sample_tai;	/* for over_time */
	struct bbd_tcp_stats tcp;
	struct bbd_tcp_stats prev;	/* at the last over_time sample */
	char why[200];			/* a failure's reason */
};

/* Before any port is made: every congestion control the plan names is
 * there (modprobe tcp_NAME if not). 0, or -EINVAL with one line in err. */
int bbd_http_check(const struct bbd_plan *p, char *err, size_t errlen);
/* The server listens and ECN is switched on where a flow asks; the
 * client starts at traffic_mono + initial_time_to_wait. */
int bbd_http_add(struct bbd_run *r, struct bbd_flow_run *f, char *err,
		 size_t errlen);
/* Every millisecond while needed, and every 200 ms: clients due, ACK
 * waits, stalled sessions. True while it needs the 1 ms tick. */
bool bbd_http_tick(struct bbd_run *r, struct bbd_flow_run *f);
/* Every second: TCP_INFO and goodput into f->over_time. */
void bbd_http_poll(struct bbd_run *r, struct bbd_flow_run *f);
/* Cut the session short (maximum_run_time, stop): why is the reason. */
void bbd_http_cut(struct bbd_flow_run *f, const char *why);
bool bbd_http_done(const struct bbd_flow_run *f);
/* Close the sockets (before the namespaces go). */
void bbd_http_close(struct bbd_flow_run *f);
/* The flow's entry in a progress event: state, bytes, goodput of the
 * last second, RTT. */
json_t *bbd_http_progress(const struct bbd_flow_run *f, double elapsed_s);
/* flows[].results of an http flow. */
json_t *bbd_http_results(const struct bbd_run *r, const struct bbd_flow_run *f);

#endif
