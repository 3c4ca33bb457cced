/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * What bbd runs, resolved from a scenario: ports with their addresses and
 * flows with their frames, rates and limits, in the units the kernel
 * takes. plan.c fills it from the parsed scenario (userspace/lib
 * scenario.h); the run engine reads nothing else.
 */
#ifndef BBD_PLAN_H
#define BBD_PLAN_H

#include <net/if.h>
#include <stdbool.h>
#include <stdint.h>

#include <jansson.h>

#include "addr.h"
#include "frame.h"
#include "mix.h"
#include "rate.h"
#include "scenario.h"

#define BBD_NAME_MAX	64

struct bbd_port_cfg {
	char name[BBD_NAME_MAX];
	char ifname[IFNAMSIZ];
	bool exclusive;		/* move the device in, no macvlan */
	bool has_mac;
	uint8_t mac[BB_MAC_LEN];
	bool has_ip4, has_gw4, has_ip6, has_gw6;
	bool dhcp4;		/* ipv4, netmask and gateway from DHCP */
	bool nat;		/* behind a NAT: flows discover their public tuple */
	bool dhcp6, slaac6;	/* ipv6 from DHCPv6 or SLAAC, gateway from RA */
	struct bb_ip ip4, gw4, ip6, gw6;
	unsigned int prefix4, prefix6;
	unsigned int nvlan;
	struct bb_vlan vlan[BB_VLAN_MAX];	/* outer first */
	struct bb_scenario_capture capture;	/* .on: capture in the port */
};

enum bbd_flow_type {
	BBD_FLOW_FRAME_BLASTING,
	BBD_FLOW_VOICE,
	BBD_FLOW_GAMING,
	BBD_FLOW_HTTP,
	BBD_FLOW_VIDEO,
};

struct bbd_flow_cfg {
	char name[BBD_NAME_MAX + 16];	/* + " (reverse)" */
	enum bbd_flow_type type;
	unsigned int src, dst;		/* indices into the plan's ports */
	bool reverse;			/* the reverse direction of a flow */
	bool ipv6;
	struct bb_mix mix;		/* frame sizes, VLAN tags excluded */
	struct bb_rate rate;
	uint64_t count;			/* 0: none */
	uint64_t duration_ns;		/* 0: none */
	uint64_t delay_ns;		/* initial_time_to_wait */
	uint16_t sport, dport;
	uint8_t tos;			/* DSCP << 2 | ECN */
	bool latency;
	bool nat_keep_alive;		/* refresh the NAT mapping while waiting */
	struct bb_rtp rtp;		/* BBD_FLOW_VOICE: the RTP header */
	struct bb_scenario_http http;	/* BBD_FLOW_HTTP, _VIDEO: the TCP session */
	struct bb_scenario_video video;	/* BBD_FLOW_VIDEO */
	json_t *config;			/* the record's flows[].config */
};

struct bbd_plan {
	char name[BBD_NAME_MAX];
	unsigned int nports, nflows;
	struct bbd_port_cfg *ports;
	struct bbd_flow_cfg *flows;
	enum bb_l2_speed l2;
	uint64_t max_run_ns;		/* maximum_run_time */
	uint64_t wait_ns;		/* wait_for_finish */
	json_t *scenario;		/* as given (a reference) */
};

/*
 * Resolve a scenario (already validated by the scenario parser) into a
 * plan. name is the run's name (the file's basename). 0, or -EINVAL with
 * err naming the field.
 */
int bbd_plan_build(json_t *scenario, const char *name, struct bbd_plan *p,
		   char *err, size_t errlen);
void bbd_plan_free(struct bbd_plan *p);

/* Expected length of a flow in ns (delay + frames / rate, or duration). */
uint64_t bbd_flow_total_ns(const struct bbd_flow_cfg *f);

#endif
