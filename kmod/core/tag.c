// SPDX-License-Identifier: GPL-2.0
/*
 * The checksum sums of tag areas, taken once per template (see tag.h; the
 * writers, run for every frame sent, are inline there).
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

u16 bbgen_tag_time_sum(const u8 *area)
{
	return fold(bbgen_tag_sum(area) + bbgen_tag_sum(area + 8));
}

u16 bbgen_tag_sum_add(u16 a, u16 b)
{
	return fold((u32)a + b);
}
