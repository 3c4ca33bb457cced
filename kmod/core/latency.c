// SPDX-License-Identifier: GPL-2.0
/*
 * Latency statistics: min/avg/max, RFC 3550 jitter, histogram, reporting
 * range and implausible stamps (latency.h).
 */
#include <linux/math64.h>
#include <linux/string.h>

#include "latency.h"

const u32 bbgen_lat_pct_ppm[BBGEN_LAT_NPCT] = {
	500000, 900000, 990000, 999000, 999900,
};

void bbgen_lat_init(struct bbgen_lat *l, struct bbgen_hist *hist,
		    u64 range_min, u64 range_max)
{
	memset(l, 0, sizeof(*l));
	l->hist = hist;
	l->range_min = range_min;
	l->range_max = range_max;
	if (hist)
		bbgen_hist_init(hist);
}

void bbgen_lat_summary(const struct bbgen_lat *l, struct bbgen_lat_summary *s)
{
	memset(s, 0, sizeof(*s));
	s->count = l->count;
	s->below = l->below;
	s->above = l->above;
	s->invalid = l->invalid;
	if (!l->count)
		return;
	s->min = l->min;
	s->max = l->max;
	s->avg = div64_u64(l->sum, l->count);
	s->jitter = l->jitter16 >> 4;
	if (l->hist)
		bbgen_hist_percentiles(l->hist, bbgen_lat_pct_ppm, s->pct,
				       BBGEN_LAT_NPCT);
}
