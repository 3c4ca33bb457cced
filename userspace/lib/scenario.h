/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Scenario files (JSON, after the ByteBlower test framework's CLI
 * configuration): parsed and validated as a whole, before any interface
 * is touched. The result is a C model the runner reads (ports with their
 * addresses resolved, flows expanded to one entry per source/destination
 * port pair and direction) and the normalized document (every default
 * written in) for the report's "scenario" key. Every key and default:
 * Documentation/scenario.md.
 */
#ifndef BB_SCENARIO_H
#define BB_SCENARIO_H

#include <net/if.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "addr.h"
#include "frame.h"
#include "mix.h"
#include "rate.h"

#define BB_SCENARIO_NAME_MAX	64	/* names and groups, with the NUL */
#define BB_SCENARIO_GROUPS_MAX	16	/* port_group entries of a port */
#define BB_SCENARIO_IMIX_MAX	64	/* imix entries of a flow */
#define BB_SCENARIO_ERR_MAX	512	/* enough for any error line */

/* Report formats, as a bit set. */
#define BB_REPORT_HTML	0x1
#define BB_REPORT_JSON	0x2
#define BB_REPORT_JUNIT	0x4

/* A port's "capture": libpcap in its namespace for the whole run, into a
 * pcap next to the reports (lib/capture.h). */
#define BB_SCENARIO_FILTER_MAX		1024
#define BB_SCENARIO_CAPTURE_BYTES	100000000ull	/* default max_bytes */
struct bb_scenario_capture {
	bool on;
	char filter[BB_SCENARIO_FILTER_MAX];	/* BPF; "" for every frame */
	unsigned int snaplen;
	uint64_t max_bytes;
};

struct bb_scenario_port {
	char name[BB_SCENARIO_NAME_MAX];
	unsigned int ngroups;
	char group[BB_SCENARIO_GROUPS_MAX][BB_SCENARIO_NAME_MAX];
	char ifname[IFNAMSIZ];
	bool exclusive;		/* move the netdev in, no macvlan */
	bool dhcp4;		/* ipv4 "dhcp": no address until the run */
	bool dhcp6, slaac6;	/* ipv6 "dhcp" or "slaac": likewise */
	bool has_ip4, has_gw4, has_ip6, has_gw6;
	struct bb_ip ip4, gw4, ip6, gw6;
	unsigned int prefix4, prefix6;
	bool has_mac;
	uint8_t mac[BB_MAC_LEN];
	bool nat;
	unsigned int nvlan;
	struct bb_vlan vlan[BB_VLAN_MAX];	/* outer first */
	struct bb_scenario_capture capture;
};

enum bb_flow_type {
	BB_FLOW_FRAME_BLASTING,
	BB_FLOW_VOICE,
	BB_FLOW_GAMING,
	BB_FLOW_HTTP,
	BB_FLOW_VIDEO,
};

/* Which side runs the HTTP client: data always flows source ->
 * destination, so GET puts the server on the source, PUT the client. */
enum bb_http_method {
	BB_HTTP_AUTO,		/* PUT when the source is NATed, else GET */
	BB_HTTP_GET,
	BB_HTTP_PUT,
};

#define BB_TCP_CC_MAX	16	/* TCP_CA_NAME_MAX */

/* A video flow (type "video"): segments fetched over HTTP into a
 * player's buffer (lib/video_buffer.h). */
struct bb_scenario_video {
	uint64_t segment_size;		/* bytes */
	double segment_duration_s;
	double buffering_goal_s;
	double play_goal_s;
	double duration_s;		/* 0: until maximum_run_time */
	double max_initial_wait_s;	/* analysis */
	int max_stalls;			/* analysis; -1: not checked */
};

/* An HTTP flow (type "http"): one TCP session on the kernel's own TCP. */
struct bb_scenario_http {
	enum bb_http_method method;	/* GET or PUT once expanded */
	uint16_t server_port;		/* TCP port of the server */
	uint16_t client_port;		/* 0: the kernel picks one */
	uint64_t request_size;		/* bytes; 0: request_duration_s */
	double request_duration_s;
	double maximum_bitrate;		/* bit/s at the IP layer; 0: none */
	int receive_window_scaling;	/* window scale to offer; -1: kernel's */
	uint32_t slow_start_threshold;	/* segments; 0: kernel's */
	bool prague;			/* enable_tcp_prague */
	bool ecn;			/* negotiate classic ECN */
	char congestion[BB_TCP_CC_MAX];	/* "" : the namespace's default */
	double minimum_goodput;		/* analysis, bit/s; 0: none */
	double max_rtt_ms;		/* analysis; 0: none */
};

