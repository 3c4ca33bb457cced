// SPDX-License-Identifier: GPL-2.0
/*
 * Frame template parser (see frame.h). Works on plain bytes so the same
 * code runs in the module and under KUnit.
 */
#include <linux/errno.h>

#include "frame.h"

#define ETH_HDR_LEN	14
#define VLAN_TAG_LEN	4
#define VLAN_TAGS_MAX	2
#define IPV4_HDR_MIN	20
#define IPV6_HDR_LEN	40
#define UDP_HDR_LEN	8
#define PROTO_UDP	17

static u32 be16_at(const u8 *p)
{
	return (u32)p[0] << 8 | p[1];
}

/* Skip Ethernet and VLAN tags: the offset of the L3 header, or 0. */
static u32 l3_offset(const u8 *frame, u32 len, u32 *ethertype)
{
	u32 off = ETH_HDR_LEN;
	int tags;

	if (len < ETH_HDR_LEN)
		return 0;
	*ethertype = be16_at(frame + 12);
	for (tags = 0; *ethertype == 0x8100 || *ethertype == 0x88a8; tags++) {
		if (tags == VLAN_TAGS_MAX || off + VLAN_TAG_LEN > len)
			return 0;
		*ethertype = be16_at(frame + off + 2);
		off += VLAN_TAG_LEN;
	}
	return off;
}

/* IPv4: the UDP header offset and the IP packet's end, or -EPROTO. */
static int ipv4_udp(const u8 *ip, u32 room, u32 *udp, u32 *end)
{
	u32 ihl, tot_len;

	if (room < IPV4_HDR_MIN || ip[0] >> 4 != 4)
		return -EPROTO;
	ihl = (ip[0] & 0x0f) * 4;
	tot_len = be16_at(ip + 2);
	if (ihl < IPV4_HDR_MIN || tot_len < ihl || tot_len > room)
		return -EPROTO;
	/* fragments: more-fragments flag or a fragment offset */
	if (ip[9] != PROTO_UDP || (be16_at(ip + 6) & 0x3fff))
		return -EPROTO;
	*udp = ihl;
	*end = tot_len;
	return 0;
}

static int ipv6_udp(const u8 *ip, u32 room, u32 *udp, u32 *end)
{
	u32 plen;

	if (room < IPV6_HDR_LEN || ip[0] >> 4 != 6 || ip[6] != PROTO_UDP)
		return -EPROTO;
	plen = be16_at(ip + 4);
	if (IPV6_HDR_LEN + plen > room)
		return -EPROTO;
	*udp = IPV6_HDR_LEN;
	*end = IPV6_HDR_LEN + plen;
	return 0;
}

int bbgen_frame_find_udp(const u8 *frame, u32 len, struct bbgen_frame_udp *out)
{
	u32 ethertype = 0, l3, udp, end, ulen;
	int err;

	l3 = l3_offset(frame, len, &ethertype);
	if (!l3)
		return -EPROTO;
	if (ethertype == 0x0800) {
		err = ipv4_udp(frame + l3, len - l3, &udp, &end);
		out->ip_version = 4;
	} else if (ethertype == 0x86dd) {
		err = ipv6_udp(frame + l3, len - l3, &udp, &end);
		out->ip_version = 6;
	} else {
		err = -EPROTO;
	}
	if (err)
		return err;
	if (udp + UDP_HDR_LEN > end)
		return -EPROTO;
	ulen = be16_at(frame + l3 + udp + 4);
	if (ulen < UDP_HDR_LEN || udp + ulen > end)
		return -EPROTO;
	out->l3_off = l3;
	out->udp_off = l3 + udp;
	out->payload_off = l3 + udp + UDP_HDR_LEN;
	out->payload_len = ulen - UDP_HDR_LEN;
	return 0;
}
