/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The RTP fields bbgen advances per frame (RFC 3550 sequence number and
 * timestamp) and their share of the UDP checksum: pure logic, no netdev
 * dependency.
 *
 * A template carries a whole RTP header; frame N of a stream gets
 *   sequence number = template's + N      (mod 2^16)
 *   timestamp       = template's + N * samples (mod 2^32)
 * in bytes 2..7 of the header, nothing else changed. These 6 bytes are
 * three aligned 16-bit words of the header, so their one's-complement sum
 * is easy to keep: the tag's checksum fix (tag.h) takes the sum of the
 * template's bytes and of the written ones as "extra" and keeps the UDP
 * checksum valid for both areas at once.
 */
#ifndef _BBGEN_CORE_RTP_H
#define _BBGEN_CORE_RTP_H

#include <linux/types.h>

#define BBGEN_RTP_HLEN		12
#define BBGEN_RTP_VERSION	2

/* What a template's RTP header starts from. */
struct bbgen_rtp_base {
	u16 seq;
	u32 ts;
	u16 sum;	/* one's-complement sum (folded) of header bytes 2..7 */
};

/* The version field of the header at @rtp (the top two bits). */
static inline u8 bbgen_rtp_version(const u8 *rtp)
{
	return rtp[0] >> 6;
}

/* Read the template's sequence number, timestamp and their sum. */
void bbgen_rtp_base_read(const u8 *rtp, struct bbgen_rtp_base *b);

/*
 * Write the fields of frame @n at @rtp, @samples the timestamp step.
 * Returns the one's-complement sum (folded) of the 6 bytes written.
 */
u16 bbgen_rtp_write(u8 *rtp, const struct bbgen_rtp_base *b, u64 n,
		    u32 samples);

/*
 * A sum of words taken at an odd byte distance from the tag counts
 * byte-swapped in the tag's word alignment (and swapping both sides of an
 * equal one's-complement sum keeps them equal): align it before adding.
 */
static inline u16 bbgen_rtp_align(u16 sum, bool odd)
{
	return odd ? (u16)(sum << 8 | sum >> 8) : sum;
}

/*
 * RX: does a frame's RTP sequence number follow its tag? The sender makes
 * RTP sequence = base + tag sequence (mod 2^16), so (RTP - tag) mod 2^16
 * is the same for every frame of a stream. The first frame with an RTP
 * header sets it; a frame with another offset, or without a version 2
 * header where one belongs, is an RTP sequence error. Loss, reordering
 * and duplicates move tag and RTP sequence together and are not errors
 * here: the tag's counters (seq.h) already have them.
 */
struct bbgen_rtp_rx {
	bool have_base;
	u16 base;
	u64 errors;
};

/* @rtp: the RTP header received, or NULL if the frame has none. */
void bbgen_rtp_rx_check(struct bbgen_rtp_rx *rx, const u8 *rtp, u64 tag_seq);

#endif /* _BBGEN_CORE_RTP_H */
