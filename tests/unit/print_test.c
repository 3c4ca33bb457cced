// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* Output of bbctl's printers for replies built as the kernel sends them,
 * in JSON and text mode, compared byte for byte. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <cmocka.h>

#include <linux/bbgen.h>

#include "bbctl.h"
#include "netdev.h"
#include "print.h"
#include "print_check.h"

static void put_stream(struct nl_msg *m)
{
	nla_put_u32(m, BBGEN_A_STREAM_ID, 1);
	nla_put_u32(m, BBGEN_A_STREAM_IFINDEX, 7);
	nla_put_string(m, BBGEN_A_STREAM_DEV, "veth0");
	nla_put_u32(m, BBGEN_A_STREAM_STATE, BBGEN_STREAM_STATE_DONE);
	nla_put_u32(m, BBGEN_A_STREAM_FRAME_SIZE, 60);
	nla_put_u64(m, BBGEN_A_STREAM_INTERVAL_NS, 500000);
	nla_put_u64(m, BBGEN_A_STREAM_COUNT, 10000);
	nla_put_u32(m, BBGEN_A_STREAM_SEQ_OFFSET, 52);
	nla_put_u32(m, BBGEN_A_STREAM_XMIT_MODE, BBGEN_XMIT_MODE_QUEUE);
	nla_put_u64(m, BBGEN_A_STREAM_TX_FRAMES, 10000);
	nla_put_u64(m, BBGEN_A_STREAM_TX_BYTES, 600000);
	nla_put_u64(m, BBGEN_A_STREAM_TX_BUSY, 0);
	nla_put_u64(m, BBGEN_A_STREAM_FIRST_TX_NS, 1700000000000000000ULL);
	nla_put_u64(m, BBGEN_A_STREAM_LAST_TX_NS, 1700000005000000000ULL);
}

/* The rest of a stream reply: its configuration, and a latency stream's bound. */
static void put_stream_config(struct nl_msg *m)
{
	nla_put_u64(m, BBGEN_A_STREAM_RATE_FRAMES, 1);
	nla_put_u64(m, BBGEN_A_STREAM_RATE_PERIOD_NS, 672);
	nla_put_u64(m, BBGEN_A_STREAM_DURATION_NS, 5000000000ULL);
	nla_put_u64(m, BBGEN_A_STREAM_DELAY_NS, 0);
	nla_put_u32(m, BBGEN_A_STREAM_TEMPLATES, 7);
	nla_put_u32(m, BBGEN_A_STREAM_CYCLE_LEN, 100);
	nla_put_u32(m, BBGEN_A_STREAM_ORDER, BBGEN_ORDER_SHUFFLE);
	nla_put_u32(m, BBGEN_A_STREAM_SEED, 12345);
	nla_put_flag(m, BBGEN_A_STREAM_LATENCY);
	nla_put_u64(m, BBGEN_A_STREAM_TX_TIME_ERROR_NS, 6400);
	nla_put_u32(m, BBGEN_A_STREAM_CPU, 1);
}

static void test_stream_json(void **state)
{
	struct out *o = *state;

	put_stream(o->msg);
	begin(o, true, false);
	pr_open_array();
	stream_print(parsed(o, BBGEN_A_STREAM_MAX), NULL);
	pr_close_array();
	assert_string_equal(end(o),
		"[{\"id\":1,\"dev\":\"veth0\",\"ifindex\":7,\"state\":\"done\","
		"\"frame_size\":60,\"interval_ns\":500000,\"count\":10000,"
		"\"seq_offset\":52,\"xmit_mode\":\"queue\",\"cpu\":null,\"rate_frames\":null,"
		"\"rate_period_ns\":null,\"fps\":null,\"duration_ns\":null,"
		"\"delay_ns\":null,\"templates\":null,\"cycle_len\":null,"
		"\"order\":null,\"seed\":null,\"latency\":false,\"start_tai_ns\":null,\"tx_frames\":10000,"
		"\"tx_bytes\":600000,\"tx_busy\":0,"
		"\"first_tx_ns\":1700000000000000000,"
		"\"last_tx_ns\":1700000005000000000,\"tx_time_error_ns\":null}]\n");
}

static void test_stream_text(void **state)
{
	struct out *o = *state;

	put_stream(o->msg);
	begin(o, false, false);
	pr_open_array();
	stream_print(parsed(o, BBGEN_A_STREAM_MAX), NULL);
	pr_close_array();
	assert_string_equal(end(o),
		"stream 1 dev veth0 state done size 60 interval-ns 500000 "
		"count 10000 seq-offset 52 xmit queue cpu - rate-frames - "
		"rate-period-ns - fps - duration-ns - delay-ns - templates - "
		"cycle-len - order - seed - latency off start-tai-ns - tx-frames 10000 "
		"tx-bytes 600000 tx-busy 0 first-tx-ns 1700000000000000000 "
		"last-tx-ns 1700000005000000000 tx-time-error-ns -\n");
}

