// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* The framework's flows in bb's dialect: the key names of its API, code
 * points as strings, keys bb keeps aside, the flow types bb does not run
 * yet, and scouting flows (gaming sizes: scenario_framework_gaming.c). */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "scenario_framework_int.h"

/* Scouting: a few frames per flow before the test, so switches learn the
 * MAC addresses and routers resolve their next hops before the first
 * measured frame; the flows of the test start SCOUT_LEAD_S later. */
#define SCOUT_FRAMES	5
#define SCOUT_FPS	10
#define SCOUT_LEAD_S	1

static const char *const types[] = {
	"frame_blasting", "voice", "gaming", "http", "video", NULL,
};
static const char *const int_keys[] = {
	"udp_src", "udp_dest", "number_of_frames", "frame_size", "packetization",
	"tcp_server_port", "tcp_client_port", "request_size",
	"imix_number_of_frames", NULL,
};

static int flow_type(struct fw_ctx *c, json_t *o, const char *path,
		     const char **type)
{
	const char *t = json_string_value(json_object_get(o, "type"));
	const char *name = json_string_value(json_object_get(o, "name"));
	char tpath[FW_PATH_MAX];
	unsigned int i;

	*type = t;
	for (i = 0; t && types[i]; i++)
		if (!strcmp(t, types[i]))
			return 0;
	if (!t)
		return 0;	/* bb's parser: missing or not a string */
	fw_path(tpath, "%s.type", path);
	return fw_fail(c, tpath, "flow \"%.63s\" is of type \"%.32s\", which bb does not support yet (bb runs frame_blasting, voice, gaming, http, video)",
		       name ? name : "(unnamed)", t);
}

/* ip_traffic_class: the whole ToS / traffic class byte, DSCP and ECN. */
static int traffic_class(struct fw_ctx *c, json_t *o, const char *path)
{
	char kpath[FW_PATH_MAX];
	json_int_t v;
	int ret = fw_codepoint(c, o, path, "ip_traffic_class");

	if (ret || !json_object_get(o, "ip_traffic_class"))
		return ret;
	fw_path(kpath, "%s.ip_traffic_class", path);
	if (json_object_get(o, "dscp") || json_object_get(o, "ecn"))
		return fw_fail(c, kpath, "conflicts with %s.dscp and %s.ecn (give ip_traffic_class, or dscp and ecn)",
			       path, path);
	v = json_integer_value(json_object_get(o, "ip_traffic_class"));
	if (!json_is_integer(json_object_get(o, "ip_traffic_class")) || v < 0 || v > 255)
		return fw_fail(c, kpath, "must be an integer from 0 to 255 (or a string like \"0xb8\")");
	fw_note(c, kpath, "mapped", "%d taken as dscp %d and ecn %d", (int)v, (int)(v >> 2), (int)(v & 3));
	json_object_set_new(o, "dscp", json_integer(v >> 2));
	json_object_set_new(o, "ecn", json_integer(v & 3));
	json_object_del(o, "ip_traffic_class");
	return 0;
}

static int nat_keep_alive(struct fw_ctx *c, json_t *o, const char *path)
{
	char kpath[FW_PATH_MAX];
	const char *key = json_object_get(o, "napt_keep_alive") ? "napt_keep_alive" :
			  "nat_keep_alive", *type;

	fw_path(kpath, "%s.napt_keep_alive", path);
	if (json_object_get(o, "napt_keep_alive") && json_object_get(o, "nat_keep_alive"))
		return fw_fail(c, kpath, "conflicts with %s.nat_keep_alive (give nat_keep_alive only)", path);
	if (!json_object_get(o, key))
		return 0;
	fw_path(kpath, "%s.%s", path, key);
	if (!json_is_boolean(json_object_get(o, key)))
		return fw_fail(c, kpath, "must be true or false");
	type = json_string_value(json_object_get(o, "type"));
	if (type && (!strcmp(type, "http") || !strcmp(type, "video"))) {
		/* TCP's own segments keep its mapping */
		fw_note(c, kpath, "ignored", "%s: a TCP flow needs no NAT keep-alive",
			json_is_true(json_object_get(o, key)) ? "true" : "false");
		json_object_del(o, key);
		return 0;
	}
	/* nat_keep_alive is bb's key too: it passes as it is */
	return fw_rename(c, o, path, "napt_keep_alive", "nat_keep_alive");
}

static int common(struct fw_ctx *c, json_t *o, const char *path)
{
	unsigned int i;
	int ret;

	for (i = 0; int_keys[i]; i++)
		fw_intify(c, o, path, int_keys[i]);
	ret = fw_rename(c, o, path, "ip_dscp", "dscp");
	if (!ret)
		ret = fw_rename(c, o, path, "ip_ecn", "ecn");
	if (!ret)
		ret = traffic_class(c, o, path);
	if (!ret)
		ret = fw_codepoint(c, o, path, "dscp");
	if (!ret)
		ret = fw_codepoint(c, o, path, "ecn");
	if (!ret)
		ret = nat_keep_alive(c, o, path);
	return ret;
}

/* The framework analyses latency only with analysis.latency true; bb
 * turns it on when a latency limit is given. */
static void blasting(struct fw_ctx *c, json_t *o, const char *path)
{
	json_t *a = json_object_get(o, "analysis");
	char apath[FW_PATH_MAX];

	if (!json_is_object(a) || json_object_get(a, "latency") ||
	    (!json_object_get(a, "max_threshold_latency") && !json_object_get(a, "quantile")))
		return;
	fw_path(apath, "%s.analysis.latency", path);
	fw_note(c, apath, "added", "false, the framework's default: without it max_threshold_latency and quantile are not used");
	json_object_set_new(a, "latency", json_false());
}

