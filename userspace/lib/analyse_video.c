// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The analysers of a video flow: the session ran to its end (segments
 * fetched without a failed connection), and ByteBlower's BufferAnalyser:
 * playing started within max_initial_wait_time, plus bb's max_stalls
 * (default 0: a stall is what a viewer sees).
 */
#include <stdio.h>
#include <string.h>

#include "analyse_int.h"

#define INITIAL_WAIT_DFLT_S	5.0

static json_t *session(json_t *res)
{
	char why[AN_REASON_MAX];

	snprintf(why, sizeof(why), "%lld segments fetched",
		 json_integer_value(json_object_get(res, "segments")));
	return an_session(res, "video_session", "video session", why);
}

static json_t *buffer(json_t *an, json_t *res)
{
	double max_wait = an_num(an, "max_initial_wait_time", INITIAL_WAIT_DFLT_S);
	json_t *w = json_object_get(res, "initial_wait_ns");
	double stalls = an_num(res, "stalls", 0), max_stalls = an_num(an, "max_stalls", 0);
	double wait = json_number_value(w) / 1e9;
	char why[AN_REASON_MAX];
	bool ok;

	if (!json_is_integer(w)) {
		snprintf(why, sizeof(why), "playing never started (the buffer never reached play_goal)");
		return an_result("buffer", false, why);
	}
	ok = wait <= max_wait && stalls <= max_stalls;
	snprintf(why, sizeof(why), "initial wait %.3f s %s max_initial_wait_time %.3f s; %.0f stalls (%.3f s) %s max_stalls %.0f",
		 wait, wait <= max_wait ? "within" : "exceeds", max_wait, stalls,
		 an_num(res, "stall_ns", 0) / 1e9, stalls <= max_stalls ? "within" : "exceed",
		 max_stalls);
	return an_result("buffer", ok, why);
}

json_t *an_video(json_t *config, json_t *results)
{
	json_t *a = json_array();

	json_array_append_new(a, session(results));
	json_array_append_new(a, buffer(json_object_get(config, "analysis"), results));
	return a;
}