static void test_stream_config_json(void **state)
{
	struct out *o = *state;

	put_stream(o->msg);
	put_stream_config(o->msg);
	begin(o, true, false);
	stream_print(parsed(o, BBGEN_A_STREAM_MAX), NULL);
	assert_string_equal(end(o),
		"{\"id\":1,\"dev\":\"veth0\",\"ifindex\":7,\"state\":\"done\","
		"\"frame_size\":60,\"interval_ns\":500000,\"count\":10000,"
		"\"seq_offset\":52,\"xmit_mode\":\"queue\",\"cpu\":1,\"rate_frames\":1,"
		"\"rate_period_ns\":672,\"fps\":1488095.2380952381,"
		"\"duration_ns\":5000000000,\"delay_ns\":0,\"templates\":7,"
		"\"cycle_len\":100,\"order\":\"shuffle\",\"seed\":12345,"
		"\"latency\":true,\"start_tai_ns\":null,\"tx_frames\":10000,\"tx_bytes\":600000,"
		"\"tx_busy\":0,\"first_tx_ns\":1700000000000000000,"
		"\"last_tx_ns\":1700000005000000000,\"tx_time_error_ns\":6400}\n");
}

static void test_stream_config_text(void **state)
{
	struct out *o = *state;

	put_stream(o->msg);
	put_stream_config(o->msg);
	begin(o, false, false);
	stream_print(parsed(o, BBGEN_A_STREAM_MAX), NULL);
	assert_string_equal(end(o),
		"stream 1 dev veth0 state done size 60 interval-ns 500000 "
		"count 10000 seq-offset 52 xmit queue cpu 1 rate-frames 1 "
		"rate-period-ns 672 fps 1488095.238 duration-ns 5000000000 "
		"delay-ns 0 templates 7 cycle-len 100 order shuffle seed 12345 "
		"latency on start-tai-ns - tx-frames 10000 tx-bytes 600000 tx-busy 0 "
		"first-tx-ns 1700000000000000000 last-tx-ns 1700000005000000000 "
		"tx-time-error-ns 6400\n");
}

/* A trigger before its first frame: no highest_seq, no RX times. */
static void put_trigger_idle(struct nl_msg *m)
{
	struct in_addr a;

	nla_put_u32(m, BBGEN_A_TRIGGER_ID, 2);
	nla_put_u32(m, BBGEN_A_TRIGGER_IFINDEX, 8);
	nla_put_string(m, BBGEN_A_TRIGGER_DEV, "veth1");
	nla_put_u16(m, BBGEN_A_TRIGGER_UDP_DPORT, 4000);
	inet_pton(AF_INET, "192.0.2.1", &a);
	nla_put(m, BBGEN_A_TRIGGER_SRC_IPV4, 4, &a);
	nla_put_u64(m, BBGEN_A_TRIGGER_RX_FRAMES, 0);
	nla_put_u64(m, BBGEN_A_TRIGGER_RX_BYTES, 0);
	nla_put_u64(m, BBGEN_A_TRIGGER_LOST, 0);
	nla_put_u64(m, BBGEN_A_TRIGGER_OUT_OF_SEQUENCE, 0);
	nla_put_u64(m, BBGEN_A_TRIGGER_DUPLICATES, 0);
}

static void test_trigger_idle_json(void **state)
{
	struct out *o = *state;

	put_trigger_idle(o->msg);
	begin(o, true, false);
	pr_open_array();
	trigger_print(parsed(o, BBGEN_A_TRIGGER_MAX), NULL);
	pr_close_array();
	assert_string_equal(end(o),
		"[{\"id\":2,\"dev\":\"veth1\",\"ifindex\":8,\"udp_dport\":4000,"
		"\"src_ipv4\":\"192.0.2.1\",\"rx_frames\":0,\"rx_bytes\":0,"
		"\"highest_seq\":null,\"lost\":0,\"out_of_sequence\":0,"
		"\"duplicates\":0,\"first_rx_ns\":null,\"last_rx_ns\":null}]\n");
}

static void test_trigger_idle_text(void **state)
{
	struct out *o = *state;

	put_trigger_idle(o->msg);
	begin(o, false, false);
	trigger_print(parsed(o, BBGEN_A_TRIGGER_MAX), NULL);
	assert_string_equal(end(o),
		"trigger 2 dev veth1 dport 4000 src 192.0.2.1 rx-frames 0 "
		"rx-bytes 0 highest-seq - lost 0 out-of-sequence 0 "
		"duplicates 0 first-rx-ns - last-rx-ns -\n");
}

