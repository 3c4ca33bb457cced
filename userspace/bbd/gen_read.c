// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* Reading a run's bbgen objects: counters, history, histogram. The
 * requests and decoders are userspace/lib's, the ones bbctl uses. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <linux/bbgen.h>

#include "gen.h"

/* A get needs an id: 0 would make the request a dump of them all. */
static int no_id(struct bb_genl *g)
{
	snprintf(g->msg, sizeof(g->msg), "no object id");
	return -EINVAL;
}

static int on_stream(const struct bb_reply *r, void *arg)
{
	return bb_gen_stream_decode(r, arg);
}

int bbd_gen_stream_get(struct bb_genl *g, uint32_t id,
		       struct bb_gen_stream *tx)
{
	struct nl_msg *msg;

	memset(tx, 0, sizeof(*tx));
	if (!id)
		return no_id(g);
	msg = bb_gen_stream_get_msg(g, id);
	if (!msg)
		return -ENOMEM;
	return bb_genl_talk(g, msg, BBGEN_A_STREAM_MAX, on_stream, tx);
}

static int on_trigger(const struct bb_reply *r, void *arg)
{
	return bb_gen_trigger_decode(r, arg);
}

int bbd_gen_trigger_get(struct bb_genl *g, uint32_t id,
			struct bb_gen_trigger *rx)
{
	struct nl_msg *msg;

	memset(rx, 0, sizeof(*rx));
	if (!id)
		return no_id(g);
	msg = bb_gen_trigger_get_msg(g, id);
	if (!msg)
		return -ENOMEM;
	return bb_genl_talk(g, msg, BBGEN_A_TRIGGER_MAX, on_trigger, rx);
}

struct history {
	bb_gen_snapshot_cb cb;
	void *arg;
	uint64_t *cursor, *missed;
};

static void one_snapshot(const struct bb_gen_snapshot *s, void *arg)
{
	const struct history *h = arg;

	/* without an index it cannot be placed; before the cursor: never
	 * twice */
	if (!s->present.index || s->index < *h->cursor)
		return;
	*h->cursor = s->index + 1;
	h->cb(s, h->arg);
}

static int on_history(const struct bb_reply *r, void *arg)
{
	struct history *h = arg;
	struct bb_gen_history hdr;

	bb_gen_history_decode(r, &hdr, one_snapshot, h);
	if (hdr.present.history_dropped)
		*h->missed += hdr.history_dropped;
	return 0;
}

int bbd_gen_history(struct bb_genl *g, uint32_t id, uint64_t *cursor,
		    uint64_t *missed, bb_gen_snapshot_cb cb, void *arg)
{
	struct history h = { cb, arg, cursor, missed };
	struct nl_msg *msg = bb_gen_history_msg(g, id, *cursor);

	return msg ? bb_genl_talk(g, msg, BBGEN_A_TRIGGER_MAX, on_history, &h)
		   : -ENOMEM;
}

struct buckets {
	bbd_bucket_cb cb;
	void *arg;
};

static void one_bucket(const struct bb_gen_bucket *b, void *arg)
{
	const struct buckets *bs = arg;

	if (b->present.upper_ns && b->present.count)
		bs->cb(b->upper_ns, b->count, bs->arg);
}

static int on_histogram(const struct bb_reply *r, void *arg)
{
	bb_gen_histogram_decode(r, NULL, one_bucket, arg);
	return 0;
}

int bbd_gen_histogram(struct bb_genl *g, uint32_t id, bbd_bucket_cb cb,
		      void *arg)
{
	struct buckets bs = { cb, arg };
	struct nl_msg *msg = bb_gen_histogram_msg(g, id);

	return msg ? bb_genl_talk(g, msg, BBGEN_A_TRIGGER_MAX, on_histogram,
				  &bs)
		   : -ENOMEM;
}
