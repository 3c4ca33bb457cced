/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Find the UDP payload in a frame template: Ethernet, up to two VLAN tags
 * (802.1Q or 802.1ad), IPv4 (unfragmented, any header length) or IPv6
 * (UDP as the first next header), UDP. Pure logic, no netdev dependency.
 */
#ifndef _BBGEN_CORE_FRAME_H
#define _BBGEN_CORE_FRAME_H

#include <linux/types.h>

struct bbgen_frame_udp {
	u32 l3_off;		/* IP header */
	u32 udp_off;		/* UDP header */
	u32 payload_off;	/* UDP payload */
	u32 payload_len;	/* from the UDP length, not the frame length */
	u8 ip_version;		/* 4 or 6 */
};

/*
 * Returns 0 and fills @out, or -EPROTO if @frame is not a complete
 * Ethernet/IPv4|IPv6/UDP frame whose IP and UDP lengths fit in @len.
 */
int bbgen_frame_find_udp(const u8 *frame, u32 len, struct bbgen_frame_udp *out);

#endif /* _BBGEN_CORE_FRAME_H */
