/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Pass/fail of a run from its record (the JSON report): every flow's
 * analysers from its type and config, each with its reason in words, and
 * the run's verdict. Limits come from flows[].config.analysis (written by
 * bb_scenario_flow_config(); ByteBlower's defaults when absent). What
 * each analyser checks: Documentation/scenario.md.
 */
#ifndef BB_ANALYSE_H
#define BB_ANALYSE_H

#include <stdbool.h>

#include <jansson.h>

/*
 * Set flows[].analysers of every flow, results.mos of voice flows, and
 * "verdict": FAIL if an analyser failed or run.interrupted is true.
 * Returns true on PASS.
 */
bool bb_analyse_record(json_t *record);

/* The analysers of one record flow (its "config" and "results"): a new
 * array; may set results.mos. */
json_t *bb_analyse_flow(json_t *flow);

/*
 * Latency in ns at quantile q (%) of a results.latency object: the
 * kernel's percentile when q is 50, 90, 99, 99.9 or 99.99, else from the
 * histogram (upper bound of the bucket that reaches q). -1 when nothing
 * was measured.
 */
double bb_latency_quantile_ns(json_t *latency, double q);

#endif
