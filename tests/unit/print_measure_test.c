// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* Printers of issue 3: trigger latency statistics and loss events, the
 * history and histogram dumps, port timestamping; JSON and text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <linux/bbgen.h>

#include "bbctl.h"
#include "print_check.h"

static void put_trigger_base(struct nl_msg *m)
{
	nla_put_u32(m, BBGEN_A_TRIGGER_ID, 4);
	nla_put_string(m, BBGEN_A_TRIGGER_DEV, "veth1");
	nla_put_u32(m, BBGEN_A_TRIGGER_IFINDEX, 8);
	nla_put_u16(m, BBGEN_A_TRIGGER_UDP_DPORT, 4000);
	nla_put_u64(m, BBGEN_A_TRIGGER_RX_FRAMES, 995);
	nla_put_u64(m, BBGEN_A_TRIGGER_RX_BYTES, 59700);
	nla_put_u64(m, BBGEN_A_TRIGGER_HIGHEST_SEQ, 999);
	nla_put_u64(m, BBGEN_A_TRIGGER_LOST, 5);
	nla_put_u64(m, BBGEN_A_TRIGGER_OUT_OF_SEQUENCE, 0);
	nla_put_u64(m, BBGEN_A_TRIGGER_DUPLICATES, 0);
	nla_put_u64(m, BBGEN_A_TRIGGER_FIRST_RX_NS, 100);
	nla_put_u64(m, BBGEN_A_TRIGGER_LAST_RX_NS, 900);
	nla_put_u16(m, BBGEN_A_TRIGGER_VLAN_ID, 10);
	nla_put_u32(m, BBGEN_A_TRIGGER_INTERVAL_MS, 1000);
	nla_put_u64(m, BBGEN_A_TRIGGER_LOSS_EVENTS_TOTAL, 2);
}

static void put_loss_event(struct nl_msg *m, uint64_t seq, uint64_t n,
			   uint64_t ns)
{
	struct nlattr *nest = nla_nest_start(m, BBGEN_A_TRIGGER_LOSS_EVENT);

	nla_put_u64(m, BBGEN_A_LOSS_EVENT_FIRST_SEQ, seq);
	nla_put_u64(m, BBGEN_A_LOSS_EVENT_COUNT, n);
	nla_put_u64(m, BBGEN_A_LOSS_EVENT_RX_NS, ns);
	nla_nest_end(m, nest);
}

static void put_latency(struct nl_msg *m, bool counted)
{
	struct nlattr *nest;

	nla_put_flag(m, BBGEN_A_TRIGGER_LATENCY);
	nla_put_u64(m, BBGEN_A_TRIGGER_RANGE_MIN_NS, 0);
	nla_put_u64(m, BBGEN_A_TRIGGER_RANGE_MAX_NS, 50000000);
	nest = nla_nest_start(m, BBGEN_A_TRIGGER_LATENCY_STATS);
	nla_put_u64(m, BBGEN_A_LATENCY_COUNT, counted ? 994 : 0);
	nla_put_u64(m, BBGEN_A_LATENCY_BELOW_RANGE, 0);
	nla_put_u64(m, BBGEN_A_LATENCY_ABOVE_RANGE, counted ? 3 : 0);
	nla_put_u64(m, BBGEN_A_LATENCY_INVALID, counted ? 1 : 0);
	if (counted) {
		nla_put_u64(m, BBGEN_A_LATENCY_MIN_NS, 19000000);
		nla_put_u64(m, BBGEN_A_LATENCY_AVG_NS, 20000000);
		nla_put_u64(m, BBGEN_A_LATENCY_MAX_NS, 61000000);
		nla_put_u64(m, BBGEN_A_LATENCY_JITTER_NS, 4000000);
		nla_put_u64(m, BBGEN_A_LATENCY_P50_NS, 20000000);
		nla_put_u64(m, BBGEN_A_LATENCY_P90_NS, 26000000);
		nla_put_u64(m, BBGEN_A_LATENCY_P99_NS, 31000000);
		nla_put_u64(m, BBGEN_A_LATENCY_P999_NS, 40000000);
		nla_put_u64(m, BBGEN_A_LATENCY_P9999_NS, 61000000);
	}
	nla_nest_end(m, nest);
}

