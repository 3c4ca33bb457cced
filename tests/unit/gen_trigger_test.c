// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The typed bbgen client, triggers (lib/gen_trigger.c): every field of a
 * full reply and its presence bit (counters, addresses, latency
 * statistics, several loss events), a fresh trigger's absent attributes,
 * short attributes rejected, the cap on loss events, and TRIGGER_ADD as
 * built for bbctl and bbd.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <linux/bbgen.h>

#include "gen_check.h"
#include "gen_trigger.h"

static void put_loss_event(struct nl_msg *m, uint64_t first, uint64_t count,
			   uint64_t rx_ns)
{
	struct nlattr *n = nla_nest_start(m, BBGEN_A_TRIGGER_LOSS_EVENT);

	nla_put_u64(m, BBGEN_A_LOSS_EVENT_FIRST_SEQ, first);
	nla_put_u64(m, BBGEN_A_LOSS_EVENT_COUNT, count);
	nla_put_u64(m, BBGEN_A_LOSS_EVENT_RX_NS, rx_ns);
	nla_nest_end(m, n);
}

static void put_latency(struct nl_msg *m)
{
	struct nlattr *n = nla_nest_start(m, BBGEN_A_TRIGGER_LATENCY_STATS);
	int a;

	/* COUNT = 1000, MIN_NS = 1001, ... INVALID = 1012 */
	for (a = BBGEN_A_LATENCY_COUNT; a <= BBGEN_A_LATENCY_INVALID; a++)
		nla_put_u64(m, a, 1000 + (uint64_t)a - BBGEN_A_LATENCY_COUNT);
	nla_nest_end(m, n);
}

static void put_full_trigger(struct nl_msg *m)
{
	struct in_addr src, dst;

	inet_pton(AF_INET, "192.0.2.1", &src);
	inet_pton(AF_INET, "198.51.100.2", &dst);
	nla_put_u32(m, BBGEN_A_TRIGGER_ID, 5);
	nla_put_u32(m, BBGEN_A_TRIGGER_IFINDEX, 8);
	nla_put_string(m, BBGEN_A_TRIGGER_DEV, "veth1");
	nla_put_u16(m, BBGEN_A_TRIGGER_UDP_DPORT, 5001);
	nla_put_u16(m, BBGEN_A_TRIGGER_UDP_SPORT, 4001);
	nla_put(m, BBGEN_A_TRIGGER_SRC_IPV4, 4, &src);
	nla_put(m, BBGEN_A_TRIGGER_DST_IPV4, 4, &dst);
	nla_put_u16(m, BBGEN_A_TRIGGER_VLAN_ID, 10);
	nla_put_u32(m, BBGEN_A_TRIGGER_INTERVAL_MS, 100);
	nla_put_u64(m, BBGEN_A_TRIGGER_RX_FRAMES, 990);
	nla_put_u64(m, BBGEN_A_TRIGGER_RX_BYTES, 99000);
	nla_put_u64(m, BBGEN_A_TRIGGER_HIGHEST_SEQ, 999);
	nla_put_u64(m, BBGEN_A_TRIGGER_LOST, 12);
	nla_put_u64(m, BBGEN_A_TRIGGER_OUT_OF_SEQUENCE, 3);
	nla_put_u64(m, BBGEN_A_TRIGGER_DUPLICATES, 2);
	nla_put_u64(m, BBGEN_A_TRIGGER_FIRST_RX_NS, 1000);
	nla_put_u64(m, BBGEN_A_TRIGGER_LAST_RX_NS, 2000);
	nla_put_u64(m, BBGEN_A_TRIGGER_LOSS_EVENTS_TOTAL, 3);
	put_loss_event(m, 10, 4, 111);
	put_loss_event(m, 50, 7, 222);
	put_loss_event(m, 90, 1, 333);
	nla_put_u64(m, BBGEN_A_TRIGGER_HISTORY_DROPPED, 6);
	nla_put_flag(m, BBGEN_A_TRIGGER_LATENCY);
	nla_put_u64(m, BBGEN_A_TRIGGER_RANGE_MIN_NS, 20);
	nla_put_u64(m, BBGEN_A_TRIGGER_RANGE_MAX_NS, 30);
	put_latency(m);
	nla_put_flag(m, BBGEN_A_TRIGGER_RTP);
	nla_put_u64(m, BBGEN_A_TRIGGER_RTP_SEQ_ERRORS, 17);
}