/* Pass/fail limits of a flow, defaults filled in. */
struct bb_scenario_analysis {
	bool latency;			/* latency tags and latency analysers */
	bool mos;			/* voice: the voice analyser */
	double max_loss_percentage;	/* % */
	double max_threshold_latency_ms;
	double quantile;		/* %, for latency_cdf_frame_loss */
	double minimum_mos;
};

struct bb_scenario_imix {
	uint32_t size;
	uint32_t weight;
};

/* One direction between two ports of one flow of the file. */
struct bb_scenario_flow {
	char name[BB_SCENARIO_NAME_MAX + 16];	/* "+ (reverse)" */
	unsigned int index;		/* flows[index] in the file */
	enum bb_flow_type type;
	unsigned int src, dst;		/* indices into the ports */
	bool reverse;			/* the added reverse direction */
	int family;			/* AF_INET or AF_INET6 */
	int ip;				/* "ip" asked for: AF_INET(6), 0 if not */
	/* sizes of Ethernet frames without FCS and VLAN tags: frame_size, or
	 * imix entries, or the gaming size distribution */
	uint32_t frame_size;		/* 0 when nimix or has_size_dist */
	unsigned int nimix;
	struct bb_scenario_imix imix[BB_SCENARIO_IMIX_MAX];
	bool has_size_dist;
	struct bb_size_dist size_dist;
	double bitrate;			/* bits/s as given; 0 if not */
	double frame_rate;		/* frames/s (bitrate converted) */
	struct bb_rate rate;		/* frame_rate as an exact ratio */
	uint64_t number_of_frames;	/* 0: sent for duration_s */
	double duration_s;		/* 0: number_of_frames are sent */
	double initial_time_to_wait_s;
	bool nat_keep_alive;		/* frame types; default true */
	uint16_t udp_src, udp_dest;
	uint8_t dscp, ecn;
	unsigned int packetization_ms;	/* voice: 1..1188; else 0 */
	uint8_t rtp_pt;			/* voice: RTP payload type, 0 or 8 */
	struct bb_scenario_analysis analysis;
	struct bb_scenario_http http;	/* types http and video */
	struct bb_scenario_video video;	/* type video only */
	/* labels kept for the reports (borrowed from the normalized doc) */
	json_t *flow_group, *reverse_flow_group;
};

struct bb_scenario {
	enum bb_l2_speed layer2_speed;
	double maximum_run_time_s;	/* 0: no cap */
	double wait_for_finish_s;
	unsigned int report_formats;	/* BB_REPORT_* */
	char report_dir[4096];		/* "" unless report.output_dir */
	unsigned int nports, nflows;
	struct bb_scenario_port *ports;
	struct bb_scenario_flow *flows;	/* expanded */
	json_t *normalized;		/* the document, defaults written in */
};

/*
 * Check doc and build *out (free with bb_scenario_free). doc is not
 * changed. Returns 0; -EINVAL with one line in err naming the JSON path,
 * what is wrong and what is allowed; -ENOMEM.
 */
int bb_scenario_parse(json_t *doc, struct bb_scenario **out, char *err,
		      size_t errlen);
/* The same from a file; errors read "FILE: path: why", JSON syntax
 * errors "FILE:LINE:COL: why". */
int bb_scenario_load(const char *file, struct bb_scenario **out, char *err,
		     size_t errlen);
void bb_scenario_free(struct bb_scenario *sc);

/* The normalized scenario (defaults filled in): a new reference. */
json_t *bb_scenario_json(const struct bb_scenario *sc);
/* The run record's flows[].config of f, with its "analysis" limits. */
json_t *bb_scenario_flow_config(const struct bb_scenario_flow *f);

const char *bb_flow_type_name(enum bb_flow_type t);
const char *bb_http_method_name(enum bb_http_method m);

#endif
