/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Test frame templates: Ethernet + IPv4 or IPv6 + UDP, payload zeroed.
 * The kernel writes the sequence tag over the last BBGEN_SEQ_TAG_LEN bytes
 * of the UDP payload and keeps the checksum valid, so the template carries
 * correct IPv4 header and UDP checksums for an all-zero payload.
 */
#ifndef BB_FRAME_H
#define BB_FRAME_H

#include <stddef.h>
#include <stdint.h>

#include "addr.h"

#define BB_ETH_HLEN	14
#define BB_IPV4_HLEN	20
#define BB_IPV6_HLEN	40
#define BB_UDP_HLEN	8

/* Default frame sizes (Ethernet, no FCS): the minimum frame for IPv4, and
 * the IPv4 default plus the 20 bytes a larger IPv6 header costs. */
#define BB_FRAME_DEFAULT_V4	60
#define BB_FRAME_DEFAULT_V6	78

struct bb_frame_spec {
	uint8_t dst_mac[BB_MAC_LEN];
	uint8_t src_mac[BB_MAC_LEN];
	struct bb_ip src;	/* src.family selects IPv4 or IPv6 */
	struct bb_ip dst;	/* must be the same family as src */
	uint16_t sport;
	uint16_t dport;
	size_t size;		/* Ethernet frame without FCS */
};

/* Smallest frame that holds the headers plus the sequence tag and is a
 * legal Ethernet frame, for AF_INET or AF_INET6; 0 for other families. */
size_t bb_frame_min_size(int family);

/* Default size for the family (BB_FRAME_DEFAULT_V4/V6). */
size_t bb_frame_default_size(int family);

/* Offset of the sequence tag: the last bytes of the UDP payload. */
size_t bb_frame_seq_offset(size_t size);

/*
 * Build the frame described by spec into buf (at least spec->size bytes).
 * Returns 0, or -EINVAL if the families differ or are unknown, or -ERANGE
 * if the size is outside bb_frame_min_size()..BBGEN_FRAME_MAX.
 */
int bb_frame_build(const struct bb_frame_spec *spec, uint8_t *buf);

#endif
