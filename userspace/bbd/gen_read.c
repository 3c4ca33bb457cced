// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* Reading a run's bbgen objects: counters, history, histogram. */
#include <errno.h>
#include <string.h>

#include <linux/bbgen.h>

#include "gen.h"

static struct nl_msg *id_msg(struct bb_genl *g, uint8_t cmd, bool dump,
			     int attr, uint32_t id)
{
	struct nl_msg *msg = bb_genl_msg(g, cmd, dump);

	if (msg && nla_put_u32(msg, attr, id) < 0) {
		nlmsg_free(msg);
		msg = NULL;
	}
	return msg;
}

static void u64_of(const struct nlattr *a, uint64_t *v)
{
	if (!bb_nla_u64(a, v))
		*v = 0;
}

static int on_stream(const struct bb_reply *r, void *arg)
{
	struct bbd_tx *tx = arg;

	bb_nla_u32(r->tb[BBGEN_A_STREAM_STATE], &tx->state);
	u64_of(r->tb[BBGEN_A_STREAM_TX_FRAMES], &tx->frames);
	u64_of(r->tb[BBGEN_A_STREAM_TX_BYTES], &tx->bytes);
	tx->has_first = bb_nla_u64(r->tb[BBGEN_A_STREAM_FIRST_TX_NS],
				   &tx->first_ns);
	u64_of(r->tb[BBGEN_A_STREAM_LAST_TX_NS], &tx->last_ns);
	u64_of(r->tb[BBGEN_A_STREAM_TX_TIME_ERROR_NS], &tx->time_err_ns);
	return 0;
}

int bbd_gen_stream_get(struct bb_genl *g, uint32_t id, struct bbd_tx *tx)
{
	struct nl_msg *msg = id_msg(g, BBGEN_CMD_STREAM_GET, false,
				    BBGEN_A_STREAM_ID, id);

	memset(tx, 0, sizeof(*tx));
	return msg ? bb_genl_talk(g, msg, BBGEN_A_STREAM_MAX, on_stream, tx)
		   : -ENOMEM;
}

static void parse_latency(const struct nlattr *nest, struct bbd_latency *l)
{
	struct nlattr *tb[BBGEN_A_LATENCY_MAX + 1];

	if (nla_parse_nested(tb, BBGEN_A_LATENCY_MAX, (struct nlattr *)nest,
			     NULL) < 0)
		return;
	u64_of(tb[BBGEN_A_LATENCY_COUNT], &l->count);
	u64_of(tb[BBGEN_A_LATENCY_MIN_NS], &l->min);
	u64_of(tb[BBGEN_A_LATENCY_AVG_NS], &l->avg);
	u64_of(tb[BBGEN_A_LATENCY_MAX_NS], &l->max);
	u64_of(tb[BBGEN_A_LATENCY_JITTER_NS], &l->jitter);
	u64_of(tb[BBGEN_A_LATENCY_P50_NS], &l->p50);
	u64_of(tb[BBGEN_A_LATENCY_P90_NS], &l->p90);
	u64_of(tb[BBGEN_A_LATENCY_P99_NS], &l->p99);
	u64_of(tb[BBGEN_A_LATENCY_P999_NS], &l->p999);
	u64_of(tb[BBGEN_A_LATENCY_P9999_NS], &l->p9999);
	u64_of(tb[BBGEN_A_LATENCY_BELOW_RANGE], &l->below);
	u64_of(tb[BBGEN_A_LATENCY_ABOVE_RANGE], &l->above);
	u64_of(tb[BBGEN_A_LATENCY_INVALID], &l->invalid);
}

