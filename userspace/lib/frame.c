// SPDX-License-Identifier: GPL-2.0-only OR MIT
#include <errno.h>
#include <string.h>
#include <sys/socket.h>

#include <linux/bbgen.h>

#include "csum.h"
#include "frame.h"

#define ETHERTYPE_V4	0x0800
#define ETHERTYPE_V6	0x86dd
#define IPPROTO_UDP_NUM	17
#define HOP_LIMIT	64
#define IPV4_DF		0x4000

static void put16(uint8_t *p, uint16_t v)
{
	p[0] = v >> 8;
	p[1] = v & 0xff;
}

static void put32(uint8_t *p, uint32_t v)
{
	put16(p, v >> 16);
	put16(p + 2, v & 0xffff);
}

size_t bb_frame_tag_len(bool latency)
{
	return latency ? BBGEN_TIME_TAG_LEN : BBGEN_SEQ_TAG_LEN;
}

/* Bytes before the IP header: Ethernet and the VLAN tags. */
static size_t l2_len(unsigned int nvlan)
{
	return BB_ETH_HLEN + nvlan * BB_VLAN_HLEN;
}

size_t bb_frame_min_size(int family, unsigned int nvlan, bool latency)
{
	size_t l3 = family == AF_INET ? BB_IPV4_HLEN :
		    family == AF_INET6 ? BB_IPV6_HLEN : 0;
	size_t min = l2_len(nvlan) + l3 + BB_UDP_HLEN + bb_frame_tag_len(latency);

	if (!l3)
		return 0;
	return min < BBGEN_FRAME_MIN ? BBGEN_FRAME_MIN : min;
}

size_t bb_frame_default_size(int family, unsigned int nvlan, bool latency)
{
	size_t def = family == AF_INET6 ? BB_FRAME_DEFAULT_V6 :
		     BB_FRAME_DEFAULT_V4;
	size_t min = bb_frame_min_size(family, nvlan, latency);

	return def > min ? def : min;
}

size_t bb_frame_seq_offset(size_t size, bool latency)
{
	return size - bb_frame_tag_len(latency);
}

size_t bb_frame_rtp_offset(int family)
{
	return BB_ETH_HLEN + (family == AF_INET ? BB_IPV4_HLEN : BB_IPV6_HLEN) +
	       BB_UDP_HLEN;
}

/* The RTP header and silent audio up to the tag, before the checksum is
 * computed over them. Silence is the code of a zero sample: 0xff in
 * mu-law, 0xd5 in A-law (an all-zero payload would be a loud constant). */
static void put_rtp(const struct bb_rtp *r, uint8_t *p, size_t audio)
{
	memset(p + BB_RTP_HLEN, r->pt == BB_RTP_PT_PCMA ? 0xd5 : 0xff, audio);
	p[0] = 2 << 6;		/* version 2, no padding, extension, CSRCs */
	p[1] = r->pt & 0x7f;	/* marker clear */
	put16(p + 2, r->seq);
	put32(p + 4, r->ts);
	put32(p + 8, r->ssrc);
}

static size_t put_eth(const struct bb_frame_spec *s, uint8_t *p)
{
	size_t off = 12;
	unsigned int i;

	memcpy(p, s->dst_mac, BB_MAC_LEN);
	memcpy(p + 6, s->src_mac, BB_MAC_LEN);
	for (i = 0; i < s->nvlan; i++, off += BB_VLAN_HLEN) {
		put16(p + off, s->vlan[i].tpid);
		put16(p + off + 2, (uint16_t)(s->vlan[i].pcp << 13 |
					      (s->vlan[i].dei & 1) << 12 |
					      (s->vlan[i].id & 0xfff)));
	}
	put16(p + off, s->src.family == AF_INET ? ETHERTYPE_V4 : ETHERTYPE_V6);
	return off + 2;
}

static size_t put_ipv4(const struct bb_frame_spec *s, uint8_t *p)
{
	p[0] = 0x45;			/* version 4, 5 words of header */
	p[1] = s->tos;
	put16(p + 2, s->size - l2_len(s->nvlan));
	put16(p + 6, IPV4_DF);		/* test frames must not fragment */
	p[8] = HOP_LIMIT;
	p[9] = IPPROTO_UDP_NUM;
	memcpy(p + 12, &s->src.v4, 4);
	memcpy(p + 16, &s->dst.v4, 4);
	put16(p + 10, bb_csum_fold(bb_csum_add(0, p, BB_IPV4_HLEN)));
	return BB_IPV4_HLEN;
}

static size_t put_ipv6(const struct bb_frame_spec *s, uint8_t *p)
{
	/* version 6, traffic class, flow label 0 */
	put32(p, 6u << 28 | (uint32_t)s->tos << 20);
	put16(p + 4, s->size - l2_len(s->nvlan) - BB_IPV6_HLEN);
	p[6] = IPPROTO_UDP_NUM;
	p[7] = HOP_LIMIT;
	memcpy(p + 8, &s->src.v6, 16);
	memcpy(p + 24, &s->dst.v6, 16);
	return BB_IPV6_HLEN;
}

/* The pseudo-header sum: addresses, protocol and UDP length. */
static uint32_t pseudo_sum(const struct bb_frame_spec *s, size_t udp_len)
{
	uint8_t w[4];
	uint32_t sum;

	if (s->src.family == AF_INET) {
		sum = bb_csum_add(0, &s->src.v4, 4);
		sum = bb_csum_add(sum, &s->dst.v4, 4);
	} else {
		sum = bb_csum_add(0, &s->src.v6, 16);
		sum = bb_csum_add(sum, &s->dst.v6, 16);
	}
	put16(w, 0);
	put16(w + 2, IPPROTO_UDP_NUM);
	sum = bb_csum_add(sum, w, 4);
	put32(w, (uint32_t)udp_len);
	return bb_csum_add(sum, w, 4);
}

static void put_udp(const struct bb_frame_spec *s, uint8_t *p, size_t len)
{
	uint16_t csum;

	put16(p, s->sport);
	put16(p + 2, s->dport);
	put16(p + 4, len);
	csum = bb_csum_fold(bb_csum_add(pseudo_sum(s, len), p, len));
	/* 0 means "no checksum" (and is illegal on IPv6): send its twin */
	put16(p + 6, csum ? csum : 0xffff);
}

int bb_frame_build(const struct bb_frame_spec *s, uint8_t *buf)
{
	size_t off;

	size_t min = bb_frame_min_size(s->src.family, s->nvlan, s->latency);

	if (s->src.family != s->dst.family || !min || s->nvlan > BB_VLAN_MAX)
		return -EINVAL;
	if (s->size < min || s->size > BBGEN_FRAME_MAX)
		return -ERANGE;
	if (s->rtp.on && (s->nvlan || s->size < bb_frame_rtp_offset(s->src.family) +
				      BB_RTP_HLEN + bb_frame_tag_len(s->latency)))
		return -ERANGE;

	memset(buf, 0, s->size);
	off = put_eth(s, buf);
	if (s->src.family == AF_INET)
		off += put_ipv4(s, buf + off);
	else
		off += put_ipv6(s, buf + off);
	if (s->rtp.on)
		put_rtp(&s->rtp, buf + off + BB_UDP_HLEN,
			s->size - off - BB_UDP_HLEN - BB_RTP_HLEN - bb_frame_tag_len(s->latency));
	put_udp(s, buf + off, s->size - off);
	return 0;
}
