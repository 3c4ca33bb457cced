// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* NAT discovery probes: the payload and the captured frame's reader. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "nat_probe.h"

#define ETH_HLEN_	14
#define VLAN_HLEN_	4
#define IP4_HLEN_MIN	20
#define UDP_HLEN_	8

static uint16_t get16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

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

void bb_nat_probe_build(uint8_t *buf, const struct bb_nat_token *t)
{
	memset(buf, 0, BB_NAT_PROBE_LEN);
	put32(buf, BB_NAT_PROBE_MAGIC);
	buf[4] = BB_NAT_PROBE_VERSION;
	buf[5] = (uint8_t)t->kind;
	put16(buf + 6, t->flow);
	put32(buf + 8, t->nonce);
}

int bb_nat_probe_parse(const uint8_t *buf, size_t len,
		       struct bb_nat_token *t, char *err, size_t errlen)
{
	if (len < BB_NAT_PROBE_LEN) {
		snprintf(err, errlen, "probe payload of %zu bytes, expected %d",
			 len, BB_NAT_PROBE_LEN);
		return -EINVAL;
	}
	if (get32(buf) != BB_NAT_PROBE_MAGIC) {
		snprintf(err, errlen, "not a probe (magic 0x%08x)", get32(buf));
		return -EINVAL;
	}
	if (buf[4] != BB_NAT_PROBE_VERSION) {
		snprintf(err, errlen, "probe version %u, expected %d", buf[4],
			 BB_NAT_PROBE_VERSION);
		return -EINVAL;
	}
	if (buf[5] > BB_NAT_PROBE_SECOND) {
		snprintf(err, errlen, "probe kind %u, expected 0 or 1", buf[5]);
		return -EINVAL;
	}
	t->kind = buf[5];
	t->flow = get16(buf + 6);
	t->nonce = get32(buf + 8);
	return 0;
}

/* The IPv4 header at p (len bytes to the frame's end): UDP, not a
 * fragment, lengths inside the frame. Returns the header length or 0. */
static size_t ip4_header(const uint8_t *p, size_t len, size_t *ip_len,
			 char *err, size_t errlen)
{
	size_t hl;

	if (len < IP4_HLEN_MIN || p[0] >> 4 != 4) {
		snprintf(err, errlen, "not an IPv4 header");
		return 0;
	}
	hl = (size_t)(p[0] & 0xf) * 4;
	*ip_len = get16(p + 2);
	if (hl < IP4_HLEN_MIN || *ip_len < hl || *ip_len > len) {
		snprintf(err, errlen, "IPv4 header length %zu, total %zu, %zu captured",
			 hl, *ip_len, len);
		return 0;
	}
	if (p[9] != IPPROTO_UDP) {
		snprintf(err, errlen, "IPv4 protocol %u, not UDP", p[9]);
		return 0;
	}
	if (get16(p + 6) & 0x3fff) {
		snprintf(err, errlen, "an IPv4 fragment");
		return 0;
	}
	return hl;
}

int bb_nat_probe_frame(const uint8_t *frame, size_t len,
		       struct bb_nat_seen *s, char *err, size_t errlen)
{
	size_t off = 12, hl, ip_len, ulen;
	uint16_t type;
	int tags;

	if (len < ETH_HLEN_) {
		snprintf(err, errlen, "frame of %zu bytes, shorter than Ethernet's header", len);
		return -EINVAL;
	}
	type = get16(frame + off);
	for (tags = 0; type == 0x8100 || type == 0x88a8 || type == 0x9100; tags++) {
		if (tags == 2 || off + 2 + VLAN_HLEN_ > len) {
			snprintf(err, errlen, "VLAN tags: more than 2 or truncated");
			return -EINVAL;
		}
		off += VLAN_HLEN_;
		type = get16(frame + off);
	}
	if (type != 0x0800) {
		snprintf(err, errlen, "EtherType 0x%04x, not IPv4", type);
		return -EINVAL;
	}
	off += 2;
	hl = ip4_header(frame + off, len - off, &ip_len, err, errlen);
	if (!hl)
		return -EINVAL;
	memcpy(&s->src, frame + off + 12, 4);
	memcpy(&s->dst, frame + off + 16, 4);
	if (ip_len - hl < UDP_HLEN_) {
		snprintf(err, errlen, "UDP header truncated");
		return -EINVAL;
	}
	off += hl;
	s->sport = get16(frame + off);
	s->dport = get16(frame + off + 2);
	ulen = get16(frame + off + 4);
	if (ulen < UDP_HLEN_ || ulen > ip_len - hl) {
		snprintf(err, errlen, "UDP length %zu, %zu bytes after the IPv4 header",
			 ulen, ip_len - hl);
		return -EINVAL;
	}
	return bb_nat_probe_parse(frame + off + UDP_HLEN_, ulen - UDP_HLEN_,
				  &s->token, err, errlen);
}