static void check_latency(const struct bb_gen_latency *l)
{
	assert_true(l->present.count && l->present.min_ns &&
		    l->present.avg_ns && l->present.max_ns &&
		    l->present.jitter_ns && l->present.p50_ns &&
		    l->present.p90_ns && l->present.p99_ns &&
		    l->present.p999_ns && l->present.p9999_ns &&
		    l->present.below_range && l->present.above_range &&
		    l->present.invalid);
	assert_int_equal(l->count, 1000);
	assert_int_equal(l->min_ns, 1001);
	assert_int_equal(l->avg_ns, 1002);
	assert_int_equal(l->max_ns, 1003);
	assert_int_equal(l->jitter_ns, 1004);
	assert_int_equal(l->p50_ns, 1005);
	assert_int_equal(l->p90_ns, 1006);
	assert_int_equal(l->p99_ns, 1007);
	assert_int_equal(l->p999_ns, 1008);
	assert_int_equal(l->p9999_ns, 1009);
	assert_int_equal(l->below_range, 1010);
	assert_int_equal(l->above_range, 1011);
	assert_int_equal(l->invalid, 1012);
}

static void check_loss_events(const struct bb_gen_trigger *t)
{
	static const uint64_t want[3][3] = {
		{ 10, 4, 111 }, { 50, 7, 222 }, { 90, 1, 333 },
	};
	unsigned int i;

	assert_int_equal(t->n_loss_events, 3);
	for (i = 0; i < 3; i++) {
		const struct bb_gen_loss_event *e = &t->loss_events[i];

		assert_true(e->present.first_seq && e->present.count &&
			    e->present.rx_ns);
		assert_int_equal(e->first_seq, want[i][0]);
		assert_int_equal(e->count, want[i][1]);
		assert_int_equal(e->rx_ns, want[i][2]);
	}
}

static void test_trigger_full(void **state)
{
	struct reply *o = *state;
	struct bb_gen_trigger t;
	char buf[INET_ADDRSTRLEN];

	put_full_trigger(o->msg);
	assert_int_equal(bb_gen_trigger_decode(reply_parsed(o,
			 BBGEN_A_TRIGGER_MAX, BBGEN_CMD_TRIGGER_GET), &t), 0);
	assert_true(t.present.id && t.present.ifindex && t.present.dev &&
		    t.present.udp_dport && t.present.udp_sport &&
		    t.present.vlan_id && t.present.interval_ms);
	assert_int_equal(t.id, 5);
	assert_int_equal(t.ifindex, 8);
	assert_string_equal(t.dev, "veth1");
	assert_int_equal(t.udp_dport, 5001);
	assert_int_equal(t.udp_sport, 4001);
	assert_int_equal(t.src.family, AF_INET);
	assert_string_equal(inet_ntop(AF_INET, &t.src.v4, buf, sizeof(buf)),
			    "192.0.2.1");
	assert_int_equal(t.dst.family, AF_INET);
	assert_string_equal(inet_ntop(AF_INET, &t.dst.v4, buf, sizeof(buf)),
			    "198.51.100.2");
	assert_int_equal(t.vlan_id, 10);
	assert_int_equal(t.interval_ms, 100);
	assert_true(t.present.rx_frames && t.present.rx_bytes &&
		    t.present.highest_seq && t.present.lost &&
		    t.present.out_of_sequence && t.present.duplicates &&
		    t.present.first_rx_ns && t.present.last_rx_ns);
	assert_int_equal(t.rx_frames, 990);
	assert_int_equal(t.rx_bytes, 99000);
	assert_int_equal(t.highest_seq, 999);
	assert_int_equal(t.lost, 12);
	assert_int_equal(t.out_of_sequence, 3);
	assert_int_equal(t.duplicates, 2);
	assert_int_equal(t.first_rx_ns, 1000);
	assert_int_equal(t.last_rx_ns, 2000);
	assert_true(t.present.loss_events_total && t.present.history_dropped);
	assert_int_equal(t.loss_events_total, 3);
	assert_int_equal(t.history_dropped, 6);
	check_loss_events(&t);
	assert_true(t.latency && t.rtp);
	assert_true(t.present.range_min_ns && t.present.range_max_ns &&
		    t.present.latency_stats && t.present.rtp_seq_errors);
	assert_int_equal(t.range_min_ns, 20);
	assert_int_equal(t.range_max_ns, 30);
	assert_int_equal(t.rtp_seq_errors, 17);
	check_latency(&t.latency_stats);
}

