// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Analysers over a flow's record. PROVISIONAL until lib/analyse.h and
 * lib/mos.h (helper "scenario") are committed; then this file calls them.
 * Here: frame_loss (loss <= max_loss_percentage, default 1); with latency
 * also latency_frame_loss (+ average <= max_threshold_latency ms, default
 * 5) and latency_cdf_frame_loss (+ latency at quantile, default 99.9,
 * <= threshold); gaming (P99 <= threshold); voice (MOS, lib/emodel.h).
 */
#include <stdio.h>
#include <string.h>

#include "emodel.h"
#include "verdict.h"

struct limits {
	double max_loss;	/* % */
	double max_lat_ns;
	double quantile;	/* % */
};

static json_t *result(const char *type, bool pass, const char *reason)
{
	return json_pack("{s:s,s:s,s:s}", "type", type, "verdict",
			 pass ? "PASS" : "FAIL", "reason", reason);
}

static double num(json_t *o, const char *key, double dflt)
{
	json_t *v = json_object_get(o, key);

	return json_is_number(v) ? json_number_value(v) : dflt;
}

/* Loss part shared by every analyser; false (with why) if it fails. */
static bool loss_ok(json_t *res, const struct limits *l, char *why, size_t len)
{
	json_t *lp = json_object_get(res, "loss_percentage");

	if (!json_is_number(lp)) {
		snprintf(why, len, "no frames were sent");
		return false;
	}
	snprintf(why, len, "loss %.3f%% %s max_loss_percentage %.3f%%",
		 json_number_value(lp),
		 json_number_value(lp) <= l->max_loss ? "within" : "exceeds",
		 l->max_loss);
	return json_number_value(lp) <= l->max_loss;
}

/* Latency at quantile q (%) from the histogram: the first bucket whose
 * cumulative count reaches q of all; -1 without samples. */
static double quantile_ns(json_t *lat, double q)
{
	json_t *h = json_object_get(lat, "histogram"), *b;
	double total = num(lat, "count", 0), cum = 0;
	size_t i;

	json_array_foreach(h, i, b) {
		cum += (double)json_integer_value(json_array_get(b, 1));
		if (cum >= total * q / 100.0)
			return (double)json_integer_value(json_array_get(b, 0));
	}
	return -1;
}

/* type: loss, then "<what> <value> ms <within|exceeds> ... ms". */
static json_t *latency(const char *type, const char *what, double v,
		       json_t *res, const struct limits *l)
{
	char why[256], lw[160];
	bool ok = loss_ok(res, l, lw, sizeof(lw));

	if (v < 0) {
		snprintf(why, sizeof(why), "%s; no latency was measured", lw);
		return result(type, false, why);
	}
	snprintf(why, sizeof(why), "%s; %s %.3f ms %s max_threshold_latency %.3f ms",
		 lw, what, v / 1e6, v <= l->max_lat_ns ? "within" : "exceeds",
		 l->max_lat_ns / 1e6);
	return result(type, ok && v <= l->max_lat_ns, why);
}

/* voice: MOS (G.711 E-model, lib/emodel.h) >= minimum_mos; sets results.mos. */
static json_t *voice(const struct bbd_flow_cfg *cfg, json_t *res, json_t *lat)
{
	struct bb_emodel_in in = {
		.loss_pct = num(res, "loss_percentage", -1),
		.packetization_ms = num(cfg->config, "packetization_ms", 20),
	};
	/* analysis.mos.minimum_mos, as the test framework nests it */
	json_t *mos_cfg = json_object_get(cfg->analysis, "mos");
	double min_mos = num(json_is_object(mos_cfg) ? mos_cfg : cfg->analysis,
			     "minimum_mos", 4.0), mos;
	char why[200];

	if (in.loss_pct < 0)
		return result("voice", false, "MOS not computed: no frames were sent");
	if (!json_is_object(lat) || num(lat, "count", 0) <= 0)
		return result("voice", false, "MOS not computed: no latency was measured");
	in.latency_ms = num(lat, "avg_ns", 0) / 1e6;
	in.jitter_ms = num(lat, "jitter_ns", 0) / 1e6;
	mos = bb_emodel_mos(&in);
	json_object_set_new(res, "mos", json_real(mos));
	snprintf(why, sizeof(why),
		 "MOS %.2f %s minimum_mos %.2f (loss %.3f%%, mouth-to-ear delay %.1f ms)",
		 mos, mos >= min_mos ? "meets" : "is below", min_mos, in.loss_pct,
		 bb_emodel_delay_ms(&in));
	return result("voice", mos >= min_mos, why);
}

json_t *bbd_verdict_flow(const struct bbd_flow_cfg *cfg, json_t *rec)
{
	json_t *res = json_object_get(rec, "results"), *a = json_array();
	json_t *lat = json_object_get(res, "latency");
	struct limits l = {
		num(cfg->analysis, "max_loss_percentage", 1.0),
		num(cfg->analysis, "max_threshold_latency", 5.0) * 1e6,
		num(cfg->analysis, "quantile", 99.9),
	};
	char why[160], name[32];
	bool ok;

	if (cfg->type == BBD_FLOW_VOICE) {
		json_array_append_new(a, voice(cfg, res, lat));
	} else if (cfg->type == BBD_FLOW_GAMING) {
		json_array_append_new(a, latency("gaming", "P99",
			json_is_object(lat) ? num(lat, "p99_ns", -1) : -1, res, &l));
	} else if (cfg->latency) {
		json_array_append_new(a, latency("latency_frame_loss", "average",
			json_is_object(lat) ? num(lat, "avg_ns", -1) : -1, res, &l));
		snprintf(name, sizeof(name), "P%g", l.quantile);
		json_array_append_new(a, latency("latency_cdf_frame_loss", name,
			json_is_object(lat) ? quantile_ns(lat, l.quantile) : -1, res, &l));
	} else {
		ok = loss_ok(res, &l, why, sizeof(why));
		json_array_append_new(a, result("frame_loss", ok, why));
	}
	return a;
}

bool bbd_verdict_run(json_t *record, bool interrupted)
{
	json_t *flows = json_object_get(record, "flows"), *f, *an;
	size_t i, j;

	if (interrupted)
		return false;
	json_array_foreach(flows, i, f)
		json_array_foreach(json_object_get(f, "analysers"), j, an)
			if (strcmp(json_string_value(json_object_get(an, "verdict")), "PASS"))
				return false;
	return true;
}
