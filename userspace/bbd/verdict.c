// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Analysers over a flow's record. PROVISIONAL: frame loss and latency
 * thresholds only, until lib/analyse.h (helper "scenario") is committed;
 * then this file calls it and computes MOS through it.
 */
#include <stdio.h>
#include <string.h>

#include "verdict.h"

static json_t *result(const char *type, bool pass, const char *reason)
{
	return json_pack("{s:s,s:s,s:s}", "type", type, "verdict",
			 pass ? "PASS" : "FAIL", "reason", reason);
}

static json_t *frame_loss(json_t *an, json_t *res)
{
	json_t *m = json_object_get(an, "max_loss_percentage");
	double max = m ? json_number_value(m) : 1.0;
	json_t *lp = json_object_get(res, "loss_percentage");
	double loss = json_number_value(lp);
	char why[160];

	if (!json_is_number(lp)) {
		snprintf(why, sizeof(why), "no frames were sent");
		return result("frame_loss", false, why);
	}
	snprintf(why, sizeof(why), "loss %.3f%% %s max_loss_percentage %.3f%%",
		 loss, loss <= max ? "within" : "exceeds", max);
	return result("frame_loss", loss <= max, why);
}

json_t *bbd_verdict_flow(const struct bbd_flow_cfg *cfg, json_t *rec)
{
	json_t *a = json_array();

	json_array_append_new(a, frame_loss(cfg->analysis,
					    json_object_get(rec, "results")));
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
