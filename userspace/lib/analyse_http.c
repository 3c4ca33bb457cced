// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The analysers of an http flow: the TCP session must reach Finished
 * (ByteBlower's HttpAnalyser gives no verdict of its own; a session that
 * was reset, refused, timed out or cut is a failure here), and bb's
 * optional limits analysis.minimum_goodput (bit/s) and analysis.max_rtt
 * (ms, against the largest smoothed RTT sampled on the data sender).
 */
#include <stdio.h>
#include <string.h>

#include "analyse_int.h"

static json_t *session(json_t *res)
{
	char why[AN_REASON_MAX];

	snprintf(why, sizeof(why), "TCP session finished: %lld payload bytes received",
		 json_integer_value(json_object_get(res, "rx_payload_bytes")));
	return an_session(res, "http_session", "TCP session", why);
}

static json_t *goodput(json_t *res, double min_bps)
{
	json_t *g = json_object_get(res, "goodput_bps");
	char why[AN_REASON_MAX];
	double v = json_number_value(g);

	if (!json_is_number(g))
		return an_result("minimum_goodput", false, "no goodput: no data was received");
	snprintf(why, sizeof(why), "goodput %.3f Mbit/s %s minimum_goodput %.3f Mbit/s",
		 v / 1e6, v >= min_bps ? "meets" : "is below", min_bps / 1e6);
	return an_result("minimum_goodput", v >= min_bps, why);
}

static json_t *rtt(json_t *res, double max_ms)
{
	json_t *tcp = json_object_get(res, "tcp");
	char why[AN_REASON_MAX];
	double v = an_num(tcp, "rtt_max_us", -1) / 1000.0;

	if (!json_is_object(tcp) || v < 0)
		return an_result("max_rtt", false, "no RTT: TCP_INFO was never sampled");
	snprintf(why, sizeof(why), "largest RTT %.2f ms %s max_rtt %.2f ms (min %.2f, avg %.2f)",
		 v, v <= max_ms ? "within" : "exceeds", max_ms,
		 an_num(tcp, "rtt_min_us", 0) / 1000.0, an_num(tcp, "rtt_avg_us", 0) / 1000.0);
	return an_result("max_rtt", v <= max_ms, why);
}

json_t *an_http(json_t *config, json_t *results)
{
	json_t *an = json_object_get(config, "analysis"), *a = json_array();

	json_array_append_new(a, session(results));
	if (json_is_number(json_object_get(an, "minimum_goodput")))
		json_array_append_new(a, goodput(results, an_num(an, "minimum_goodput", 0)));
	if (json_is_number(json_object_get(an, "max_rtt")))
		json_array_append_new(a, rtt(results, an_num(an, "max_rtt", 0)));
	return a;
}
