// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* Analysers over hand-made run records: which analysers a flow gets, their
 * verdicts and reasons, quantiles, MOS, and the run's verdict. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "analyse.h"

/* Latency: 1000 samples, avg 2 ms, kernel P99 3 ms, P99.9 8 ms; the
 * histogram: 900 at <= 1 ms, 90 at <= 4 ms, 10 at <= 9 ms. */
#define LATENCY "{\"count\":1000,\"min_ns\":500000,\"avg_ns\":2000000,\"max_ns\":9000000," \
	"\"jitter_ns\":0,\"p50_ns\":900000,\"p90_ns\":1000000,\"p99_ns\":3000000," \
	"\"p999_ns\":8000000,\"p9999_ns\":9000000,\"below_range\":0,\"above_range\":0," \
	"\"invalid\":0,\"range_min_ns\":0,\"range_max_ns\":60000000000," \
	"\"histogram\":[[1000000,900],[4000000,90],[9000000,10]]}"

static json_t *flow(const char *type, const char *config, double loss,
		    const char *latency)
{
	json_t *f = json_pack("{s:s,s:s,s:o,s:{s:i,s:i,s:f,s:o}}",
		"name", "f", "type", type, "config", json_loads(config, 0, NULL),
		"results", "tx_frames", 1000, "rx_frames", (int)(1000 - loss * 10),
		"loss_percentage", loss, "latency",
		latency ? json_loads(latency, 0, NULL) : json_null());

	assert_non_null(f);
	return f;
}

static void expect(json_t *analysers, size_t i, const char *type,
		   const char *verdict, const char *reason)
{
	json_t *a = json_array_get(analysers, i);

	assert_non_null(a);
	assert_string_equal(json_string_value(json_object_get(a, "type")), type);
	assert_string_equal(json_string_value(json_object_get(a, "verdict")), verdict);
	assert_string_equal(json_string_value(json_object_get(a, "reason")), reason);
}

static void test_frame_loss(void **state)
{
	json_t *f = flow("frame_blasting", "{\"latency\":false}", 5.0, NULL), *a;

	(void)state;
	a = bb_analyse_flow(f);
	assert_int_equal(json_array_size(a), 1);
	expect(a, 0, "frame_loss", "FAIL", "loss 5.000% exceeds max_loss_percentage 1.000%");
	json_decref(a);
	json_decref(f);
	f = flow("frame_blasting", "{\"analysis\":{\"max_loss_percentage\":5}}", 5.0, NULL);
	a = bb_analyse_flow(f);
	expect(a, 0, "frame_loss", "PASS", "loss 5.000% within max_loss_percentage 5.000%");
	json_decref(a);
	json_decref(f);
}

static void test_latency(void **state)
{
	json_t *f = flow("frame_blasting", "{\"latency\":true,\"analysis\":"
			 "{\"max_loss_percentage\":1,\"max_threshold_latency\":5,\"quantile\":99.9}}",
			 0.0, LATENCY);
	json_t *a = bb_analyse_flow(f);

	(void)state;
	assert_int_equal(json_array_size(a), 3);
	expect(a, 0, "frame_loss", "PASS", "loss 0.000% within max_loss_percentage 1.000%");
	expect(a, 1, "latency_frame_loss", "PASS",
	       "loss 0.000% within max_loss_percentage 1.000%; average latency 2.000 ms within max_threshold_latency 5.000 ms");
	/* P99.9 is a kernel percentile: 8 ms */
	expect(a, 2, "latency_cdf_frame_loss", "FAIL",
	       "loss 0.000% within max_loss_percentage 1.000%; P99.9 latency 8.000 ms exceeds max_threshold_latency 5.000 ms");
	json_decref(a);
	json_decref(f);
}

/* A flow that asked for latency but has none fails, saying so. */
static void test_no_latency(void **state)
{
	json_t *f = flow("frame_blasting", "{\"latency\":true}", 0.0, NULL);
	json_t *a = bb_analyse_flow(f);

	(void)state;
	expect(a, 1, "latency_frame_loss", "FAIL",
	       "loss 0.000% within max_loss_percentage 1.000%; no latency was measured, so average latency is unknown");
	expect(a, 2, "latency_cdf_frame_loss", "FAIL",
	       "loss 0.000% within max_loss_percentage 1.000%; no latency was measured, so P99.9 latency is unknown");
	json_decref(a);
	json_decref(f);
}