/* A trigger before its first frame, IPv6, no latency: HIGHEST_SEQ, the
 * RX times, loss events and latency are absent, not 0. */
static void test_trigger_fresh(void **state)
{
	struct reply *o = *state;
	struct bb_gen_trigger t;
	struct in6_addr src;

	inet_pton(AF_INET6, "2001:db8::1", &src);
	nla_put_u32(o->msg, BBGEN_A_TRIGGER_ID, 1);
	nla_put_u16(o->msg, BBGEN_A_TRIGGER_UDP_DPORT, 9);
	nla_put(o->msg, BBGEN_A_TRIGGER_SRC_IPV6, 16, &src);
	nla_put_u64(o->msg, BBGEN_A_TRIGGER_RX_FRAMES, 0);
	nla_put_u64(o->msg, BBGEN_A_TRIGGER_LOST, 0);
	assert_int_equal(bb_gen_trigger_decode(reply_parsed(o,
			 BBGEN_A_TRIGGER_MAX, BBGEN_CMD_TRIGGER_GET), &t), 0);
	assert_int_equal(t.src.family, AF_INET6);
	assert_memory_equal(&t.src.v6, &src, sizeof(src));
	assert_int_equal(t.dst.family, AF_UNSPEC);
	assert_true(t.present.rx_frames && t.present.lost);
	assert_false(t.present.highest_seq || t.present.first_rx_ns ||
		     t.present.last_rx_ns || t.present.udp_sport ||
		     t.present.vlan_id || t.present.interval_ms ||
		     t.present.loss_events_total || t.present.history_dropped ||
		     t.present.range_min_ns || t.present.range_max_ns ||
		     t.present.latency_stats || t.present.rtp_seq_errors ||
		     t.present.ifindex || t.present.dev ||
		     t.present.rx_bytes || t.present.out_of_sequence ||
		     t.present.duplicates);
	assert_false(t.latency || t.rtp);
	assert_int_equal(t.n_loss_events, 0);
}

/* Too short: a u16 port as 1 byte, an IPv4 address as 3, a loss event's
 * COUNT as a u32, the latency COUNT as a u16. Not read; the rest is. */
static void test_trigger_short_attrs(void **state)
{
	struct reply *o = *state;
	struct bb_gen_trigger t;
	struct nlattr *n;
	uint32_t u32 = 7;
	uint16_t u16 = 7;
	uint8_t u8 = 7;

	nla_put_u32(o->msg, BBGEN_A_TRIGGER_ID, 3);
	nla_put(o->msg, BBGEN_A_TRIGGER_UDP_DPORT, 1, &u8);
	nla_put(o->msg, BBGEN_A_TRIGGER_SRC_IPV4, 3, "abc");
	n = nla_nest_start(o->msg, BBGEN_A_TRIGGER_LOSS_EVENT);
	nla_put_u64(o->msg, BBGEN_A_LOSS_EVENT_FIRST_SEQ, 5);
	nla_put(o->msg, BBGEN_A_LOSS_EVENT_COUNT, sizeof(u32), &u32);
	nla_nest_end(o->msg, n);
	n = nla_nest_start(o->msg, BBGEN_A_TRIGGER_LATENCY_STATS);
	nla_put(o->msg, BBGEN_A_LATENCY_COUNT, sizeof(u16), &u16);
	nla_put_u64(o->msg, BBGEN_A_LATENCY_MAX_NS, 70);
	nla_nest_end(o->msg, n);
	assert_int_equal(bb_gen_trigger_decode(reply_parsed(o,
			 BBGEN_A_TRIGGER_MAX, BBGEN_CMD_TRIGGER_GET), &t), 0);
	assert_false(t.present.udp_dport);
	assert_int_equal(t.udp_dport, 0);
	assert_int_equal(t.src.family, AF_UNSPEC);
	assert_int_equal(t.n_loss_events, 1);
	assert_true(t.loss_events[0].present.first_seq);
	assert_int_equal(t.loss_events[0].first_seq, 5);
	assert_false(t.loss_events[0].present.count);
	assert_int_equal(t.loss_events[0].count, 0);
	assert_false(t.loss_events[0].present.rx_ns);
	assert_true(t.present.latency_stats);
	assert_false(t.latency_stats.present.count);
	assert_int_equal(t.latency_stats.count, 0);
	assert_true(t.latency_stats.present.max_ns);
	assert_int_equal(t.latency_stats.max_ns, 70);
}

