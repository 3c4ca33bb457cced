// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* A video flow (type "video"): the framework's VideoFlow keys, the
 * BufferAnalyser's max_initial_wait_time, and bb's duration, max_stalls
 * and the TCP keys an http flow has. The server is on the source. */
#include <stdio.h>
#include <string.h>

#include "scenario_int.h"

#define SEGMENT_SIZE_DFLT	2000000
#define SEGMENT_S_DFLT		2.5
#define BUFFERING_GOAL_DFLT	60.0
#define PLAY_GOAL_DFLT		5.0
#define INITIAL_WAIT_DFLT	5.0
#define VIDEO_S_MAX		86400.0

static const char *const video_analysis[] = { "max_initial_wait_time", "max_stalls", NULL };

static int analysis(struct sc_ctx *c, json_t *o, const char *fpath,
		    struct bb_scenario_video *v)
{
	static const double wait = INITIAL_WAIT_DFLT;
	static const uint64_t none = 0;
	char path[SC_PATH_MAX];
	json_t *a = json_object_get(o, "analysis");
	uint64_t n;
	int ret;

	sc_path(path, "%s.analysis", fpath);
	if (!a)
		json_object_set_new(o, "analysis", a = json_object());
	ret = sc_check_object(c, a, path, "the analysis of a video flow", video_analysis);
	if (!ret)
		ret = sc_number(c, a, path, "max_initial_wait_time", 0, true, VIDEO_S_MAX,
				&wait, &v->max_initial_wait_s);
	if (!ret && !(ret = sc_uint(c, a, path, "max_stalls", 0, 1000000, &none, &n)))
		v->max_stalls = (int)n;
	return ret;
}

static int sizes(struct sc_ctx *c, json_t *o, const char *path,
		 struct bb_scenario_video *v)
{
	static const uint64_t size = SEGMENT_SIZE_DFLT;
	static const double seg = SEGMENT_S_DFLT, goal = BUFFERING_GOAL_DFLT,
			    play = PLAY_GOAL_DFLT;
	int ret = sc_uint(c, o, path, "segment_size", 1, 1ull << 40, &size,
			  &v->segment_size);

	if (!ret)
		ret = sc_number(c, o, path, "segment_duration", 0, true, 3600, &seg,
				&v->segment_duration_s);
	if (!ret)
		ret = sc_number(c, o, path, "buffering_goal", 0, true, VIDEO_S_MAX, &goal,
				&v->buffering_goal_s);
	if (!ret)
		ret = sc_number(c, o, path, "play_goal", 0, true, VIDEO_S_MAX, &play,
				&v->play_goal_s);
	if (!ret && v->play_goal_s > v->buffering_goal_s)
		return sc_fail_key(c, path, "play_goal", "%g s is above buffering_goal (%g s): playing could never start",
				   v->play_goal_s, v->buffering_goal_s);
	if (!ret && v->segment_duration_s > v->buffering_goal_s)
		return sc_fail_key(c, path, "segment_duration", "%g s is above buffering_goal (%g s): no segment would fit",
				   v->segment_duration_s, v->buffering_goal_s);
	return ret;
}

int sc_parse_video(struct sc_ctx *c, json_t *o, const char *path,
		   struct bb_scenario_flow *f)
{
	static const double zero_s = 0;
	int ret;

	ret = sc_parse_http_tcp(c, o, path, f);
	f->http.method = BB_HTTP_GET;
	if (!ret)
		ret = sc_number(c, o, path, "initial_time_to_wait", 0, false, 86400,
				&zero_s, &f->initial_time_to_wait_s);
	if (!ret)
		ret = sizes(c, o, path, &f->video);
	if (!ret && (ret = sc_number(c, o, path, "duration", 0, true, VIDEO_S_MAX, NULL,
				     &f->video.duration_s)) == 1)
		ret = 0;
	if (!ret)
		ret = analysis(c, o, path, &f->video);
	f->http.request_size = f->video.segment_size;
	return ret;
}