static void voice(struct fw_ctx *c, json_t *o, const char *path)
{
	json_t *v = json_object_get(o, "enable_latency");
	char kpath[FW_PATH_MAX];

	if (!v)
		return;
	fw_path(kpath, "%s.enable_latency", path);
	fw_note(c, kpath, "ignored", "bb always measures a voice flow's latency (its MOS needs it)");
	json_object_del(o, "enable_latency");
}

static int http(struct fw_ctx *c, json_t *o, const char *path)
{
	int ret = fw_rename(c, o, path, "duration", "request_duration");

	return ret ? ret : fw_rename(c, o, path, "enable_l4s", "enable_tcp_prague");
}

static int one_flow(struct fw_ctx *c, json_t *o, const char *path)
{
	const char *type;
	int ret = flow_type(c, o, path, &type);

	if (!ret)
		ret = common(c, o, path);
	if (ret || !type)
		return ret;
	if (!strcmp(type, "frame_blasting"))
		blasting(c, o, path);
	else if (!strcmp(type, "voice"))
		voice(c, o, path);
	else if (!strcmp(type, "gaming"))
		ret = fw_gaming(c, o, path);
	else
		ret = http(c, o, path);
	return ret;
}

/* flows[i] of a UDP type -> its scouting flow, appended after the file's
 * flows so that their indices (and error paths) stay the user's. */
static json_t *scout_of(const json_t *o, size_t i)
{
	const char *name = json_string_value(json_object_get(o, "name"));
	char base[32], sname[BB_SCENARIO_NAME_MAX];
	json_t *s;

	/* bb's default name for an unnamed flow; room for the suffix */
	snprintf(base, sizeof(base), "flow%zu", i + 1);
	snprintf(sname, sizeof(sname), "%.52s (scouting)", name ? name : base);
	/* O*: a flow without source or destination is bb's parser's to name
	 * (it comes first); no scout of it (was -ENOMEM with no message) */
	s = json_pack("{s:s,s:s,s:O*,s:O*,s:i,s:i,s:{s:i}}", "name", sname,
		      "type", "frame_blasting", "source", json_object_get(o, "source"),
		      "destination", json_object_get(o, "destination"),
		      "number_of_frames", SCOUT_FRAMES, "frame_rate", SCOUT_FPS,
		      "analysis", "max_loss_percentage", 100);
	if (s && json_object_get(o, "udp_src"))
		json_object_set(s, "udp_src", json_object_get(o, "udp_src"));
	if (s && json_object_get(o, "udp_dest"))
		json_object_set(s, "udp_dest", json_object_get(o, "udp_dest"));
	return s;
}

static void later(json_t *o)
{
	json_t *w = json_object_get(o, "initial_time_to_wait");

	if (!w)
		json_object_set_new(o, "initial_time_to_wait", json_integer(SCOUT_LEAD_S));
	else if (json_is_integer(w))
		json_object_set_new(o, "initial_time_to_wait",
				    json_integer(json_integer_value(w) + SCOUT_LEAD_S));
	else if (json_is_real(w))
		json_object_set_new(o, "initial_time_to_wait",
				    json_real(json_real_value(w) + SCOUT_LEAD_S));
}

/* enable_scouting_flows, as the framework means it: before the test, a
 * short UDP flow along every UDP flow's path (not HTTP). */
static int scouting(struct fw_ctx *c, json_t *doc, json_t *flows)
{
	json_t *v = json_object_get(doc, "enable_scouting_flows"), *o, *s;
	size_t i, n = json_array_size(flows);
	char path[FW_PATH_MAX];
	const char *t;

	if (!v)
		return 0;
	if (!json_is_boolean(v))
		return fw_fail(c, "enable_scouting_flows", "must be true or false");
	json_object_del(doc, "enable_scouting_flows");
	if (json_is_false(v) || !n) {
		fw_note(c, "enable_scouting_flows", "ignored", "false: no scouting flows");
		return 0;
	}
	fw_note(c, "enable_scouting_flows", "mapped", "a scouting flow of %d frames before each UDP flow; every flow of the file starts %d s later",
		SCOUT_FRAMES, SCOUT_LEAD_S);
	for (i = 0; i < n; i++) {
		o = json_array_get(flows, i);
		t = json_string_value(json_object_get(o, "type"));
		if (!json_is_object(o))
			continue;
		later(o);
		if (!t || !strcmp(t, "http"))
			continue;
		s = scout_of(o, i);
		if (!s || json_array_append_new(flows, s))
			return -ENOMEM;
		fw_path(path, "flows[%zu]", json_array_size(flows) - 1);
		fw_note(c, path, "added", "the scouting flow of flows[%zu]", i);
	}
	return 0;
}

int fw_flows(struct fw_ctx *c, json_t *doc, json_t *flows)
{
	char path[FW_PATH_MAX];
	json_t *o;
	size_t i;
	int ret;

	if (!json_is_array(flows))
		return json_object_get(doc, "enable_scouting_flows") ?
		       scouting(c, doc, NULL) : 0;
	json_array_foreach(flows, i, o) {
		if (!json_is_object(o))
			continue;	/* bb's parser: "must be an object" */
		fw_path(path, "flows[%zu]", i);
		ret = one_flow(c, o, path);
		if (ret)
			return ret;
	}
	return scouting(c, doc, flows);
}
