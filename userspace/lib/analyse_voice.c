// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* The voice analyser: the MOS of the G.711 call (lib/emodel.h, formulas in
 * Documentation/voice-mos.md) against minimum_mos. */
#include <stdio.h>

#include "analyse_int.h"
#include "emodel.h"

#define PACKETIZATION_DFLT_MS	20.0

json_t *an_voice(json_t *config, json_t *results, const struct an_limits *l)
{
	json_t *lat = json_object_get(results, "latency");
	struct bb_emodel_in in = {
		.loss_pct = an_num(results, "loss_percentage", -1),
		.packetization_ms = an_num(config, "packetization_ms", PACKETIZATION_DFLT_MS),
	};
	char why[AN_REASON_MAX];
	double mos;

	if (in.loss_pct < 0 || !json_integer_value(json_object_get(results, "tx_frames")))
		return an_result("voice", false, "MOS not computed: no frames were sent");
	if (!json_is_object(lat) || an_num(lat, "count", 0) <= 0)
		return an_result("voice", false, "MOS not computed: no latency was measured");
	in.latency_ms = an_num(lat, "avg_ns", 0) / 1e6;
	in.jitter_ms = an_num(lat, "jitter_ns", 0) / 1e6;
	mos = bb_emodel_mos(&in);
	json_object_set_new(results, "mos", json_real(mos));
	snprintf(why, sizeof(why),
		 "MOS %.2f %s minimum_mos %.2f (loss %.3f%%, mouth-to-ear delay %.1f ms)",
		 mos, mos >= l->minimum_mos ? "meets" : "is below", l->minimum_mos,
		 in.loss_pct, bb_emodel_delay_ms(&in));
	return an_result("voice", mos >= l->minimum_mos, why);
}