/* More LOSS_EVENT nests than the kernel keeps: the first ones, in order,
 * up to the array's size, and nothing written past it. */
static void test_trigger_loss_event_cap(void **state)
{
	struct reply *o = *state;
	struct bb_gen_trigger t;
	unsigned int i;

	nla_put_u32(o->msg, BBGEN_A_TRIGGER_ID, 4);
	for (i = 0; i < BBGEN_LOSS_EVENTS_MAX + 6; i++)
		put_loss_event(o->msg, 100 * i, i + 1, 1000 + i);
	nla_put_u64(o->msg, BBGEN_A_TRIGGER_LOSS_EVENTS_TOTAL,
		    BBGEN_LOSS_EVENTS_MAX + 6);
	assert_int_equal(bb_gen_trigger_decode(reply_parsed(o,
			 BBGEN_A_TRIGGER_MAX, BBGEN_CMD_TRIGGER_GET), &t), 0);
	assert_int_equal(t.n_loss_events, BBGEN_LOSS_EVENTS_MAX);
	for (i = 0; i < BBGEN_LOSS_EVENTS_MAX; i++) {
		assert_int_equal(t.loss_events[i].first_seq, 100 * i);
		assert_int_equal(t.loss_events[i].count, i + 1);
		assert_int_equal(t.loss_events[i].rx_ns, 1000 + i);
	}
	assert_int_equal(t.loss_events_total, BBGEN_LOSS_EVENTS_MAX + 6);
}

static void test_trigger_no_id(void **state)
{
	struct reply *o = *state;
	struct bb_gen_trigger t;

	nla_put_u64(o->msg, BBGEN_A_TRIGGER_RX_FRAMES, 1);
	assert_int_equal(bb_gen_trigger_decode(reply_parsed(o,
			 BBGEN_A_TRIGGER_MAX, BBGEN_CMD_TRIGGER_GET), &t),
			 -EPROTO);
	assert_true(t.present.rx_frames);
}

