// SPDX-License-Identifier: GPL-2.0
/*
 * Sequence and time tags: write, read, and the checksum fix (see tag.h).
 * Written for every frame sent, so straight-line byte stores, no loops
 * over the area.
 */
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

static void put_be48(u8 *p, u64 v)
{
	p[0] = v >> 40;
	p[1] = v >> 32;
	p[2] = v >> 24;
	p[3] = v >> 16;
	p[4] = v >> 8;
	p[5] = v;
}

static void put_be64(u8 *p, u64 v)
{
	put_be48(p + 2, v);
	p[0] = v >> 56;
	p[1] = v >> 48;
}

/* The fix at @area: fix + @sum == @orig_sum in one's-complement. */
static void put_fix(u8 *area, u16 orig_sum, u32 sum)
{
	u32 fix = fold((u32)orig_sum + (~fold(sum) & 0xffff));

	area[0] = fix >> 8;
	area[1] = fix;
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
	put_be48(area + 2, seq);
	put_fix(area, orig_sum, words_sum(seq) + extra);
}

void bbgen_tag_write_time(u8 *area, u16 orig_sum, u64 seq, u64 tai_ns,
			  u16 extra)
{
	seq &= BBGEN_TAG_SEQ_MASK;
	put_be48(area + 2, seq);
	put_be64(area + 8, tai_ns);
	put_fix(area, orig_sum, words_sum(seq) + words_sum(tai_ns) + extra);
}