static const char trigger_head[] =
	"{\"id\":4,\"dev\":\"veth1\",\"ifindex\":8,\"udp_dport\":4000,"
	"\"rx_frames\":995,\"rx_bytes\":59700,\"highest_seq\":999,\"lost\":5,"
	"\"out_of_sequence\":0,\"duplicates\":0,\"first_rx_ns\":100,"
	"\"last_rx_ns\":900,\"vlan_id\":10,\"interval_ms\":1000,"
	"\"loss_events_total\":2,\"loss_events\":[{\"first_seq\":10,"
	"\"count\":3,\"rx_ns\":200},{\"first_seq\":500,\"count\":2,"
	"\"rx_ns\":600}],\"history_dropped\":0";

static void put_trigger(struct nl_msg *m)
{
	put_trigger_base(m);
	put_loss_event(m, 10, 3, 200);
	put_loss_event(m, 500, 2, 600);
	nla_put_u64(m, BBGEN_A_TRIGGER_HISTORY_DROPPED, 0);
}

static void test_trigger_latency_json(void **state)
{
	struct out *o = *state;
	char want[2048];

	put_trigger(o->msg);
	put_latency(o->msg, true);
	begin(o, true, false);
	trigger_print(parsed(o, BBGEN_A_TRIGGER_MAX), NULL);
	snprintf(want, sizeof(want), "%s%s", trigger_head,
		 ",\"range_min_ns\":0,\"range_max_ns\":50000000,\"latency\":"
		 "{\"count\":994,\"min_ns\":19000000,\"avg_ns\":20000000,"
		 "\"max_ns\":61000000,\"jitter_ns\":4000000,\"p50_ns\":20000000,"
		 "\"p90_ns\":26000000,\"p99_ns\":31000000,\"p999_ns\":40000000,"
		 "\"p9999_ns\":61000000,\"below_range\":0,\"above_range\":3,"
		 "\"invalid\":1}}\n");
	assert_string_equal(end(o), want);
}

/* No valid latency yet: the statistics are null, the counts 0. */
static void test_trigger_latency_empty_json(void **state)
{
	struct out *o = *state;
	char want[2048];

	put_trigger(o->msg);
	put_latency(o->msg, false);
	begin(o, true, false);
	trigger_print(parsed(o, BBGEN_A_TRIGGER_MAX), NULL);
	snprintf(want, sizeof(want), "%s%s", trigger_head,
		 ",\"range_min_ns\":0,\"range_max_ns\":50000000,\"latency\":"
		 "{\"count\":0,\"min_ns\":null,\"avg_ns\":null,\"max_ns\":null,"
		 "\"jitter_ns\":null,\"p50_ns\":null,\"p90_ns\":null,"
		 "\"p99_ns\":null,\"p999_ns\":null,\"p9999_ns\":null,"
		 "\"below_range\":0,\"above_range\":0,\"invalid\":0}}\n");
	assert_string_equal(end(o), want);
}

/* Without latency: no "latency" object, no range. */
static void test_trigger_no_latency_json(void **state)
{
	struct out *o = *state;
	char want[2048];

	put_trigger(o->msg);
	begin(o, true, false);
	trigger_print(parsed(o, BBGEN_A_TRIGGER_MAX), NULL);
	snprintf(want, sizeof(want), "%s}\n", trigger_head);
	assert_string_equal(end(o), want);
}