static void test_trigger_add_full(void **state)
{
	struct bb_gen_trigger_add a = {
		.ifindex = 2, .id = 11, .sport = 4000, .dport = 5000,
		.vlan_id = 20, .latency = true, .has_range = true,
		.range_min_ns = 10, .range_max_ns = 90, .interval_ms = 250,
		.rtp = true, .socket_owner = true,
	};
	struct nlattr *tb[BBGEN_A_TRIGGER_MAX + 1];
	struct bb_genl g = fake_family();
	struct nl_msg *msg;
	uint64_t v64;
	uint32_t v32;
	uint16_t v16;
	bool dump;

	(void)state;
	a.src.family = a.dst.family = AF_INET6;
	inet_pton(AF_INET6, "2001:db8::1", &a.src.v6);
	inet_pton(AF_INET6, "2001:db8::2", &a.dst.v6);
	msg = bb_gen_trigger_add_msg(&g, &a);
	assert_non_null(msg);
	assert_int_equal(request_parse(msg, BBGEN_A_TRIGGER_MAX, tb, &dump),
			 BBGEN_CMD_TRIGGER_ADD);
	assert_false(dump);
	assert_true(bb_nla_u32(tb[BBGEN_A_TRIGGER_IFINDEX], &v32) && v32 == 2);
	assert_true(bb_nla_u32(tb[BBGEN_A_TRIGGER_ID], &v32) && v32 == 11);
	assert_true(bb_nla_u16(tb[BBGEN_A_TRIGGER_UDP_SPORT], &v16) && v16 == 4000);
	assert_true(bb_nla_u16(tb[BBGEN_A_TRIGGER_UDP_DPORT], &v16) && v16 == 5000);
	assert_true(bb_nla_u16(tb[BBGEN_A_TRIGGER_VLAN_ID], &v16) && v16 == 20);
	assert_int_equal(nla_len(tb[BBGEN_A_TRIGGER_SRC_IPV6]), 16);
	assert_memory_equal(nla_data(tb[BBGEN_A_TRIGGER_DST_IPV6]), &a.dst.v6, 16);
	assert_null(tb[BBGEN_A_TRIGGER_SRC_IPV4]);
	assert_non_null(tb[BBGEN_A_TRIGGER_LATENCY]);
	assert_true(bb_nla_u64(tb[BBGEN_A_TRIGGER_RANGE_MIN_NS], &v64) && v64 == 10);
	assert_true(bb_nla_u64(tb[BBGEN_A_TRIGGER_RANGE_MAX_NS], &v64) && v64 == 90);
	assert_true(bb_nla_u32(tb[BBGEN_A_TRIGGER_INTERVAL_MS], &v32) && v32 == 250);
	assert_non_null(tb[BBGEN_A_TRIGGER_RTP]);
	assert_non_null(tb[BBGEN_A_TRIGGER_SOCKET_OWNER]);
	nlmsg_free(msg);
}

/* Zero and AF_UNSPEC fields are wildcards or defaults: not sent. */
static void test_trigger_add_minimal(void **state)
{
	struct bb_gen_trigger_add a = { .ifindex = 2, .dport = 5000 };
	struct nlattr *tb[BBGEN_A_TRIGGER_MAX + 1];
	struct bb_genl g = fake_family();
	struct nl_msg *msg = bb_gen_trigger_add_msg(&g, &a);
	int i, n = 0;
	bool dump;

	(void)state;
	assert_int_equal(request_parse(msg, BBGEN_A_TRIGGER_MAX, tb, &dump),
			 BBGEN_CMD_TRIGGER_ADD);
	for (i = 0; i <= BBGEN_A_TRIGGER_MAX; i++)
		n += tb[i] != NULL;
	assert_int_equal(n, 2);
	assert_non_null(tb[BBGEN_A_TRIGGER_IFINDEX]);
	assert_non_null(tb[BBGEN_A_TRIGGER_UDP_DPORT]);
	nlmsg_free(msg);
}

static void test_trigger_get_msg(void **state)
{
	struct nlattr *tb[BBGEN_A_TRIGGER_MAX + 1];
	struct bb_genl g = fake_family();
	struct nl_msg *msg = bb_gen_trigger_get_msg(&g, 6);
	uint32_t id;
	bool dump;

	(void)state;
	assert_int_equal(request_parse(msg, BBGEN_A_TRIGGER_MAX, tb, &dump),
			 BBGEN_CMD_TRIGGER_GET);
	assert_false(dump);
	assert_true(bb_nla_u32(tb[BBGEN_A_TRIGGER_ID], &id) && id == 6);
	nlmsg_free(msg);
}

#define REPLY_TEST(f) cmocka_unit_test_setup_teardown(f, reply_setup, \
						      reply_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		REPLY_TEST(test_trigger_full),
		REPLY_TEST(test_trigger_fresh),
		REPLY_TEST(test_trigger_short_attrs),
		REPLY_TEST(test_trigger_loss_event_cap),
		REPLY_TEST(test_trigger_no_id),
		cmocka_unit_test(test_trigger_add_full),
		cmocka_unit_test(test_trigger_add_minimal),
		cmocka_unit_test(test_trigger_get_msg),
	};

	return cmocka_run_group_tests_name("gen_trigger", tests, NULL, NULL);
}
