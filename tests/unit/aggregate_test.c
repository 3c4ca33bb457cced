// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* Aggregate TCP throughput: the KB's example (360 + 720 Mbit over 12 s is
 * 90 Mbit/s, not the 105 the flows' own rates add up to), and a port with
 * a gap between its flows (alive counts the gap, active does not). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "aggregate.h"

#define S	1000000000ll

/* An http GET flow a -> b moving bytes from t0 to t1 ns. */
static json_t *flow_ns(const char *src, const char *dst, double bytes, long long t0,
		       long long t1)
{
	json_t *end = json_pack("{s:f,s:f,s:I,s:I,s:I,s:I}", "tx_payload_bytes", bytes,
				"rx_payload_bytes", bytes, "first_tx_ns", t0,
				"last_tx_ns", t1, "first_rx_ns", t0, "last_rx_ns", t1);

	return json_pack("{s:s,s:s,s:s,s:{s:s,s:o,s:O}}", "type", "http", "source", src,
			 "destination", dst, "results", "http_method", "GET", "server", end,
			 "client", end);
}

/* the same from t0 to t1 seconds */
static json_t *flow(const char *src, const char *dst, double bytes, long long t0,
		    long long t1)
{
	return flow_ns(src, dst, bytes, t0 * S, t1 * S);
}

static json_t *dir(json_t *agg, size_t port, const char *d)
{
	return json_object_get(json_array_get(agg, port), d);
}

static void test_kb_example(void **state)
{
	json_t *rec = json_pack("{s:[{s:s},{s:s}],s:[o,o,{s:s,s:s,s:s,s:{}}]}",
		"ports", "name", "a", "name", "b", "flows",
		flow("a", "b", 360e6 / 8, 0, 8), flow("a", "b", 720e6 / 8, 0, 12),
		"type", "frame_blasting", "source", "b", "destination", "a", "results");
	json_t *agg = bb_aggregate_tcp(rec);
	json_t *rx = dir(agg, 1, "rx"), *tx = dir(agg, 0, "tx");
	(void)state;

	assert_int_equal(json_array_size(agg), 2);
	assert_float_equal(json_real_value(json_object_get(rx, "scenario_bps")), 90e6, 1);
	assert_float_equal(json_real_value(json_object_get(rx, "alive_bps")), 90e6, 1);
	assert_float_equal(json_real_value(json_object_get(rx, "active_bps")), 90e6, 1);
	assert_float_equal(json_real_value(json_object_get(tx, "scenario_bps")), 90e6, 1);
	assert_int_equal(json_integer_value(json_object_get(rx, "flows")), 2);
	/* the frame blasting flow b -> a counts for nothing */
	assert_true(json_is_null(dir(agg, 0, "rx")));
	assert_true(json_is_null(dir(agg, 1, "tx")));
	json_decref(agg);
	json_decref(rec);
}

static void test_gap(void **state)
{
	json_t *rec = json_pack("{s:[{s:s},{s:s},{s:s}],s:[o,o,o]}",
		"ports", "name", "a", "name", "b", "name", "c", "flows",
		flow("a", "b", 10e6, 0, 2), flow("a", "b", 5e6, 5, 6),
		flow("c", "a", 1e6, 0, 10));
	json_t *agg = bb_aggregate_tcp(rec), *rx = dir(agg, 1, "rx");
	(void)state;

	/* the scenario spans every TCP flow: 0 to 10 s */
	assert_float_equal(json_real_value(json_object_get(rx, "scenario_s")), 10, 1e-9);
	assert_float_equal(json_real_value(json_object_get(rx, "alive_s")), 6, 1e-9);
	assert_float_equal(json_real_value(json_object_get(rx, "active_s")), 3, 1e-9);
	assert_float_equal(json_real_value(json_object_get(rx, "active_bps")), 8 * 15e6 / 3, 1e-3);
	assert_float_equal(json_real_value(json_object_get(rx, "scenario_bps")), 8 * 15e6 / 10, 1e-3);
	json_decref(agg);
	json_decref(rec);
}

static void test_union(void **state)
{
	struct bb_aggregate_span s[] = { { 5, 7, 0 }, { 0, 2, 0 }, { 1, 3, 0 }, { 6, 13, 0 } };
	(void)state;

	assert_int_equal(bb_aggregate_union(s, 4), 11);
	assert_int_equal(bb_aggregate_union(s, 0), 0);
}

/* Three overlapping flows at CLOCK_TAI times of today: their union
 * summed in doubles came out a ulp above the port's alive time (a CI run
 * failed on it); in ns it cannot. */
static void test_durations_ordered(void **state)
{
	const long long t0 = 1796300000123456789ll;
	json_t *rec = json_pack("{s:[{s:s},{s:s}],s:[o,o,o]}",
		"ports", "name", "w", "name", "l", "flows",
		flow_ns("w", "l", 1e6, t0 + 120659338, t0 + 3148937195ll),
		flow_ns("w", "l", 1e6, t0 + 174910657, t0 + 2805345623ll),
		flow_ns("w", "l", 1e6, t0 + 56359314, t0 + 1459483166));
	json_t *agg = bb_aggregate_tcp(rec), *rx = dir(agg, 1, "rx");
	double active = json_real_value(json_object_get(rx, "active_s"));
	double alive = json_real_value(json_object_get(rx, "alive_s"));
	(void)state;

	assert_true(active == alive);
	assert_float_equal(alive, 3.092577881, 1e-12);
	assert_true(alive <= json_real_value(json_object_get(rx, "scenario_s")));
	json_decref(agg);
	json_decref(rec);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kb_example),
		cmocka_unit_test(test_gap),
		cmocka_unit_test(test_union),
		cmocka_unit_test(test_durations_ordered),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
