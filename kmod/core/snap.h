/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Results over time: per-interval snapshots of a flow, kept in a ring that
 * readers leave as it is. Pure logic, no netdev dependency.
 *
 * Intervals are aligned to absolute multiples of the interval on the clock
 * the caller passes (CLOCK_TAI): snapshot k covers [k * I, (k + 1) * I).
 * The open snapshot closes into the ring when a frame of a later interval
 * arrives, or when a reader asks (bbgen_snaps_close_due()) after its end.
 * Intervals in which no frame arrived are not stored: a start time missing
 * from the series means zero frames in that interval.
 *
 * The ring holds BBGEN_SNAPS_MAX snapshots in chunks of BBGEN_SNAPS_CHUNK,
 * allocated as they fill (the first time only), so an idle trigger costs
 * no ring memory. When the ring is full the oldest snapshot is overwritten;
 * @dropped counts those, and snapshots lost to a failed chunk allocation.
 *
 * Every stored snapshot gets the next index (0, 1, ...), so the ring holds
 * indices [@next - @len, @next). A reader keeps its own cursor (the index
 * after the last one it read) and reads from there: nothing is removed by
 * reading, so several readers (bbd, ynl, a dashboard) each see every
 * snapshot, and one whose cursor fell behind the oldest knows exactly how
 * many it missed. A snapshot lost to a failed allocation takes no index
 * (only @dropped tells of it).
 *
 * Per snapshot: frames and bytes; lost = sequence numbers found missing by
 * frames of this interval (a gap counts in the interval of the frame after
 * it); out_of_sequence = late frames that filled a gap in this interval.
 * Summed over all snapshots, lost - out_of_sequence is the flow's net loss.
 * Latency: count, min, max, sum of the valid latencies, and the RFC 3550
 * jitter estimate after the interval's last frame.
 *
 * Not locked: the caller serialises updates and reads.
 */
#ifndef _BBGEN_CORE_SNAP_H
#define _BBGEN_CORE_SNAP_H

#include <linux/compiler.h>
#include <linux/gfp.h>
#include <linux/minmax.h>
#include <linux/types.h>

struct bbgen_snap {
	u64 start_ns;
	u64 frames, bytes, lost, out_of_sequence;
	u64 lat_count, lat_min, lat_max, lat_sum, jitter;
};

/* 50 * 80 bytes: one chunk fits a 4 KiB slab object */
#define BBGEN_SNAPS_CHUNK	50
#define BBGEN_SNAPS_NCHUNKS	72
#define BBGEN_SNAPS_MAX		(BBGEN_SNAPS_CHUNK * BBGEN_SNAPS_NCHUNKS)

struct bbgen_snaps {
	u64 interval_ns;
	u64 cur_end;		/* end of the open snapshot, 0: none open */
	struct bbgen_snap cur;
	u32 head, len;		/* oldest closed snapshot, how many */
	u64 next;		/* index the next stored snapshot gets */
	u64 dropped;
	struct bbgen_snap *chunk[BBGEN_SNAPS_NCHUNKS];
};

void bbgen_snaps_init(struct bbgen_snaps *r, u64 interval_ns);
void bbgen_snaps_free(struct bbgen_snaps *r);

/* Close the open snapshot (if any) and open the one holding @now. */
struct bbgen_snap *bbgen_snaps_open(struct bbgen_snaps *r, u64 now, gfp_t gfp);

/*
 * The open snapshot for a frame at @now, after closing the previous one if
 * @now is past its end. @gfp is for a chunk of the ring. Inline: every
 * frame asks, and all but one an interval find the open one.
 */
static inline struct bbgen_snap *bbgen_snaps_at(struct bbgen_snaps *r,
						u64 now, gfp_t gfp)
{
	if (likely(now < r->cur_end))
		return &r->cur;
	return bbgen_snaps_open(r, now, gfp);
}

/* Close the open snapshot if its interval ended before @now. */
void bbgen_snaps_close_due(struct bbgen_snaps *r, u64 now, gfp_t gfp);

/* The @i-th oldest closed snapshot (i < r->len). */
const struct bbgen_snap *bbgen_snaps_get(const struct bbgen_snaps *r, u32 i);

/* The index of the oldest snapshot in the ring (r->next when empty). */
static inline u64 bbgen_snaps_first(const struct bbgen_snaps *r)
{
	return r->next - r->len;
}

/* The snapshot of index @idx, or NULL when not (or no longer) in the ring */
const struct bbgen_snap *bbgen_snaps_index(const struct bbgen_snaps *r,
					   u64 idx);

/* Fold one valid latency into a snapshot. */
static inline void bbgen_snap_lat(struct bbgen_snap *s, u64 lat, u64 jitter)
{
	s->lat_min = s->lat_count ? min(s->lat_min, lat) : lat;
	s->lat_max = max(s->lat_max, lat);
	s->lat_sum += lat;
	s->lat_count++;
	s->jitter = jitter;
}

#endif /* _BBGEN_CORE_SNAP_H */
