// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* One flow of a scenario file: its type, the keys every type shares and
 * its analysis limits (sizes, rate and length: scenario_parse_frames.c). */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "scenario_int.h"

#define COMMON_KEYS "name", "type", "source", "destination", \
	"add_reverse_direction", "initial_time_to_wait", "dscp", "ecn", \
	"udp_src", "udp_dest", "number_of_frames", "duration", "analysis", \
	"flow_group", "reverse_flow_group", "nat_keep_alive", "ip"

static const char *const blasting_keys[] = {
	COMMON_KEYS, "frame_size", "imix", "frame_rate", "bitrate", NULL,
};
static const char *const voice_keys[] = { COMMON_KEYS, "packetization", "codec", NULL };
static const char *const gaming_keys[] = { COMMON_KEYS, "frame_rate", NULL };
static const char *const http_keys[] = {
	"name", "type", "source", "destination", "add_reverse_direction",
	"initial_time_to_wait", "dscp", "ecn", "analysis", "http_method",
	"tcp_server_port", "tcp_client_port", "request_size", "request_duration",
	"maximum_bitrate", "rate_limit", "receive_window_scaling",
	"slow_start_threshold", "enable_tcp_prague", "tcp_congestion_control",
	"flow_group", "reverse_flow_group", "ip", NULL,
};
static const char *const video_keys[] = {
	"name", "type", "source", "destination", "initial_time_to_wait", "dscp",
	"ecn", "analysis", "tcp_server_port", "tcp_client_port",
	"receive_window_scaling", "slow_start_threshold", "enable_tcp_prague",
	"tcp_congestion_control", "segment_size", "segment_duration",
	"buffering_goal", "play_goal", "duration", "flow_group",
	"reverse_flow_group", "ip", NULL,
};

static const char *const blasting_analysis[] = {
	"latency", "max_loss_percentage", "max_threshold_latency", "quantile", NULL,
};
static const char *const voice_analysis[] = {
	"max_loss_percentage", "mos", "minimum_mos", NULL,
};
static const char *const gaming_analysis[] = {
	"max_loss_percentage", "max_threshold_latency", NULL,
};
static const char *const mos_keys[] = { "minimum_mos", NULL };

static const char *const type_names[] = {
	[BB_FLOW_FRAME_BLASTING] = "frame_blasting",
	[BB_FLOW_VOICE] = "voice",
	[BB_FLOW_GAMING] = "gaming",
	[BB_FLOW_HTTP] = "http",
	[BB_FLOW_VIDEO] = "video",
};
#define NTYPES	5
#define TYPE_LIST "frame_blasting, voice, gaming, http, video"

/* Defaults of the analysis limits (ByteBlower's). */
static const double loss_dflt = 1.0, latency_dflt = 5.0, quantile_dflt = 99.9,
		    gaming_latency_dflt = 1.0, mos_dflt = 4.0;
#define LATENCY_MAX_MS	3600000.0

const char *bb_flow_type_name(enum bb_flow_type t)
{
	return (unsigned int)t < NTYPES ? type_names[t] : "unknown";
}

static int flow_type(struct sc_ctx *c, json_t *o, const char *path,
		     enum bb_flow_type *t)
{
	char s[32];
	unsigned int i;
	int ret = sc_string(c, o, path, "type", true, s, sizeof(s));

	if (ret && json_is_string(json_object_get(o, "type")))
		ret = 0;	/* too long for s: reported as unknown below */
	if (ret)
		return sc_fail_key(c, path, "type", "%s one of " TYPE_LIST,
				   json_object_get(o, "type") ? "must be" : "missing (required):");
	for (i = 0; i < NTYPES; i++)
		if (!strcmp(json_string_value(json_object_get(o, "type")), type_names[i]))
			break;
	if (i == NTYPES)
		return sc_fail_key(c, path, "type", "\"%s\" is not one of " TYPE_LIST,
				   json_string_value(json_object_get(o, "type")));
	*t = (enum bb_flow_type)i;
	return 0;
}

