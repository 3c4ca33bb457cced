/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* Aggregate TCP throughput per port (the record's "aggregate" key; the
 * definitions are in aggregate.c and Documentation/report-json.md). */
#ifndef BB_AGGREGATE_H
#define BB_AGGREGATE_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

/* One end's data period, CLOCK_TAI ns. Integers, so the durations keep
 * their order exactly: active <= alive <= scenario (a sum of doubles
 * could end a ulp above the single difference it should not exceed). */
struct bb_aggregate_span {
	int64_t a, b;
	json_int_t bytes;
};

/* Total length in ns of the union of n spans (sorts them). */
int64_t bb_aggregate_union(struct bb_aggregate_span *s, size_t n);

/* From a run record's ports and http flows: [{"port", "tx", "rx"}], each
 * direction {payload_bytes, flows, scenario_s, alive_s, active_s,
 * scenario_bps, alive_bps, active_bps} or null without TCP data. A new
 * reference; an empty array when the run has no TCP data. */
json_t *bb_aggregate_tcp(json_t *record);

#endif
