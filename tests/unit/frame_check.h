/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* Shared by the frame tests: an independent one's-complement sum, frame
 * specs and a UDP checksum check. */
#ifndef FRAME_CHECK_H
#define FRAME_CHECK_H

#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <arpa/inet.h>

#include "frame.h"

/* Byte-at-a-time one's-complement sum, end-around carry at each step. */
static inline uint16_t ones_sum(uint16_t acc, const uint8_t *p, size_t len)
{
	uint32_t s = acc;
	size_t i;

	for (i = 0; i < len; i++) {
		s += i % 2 ? p[i] : (uint32_t)p[i] << 8;
		s = (s & 0xffff) + (s >> 16);
	}
	return (uint16_t)s;
}

static inline uint16_t rd16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static inline void spec_v4(struct bb_frame_spec *s, size_t size)
{
	static const uint8_t dmac[6] = { 0x02, 0, 0, 0, 0, 0x01 };
	static const uint8_t smac[6] = { 0x02, 0, 0, 0, 0, 0x02 };

	memset(s, 0, sizeof(*s));
	memcpy(s->dst_mac, dmac, 6);
	memcpy(s->src_mac, smac, 6);
	s->src.family = s->dst.family = AF_INET;
	inet_pton(AF_INET, "198.51.100.1", &s->src.v4);
	inet_pton(AF_INET, "198.51.100.254", &s->dst.v4);
	s->sport = 49152;
	s->dport = 4000;
	s->size = size;
}

static inline void spec_v6(struct bb_frame_spec *s, size_t size)
{
	spec_v4(s, size);
	s->src.family = s->dst.family = AF_INET6;
	inet_pton(AF_INET6, "2001:db8::1", &s->src.v6);
	inet_pton(AF_INET6, "2001:db8:ffff::fe", &s->dst.v6);
}

/* The UDP checksum over pseudo-header + segment must sum to 0xffff; the
 * IP header starts at l2. */
static inline uint16_t udp_verify(const uint8_t *f, size_t l2, int family)
{
	size_t l3 = family == AF_INET ? 20 : 40;
	const uint8_t *ip = f + l2, *udp = f + l2 + l3;
	size_t alen = family == AF_INET ? 4 : 16;
	uint16_t len = rd16(udp + 4);
	uint8_t pseudo[4] = { 0, 0, 0, 17 }, ulen[4] = { 0, 0, len >> 8, len & 0xff };
	uint16_t s;

	s = ones_sum(0, family == AF_INET ? ip + 12 : ip + 8, 2 * alen);
	s = ones_sum(s, pseudo, 4);
	s = ones_sum(s, ulen, 4);
	return ones_sum(s, udp, len);
}

#endif