/* voice "mos": true, false or {"minimum_mos": N}; minimum_mos may also
 * sit in analysis itself. Normalized to mos: bool, minimum_mos: N. */
static int voice_mos(struct sc_ctx *c, json_t *a, const char *path,
		     struct bb_scenario_analysis *an)
{
	static const bool yes = true;
	json_t *m = json_object_get(a, "mos");
	char mpath[SC_PATH_MAX];
	int ret;

	if (json_is_object(m)) {
		sc_path(mpath, "%s.mos", path);
		ret = sc_check_object(c, m, mpath, "analysis.mos", mos_keys);
		if (!ret && json_object_get(m, "minimum_mos") &&
		    json_object_get(a, "minimum_mos"))
			return sc_fail_key(c, path, "minimum_mos", "conflicts with %s.mos.minimum_mos", path);
		if (!ret && json_object_get(m, "minimum_mos"))
			json_object_set(a, "minimum_mos", json_object_get(m, "minimum_mos"));
		if (ret)
			return ret;
		json_object_set_new(a, "mos", json_true());
	}
	ret = sc_bool(c, a, path, "mos", &yes, &an->mos);
	if (!ret && an->mos)
		ret = sc_number(c, a, path, "minimum_mos", 1.0, false, 4.5, &mos_dflt,
				&an->minimum_mos);
	if (!ret && !an->mos && json_object_get(a, "minimum_mos"))
		return sc_fail_key(c, path, "minimum_mos", "needs %s.mos to be true", path);
	return ret;
}

/* frame_blasting: latency defaults to true when a latency limit is given. */
static int blasting_latency(struct sc_ctx *c, json_t *a, const char *path,
			    struct bb_scenario_analysis *an)
{
	bool dflt = json_object_get(a, "max_threshold_latency") ||
		    json_object_get(a, "quantile");
	int ret = sc_bool(c, a, path, "latency", &dflt, &an->latency);

	if (ret || !an->latency)
		return ret;
	ret = sc_number(c, a, path, "max_threshold_latency", 0, true, LATENCY_MAX_MS,
			&latency_dflt, &an->max_threshold_latency_ms);
	if (!ret)
		ret = sc_number(c, a, path, "quantile", 0, true, 100, &quantile_dflt,
				&an->quantile);
	return ret;
}

static int analysis(struct sc_ctx *c, json_t *o, const char *fpath,
		    struct bb_scenario_flow *f)
{
	static const char *const *const keys[] = {
		blasting_analysis, voice_analysis, gaming_analysis,
	};
	struct bb_scenario_analysis *an = &f->analysis;
	char path[SC_PATH_MAX];
	json_t *a = json_object_get(o, "analysis");
	int ret;

	sc_path(path, "%s.analysis", fpath);
	if (!a)
		json_object_set_new(o, "analysis", a = json_object());
	ret = sc_check_object(c, a, path, "the analysis of this flow type", keys[f->type]);
	if (!ret)
		ret = sc_number(c, a, path, "max_loss_percentage", 0, false, 100,
				&loss_dflt, &an->max_loss_percentage);
	if (ret)
		return ret;
	if (f->type == BB_FLOW_FRAME_BLASTING)
		return blasting_latency(c, a, path, an);
	an->latency = true;
	if (f->type == BB_FLOW_VOICE)
		return voice_mos(c, a, path, an);
	return sc_number(c, a, path, "max_threshold_latency", 0, true, LATENCY_MAX_MS,
			 &gaming_latency_dflt, &an->max_threshold_latency_ms);
}

/* source/destination: {"port_group": [names...]}; resolved on expansion. */
static int selector(struct sc_ctx *c, json_t *o, const char *path,
		    const char *key)
{
	static const char *const sel_keys[] = { "port_group", NULL };
	char spath[SC_PATH_MAX];
	json_t *sel, *arr;
	int ret = sc_object(c, o, path, key, true, &sel);

	sc_path(spath, "%s.%s", path, key);
	if (!ret)
		ret = sc_check_object(c, sel, spath, key, sel_keys);
	if (!ret)
		ret = sc_array(c, sel, spath, "port_group", true, &arr);
	if (!ret && !json_array_size(arr))
		return sc_fail_key(c, spath, "port_group", "must list at least one group");
	return ret;
}

