// SPDX-License-Identifier: GPL-2.0
/*
 * Sequence and time tags: write, read, and the checksum fix (see tag.h).
 * Written for every frame sent: the checksum fix is computed first, then
 * the area is written with two 8-byte stores (16 byte stores cost
 * measurably more per frame under qemu TCG; see Documentation/performance.md).
 */
#include <linux/string.h>
#include <asm/byteorder.h>

#include "tag.h"

static u32 fold(u32 sum)
{
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return sum;
}

static u32 be16_at(const u8 *p)
{
	return (u32)p[0] << 8 | p[1];
}

/* Sum of the four 16-bit words of @v, unfolded (< 2^18). */
static u32 words_sum(u64 v)
{
	return (u32)(v & 0xffff) + (u32)(v >> 16 & 0xffff) +
	       (u32)(v >> 32 & 0xffff) + (u32)(v >> 48);
}

/* one store: memcpy of a constant 8 bytes compiles to a mov */
static void put_be64(u8 *p, u64 v)
{
	__be64 b = cpu_to_be64(v);

	memcpy(p, &b, sizeof(b));
}

/*
 * The tag's first 8 bytes: the fix, so that fix + @sum == @orig_sum in
 * one's-complement, then the 48-bit @seq.
 */
static void put_fix_seq(u8 *area, u16 orig_sum, u32 sum, u64 seq)
{
	u64 fix = fold((u32)orig_sum + (~fold(sum) & 0xffff));

	put_be64(area, fix << 48 | seq);
}

u16 bbgen_tag_sum(const u8 *area)
{
	return fold(be16_at(area) + be16_at(area + 2) + be16_at(area + 4) +
		    be16_at(area + 6));
}

u16 bbgen_tag_time_sum(const u8 *area)
{
	return fold(bbgen_tag_sum(area) + bbgen_tag_sum(area + 8));
}

u16 bbgen_tag_sum_add(u16 a, u16 b)
{
	return fold((u32)a + b);
}

void bbgen_tag_write(u8 *area, u16 orig_sum, u64 seq, u16 extra)
{
	seq &= BBGEN_TAG_SEQ_MASK;
	put_fix_seq(area, orig_sum, words_sum(seq) + extra, seq);
}

void bbgen_tag_write_time(u8 *area, u16 orig_sum, u64 seq, u64 tai_ns,
			  u16 extra)
{
	seq &= BBGEN_TAG_SEQ_MASK;
	put_be64(area + 8, tai_ns);
	put_fix_seq(area, orig_sum, words_sum(seq) + words_sum(tai_ns) + extra,
		    seq);
}
