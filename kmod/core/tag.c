// SPDX-License-Identifier: GPL-2.0
/*
 * Sequence tag: write, read, and the checksum fix (see tag.h).
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

u16 bbgen_tag_sum(const u8 *area)
{
	return fold(be16_at(area) + be16_at(area + 2) + be16_at(area + 4) +
		    be16_at(area + 6));
}

void bbgen_tag_write(u8 *area, u16 orig_sum, u64 seq)
{
	u32 seq_sum, fix;
	int i;

	seq &= BBGEN_TAG_SEQ_MASK;
	for (i = 7; i >= 2; i--) {
		area[i] = seq & 0xff;
		seq >>= 8;
	}
	seq_sum = fold(be16_at(area + 2) + be16_at(area + 4) +
		       be16_at(area + 6));
	/* fix + seq_sum == orig_sum in one's-complement arithmetic */
	fix = fold((u32)orig_sum + (~seq_sum & 0xffff));
	area[0] = fix >> 8;
	area[1] = fix & 0xff;
}

u64 bbgen_tag_read_seq(const u8 *area)
{
	u64 seq = 0;
	int i;

	for (i = 2; i < BBGEN_TAG_SEQ_LEN; i++)
		seq = seq << 8 | area[i];
	return seq;
}
