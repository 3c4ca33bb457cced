/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The sequence tag written into every test frame, and the checksum fix that
 * keeps the frame's UDP checksum valid: pure logic, no netdev dependency.
 *
 * Wire format (network byte order, BBGEN_TAG_SEQ_LEN bytes):
 *   | checksum fix (2) | sequence number (6) |
 *
 * The fix is chosen so that the one's-complement sum of the 8 tag bytes,
 * taken as four big-endian 16-bit words, equals that of the template bytes
 * the tag overwrites. The UDP checksum covers the tag, so it stays valid
 * without being recomputed. This also holds when the tag starts at an odd
 * offset from the UDP header: the region's words are then byte-swapped in
 * the checksum, and swapping both sides of an equal one's-complement sum
 * keeps them equal.
 *
 * With latency on the tag is 16 bytes, the sequence tag followed by the
 * TX time (CLOCK_TAI ns, 8 bytes, network byte order):
 *   | checksum fix (2) | sequence number (6) | TX time (8) |
 * and the one fix covers all 14 bytes after it the same way.
 *
 * Other bytes of the UDP payload that change per frame (the RTP fields,
 * rtp.h) are covered by the same fix: @orig_sum then also holds their
 * template sum, @extra the sum of what was written there, both in the
 * tag's word alignment.
 */
#ifndef _BBGEN_CORE_TAG_H
#define _BBGEN_CORE_TAG_H

#include <linux/string.h>
#include <linux/types.h>
#include <asm/byteorder.h>

#define BBGEN_TAG_SEQ_LEN	8
#define BBGEN_TAG_SEQ_MASK	((1ULL << 48) - 1)
#define BBGEN_TAG_TIME_LEN	16

/* One's-complement sum (folded, 0..0xffff) of the 8 bytes at @area. */
u16 bbgen_tag_sum(const u8 *area);

/* One's-complement sum (folded) of two folded sums. */
u16 bbgen_tag_sum_add(u16 a, u16 b);

/*
 * The writers run for every frame sent: always inline (the TX loop has
 * five specialised copies, more than the compiler inlines them into on
 * its own), so the TX loop makes no call for them (under qemu TCG a
 * call's return is a lookup of its own).
 * The fix is computed first, then the area written with 8-byte stores
 * (byte stores cost measurably more per frame under TCG; see
 * Documentation/performance.md).
 */

/* One's-complement fold of any 32-bit sum to 16 bits: two steps suffice. */
static __always_inline u32 bbgen_tag_fold(u32 sum)
{
	sum = (sum & 0xffff) + (sum >> 16);
	return (sum & 0xffff) + (sum >> 16);
}

/* Sum of the four 16-bit words of @v, unfolded (< 2^18). */
static __always_inline u32 bbgen_tag_words_sum(u64 v)
{
	return (u32)(v & 0xffff) + (u32)(v >> 16 & 0xffff) +
	       (u32)(v >> 32 & 0xffff) + (u32)(v >> 48);
}

/* One store: memcpy of a constant 8 bytes compiles to a mov. */
static __always_inline void bbgen_tag_put_be64(u8 *p, u64 v)
{
	__be64 b = cpu_to_be64(v);

	memcpy(p, &b, sizeof(b));
}

/*
 * The fix in two halves, for a loop that writes many tags alike: the base
 * holds what the tags share (@orig_sum less @shared_sum, the sum of the
 * bytes other than the sequence number written with it: a TX time, RTP
 * fields), worked out once; bbgen_tag_put_seq() takes a sequence number
 * off it per frame. In one's complement the fix is orig - shared - seq
 * (mod 0xffff); the base is orig - shared plus three times 0xffff (which
 * is 0 mod 0xffff), so subtracting the three words of a 48-bit sequence
 * number never goes below 0. Both representations of 0 (0 and 0xffff)
 * make the same checksum.
 */
static __always_inline u32 bbgen_tag_base(u16 orig_sum, u32 shared_sum)
{
	return bbgen_tag_fold((u32)orig_sum +
			      (~bbgen_tag_fold(shared_sum) & 0xffff)) +
	       3 * 0xffff;
}

/* The tag's first 8 bytes: the fix off @base, then the 48-bit @seq. */
static __always_inline void bbgen_tag_put_seq(u8 *area, u32 base, u64 seq)
{
	u64 fix;

	seq &= BBGEN_TAG_SEQ_MASK;
	fix = bbgen_tag_fold(base - (u32)(seq & 0xffff) -
			     (u32)(seq >> 16 & 0xffff) - (u32)(seq >> 32));
	bbgen_tag_put_be64(area, fix << 48 | seq);
}

/*
 * Write the tag for @seq (low 48 bits) at @area; @orig_sum is
 * bbgen_tag_sum() of the template bytes at that place (plus the template
 * sum of other changed bytes), @extra the sum of those bytes as written
 * (0 if none).
 */
static __always_inline void bbgen_tag_write(u8 *area, u16 orig_sum, u64 seq,
					    u16 extra)
{
	bbgen_tag_put_seq(area, bbgen_tag_base(orig_sum, extra), seq);
}

/* The base of the tags stamped @tai_ns, @orig_sum and @extra as below. */
static __always_inline u32 bbgen_tag_time_base(u16 orig_sum, u64 tai_ns,
					       u16 extra)
{
	return bbgen_tag_base(orig_sum, bbgen_tag_words_sum(tai_ns) + extra);
}

/*
 * Write the 16-byte tag for @seq and @tai_ns at @area; @orig_sum is
 * bbgen_tag_time_sum() of the template bytes at that place, @orig_sum and
 * @extra as for bbgen_tag_write().
 */
static __always_inline void bbgen_tag_write_time(u8 *area, u16 orig_sum,
						 u64 seq, u64 tai_ns,
						 u16 extra)
{
	bbgen_tag_put_be64(area + 8, tai_ns);
	bbgen_tag_put_seq(area, bbgen_tag_time_base(orig_sum, tai_ns, extra),
			  seq);
}

/*
 * The readers run for every frame received: inline, so the RX path makes
 * no call for them (a call and its return cost more than the load itself).
 */
static inline u64 bbgen_tag_get_be(const u8 *p, int n)
{
	u64 v = 0;
	int i;

	for (i = 0; i < n; i++)
		v = v << 8 | p[i];
	return v;
}

/* The sequence number of the tag at @area. */
static inline u64 bbgen_tag_read_seq(const u8 *area)
{
	return bbgen_tag_get_be(area + 2, 6);
}

/* One's-complement sum (folded) of the 16 bytes at @area. */
u16 bbgen_tag_time_sum(const u8 *area);

/* The TX time of the 16-byte tag at @area. */
static inline u64 bbgen_tag_read_time(const u8 *area)
{
	return bbgen_tag_get_be(area + 8, 8);
}

#endif /* _BBGEN_CORE_TAG_H */
