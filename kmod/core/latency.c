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

static void jitter_update(struct bbgen_lat *l, s64 lat)
{
	s64 d = lat - l->last;
	u64 ad = d < 0 ? -d : d;

	/*
	 * RFC 3550 A.8: J16 += |D| - ((J16 + 8) >> 4). The result is never
	 * negative, so the u64 arithmetic wrapping in between is harmless.
	 */
	l->jitter16 += ad - ((l->jitter16 + 8) >> 4);
}

bool bbgen_lat_add(struct bbgen_lat *l, u64 rx_ns, u64 tx_ns)
{
	u64 lat;

	if (rx_ns < tx_ns || rx_ns - tx_ns > BBGEN_HIST_MAX_NS) {
		l->invalid++;
		return false;
	}
	lat = rx_ns - tx_ns;
	if (l->count)
		jitter_update(l, lat);
	if (!l->count || lat < l->min)
		l->min = lat;
	if (lat > l->max)
		l->max = lat;
	l->last = lat;
	l->sum += lat;
	l->count++;
	if (lat < l->range_min)
		l->below++;
	else if (lat > l->range_max)
		l->above++;
	if (l->hist)
		bbgen_hist_add(l->hist, lat);
	return true;
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
