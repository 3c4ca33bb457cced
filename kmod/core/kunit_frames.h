/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Test-only helpers shared by the KUnit suites: a small deterministic PRNG,
 * a builder of Ethernet/[VLAN]/IPv4|IPv6/UDP frames, and a reference UDP
 * checksum computed from scratch over pseudo header, header and payload.
 */
#ifndef _BBGEN_CORE_KUNIT_FRAMES_H
#define _BBGEN_CORE_KUNIT_FRAMES_H

#include <linux/string.h>
#include <linux/types.h>

struct kf_spec {
	int ip_version;		/* 4 or 6 */
	int vlans;		/* 0..3 tags before the IP header */
	u32 size;		/* whole frame, without FCS */
	u32 pad;		/* Ethernet padding after the UDP datagram */
	u32 ip_options;		/* IPv4 option bytes (multiple of 4) */
};

static inline u64 kf_rand(u64 *state)
{
	u64 x = *state;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	*state = x;
	return x;
}

static inline void kf_put16(u8 *p, u32 v)
{
	p[0] = v >> 8;
	p[1] = v & 0xff;
}

static inline u32 kf_get16(const u8 *p)
{
	return (u32)p[0] << 8 | p[1];
}

static inline u32 kf_fold(u32 sum)
{
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return sum;
}

/* One's-complement sum of @len bytes; an odd last byte is the high half. */
static inline u32 kf_sum(const u8 *p, u32 len, u32 sum)
{
	u32 i;

	for (i = 0; i + 1 < len; i += 2)
		sum = kf_fold(sum + kf_get16(p + i));
	if (len & 1)
		sum = kf_fold(sum + ((u32)p[len - 1] << 8));
	return sum;
}

/* Folded sum over pseudo header and datagram, checksum field included. */
static inline u32 kf_udp_sum(const u8 *frame, u32 l3, int ip_version)
{
	u32 sum, udp, ulen;

	if (ip_version == 4) {
		udp = l3 + (frame[l3] & 0x0f) * 4;
		ulen = kf_get16(frame + udp + 4);
		sum = kf_sum(frame + l3 + 12, 8, 0);
	} else {
		udp = l3 + 40;
		ulen = kf_get16(frame + udp + 4);
		sum = kf_sum(frame + l3 + 8, 32, 0);
	}
	sum = kf_fold(sum + 17 + ulen);
	return kf_sum(frame + udp, ulen, sum);
}

static inline u32 kf_l3_off(const struct kf_spec *sp)
{
	return 14 + 4 * sp->vlans;
}

static inline u32 kf_ip_hdr_len(const struct kf_spec *sp)
{
	return sp->ip_version == 4 ? 20 + sp->ip_options : 40;
}

/* Build a frame with random addresses and payload and a valid checksum. */
static inline void kf_build(u8 *f, const struct kf_spec *sp, u64 *rng)
{
	u32 l3 = kf_l3_off(sp), iph = kf_ip_hdr_len(sp), i, udp, ulen, sum;

	for (i = 0; i < sp->size; i++)
		f[i] = kf_rand(rng);
	for (i = 0; i < (u32)sp->vlans; i++)
		kf_put16(f + 12 + 4 * i, i ? 0x8100 : 0x88a8);
	udp = l3 + iph;
	ulen = sp->size - sp->pad - udp;
	if (sp->ip_version == 4) {
		kf_put16(f + l3 - 2, 0x0800);
		f[l3] = 0x40 | iph / 4;
		kf_put16(f + l3 + 2, iph + ulen);
		kf_put16(f + l3 + 6, 0);	/* not a fragment */
		f[l3 + 9] = 17;
	} else {
		kf_put16(f + l3 - 2, 0x86dd);
		f[l3] = 0x60;
		kf_put16(f + l3 + 4, ulen);
		f[l3 + 6] = 17;
	}
	kf_put16(f + udp + 4, ulen);
	kf_put16(f + udp + 6, 0);
	sum = kf_udp_sum(f, l3, sp->ip_version);
	sum = ~sum & 0xffff;
	kf_put16(f + udp + 6, sum ? sum : 0xffff);
}

#endif /* _BBGEN_CORE_KUNIT_FRAMES_H */
