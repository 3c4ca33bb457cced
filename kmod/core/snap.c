// SPDX-License-Identifier: GPL-2.0
/*
 * Interval snapshots in a ring of lazily allocated chunks (snap.h).
 */
#include <linux/math64.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "snap.h"

void bbgen_snaps_init(struct bbgen_snaps *r, u64 interval_ns)
{
	memset(r, 0, sizeof(*r));
	r->interval_ns = interval_ns;
}

void bbgen_snaps_free(struct bbgen_snaps *r)
{
	unsigned int i;

	for (i = 0; i < BBGEN_SNAPS_NCHUNKS; i++)
		kfree(r->chunk[i]);
	memset(r->chunk, 0, sizeof(r->chunk));
}

static struct bbgen_snap *slot(const struct bbgen_snaps *r, u32 pos)
{
	struct bbgen_snap *c = r->chunk[pos / BBGEN_SNAPS_CHUNK];

	return c ? &c[pos % BBGEN_SNAPS_CHUNK] : NULL;
}

/* Append the open snapshot to the ring, overwriting the oldest if full. */
static void close_cur(struct bbgen_snaps *r, gfp_t gfp)
{
	u32 pos = (r->head + r->len) % BBGEN_SNAPS_MAX;
	struct bbgen_snap **c = &r->chunk[pos / BBGEN_SNAPS_CHUNK];

	r->cur_end = 0;
	if (!*c) {
		*c = kmalloc_array(BBGEN_SNAPS_CHUNK, sizeof(**c), gfp);
		if (!*c) {
			r->dropped++;
			return;
		}
	}
	*slot(r, pos) = r->cur;
	r->next++;
	if (r->len < BBGEN_SNAPS_MAX) {
		r->len++;
	} else {
		r->head = (r->head + 1) % BBGEN_SNAPS_MAX;
		r->dropped++;
	}
}

struct bbgen_snap *bbgen_snaps_open(struct bbgen_snaps *r, u64 now, gfp_t gfp)
{
	u64 rem;

	if (r->cur_end)
		close_cur(r, gfp);
	memset(&r->cur, 0, sizeof(r->cur));
	div64_u64_rem(now, r->interval_ns, &rem);
	r->cur.start_ns = now - rem;
	r->cur_end = r->cur.start_ns + r->interval_ns;
	return &r->cur;
}

void bbgen_snaps_close_due(struct bbgen_snaps *r, u64 now, gfp_t gfp)
{
	if (r->cur_end && now >= r->cur_end)
		close_cur(r, gfp);
}

const struct bbgen_snap *bbgen_snaps_get(const struct bbgen_snaps *r, u32 i)
{
	return slot(r, (r->head + i) % BBGEN_SNAPS_MAX);
}

const struct bbgen_snap *bbgen_snaps_index(const struct bbgen_snaps *r,
					   u64 idx)
{
	u64 first = bbgen_snaps_first(r);

	if (idx < first || idx >= r->next)
		return NULL;
	return bbgen_snaps_get(r, (u32)(idx - first));
}