/* Quantiles: kernel percentiles as they are; others from the histogram,
 * the upper bound of the bucket where the cumulative count reaches q:
 * 95% of 1000 = 950 -> 900 + 90 reaches it in the 4 ms bucket; 80% =
 * 800 -> the 1 ms bucket; 99.5% = 995 -> the 9 ms bucket. */
static void test_quantile(void **state)
{
	json_t *lat = json_loads(LATENCY, 0, NULL);

	(void)state;
	assert_true(bb_latency_quantile_ns(lat, 99) == 3000000);
	assert_true(bb_latency_quantile_ns(lat, 99.99) == 9000000);
	assert_true(bb_latency_quantile_ns(lat, 95) == 4000000);
	assert_true(bb_latency_quantile_ns(lat, 80) == 1000000);
	assert_true(bb_latency_quantile_ns(lat, 99.5) == 9000000);
	assert_true(bb_latency_quantile_ns(NULL, 99) == -1);
	json_decref(lat);
}

/* Gaming: frame_loss and P99 (3 ms) against its threshold. */
static void test_gaming(void **state)
{
	json_t *f = flow("gaming", "{\"analysis\":{\"max_threshold_latency\":2}}", 0.0, LATENCY);
	json_t *a = bb_analyse_flow(f);

	(void)state;
	assert_int_equal(json_array_size(a), 2);
	expect(a, 0, "frame_loss", "PASS", "loss 0.000% within max_loss_percentage 1.000%");
	expect(a, 1, "gaming", "FAIL",
	       "loss 0.000% within max_loss_percentage 1.000%; P99 latency 3.000 ms exceeds max_threshold_latency 2.000 ms");
	json_decref(a);
	json_decref(f);
}

/*
 * Voice at 1% loss, 2 ms average latency, no jitter, 20 ms packets:
 * d = 2 + 20 + max(40, 0) = 62 ms; Id = 0.024 * 62 = 1.488;
 * Ie,eff = 95 * 1 / (1 + 25.1) = 3.639847; R = 93.2 - 1.488 - 3.639847 =
 * 88.072153; MOS = 1 + 0.035 R + R (R - 60)(100 - R) 7e-6
 * = 1 + 3.082525 + 88.072153 * 28.072153 * 11.927847 * 7e-6 = 4.288957.
 */
static void test_voice(void **state)
{
	json_t *f = flow("voice", "{\"packetization_ms\":20,\"analysis\":{\"minimum_mos\":4.0}}",
			 1.0, LATENCY), *a;
	double mos;

	(void)state;
	a = bb_analyse_flow(f);
	assert_int_equal(json_array_size(a), 2);
	expect(a, 1, "voice", "PASS",
	       "MOS 4.29 meets minimum_mos 4.00 (loss 1.000%, mouth-to-ear delay 62.0 ms)");
	mos = json_real_value(json_object_get(json_object_get(f, "results"), "mos"));
	assert_true(mos > 4.288956 && mos < 4.288958);
	json_decref(a);
	json_decref(f);
	/* minimum_mos null: the MOS check was turned off */
	f = flow("voice", "{\"analysis\":{\"minimum_mos\":null}}", 0.0, LATENCY);
	a = bb_analyse_flow(f);
	assert_int_equal(json_array_size(a), 1);
	json_decref(a);
	json_decref(f);
}

/* The record: verdict FAIL on a failed analyser or an interrupted run. */
static void test_record(void **state)
{
	json_t *rec = json_pack("{s:{s:b},s:[o]}", "run", "interrupted", 0, "flows",
				flow("frame_blasting", "{}", 0.5, NULL));

	(void)state;
	assert_true(bb_analyse_record(rec));
	assert_string_equal(json_string_value(json_object_get(rec, "verdict")), "PASS");
	assert_int_equal(json_array_size(json_object_get(json_array_get(
		json_object_get(rec, "flows"), 0), "analysers")), 1);
	json_object_set_new(json_object_get(rec, "run"), "interrupted", json_true());
	assert_false(bb_analyse_record(rec));
	assert_string_equal(json_string_value(json_object_get(rec, "verdict")), "FAIL");
	json_object_set_new(json_object_get(rec, "run"), "interrupted", json_false());
	json_array_append_new(json_object_get(rec, "flows"),
			      flow("frame_blasting", "{}", 2.0, NULL));
	assert_false(bb_analyse_record(rec));
	json_decref(rec);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_frame_loss),
		cmocka_unit_test(test_latency),
		cmocka_unit_test(test_no_latency),
		cmocka_unit_test(test_quantile),
		cmocka_unit_test(test_gaming),
		cmocka_unit_test(test_voice),
		cmocka_unit_test(test_record),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
