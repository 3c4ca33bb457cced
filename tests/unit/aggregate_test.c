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

/* An http GET flow a -> b moving bytes from t0 to t1 seconds. */
static json_t *flow(const char *src, const char *dst, double bytes, long long t0,
		    long long t1)
{
	json_t *end = json_pack("{s:f,s:f,s:I,s:I,s:I,s:I}", "tx_payload_bytes", bytes,
				"rx_payload_bytes", bytes, "first_tx_ns", t0 * S,
				"last_tx_ns", t1 * S, "first_rx_ns", t0 * S, "last_rx_ns", t1 * S);

	return json_pack("{s:s,s:s,s:s,s:{s:s,s:o,s:O}}", "type", "http", "source", src,
			 "destination", dst, "results", "http_method", "GET", "server", end,
			 "client", end);
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
	struct bb_aggregate_span s[] = { { 5, 7, 0 }, { 0, 2, 0 }, { 1, 3, 0 }, { 6, 6.5, 0 } };
	(void)state;

	assert_float_equal(bb_aggregate_union(s, 4), 5, 1e-12);
	assert_float_equal(bb_aggregate_union(s, 0), 0, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kb_example),
		cmocka_unit_test(test_gap),
		cmocka_unit_test(test_union),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