static void test_trigger_latency_text(void **state)
{
	struct out *o = *state;

	put_trigger(o->msg);
	put_latency(o->msg, true);
	begin(o, false, false);
	trigger_print(parsed(o, BBGEN_A_TRIGGER_MAX), NULL);
	assert_string_equal(end(o),
		"trigger 4 dev veth1 dport 4000 rx-frames 995 rx-bytes 59700 "
		"highest-seq 999 lost 5 out-of-sequence 0 duplicates 0 "
		"first-rx-ns 100 last-rx-ns 900 vlan 10 interval-ms 1000 "
		"loss-events-total 2 loss-events first-seq 10 count 3 rx-ns 200 "
		"first-seq 500 count 2 rx-ns 600 history-dropped 0 "
		"range-min-ns 0 range-max-ns 50000000 latency count 994 "
		"min-ns 19000000 avg-ns 20000000 max-ns 61000000 "
		"jitter-ns 4000000 p50-ns 20000000 p90-ns 26000000 "
		"p99-ns 31000000 p999-ns 40000000 p9999-ns 61000000 "
		"below-range 0 above-range 3 invalid 1\n");
}

static void put_snapshot(struct nl_msg *m, uint64_t start, bool latency)
{
	struct nlattr *nest = nla_nest_start(m, BBGEN_A_TRIGGER_SNAPSHOT);

	nla_put_u64(m, BBGEN_A_SNAPSHOT_INDEX, start / 1000000000 - 1);
	nla_put_u64(m, BBGEN_A_SNAPSHOT_START_NS, start);
	nla_put_u64(m, BBGEN_A_SNAPSHOT_FRAMES, 1000);
	nla_put_u64(m, BBGEN_A_SNAPSHOT_BYTES, 60000);
	nla_put_u64(m, BBGEN_A_SNAPSHOT_LOST, 2);
	nla_put_u64(m, BBGEN_A_SNAPSHOT_OUT_OF_SEQUENCE, 1);
	nla_put_u64(m, BBGEN_A_SNAPSHOT_LATENCY_COUNT, latency ? 1000 : 0);
	if (latency) {
		nla_put_u64(m, BBGEN_A_SNAPSHOT_LATENCY_MIN_NS, 10);
		nla_put_u64(m, BBGEN_A_SNAPSHOT_LATENCY_AVG_NS, 20);
		nla_put_u64(m, BBGEN_A_SNAPSHOT_LATENCY_MAX_NS, 30);
		nla_put_u64(m, BBGEN_A_SNAPSHOT_JITTER_NS, 4);
	}
	nla_nest_end(m, nest);
}

/* Snapshots of two replies make one array, in order. */
static void test_history_json(void **state)
{
	struct out *o = *state;
	struct nl_msg *second = nlmsg_alloc();

	nla_put_u32(o->msg, BBGEN_A_TRIGGER_ID, 4);
	nla_put_u64(o->msg, BBGEN_A_TRIGGER_HISTORY_DROPPED, 0);
	put_snapshot(o->msg, 1000000000, true);
	put_snapshot(o->msg, 2000000000, false);
	begin(o, true, false);
	pr_open_array();
	trigger_print_history(parsed(o, BBGEN_A_TRIGGER_MAX), NULL);
	nlmsg_free(o->msg);
	o->msg = second;
	put_snapshot(o->msg, 3000000000, true);
	trigger_print_history(parsed(o, BBGEN_A_TRIGGER_MAX), NULL);
	pr_close_array();
	assert_string_equal(end(o),
		"[{\"index\":0,\"start_ns\":1000000000,\"frames\":1000,\"bytes\":60000,"
		"\"lost\":2,\"out_of_sequence\":1,\"latency_count\":1000,"
		"\"latency_min_ns\":10,\"latency_avg_ns\":20,\"latency_max_ns\":30,"
		"\"jitter_ns\":4},{\"index\":1,\"start_ns\":2000000000,\"frames\":1000,"
		"\"bytes\":60000,\"lost\":2,\"out_of_sequence\":1,"
		"\"latency_count\":0,\"latency_min_ns\":null,"
		"\"latency_avg_ns\":null,\"latency_max_ns\":null,"
		"\"jitter_ns\":null},{\"index\":2,\"start_ns\":3000000000,\"frames\":1000,"
		"\"bytes\":60000,\"lost\":2,\"out_of_sequence\":1,"
		"\"latency_count\":1000,\"latency_min_ns\":10,"
		"\"latency_avg_ns\":20,\"latency_max_ns\":30,\"jitter_ns\":4}]\n");
}

