// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* History and histogram replies, snapshot notifications, their requests. */
#include <errno.h>
#include <string.h>

#include <linux/bbgen.h>

#include "gen_attr.h"
#include "gen_history.h"

int bb_gen_snapshot_decode(const struct nlattr *nest,
			   struct bb_gen_snapshot *s)
{
	struct nlattr *tb[BBGEN_A_SNAPSHOT_MAX + 1];

	memset(s, 0, sizeof(*s));
	if (!nest || nla_parse_nested(tb, BBGEN_A_SNAPSHOT_MAX,
				      (struct nlattr *)nest, NULL) < 0)
		return -EPROTO;
	GEN_U64(tb, BBGEN_A_SNAPSHOT_INDEX, s, index);
	GEN_U64(tb, BBGEN_A_SNAPSHOT_START_NS, s, start_ns);
	GEN_U64(tb, BBGEN_A_SNAPSHOT_FRAMES, s, frames);
	GEN_U64(tb, BBGEN_A_SNAPSHOT_BYTES, s, bytes);
	GEN_U64(tb, BBGEN_A_SNAPSHOT_LOST, s, lost);
	GEN_U64(tb, BBGEN_A_SNAPSHOT_OUT_OF_SEQUENCE, s, out_of_sequence);
	GEN_U64(tb, BBGEN_A_SNAPSHOT_LATENCY_COUNT, s, latency_count);
	GEN_U64(tb, BBGEN_A_SNAPSHOT_LATENCY_MIN_NS, s, latency_min_ns);
	GEN_U64(tb, BBGEN_A_SNAPSHOT_LATENCY_AVG_NS, s, latency_avg_ns);
	GEN_U64(tb, BBGEN_A_SNAPSHOT_LATENCY_MAX_NS, s, latency_max_ns);
	GEN_U64(tb, BBGEN_A_SNAPSHOT_JITTER_NS, s, jitter_ns);
	return 0;
}

static int decode_header(const struct bb_reply *r, struct bb_gen_history *h)
{
	struct bb_gen_history local;

	if (!h)
		h = &local;
	memset(h, 0, sizeof(*h));
	GEN_U32(r->tb, BBGEN_A_TRIGGER_ID, h, id);
	GEN_U64(r->tb, BBGEN_A_TRIGGER_HISTORY_DROPPED, h, history_dropped);
	return h->present.id ? 0 : -EPROTO;
}

int bb_gen_history_decode(const struct bb_reply *r, struct bb_gen_history *h,
			  bb_gen_snapshot_cb cb, void *arg)
{
	int ret = decode_header(r, h);
	struct bb_gen_snapshot s;
	struct nlattr *a;
	int rem;

	nla_for_each_attr(a, r->attrs, r->len, rem)
		if (nla_type(a) == BBGEN_A_TRIGGER_SNAPSHOT &&
		    !bb_gen_snapshot_decode(a, &s))
			cb(&s, arg);
	return ret;
}

struct one_snapshot {
	bool got;
	struct bb_gen_snapshot *s;
};

static void keep_snapshot(const struct bb_gen_snapshot *s, void *arg)
{
	struct one_snapshot *one = arg;

	*one->s = *s;
	one->got = true;
}

int bb_gen_snapshot_ntf_decode(const struct bb_reply *r,
			       struct bb_gen_history *h,
			       struct bb_gen_snapshot *s)
{
	struct one_snapshot one = { false, s };

	memset(s, 0, sizeof(*s));
	bb_gen_history_decode(r, h, keep_snapshot, &one);
	return one.got ? 0 : -ENOMSG;
}

static int decode_bucket(const struct nlattr *nest, struct bb_gen_bucket *b)
{
	struct nlattr *tb[BBGEN_A_BUCKET_MAX + 1];

	memset(b, 0, sizeof(*b));
	if (nla_parse_nested(tb, BBGEN_A_BUCKET_MAX, (struct nlattr *)nest,
			     NULL) < 0)
		return -EPROTO;
	GEN_U64(tb, BBGEN_A_BUCKET_UPPER_NS, b, upper_ns);
	GEN_U64(tb, BBGEN_A_BUCKET_COUNT, b, count);
	return 0;
}

int bb_gen_histogram_decode(const struct bb_reply *r,
			    struct bb_gen_history *h,
			    bb_gen_bucket_cb cb, void *arg)
{
	int ret = decode_header(r, h);
	struct bb_gen_bucket b;
	struct nlattr *a;
	int rem;

	nla_for_each_attr(a, r->attrs, r->len, rem)
		if (nla_type(a) == BBGEN_A_TRIGGER_BUCKET &&
		    !decode_bucket(a, &b))
			cb(&b, arg);
	return ret;
}

struct nl_msg *bb_gen_history_msg(struct bb_genl *g, uint32_t id,
				  uint64_t from)
{
	struct nl_msg *msg = bb_gen_id_msg(g, BBGEN_CMD_TRIGGER_HISTORY, true,
					   BBGEN_A_TRIGGER_ID, id);

	if (msg && nla_put_u64(msg, BBGEN_A_TRIGGER_HISTORY_FROM, from) < 0) {
		nlmsg_free(msg);
		msg = NULL;
	}
	return msg;
}

struct nl_msg *bb_gen_histogram_msg(struct bb_genl *g, uint32_t id)
{
	return bb_gen_id_msg(g, BBGEN_CMD_TRIGGER_HISTOGRAM, true,
			     BBGEN_A_TRIGGER_ID, id);
}
