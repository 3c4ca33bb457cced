/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Pass/fail of a run: the analysers of each flow (from its scenario
 * "analysis" object) over the flow's results, and the run's verdict.
 */
#ifndef BBD_VERDICT_H
#define BBD_VERDICT_H

#include <stdbool.h>

#include <jansson.h>

#include "plan.h"

/* flows[].analysers for the record flow rec (config and results set);
 * may set results.mos. A new reference. */
json_t *bbd_verdict_flow(const struct bbd_flow_cfg *cfg, json_t *rec);
/* True when every analyser of every flow passed and the run was not
 * interrupted. */
bool bbd_verdict_run(json_t *record, bool interrupted);

#endif
