// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* Which analysers a flow gets, the frame-loss analyser, and the verdict
 * of the run. */
#include <stdio.h>
#include <string.h>

#include "analyse_int.h"

/* ByteBlower's defaults, for records written without config.analysis. */
#define LOSS_DFLT		1.0
#define LATENCY_DFLT_MS		5.0
#define GAMING_LATENCY_DFLT_MS	1.0
#define QUANTILE_DFLT		99.9
#define MOS_DFLT		4.0

double an_num(json_t *o, const char *key, double dflt)
{
	json_t *v = json_object_get(o, key);

	return json_is_number(v) ? json_number_value(v) : dflt;
}

json_t *an_result(const char *type, bool pass, const char *reason)
{
	return json_pack("{s:s,s:s,s:s}", "type", type, "verdict",
			 pass ? "PASS" : "FAIL", "reason", reason);
}

json_t *an_session(json_t *res, const char *type, const char *what,
		   const char *done_reason)
{
	const char *st = json_string_value(json_object_get(res, "status"));
	json_t *reason = json_object_get(res, "reason");
	char why[AN_REASON_MAX];

	if (st && !strcmp(st, "finished"))
		return an_result(type, true, done_reason);
	snprintf(why, sizeof(why), "%s %s: %s", what, st ? st : "unknown",
		 json_is_string(reason) ? json_string_value(reason) : "no reason recorded");
	return an_result(type, false, why);
}

bool an_loss_ok(json_t *results, const struct an_limits *l, char *why,
		size_t len)
{
	json_t *lp = json_object_get(results, "loss_percentage");
	double loss = json_number_value(lp);

	if (!json_is_number(lp) || !json_integer_value(json_object_get(results, "tx_frames"))) {
		snprintf(why, len, "no frames were sent, so loss is unknown");
		return false;
	}
	snprintf(why, len, "loss %.3f%% %s max_loss_percentage %.3f%%", loss,
		 loss <= l->max_loss ? "within" : "exceeds", l->max_loss);
	return loss <= l->max_loss;
}

static json_t *frame_loss(json_t *results, const struct an_limits *l)
{
	char why[AN_REASON_MAX];
	bool ok = an_loss_ok(results, l, why, sizeof(why));

	return an_result("frame_loss", ok, why);
}

json_t *bb_analyse_flow(json_t *flow)
{
	json_t *cfg = json_object_get(flow, "config");
	json_t *res = json_object_get(flow, "results");
	json_t *an = json_object_get(cfg, "analysis"), *a = json_array();
	const char *type = json_string_value(json_object_get(flow, "type"));
	bool gaming = type && !strcmp(type, "gaming");
	struct an_limits l = {
		.max_loss = an_num(an, "max_loss_percentage", LOSS_DFLT),
		.max_latency_ms = an_num(an, "max_threshold_latency",
					 gaming ? GAMING_LATENCY_DFLT_MS : LATENCY_DFLT_MS),
		.quantile = an_num(an, "quantile", QUANTILE_DFLT),
		.minimum_mos = an_num(an, "minimum_mos", MOS_DFLT),
	};

	if (type && !strcmp(type, "http")) {
		json_decref(a);
		return an_http(cfg, res);
	}
	if (type && !strcmp(type, "video")) {
		json_decref(a);
		return an_video(cfg, res);
	}
	json_array_append_new(a, frame_loss(res, &l));
	if (type && !strcmp(type, "voice")) {
		/* minimum_mos null: the file turned the MOS check off */
		if (!json_is_null(json_object_get(an, "minimum_mos")))
			json_array_append_new(a, an_voice(cfg, res, &l));
	} else if (gaming) {
		json_array_append_new(a, an_gaming(res, &l));
	} else if (json_is_true(json_object_get(cfg, "latency"))) {
		json_array_append_new(a, an_latency(res, &l));
		json_array_append_new(a, an_latency_cdf(res, &l));
	}
	return a;
}

bool bb_analyse_record(json_t *record)
{
	json_t *flows = json_object_get(record, "flows"), *f, *an, *a;
	bool pass = !json_is_true(json_object_get(json_object_get(record, "run"),
						  "interrupted"));
	size_t i, j;

	json_array_foreach(flows, i, f) {
		a = bb_analyse_flow(f);
		json_array_foreach(a, j, an)
			if (strcmp(json_string_value(json_object_get(an, "verdict")), "PASS"))
				pass = false;
		json_object_set_new(f, "analysers", a);
	}
	json_object_set_new(record, "verdict", json_string(pass ? "PASS" : "FAIL"));
	return pass;
}
