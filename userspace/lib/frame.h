/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Test frame templates: Ethernet [+ VLAN tags] + IPv4 or IPv6 + UDP,
 * payload zeroed. The kernel writes the sequence tag (BBGEN_SEQ_TAG_LEN
 * bytes, or BBGEN_TIME_TAG_LEN with the TX time for latency) over the end
 * of the UDP payload and keeps the checksum valid, so the template carries
 * correct IPv4 header and UDP checksums for an all-zero payload.
 */
#ifndef BB_FRAME_H
#define BB_FRAME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "addr.h"

#define BB_ETH_HLEN	14
#define BB_IPV4_HLEN	20
#define BB_IPV6_HLEN	40
#define BB_UDP_HLEN	8
#define BB_VLAN_HLEN	4

/* VLAN tags a frame may carry (QinQ and beyond). */
#define BB_VLAN_MAX	8
#define BB_VLAN_ID_MAX	4094
#define BB_TPID_8021Q	0x8100
#define BB_TPID_8021AD	0x88a8
#define BB_TPID_QINQ	0x9100

/* Default frame sizes (Ethernet, no FCS): the minimum frame for IPv4, and
 * the IPv4 default plus the 20 bytes a larger IPv6 header costs. */
#define BB_FRAME_DEFAULT_V4	60
#define BB_FRAME_DEFAULT_V6	78

/* RTP (RFC 3550) at the start of the UDP payload: version 2, no CSRCs. */
#define BB_RTP_HLEN	12
#define BB_RTP_PT_PCMU	0	/* G.711 mu-law (RFC 3551) */
#define BB_RTP_PT_PCMA	8	/* G.711 A-law */
#define BB_G711_BYTES_PER_MS	8	/* 8000 samples/s of one byte */

/* The template's RTP header, followed by silence up to the tag; the
 * kernel advances seq and ts per frame (BBGEN_A_STREAM_RTP_*), by 1 and
 * by samples. */
struct bb_rtp {
	bool on;
	uint8_t pt;
	uint16_t seq;		/* of frame 0 */
	uint32_t ts;		/* of frame 0 */
	uint32_t ssrc;
	uint32_t samples;	/* timestamp step per frame */
};

/* One 802.1Q tag: TPID, then PCP (3 bits), DEI (1), VLAN id (12). */
struct bb_vlan {
	uint16_t tpid;
	uint16_t id;
	uint8_t pcp;
	uint8_t dei;
};

struct bb_frame_spec {
	uint8_t dst_mac[BB_MAC_LEN];
	uint8_t src_mac[BB_MAC_LEN];
	unsigned int nvlan;
	struct bb_vlan vlan[BB_VLAN_MAX];	/* outer first */
	struct bb_ip src;	/* src.family selects IPv4 or IPv6 */
	struct bb_ip dst;	/* must be the same family as src */
	uint8_t tos;		/* IPv4 TOS / IPv6 traffic class: DSCP<<2|ECN */
	uint16_t sport;
	uint16_t dport;
	bool latency;		/* room for the time tag */
	struct bb_rtp rtp;	/* an RTP header first in the payload */
	size_t size;		/* Ethernet frame without FCS, tags included */
};

/* Bytes of tag at the end of the UDP payload: 8, or 16 with latency. */
size_t bb_frame_tag_len(bool latency);

/*
 * Smallest frame that holds the headers (nvlan tags included) plus the
 * tag and is a legal Ethernet frame, for AF_INET or AF_INET6; 0 for other
 * families.
 */
size_t bb_frame_min_size(int family, unsigned int nvlan, bool latency);

/* Default size: BB_FRAME_DEFAULT_V4/V6, or the minimum if larger. */
size_t bb_frame_default_size(int family, unsigned int nvlan, bool latency);

/* Offset of the sequence tag: the last tag bytes of the UDP payload. */
size_t bb_frame_seq_offset(size_t size, bool latency);

/* Offset of the RTP header: the start of the UDP payload (no VLAN tags
 * in the template: bbd sends through VLAN devices). */
size_t bb_frame_rtp_offset(int family);

/*
 * Build the frame described by spec into buf (at least spec->size bytes).
 * Returns 0, or -EINVAL if the families differ or are unknown or there are
 * more than BB_VLAN_MAX tags, or -ERANGE if the size is outside
 * bb_frame_min_size()..BBGEN_FRAME_MAX (with RTP: its header and the tag
 * must fit in the payload side by side).
 */
int bb_frame_build(const struct bb_frame_spec *spec, uint8_t *buf);

#endif
