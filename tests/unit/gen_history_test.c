// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The typed bbgen client, history and histogram (lib/gen_history.c): a
 * history reply's snapshots in order with every field and presence bit
 * (latency fields absent without latency), HISTORY_DROPPED, a malformed
 * nest skipped, the snapshot notification, buckets, and the requests.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <linux/bbgen.h>

#include "gen_check.h"
#include "gen_history.h"

#define SNAPS_MAX 8

struct snaps {
	unsigned int n;
	struct bb_gen_snapshot s[SNAPS_MAX];
};

static void keep(const struct bb_gen_snapshot *s, void *arg)
{
	struct snaps *k = arg;

	assert_true(k->n < SNAPS_MAX);
	k->s[k->n++] = *s;
}

static void put_snapshot(struct nl_msg *m, uint64_t index, bool latency)
{
	struct nlattr *n = nla_nest_start(m, BBGEN_A_TRIGGER_SNAPSHOT);

	nla_put_u64(m, BBGEN_A_SNAPSHOT_INDEX, index);
	nla_put_u64(m, BBGEN_A_SNAPSHOT_START_NS, 1000 * index);
	nla_put_u64(m, BBGEN_A_SNAPSHOT_FRAMES, 10 + index);
	nla_put_u64(m, BBGEN_A_SNAPSHOT_BYTES, 20 + index);
	nla_put_u64(m, BBGEN_A_SNAPSHOT_LOST, 30 + index);
	nla_put_u64(m, BBGEN_A_SNAPSHOT_OUT_OF_SEQUENCE, 40 + index);
	nla_put_u64(m, BBGEN_A_SNAPSHOT_LATENCY_COUNT, latency ? 50 + index : 0);
	if (latency) {
		nla_put_u64(m, BBGEN_A_SNAPSHOT_LATENCY_MIN_NS, 60 + index);
		nla_put_u64(m, BBGEN_A_SNAPSHOT_LATENCY_AVG_NS, 70 + index);
		nla_put_u64(m, BBGEN_A_SNAPSHOT_LATENCY_MAX_NS, 80 + index);
		nla_put_u64(m, BBGEN_A_SNAPSHOT_JITTER_NS, 90 + index);
	}
	nla_nest_end(m, n);
}

static void check_snapshot(const struct bb_gen_snapshot *s, uint64_t index,
			   bool latency)
{
	assert_true(s->present.index && s->present.start_ns &&
		    s->present.frames && s->present.bytes && s->present.lost &&
		    s->present.out_of_sequence && s->present.latency_count);
	assert_int_equal(s->index, index);
	assert_int_equal(s->start_ns, 1000 * index);
	assert_int_equal(s->frames, 10 + index);
	assert_int_equal(s->bytes, 20 + index);
	assert_int_equal(s->lost, 30 + index);
	assert_int_equal(s->out_of_sequence, 40 + index);
	assert_int_equal(s->latency_count, latency ? 50 + index : 0);
	assert_int_equal(s->present.latency_min_ns, latency);
	assert_int_equal(s->present.latency_avg_ns, latency);
	assert_int_equal(s->present.latency_max_ns, latency);
	assert_int_equal(s->present.jitter_ns, latency);
	assert_int_equal(s->latency_min_ns, latency ? 60 + index : 0);
	assert_int_equal(s->latency_avg_ns, latency ? 70 + index : 0);
	assert_int_equal(s->latency_max_ns, latency ? 80 + index : 0);
	assert_int_equal(s->jitter_ns, latency ? 90 + index : 0);
}

static void test_history(void **state)
{
	struct reply *o = *state;
	struct bb_gen_history h;
	struct snaps k = { 0 };

	nla_put_u32(o->msg, BBGEN_A_TRIGGER_ID, 3);
	nla_put_u64(o->msg, BBGEN_A_TRIGGER_HISTORY_DROPPED, 2);
	put_snapshot(o->msg, 4, true);
	put_snapshot(o->msg, 5, false);
	put_snapshot(o->msg, 6, true);
	assert_int_equal(bb_gen_history_decode(reply_parsed(o,
			 BBGEN_A_TRIGGER_MAX, BBGEN_CMD_TRIGGER_HISTORY), &h,
			 keep, &k), 0);
	assert_true(h.present.id && h.present.history_dropped);
	assert_int_equal(h.id, 3);
	assert_int_equal(h.history_dropped, 2);
	assert_int_equal(k.n, 3);
	check_snapshot(&k.s[0], 4, true);
	check_snapshot(&k.s[1], 5, false);
	check_snapshot(&k.s[2], 6, true);
}

/* An inner attribute running past its nest's end is not read (libnl's
 * parse stops there); a short INDEX leaves its snapshot without one; no
 * ID is reported. */
static void test_history_malformed(void **state)
{
	struct reply *o = *state;
	struct bb_gen_history h;
	struct snaps k = { 0 };
	struct nlattr *n, *inner;
	uint32_t u32 = 1;

	n = nla_nest_start(o->msg, BBGEN_A_TRIGGER_SNAPSHOT);
	inner = nlmsg_tail(nlmsg_hdr(o->msg));
	nla_put_u64(o->msg, BBGEN_A_SNAPSHOT_FRAMES, 1);
	inner->nla_len = 64;		/* beyond the nest */
	nla_nest_end(o->msg, n);
	n = nla_nest_start(o->msg, BBGEN_A_TRIGGER_SNAPSHOT);
	nla_put(o->msg, BBGEN_A_SNAPSHOT_INDEX, sizeof(u32), &u32);
	nla_put_u64(o->msg, BBGEN_A_SNAPSHOT_FRAMES, 9);
	nla_nest_end(o->msg, n);
	assert_int_equal(bb_gen_history_decode(reply_parsed(o,
			 BBGEN_A_TRIGGER_MAX, BBGEN_CMD_TRIGGER_HISTORY), &h,
			 keep, &k), -EPROTO);
	assert_false(h.present.id || h.present.history_dropped);
	assert_int_equal(k.n, 2);
	assert_false(k.s[0].present.frames || k.s[0].present.index);
	assert_int_equal(k.s[0].frames, 0);
	assert_false(k.s[1].present.index);
	assert_int_equal(k.s[1].index, 0);
	assert_true(k.s[1].present.frames);
	assert_int_equal(k.s[1].frames, 9);
}