static void parse_loss(const struct nlattr *nest, struct bbd_rx *rx)
{
	struct nlattr *tb[BBGEN_A_LOSS_EVENT_MAX + 1];
	struct bbd_loss_event *e;

	if (rx->nloss >= sizeof(rx->loss) / sizeof(rx->loss[0]) ||
	    nla_parse_nested(tb, BBGEN_A_LOSS_EVENT_MAX, (struct nlattr *)nest,
			     NULL) < 0)
		return;
	e = &rx->loss[rx->nloss++];
	u64_of(tb[BBGEN_A_LOSS_EVENT_FIRST_SEQ], &e->first_seq);
	u64_of(tb[BBGEN_A_LOSS_EVENT_COUNT], &e->count);
	u64_of(tb[BBGEN_A_LOSS_EVENT_RX_NS], &e->rx_ns);
}

static int on_trigger(const struct bb_reply *r, void *arg)
{
	struct bbd_rx *rx = arg;
	struct nlattr *a;
	int rem;

	u64_of(r->tb[BBGEN_A_TRIGGER_RX_FRAMES], &rx->frames);
	u64_of(r->tb[BBGEN_A_TRIGGER_RX_BYTES], &rx->bytes);
	u64_of(r->tb[BBGEN_A_TRIGGER_LOST], &rx->lost);
	u64_of(r->tb[BBGEN_A_TRIGGER_OUT_OF_SEQUENCE], &rx->ooo);
	u64_of(r->tb[BBGEN_A_TRIGGER_DUPLICATES], &rx->dups);
	rx->has_times = bb_nla_u64(r->tb[BBGEN_A_TRIGGER_FIRST_RX_NS],
				   &rx->first_ns);
	u64_of(r->tb[BBGEN_A_TRIGGER_LAST_RX_NS], &rx->last_ns);
	rx->has_latency = r->tb[BBGEN_A_TRIGGER_LATENCY] != NULL;
	rx->has_rtp = bb_nla_u64(r->tb[BBGEN_A_TRIGGER_RTP_SEQ_ERRORS],
				 &rx->rtp_seq_errors);
	u64_of(r->tb[BBGEN_A_TRIGGER_RANGE_MIN_NS], &rx->lat.range_min);
	u64_of(r->tb[BBGEN_A_TRIGGER_RANGE_MAX_NS], &rx->lat.range_max);
	if (r->tb[BBGEN_A_TRIGGER_LATENCY_STATS])
		parse_latency(r->tb[BBGEN_A_TRIGGER_LATENCY_STATS], &rx->lat);
	rx->nloss = 0;
	nla_for_each_attr(a, r->attrs, r->len, rem)
		if (nla_type(a) == BBGEN_A_TRIGGER_LOSS_EVENT)
			parse_loss(a, rx);
	return 0;
}

int bbd_gen_trigger_get(struct bb_genl *g, uint32_t id, struct bbd_rx *rx)
{
	struct nl_msg *msg = id_msg(g, BBGEN_CMD_TRIGGER_GET, false,
				    BBGEN_A_TRIGGER_ID, id);

	memset(rx, 0, sizeof(*rx));
	return msg ? bb_genl_talk(g, msg, BBGEN_A_TRIGGER_MAX, on_trigger, rx)
		   : -ENOMEM;
}

struct items {
	bbd_snapshot_cb snap;
	bbd_bucket_cb bucket;
	void *arg;
	uint64_t *cursor, *missed;	/* history only */
};

