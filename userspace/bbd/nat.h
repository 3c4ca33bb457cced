/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * NAT/NAPT discovery and keep-alive (Documentation/scenario.md, "NAT").
 * A flow with exactly one port behind a NAT ("nat": true), IPv4, of a
 * frame type (frame_blasting, voice, gaming), is discovered before its
 * traffic: the NATed port sends probes (lib/nat_probe.h) from the flow's
 * private address and UDP port to the public side's, about 10 a second,
 * from a UDP socket in its namespace (so the port's VLAN device and
 * routes carry them like the flow's frames); the public-side port picks
 * them out of a libpcap capture (BPF: the probe's magic) and takes the
 * address and port they came from: the flow's public tuple. A second
 * probe from the same socket toward the next UDP port tells whether the
 * NAT keeps one mapping per source (endpoint-independent) or makes one per
 * destination (a symmetric NAT); the flow uses the mapping of its own
 * destination either way, so it is measured right and the kind reported.
 *
 * Upstream flows (the NATed port sends) are counted by triggers matching
 * the public tuple; downstream flows are sent to it, and the NAT's mapping
 * carries them in. Until a flow's stream starts, bbd refreshes its
 * mapping with an empty datagram every BBD_NAT_KEEP_ALIVE_MS (no trigger
 * counts it: it carries no tag).
 */
#ifndef BBD_NAT_H
#define BBD_NAT_H

#include <stdbool.h>
#include <stdint.h>

#include <jansson.h>

#include "addr.h"

#define BBD_NAT_PROBE_MS	100	/* about 10 probes a second */
#define BBD_NAT_TIMEOUT_NS	5000000000ull
#define BBD_NAT_KEEP_ALIVE_MS	1000

/* One flow's discovery, in its bbd_flow_run. */
struct bbd_nat_flow {
	bool on;			/* this flow crosses a NAT */
	bool upstream;			/* the NATed port sends */
	bool keep_alive;		/* the scenario's nat_keep_alive */
	int fd;				/* the NATed port's UDP socket, or -1 */
	struct bb_ip priv, peer;	/* private tuple, public side's tuple */
	uint16_t priv_port, peer_port;
	bool found, found2;		/* probe seen; second-destination probe seen */
	struct bb_ip pub;		/* the public tuple */
	uint16_t pub_port, pub_port2;
	uint64_t found_ns;		/* since discovery began */
	unsigned int probes;
	uint64_t keep_alives;
	uint64_t last_keep_alive_ns;	/* monotonic */
};

struct bbd_run;
struct bbd_flow_run;

/* Does any flow of the run cross a NAT? Marks those flows (f->nat.on). */
bool bbd_nat_needed(struct bbd_run *r);
/* Sockets on the NATed ports, captures on the public ones. 0, or -errno
 * with r->err saying what. */
int bbd_nat_start(struct bbd_run *r);
/* Every discovery tick: probes out; 1 when every flow has its public
 * tuple, 0 while waiting, -ETIMEDOUT with r->err naming the flow. */
int bbd_nat_tick(struct bbd_run *r);
/* Captures closed (discovery is over). */
void bbd_nat_stop_capture(struct bbd_run *r);
/* Every tick until traffic ends: refresh the mapping of each flow whose
 * stream has not started (traffic_mono is its start, 0 before traffic). */
void bbd_nat_keep_alive(struct bbd_run *r);
/* Close everything (sockets, captures); safe to call twice. */
void bbd_nat_close(struct bbd_run *r);
/* The record's flows[].nat, or null for a flow without NAT. */
json_t *bbd_nat_record(const struct bbd_flow_run *f);

#endif