static void test_snapshot_notification(void **state)
{
	struct reply *o = *state;
	struct bb_gen_snapshot s;
	struct bb_gen_history h;

	nla_put_u32(o->msg, BBGEN_A_TRIGGER_ID, 12);
	put_snapshot(o->msg, 0, true);
	assert_int_equal(bb_gen_snapshot_ntf_decode(reply_parsed(o,
			 BBGEN_A_TRIGGER_MAX, BBGEN_CMD_TRIGGER_SNAPSHOT_NTF),
			 &h, &s), 0);
	assert_true(h.present.id);
	assert_int_equal(h.id, 12);
	assert_false(h.present.history_dropped);
	check_snapshot(&s, 0, true);
}

static void test_snapshot_notification_empty(void **state)
{
	struct reply *o = *state;
	struct bb_gen_snapshot s;
	struct bb_gen_history h;

	nla_put_u32(o->msg, BBGEN_A_TRIGGER_ID, 12);
	assert_int_equal(bb_gen_snapshot_ntf_decode(reply_parsed(o,
			 BBGEN_A_TRIGGER_MAX, BBGEN_CMD_TRIGGER_SNAPSHOT_NTF),
			 &h, &s), -ENOMSG);
	assert_true(h.present.id);
	assert_false(s.present.index || s.present.frames);
}

struct buckets {
	unsigned int n;
	struct bb_gen_bucket b[4];
};

static void keep_bucket(const struct bb_gen_bucket *b, void *arg)
{
	struct buckets *k = arg;

	assert_true(k->n < 4);
	k->b[k->n++] = *b;
}

static void put_bucket(struct nl_msg *m, uint64_t upper, uint64_t count)
{
	struct nlattr *n = nla_nest_start(m, BBGEN_A_TRIGGER_BUCKET);

	nla_put_u64(m, BBGEN_A_BUCKET_UPPER_NS, upper);
	if (count)
		nla_put_u64(m, BBGEN_A_BUCKET_COUNT, count);
	nla_nest_end(m, n);
}

static void test_histogram(void **state)
{
	struct reply *o = *state;
	struct buckets k = { 0 };
	struct bb_gen_history h;

	nla_put_u32(o->msg, BBGEN_A_TRIGGER_ID, 8);
	put_bucket(o->msg, 1000, 5);
	put_bucket(o->msg, 2047, 9);
	put_bucket(o->msg, 4095, 0);	/* COUNT left out */
	assert_int_equal(bb_gen_histogram_decode(reply_parsed(o,
			 BBGEN_A_TRIGGER_MAX, BBGEN_CMD_TRIGGER_HISTOGRAM), &h,
			 keep_bucket, &k), 0);
	assert_int_equal(h.id, 8);
	assert_int_equal(k.n, 3);
	assert_true(k.b[0].present.upper_ns && k.b[0].present.count);
	assert_int_equal(k.b[0].upper_ns, 1000);
	assert_int_equal(k.b[0].count, 5);
	assert_int_equal(k.b[1].upper_ns, 2047);
	assert_int_equal(k.b[1].count, 9);
	assert_true(k.b[2].present.upper_ns);
	assert_false(k.b[2].present.count);
}

static void test_requests(void **state)
{
	struct nlattr *tb[BBGEN_A_TRIGGER_MAX + 1];
	struct bb_genl g = fake_family();
	struct nl_msg *msg;
	uint64_t from;
	uint32_t id;
	bool dump;

	(void)state;
	msg = bb_gen_history_msg(&g, 5, 77);
	assert_int_equal(request_parse(msg, BBGEN_A_TRIGGER_MAX, tb, &dump),
			 BBGEN_CMD_TRIGGER_HISTORY);
	assert_true(dump);
	assert_true(bb_nla_u32(tb[BBGEN_A_TRIGGER_ID], &id) && id == 5);
	assert_true(bb_nla_u64(tb[BBGEN_A_TRIGGER_HISTORY_FROM], &from) &&
		    from == 77);
	nlmsg_free(msg);
	msg = bb_gen_histogram_msg(&g, 5);
	assert_int_equal(request_parse(msg, BBGEN_A_TRIGGER_MAX, tb, &dump),
			 BBGEN_CMD_TRIGGER_HISTOGRAM);
	assert_true(dump);
	assert_true(bb_nla_u32(tb[BBGEN_A_TRIGGER_ID], &id) && id == 5);
	assert_null(tb[BBGEN_A_TRIGGER_HISTORY_FROM]);
	nlmsg_free(msg);
}

#define REPLY_TEST(f) cmocka_unit_test_setup_teardown(f, reply_setup, \
						      reply_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		REPLY_TEST(test_history),
		REPLY_TEST(test_history_malformed),
		REPLY_TEST(test_snapshot_notification),
		REPLY_TEST(test_snapshot_notification_empty),
		REPLY_TEST(test_histogram),
		cmocka_unit_test(test_requests),
	};

	return cmocka_run_group_tests_name("gen_history", tests, NULL, NULL);
}