bool bbd_gen_snapshot_parse(const struct nlattr *nest, struct bbd_snapshot *s)
{
	struct nlattr *tb[BBGEN_A_SNAPSHOT_MAX + 1];

	memset(s, 0, sizeof(*s));
	if (!nest || nla_parse_nested(tb, BBGEN_A_SNAPSHOT_MAX,
				      (struct nlattr *)nest, NULL) < 0)
		return false;
	if (!bb_nla_u64(tb[BBGEN_A_SNAPSHOT_INDEX], &s->index))
		return false;
	u64_of(tb[BBGEN_A_SNAPSHOT_START_NS], &s->start_ns);
	u64_of(tb[BBGEN_A_SNAPSHOT_FRAMES], &s->frames);
	u64_of(tb[BBGEN_A_SNAPSHOT_BYTES], &s->bytes);
	u64_of(tb[BBGEN_A_SNAPSHOT_LOST], &s->lost);
	u64_of(tb[BBGEN_A_SNAPSHOT_OUT_OF_SEQUENCE], &s->ooo);
	u64_of(tb[BBGEN_A_SNAPSHOT_LATENCY_COUNT], &s->lat_count);
	u64_of(tb[BBGEN_A_SNAPSHOT_LATENCY_MIN_NS], &s->lat_min);
	u64_of(tb[BBGEN_A_SNAPSHOT_LATENCY_AVG_NS], &s->lat_avg);
	u64_of(tb[BBGEN_A_SNAPSHOT_LATENCY_MAX_NS], &s->lat_max);
	u64_of(tb[BBGEN_A_SNAPSHOT_JITTER_NS], &s->jitter);
	return true;
}

static void one_snapshot(const struct nlattr *nest, const struct items *it)
{
	struct bbd_snapshot s;

	if (!bbd_gen_snapshot_parse(nest, &s) || s.index < *it->cursor)
		return;		/* not from this cursor on: never twice */
	*it->cursor = s.index + 1;
	it->snap(&s, it->arg);
}

static void one_bucket(const struct nlattr *nest, const struct items *it)
{
	struct nlattr *tb[BBGEN_A_BUCKET_MAX + 1];
	uint64_t upper, count;

	if (nla_parse_nested(tb, BBGEN_A_BUCKET_MAX, (struct nlattr *)nest,
			     NULL) < 0)
		return;
	if (bb_nla_u64(tb[BBGEN_A_BUCKET_UPPER_NS], &upper) &&
	    bb_nla_u64(tb[BBGEN_A_BUCKET_COUNT], &count))
		it->bucket(upper, count, it->arg);
}

static int on_items(const struct bb_reply *r, void *arg)
{
	const struct items *it = arg;
	struct nlattr *a;
	uint64_t missed;
	int rem;

	if (it->missed && bb_nla_u64(r->tb[BBGEN_A_TRIGGER_HISTORY_DROPPED], &missed))
		*it->missed += missed;
	nla_for_each_attr(a, r->attrs, r->len, rem) {
		if (it->snap && nla_type(a) == BBGEN_A_TRIGGER_SNAPSHOT)
			one_snapshot(a, it);
		else if (it->bucket && nla_type(a) == BBGEN_A_TRIGGER_BUCKET)
			one_bucket(a, it);
	}
	return 0;
}

int bbd_gen_history(struct bb_genl *g, uint32_t id, uint64_t *cursor,
		    uint64_t *missed, bbd_snapshot_cb cb, void *arg)
{
	struct items it = { .snap = cb, .arg = arg, .cursor = cursor,
			    .missed = missed };
	struct nl_msg *msg = id_msg(g, BBGEN_CMD_TRIGGER_HISTORY, true,
				    BBGEN_A_TRIGGER_ID, id);

	if (msg && nla_put_u64(msg, BBGEN_A_TRIGGER_HISTORY_FROM, *cursor) < 0) {
		nlmsg_free(msg);
		msg = NULL;
	}
	return msg ? bb_genl_talk(g, msg, BBGEN_A_TRIGGER_MAX, on_items, &it)
		   : -ENOMEM;
}

int bbd_gen_histogram(struct bb_genl *g, uint32_t id, bbd_bucket_cb cb,
		      void *arg)
{
	struct items it = { .bucket = cb, .arg = arg };
	struct nl_msg *msg = id_msg(g, BBGEN_CMD_TRIGGER_HISTOGRAM, true,
				    BBGEN_A_TRIGGER_ID, id);

	return msg ? bb_genl_talk(g, msg, BBGEN_A_TRIGGER_MAX, on_items, &it)
		   : -ENOMEM;
}
