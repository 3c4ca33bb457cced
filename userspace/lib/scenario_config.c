// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* An expanded flow as the run record's flows[].config: what was sent and
 * the limits its analysers apply (lib/analyse.h reads them back). */
#include "scenario.h"

static json_t *or_null(bool set, json_t *v)
{
	if (set)
		return v;
	json_decref(v);
	return json_null();
}

static json_t *imix(const struct bb_scenario_flow *f)
{
	json_t *arr = json_array();
	unsigned int i;

	for (i = 0; i < f->nimix; i++)
		json_array_append_new(arr, json_pack("[i,i]", (int)f->imix[i].size,
						     (int)f->imix[i].weight));
	return arr;
}

static json_t *analysis(const struct bb_scenario_flow *f)
{
	const struct bb_scenario_analysis *a = &f->analysis;
	bool lat_limit = f->type == BB_FLOW_GAMING ||
			 (f->type == BB_FLOW_FRAME_BLASTING && a->latency);

	return json_pack("{s:f,s:o,s:o,s:o}",
		"max_loss_percentage", a->max_loss_percentage,
		"max_threshold_latency", or_null(lat_limit, json_real(a->max_threshold_latency_ms)),
		"quantile", or_null(f->type == BB_FLOW_FRAME_BLASTING && a->latency,
				    json_real(a->quantile)),
		"minimum_mos", or_null(f->type == BB_FLOW_VOICE && a->mos,
				       json_real(a->minimum_mos)));
}

/* An http flow: the TCP session's settings as they were applied. */
static json_t *http_config(const struct bb_scenario_flow *f)
{
	const struct bb_scenario_http *h = &f->http;

	return json_pack("{s:s,s:i,s:o,s:o,s:o,s:f,s:o,s:o,s:o,s:o,s:b,s:i,s:b,s:{s:o,s:o}}",
		"http_method", bb_http_method_name(h->method),
		"tcp_server_port", (int)h->server_port,
		"tcp_client_port", or_null(h->client_port, json_integer(h->client_port)),
		"request_size", or_null(h->request_size, json_integer((json_int_t)h->request_size)),
		"request_duration_s", or_null(!h->request_size, json_real(h->request_duration_s)),
		"initial_time_to_wait_s", f->initial_time_to_wait_s,
		"maximum_bitrate", or_null(h->maximum_bitrate > 0, json_real(h->maximum_bitrate)),
		"receive_window_scaling", or_null(h->receive_window_scaling >= 0,
						  json_integer(h->receive_window_scaling)),
		"slow_start_threshold", or_null(h->slow_start_threshold,
						json_integer(h->slow_start_threshold)),
		"tcp_congestion_control", or_null(h->congestion[0], json_string(h->congestion)),
		"enable_tcp_prague", h->prague, "dscp", (int)f->dscp, "ecn", h->ecn,
		"analysis",
		"minimum_goodput", or_null(h->minimum_goodput > 0, json_real(h->minimum_goodput)),
		"max_rtt", or_null(h->max_rtt_ms > 0, json_real(h->max_rtt_ms)));
}

/* A video flow: the player's buffer model and the TCP keys. */
static json_t *video_config(const struct bb_scenario_flow *f)
{
	const struct bb_scenario_video *v = &f->video;
	const struct bb_scenario_http *h = &f->http;

	return json_pack("{s:I,s:f,s:f,s:f,s:o,s:f,s:i,s:o,s:i,s:b,s:{s:f,s:i}}",
		"segment_size", (json_int_t)v->segment_size,
		"segment_duration_s", v->segment_duration_s,
		"buffering_goal_s", v->buffering_goal_s, "play_goal_s", v->play_goal_s,
		"duration_s", or_null(v->duration_s > 0, json_real(v->duration_s)),
		"initial_time_to_wait_s", f->initial_time_to_wait_s,
		"tcp_server_port", (int)h->server_port,
		"tcp_congestion_control", or_null(h->congestion[0], json_string(h->congestion)),
		"dscp", (int)f->dscp, "ecn", h->ecn,
		"analysis", "max_initial_wait_time", v->max_initial_wait_s,
		"max_stalls", v->max_stalls);
}

static json_t *type_config(const struct bb_scenario_flow *f);

/* The flow's own config and its flow group (the reverse direction's
 * is reverse_flow_group), as the framework's reports group flows. */
json_t *bb_scenario_flow_config(const struct bb_scenario_flow *f)
{
	json_t *cfg = type_config(f);
	json_t *g = f->reverse ? f->reverse_flow_group : f->flow_group;

	if (cfg)
		json_object_set_new(cfg, "flow_group", g ? json_deep_copy(g) : json_null());
	return cfg;
}

static json_t *type_config(const struct bb_scenario_flow *f)
{
	const struct bb_size_dist *d = &f->size_dist;
	json_t *cfg;

	if (f->type == BB_FLOW_HTTP)
		return http_config(f);
	if (f->type == BB_FLOW_VIDEO)
		return video_config(f);
	cfg = json_pack("{s:o,s:o,s:o,s:f,s:o,s:o,s:o,s:f,s:i,s:i,s:i,s:i,s:b,s:o,s:o}",
		"frame_size", or_null(f->frame_size, json_integer(f->frame_size)),
		"imix", or_null(f->nimix, imix(f)),
		"size_dist", or_null(f->has_size_dist, json_pack("{s:f,s:f,s:i,s:i}",
			"mean", d->mean, "stddev", d->stddev, "min", (int)d->min,
			"max", (int)d->max)),
		"frame_rate", f->frame_rate,
		"bitrate", or_null(f->bitrate > 0, json_real(f->bitrate)),
		"number_of_frames", or_null(f->number_of_frames,
					    json_integer((json_int_t)f->number_of_frames)),
		"duration_s", or_null(!f->number_of_frames, json_real(f->duration_s)),
		"initial_time_to_wait_s", f->initial_time_to_wait_s,
		"udp_src", (int)f->udp_src, "udp_dest", (int)f->udp_dest,
		"dscp", (int)f->dscp, "ecn", (int)f->ecn,
		"latency", f->analysis.latency,
		"packetization_ms", or_null(f->packetization_ms,
					    json_integer(f->packetization_ms)),
		"codec", or_null(f->type == BB_FLOW_VOICE,
				 json_string(f->rtp_pt == BB_RTP_PT_PCMA ? "pcma" : "pcmu")));
	if (cfg)
		json_object_set_new(cfg, "analysis", analysis(f));
	return cfg;
}
