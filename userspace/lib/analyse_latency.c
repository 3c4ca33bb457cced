// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* Latency analysers: average (latency_frame_loss), a quantile
 * (latency_cdf_frame_loss) and P99 (gaming), each after the loss check. */
#include <math.h>
#include <stdio.h>

#include "analyse_int.h"

/* Percentiles the kernel computes exactly, and their record keys. */
static const struct {
	double q;
	const char *key;
} kernel_pct[] = {
	{ 50, "p50_ns" }, { 90, "p90_ns" }, { 99, "p99_ns" },
	{ 99.9, "p999_ns" }, { 99.99, "p9999_ns" },
};

static bool measured(json_t *lat)
{
	return json_is_object(lat) && an_num(lat, "count", 0) > 0;
}

/* The first bucket whose cumulative count reaches q of all samples;
 * samples below the range count first; beyond the buckets (above the
 * range) the largest latency seen. */
static double from_histogram(json_t *lat, double q)
{
	json_t *b;
	double total = an_num(lat, "count", 0), cum = an_num(lat, "below_range", 0);
	double want = total * q / 100.0;
	size_t i;

	if (cum >= want && cum > 0)
		return an_num(lat, "range_min_ns", 0);
	json_array_foreach(json_object_get(lat, "histogram"), i, b) {
		cum += json_number_value(json_array_get(b, 1));
		if (cum >= want)
			return json_number_value(json_array_get(b, 0));
	}
	return an_num(lat, "max_ns", -1);
}

double bb_latency_quantile_ns(json_t *lat, double q)
{
	size_t i;

	if (!measured(lat))
		return -1;
	for (i = 0; i < sizeof(kernel_pct) / sizeof(kernel_pct[0]); i++)
		if (fabs(q - kernel_pct[i].q) < 1e-9 &&
		    json_is_number(json_object_get(lat, kernel_pct[i].key)))
			return an_num(lat, kernel_pct[i].key, -1);
	return from_histogram(lat, q);
}

/* type: the loss check, then "<what> X ms within|exceeds ... Y ms"; a
 * flow without latency samples fails. */
static json_t *latency_check(const char *type, const char *what, double ns,
			     json_t *results, const struct an_limits *l)
{
	char why[AN_REASON_MAX], loss[AN_REASON_MAX / 2];
	bool ok = an_loss_ok(results, l, loss, sizeof(loss));
	double ms = ns / 1e6;

	if (ns < 0) {
		snprintf(why, sizeof(why), "%s; no latency was measured, so %s latency is unknown",
			 loss, what);
		return an_result(type, false, why);
	}
	snprintf(why, sizeof(why), "%s; %s latency %.3f ms %s max_threshold_latency %.3f ms",
		 loss, what, ms, ms <= l->max_latency_ms ? "within" : "exceeds",
		 l->max_latency_ms);
	return an_result(type, ok && ms <= l->max_latency_ms, why);
}

json_t *an_latency(json_t *results, const struct an_limits *l)
{
	json_t *lat = json_object_get(results, "latency");

	return latency_check("latency_frame_loss", "average",
			     measured(lat) ? an_num(lat, "avg_ns", -1) : -1, results, l);
}

json_t *an_latency_cdf(json_t *results, const struct an_limits *l)
{
	char what[32];

	snprintf(what, sizeof(what), "P%g", l->quantile);
	return latency_check("latency_cdf_frame_loss", what,
			     bb_latency_quantile_ns(json_object_get(results, "latency"),
						    l->quantile), results, l);
}

json_t *an_gaming(json_t *results, const struct an_limits *l)
{
	return latency_check("gaming", "P99",
			     bb_latency_quantile_ns(json_object_get(results, "latency"), 99),
			     results, l);
}