static void test_history_text_and_empty(void **state)
{
	struct out *o = *state;

	put_snapshot(o->msg, 1000000000, false);
	begin(o, false, false);
	pr_open_array();
	trigger_print_history(parsed(o, BBGEN_A_TRIGGER_MAX), NULL);
	pr_close_array();
	assert_string_equal(end(o),
		"index 0 start-ns 1000000000 frames 1000 bytes 60000 lost 2 "
		"out-of-sequence 1 latency-count 0 latency-min-ns - "
		"latency-avg-ns - latency-max-ns - jitter-ns -\n");
	free(o->buf);
	o->buf = NULL;
	nlmsg_free(o->msg);
	o->msg = nlmsg_alloc();
	nla_put_u32(o->msg, BBGEN_A_TRIGGER_ID, 4);
	begin(o, true, false);
	pr_open_array();
	trigger_print_history(parsed(o, BBGEN_A_TRIGGER_MAX), NULL);
	pr_close_array();
	assert_string_equal(end(o), "[]\n");
}

static void test_histogram_json(void **state)
{
	struct out *o = *state;
	struct nlattr *nest;
	int i;

	nla_put_u32(o->msg, BBGEN_A_TRIGGER_ID, 4);
	for (i = 1; i <= 2; i++) {
		nest = nla_nest_start(o->msg, BBGEN_A_TRIGGER_BUCKET);
		nla_put_u64(o->msg, BBGEN_A_BUCKET_UPPER_NS, 1000 * i);
		nla_put_u64(o->msg, BBGEN_A_BUCKET_COUNT, 7 * i);
		nla_nest_end(o->msg, nest);
	}
	begin(o, true, false);
	pr_open_array();
	trigger_print_histogram(parsed(o, BBGEN_A_TRIGGER_MAX), NULL);
	pr_close_array();
	assert_string_equal(end(o),
		"[{\"upper_ns\":1000,\"count\":7},{\"upper_ns\":2000,"
		"\"count\":14}]\n");
}

static void test_port_timestamping(void **state)
{
	struct out *o = *state;

	nla_put_u32(o->msg, BBGEN_A_PORT_IFINDEX, 3);
	nla_put_string(o->msg, BBGEN_A_PORT_DEV, "eth0");
	nla_put_u32(o->msg, BBGEN_A_PORT_STREAMS, 0);
	nla_put_u32(o->msg, BBGEN_A_PORT_TRIGGERS, 2);
	nla_put_u32(o->msg, BBGEN_A_PORT_TIMESTAMPING,
		    BBGEN_TIMESTAMPING_HARDWARE);
	begin(o, true, false);
	port_print(parsed(o, BBGEN_A_PORT_MAX), NULL);
	assert_string_equal(end(o),
		"{\"dev\":\"eth0\",\"ifindex\":3,\"streams\":0,\"triggers\":2,"
		"\"timestamping\":\"hardware\"}\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_trigger_latency_json, setup, teardown),
		cmocka_unit_test_setup_teardown(test_trigger_latency_empty_json, setup, teardown),
		cmocka_unit_test_setup_teardown(test_trigger_no_latency_json, setup, teardown),
		cmocka_unit_test_setup_teardown(test_trigger_latency_text, setup, teardown),
		cmocka_unit_test_setup_teardown(test_history_json, setup, teardown),
		cmocka_unit_test_setup_teardown(test_history_text_and_empty, setup, teardown),
		cmocka_unit_test_setup_teardown(test_histogram_json, setup, teardown),
		cmocka_unit_test_setup_teardown(test_port_timestamping, setup, teardown),
	};

	return cmocka_run_group_tests_name("print_measure", tests, NULL, NULL);
}