/* "ip": the address family of a flow between dual-stack ports. */
static int ip_family(struct sc_ctx *c, json_t *o, const char *path,
		     struct bb_scenario_flow *f)
{
	const char *s = json_string_value(json_object_get(o, "ip"));

	if (!json_object_get(o, "ip"))
		return 0;
	if (s && !strcmp(s, "ipv4"))
		f->ip = AF_INET;
	else if (s && !strcmp(s, "ipv6"))
		f->ip = AF_INET6;
	else
		return sc_fail_key(c, path, "ip", "must be \"ipv4\" or \"ipv6\"");
	return 0;
}

static int common(struct sc_ctx *c, json_t *o, const char *path,
		  struct bb_scenario_flow *f)
{
	static const uint64_t zero = 0;
	static const double zero_s = 0;
	static const bool no = false, yes = true;
	uint64_t v;
	int ret;

	ret = sc_bool(c, o, path, "add_reverse_direction", &no, &f->reverse);
	if (!ret)
		ret = sc_bool(c, o, path, "nat_keep_alive", &yes, &f->nat_keep_alive);
	if (!ret)
		ret = ip_family(c, o, path, f);
	if (!ret)
		ret = sc_number(c, o, path, "initial_time_to_wait", 0, false, 86400,
				&zero_s, &f->initial_time_to_wait_s);
	if (!ret && !(ret = sc_uint(c, o, path, "dscp", 0, 63, &zero, &v)))
		f->dscp = (uint8_t)v;
	if (!ret && !(ret = sc_uint(c, o, path, "ecn", 0, 3, &zero, &v)))
		f->ecn = (uint8_t)v;
	if (!ret && (ret = sc_uint(c, o, path, "udp_src", 1, 65535, NULL, &v)) == 0)
		f->udp_src = (uint16_t)v;
	if (ret >= 0 && (ret = sc_uint(c, o, path, "udp_dest", 1, 65535, NULL, &v)) == 0)
		f->udp_dest = (uint16_t)v;
	return ret < 0 ? ret : 0;
}

int sc_parse_flow(struct sc_ctx *c, json_t *o, unsigned int idx,
		  struct bb_scenario_flow *f)
{
	static const char *const *const keys[] = {
		blasting_keys, voice_keys, gaming_keys, http_keys, video_keys,
	};
	static const char *const what[] = {
		"a frame_blasting flow", "a voice flow", "a gaming flow",
		"an http flow", "a video flow",
	};
	char path[SC_PATH_MAX];
	int ret;

	sc_path(path, "flows[%u]", idx);
	f->index = idx;
	if (!json_is_object(o))
		return sc_fail(c, path, "must be an object");
	ret = flow_type(c, o, path, &f->type);
	if (!ret)
		ret = sc_check_object(c, o, path, what[f->type], keys[f->type]);
	if (!ret && (ret = sc_string(c, o, path, "name", false, f->name,
				     BB_SCENARIO_NAME_MAX)) == 1) {
		snprintf(f->name, BB_SCENARIO_NAME_MAX, "flow%u", idx + 1);
		json_object_set_new(o, "name", json_string(f->name));
		ret = 0;
	}
	if (!ret)
		ret = selector(c, o, path, "source");
	if (!ret)
		ret = selector(c, o, path, "destination");
	if (!ret)
		ret = sc_labels(c, o, path, "flow_group", &f->flow_group);
	if (!ret)
		ret = sc_labels(c, o, path, "reverse_flow_group", &f->reverse_flow_group);
	if (!ret && f->type == BB_FLOW_HTTP)
		return sc_parse_http(c, o, path, f);
	if (!ret && f->type == BB_FLOW_VIDEO)
		return sc_parse_video(c, o, path, f);
	if (!ret)
		ret = common(c, o, path, f);
	if (!ret)
		ret = analysis(c, o, path, f);
	if (!ret)
		ret = sc_parse_frames(c, o, path, f);
	return ret;
}
