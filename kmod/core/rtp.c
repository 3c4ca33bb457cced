// SPDX-License-Identifier: GPL-2.0
/*
 * RTP sequence number and timestamp per frame (see rtp.h). Written for
 * every frame sent: straight-line byte stores.
 */
#include "rtp.h"

static u32 fold(u32 sum)
{
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return sum;
}

void bbgen_rtp_base_read(const u8 *rtp, struct bbgen_rtp_base *b)
{
	b->seq = (u16)(rtp[2] << 8 | rtp[3]);
	b->ts = (u32)rtp[4] << 24 | (u32)rtp[5] << 16 | (u32)rtp[6] << 8 |
		rtp[7];
	b->sum = fold((u32)b->seq + (b->ts >> 16) + (b->ts & 0xffff));
}

void bbgen_rtp_rx_check(struct bbgen_rtp_rx *rx, const u8 *rtp, u64 tag_seq)
{
	u16 base;

	if (!rtp || bbgen_rtp_version(rtp) != BBGEN_RTP_VERSION) {
		rx->errors++;
		return;
	}
	base = (u16)(rtp[2] << 8 | rtp[3]) - (u16)tag_seq;
	if (!rx->have_base) {
		rx->have_base = true;
		rx->base = base;
	} else if (base != rx->base) {
		rx->errors++;
	}
}

u16 bbgen_rtp_write(u8 *rtp, const struct bbgen_rtp_base *b, u64 n,
		    u32 samples)
{
	/* only the low bits count: both fields wrap */
	u16 seq = b->seq + (u16)n;
	u32 ts = b->ts + (u32)n * samples;

	rtp[2] = seq >> 8;
	rtp[3] = seq;
	rtp[4] = ts >> 24;
	rtp[5] = ts >> 16;
	rtp[6] = ts >> 8;
	rtp[7] = ts;
	return fold((u32)seq + (ts >> 16) + (ts & 0xffff));
}