static void test_trigger_v6_json(void **state)
{
	struct out *o = *state;
	struct nl_msg *m = o->msg;
	struct in6_addr a;

	nla_put_u32(m, BBGEN_A_TRIGGER_ID, 3);
	nla_put_u32(m, BBGEN_A_TRIGGER_IFINDEX, 8);
	nla_put_string(m, BBGEN_A_TRIGGER_DEV, "veth1");
	nla_put_u16(m, BBGEN_A_TRIGGER_UDP_DPORT, 4000);
	nla_put_u16(m, BBGEN_A_TRIGGER_UDP_SPORT, 49152);
	inet_pton(AF_INET6, "2001:db8::1", &a);
	nla_put(m, BBGEN_A_TRIGGER_SRC_IPV6, 16, &a);
	inet_pton(AF_INET6, "2001:db8::2", &a);
	nla_put(m, BBGEN_A_TRIGGER_DST_IPV6, 16, &a);
	nla_put_u64(m, BBGEN_A_TRIGGER_RX_FRAMES, 8002);
	nla_put_u64(m, BBGEN_A_TRIGGER_RX_BYTES, 624156);
	nla_put_u64(m, BBGEN_A_TRIGGER_HIGHEST_SEQ, 9999);
	nla_put_u64(m, BBGEN_A_TRIGGER_LOST, 2000);
	nla_put_u64(m, BBGEN_A_TRIGGER_OUT_OF_SEQUENCE, 5);
	nla_put_u64(m, BBGEN_A_TRIGGER_DUPLICATES, 2);
	nla_put_u64(m, BBGEN_A_TRIGGER_FIRST_RX_NS, 100);
	nla_put_u64(m, BBGEN_A_TRIGGER_LAST_RX_NS, 200);
	begin(o, true, false);
	pr_open_array();
	trigger_print(parsed(o, BBGEN_A_TRIGGER_MAX), NULL);
	pr_close_array();
	assert_string_equal(end(o),
		"[{\"id\":3,\"dev\":\"veth1\",\"ifindex\":8,\"udp_dport\":4000,"
		"\"udp_sport\":49152,\"src_ipv6\":\"2001:db8::1\","
		"\"dst_ipv6\":\"2001:db8::2\",\"rx_frames\":8002,"
		"\"rx_bytes\":624156,\"highest_seq\":9999,\"lost\":2000,"
		"\"out_of_sequence\":5,\"duplicates\":2,\"first_rx_ns\":100,"
		"\"last_rx_ns\":200}]\n");
}

/* No DEV attribute: the name comes from the ifindex. */
static void test_port_dev_from_ifindex(void **state)
{
	struct out *o = *state;
	unsigned int lo = bb_netdev_index("lo");

	assert_true(lo > 0);
	nla_put_u32(o->msg, BBGEN_A_PORT_IFINDEX, lo);
	nla_put_u32(o->msg, BBGEN_A_PORT_STREAMS, 1);
	nla_put_u32(o->msg, BBGEN_A_PORT_TRIGGERS, 0);
	begin(o, true, false);
	pr_open_array();
	port_print(parsed(o, BBGEN_A_PORT_MAX), NULL);
	pr_close_array();
	end(o);
	{
		char want[128];

		snprintf(want, sizeof(want),
			 "[{\"dev\":\"lo\",\"ifindex\":%u,\"streams\":1,"
			 "\"triggers\":0}]\n", lo);
		assert_string_equal(o->buf, want);
	}
}

static void test_pretty_empty_and_added(void **state)
{
	struct out *o = *state;
	struct added what = { "stream", BBGEN_A_STREAM_ID };

	begin(o, true, true);
	pr_open_array();
	pr_close_array();
	assert_int_equal(pr_flush(), 0);
	nla_put_u32(o->msg, BBGEN_A_STREAM_ID, 42);
	show_added_id(parsed(o, BBGEN_A_STREAM_MAX), &what);
	assert_string_equal(end(o), "[]\n{\n  \"id\": 42\n}\n");
}

static void test_added_text(void **state)
{
	struct out *o = *state;
	struct added what = { "trigger", BBGEN_A_TRIGGER_ID };

	nla_put_u32(o->msg, BBGEN_A_TRIGGER_ID, 5);
	begin(o, false, false);
	show_added_id(parsed(o, BBGEN_A_TRIGGER_MAX), &what);
	assert_string_equal(end(o), "trigger 5\n");
}

/* Counters beyond JSON's signed 64-bit integers still print. */
static void test_u64_big(void **state)
{
	struct out *o = *state;

	begin(o, true, false);
	pr_open_object();
	pr_u64(PR_ANY, "a", "%" PRIu64, 9223372036854775807ULL);
	pr_u64(PR_ANY, "b", "%" PRIu64, 18446744073709551615ULL);
	pr_close_object();
	assert_string_equal(end(o),
		"{\"a\":9223372036854775807,\"b\":1.8446744073709552e19}\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_stream_json, setup, teardown),
		cmocka_unit_test_setup_teardown(test_stream_text, setup, teardown),
		cmocka_unit_test_setup_teardown(test_stream_config_json, setup, teardown),
		cmocka_unit_test_setup_teardown(test_stream_config_text, setup, teardown),
		cmocka_unit_test_setup_teardown(test_trigger_idle_json, setup, teardown),
		cmocka_unit_test_setup_teardown(test_trigger_idle_text, setup, teardown),
		cmocka_unit_test_setup_teardown(test_trigger_v6_json, setup, teardown),
		cmocka_unit_test_setup_teardown(test_port_dev_from_ifindex, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pretty_empty_and_added, setup, teardown),
		cmocka_unit_test_setup_teardown(test_added_text, setup, teardown),
		cmocka_unit_test_setup_teardown(test_u64_big, setup, teardown),
	};

	return cmocka_run_group_tests_name("print", tests, NULL, NULL);
}
