/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* analyse*.c internals. */
#ifndef BB_ANALYSE_INT_H
#define BB_ANALYSE_INT_H

#include <stddef.h>

#include "analyse.h"

#define AN_REASON_MAX	256

/* Limits of a flow: config.analysis, defaults where absent. */
struct an_limits {
	double max_loss;	/* % */
	double max_latency_ms;
	double quantile;	/* % */
	double minimum_mos;
};

/* o[key] if a number, else dflt. */
double an_num(json_t *o, const char *key, double dflt);
/* {"type", "verdict", "reason"}: a new reference. */
json_t *an_result(const char *type, bool pass, const char *reason);
/* A TCP flow's session analyser: PASS with done_reason when its results'
 * status is "finished", else FAIL with "<what> <status>: <reason>". */
json_t *an_session(json_t *res, const char *type, const char *what,
		   const char *done_reason);
/* The loss part: "loss X% within|exceeds max_loss_percentage Y%" into
 * why; false if it fails or nothing was sent. */
bool an_loss_ok(json_t *results, const struct an_limits *l, char *why,
		size_t len);

/* latency_frame_loss, latency_cdf_frame_loss, gaming. */
json_t *an_latency(json_t *results, const struct an_limits *l);
json_t *an_latency_cdf(json_t *results, const struct an_limits *l);
json_t *an_gaming(json_t *results, const struct an_limits *l);
/* voice: sets results.mos when it can be computed. */
json_t *an_voice(json_t *config, json_t *results, const struct an_limits *l);
/* Every analyser of an http flow, as an array. */
json_t *an_http(json_t *config, json_t *results);
/* Every analyser of a video flow, as an array. */
json_t *an_video(json_t *config, json_t *results);

#endif
