// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* A video flow in the run record and the progress events: the buffer
 * over time (BufferAnalyser's buffer level and bytes in/out), the initial
 * wait and the stalls. */
#include "loop.h"
#include "run.h"
#include "video_flow.h"

#define NS_PER_S	1000000000ull

static json_t *ns_or_null(uint64_t v)
{
	return v ? json_integer((json_int_t)v) : json_null();
}

/* Payload received so far, the segment in flight included. */
static uint64_t rx_now(const struct bbd_video_flow *v)
{
	return v->rx_total + (v->client.fd >= 0 ? v->client.rx_payload : 0);
}

void bbd_video_poll(struct bbd_run *r, struct bbd_flow_run *f)
{
	struct bbd_video_flow *v = f->video;
	uint64_t now = bbd_now_tai(), span, rx;

	(void)r;
	if (!v || !v->started || v->final_sampled || now - v->last_sample_tai < NS_PER_S / 1000)
		return;
	if (!v->finished)
		bb_video_update(&v->buf, now);
	span = now - v->last_sample_tai;
	rx = rx_now(v);
	json_array_append_new(f->over_time, json_pack("{s:I,s:I,s:f,s:b,s:I,s:I,s:f,s:I}",
		"t_ns", (json_int_t)v->last_sample_tai, "interval_ns", (json_int_t)span,
		"buffer_s", v->buf.level_s, "playing", v->buf.playing,
		"bytes_in", (json_int_t)(v->buf.bytes_in - v->last_in),
		"bytes_out", (json_int_t)(v->buf.bytes_out - v->last_out),
		"goodput_bps", 8.0 * (double)(rx - v->last_rx_sample) * NS_PER_S / (double)span,
		"stalls", (json_int_t)v->buf.stalls));
	v->last_in = v->buf.bytes_in;
	v->last_out = v->buf.bytes_out;
	v->last_rx_sample = rx;
	v->last_sample_tai = now;
	v->final_sampled = v->finished;	/* the interval it ended in is the last */
}

json_t *bbd_video_results(const struct bbd_flow_run *f)
{
	const struct bbd_video_flow *v = f->video;
	const struct bb_video_buffer *b;
	uint64_t stall;
	double secs;

	if (!v || !v->started)
		return json_pack("{s:s,s:s,s:O}", "status", "not started", "reason",
				 "the run ended before the flow started", "over_time", f->over_time);
	b = &v->buf;
	/* a stall still going at the end counts up to the end */
	stall = b->stall_ns + (b->started && !b->playing && b->stalls ? b->last_ns - b->stall_since : 0);
	secs = (double)(b->last_ns - b->start_ns) / NS_PER_S;
	return json_pack("{s:s,s:o,s:I,s:o,s:I,s:I,s:f,s:I,s:I,s:I,s:o,s:O,s:s,s:o,s:o}",
		"status", !v->finished ? "running" : v->why[0] ? "failed" : "finished",
		"reason", v->why[0] ? json_string(v->why) : json_null(),
		"segments", (json_int_t)b->segments,
		"initial_wait_ns", b->started ? json_integer((json_int_t)bb_video_initial_wait(b))
					      : json_null(),
		"stalls", (json_int_t)b->stalls, "stall_ns", (json_int_t)stall,
		"buffer_s", b->level_s, "bytes_in", (json_int_t)b->bytes_in,
		"bytes_out", (json_int_t)b->bytes_out,
		"rx_payload_bytes", (json_int_t)rx_now(v),
		"goodput_bps", secs > 0 ? json_real(8.0 * (double)rx_now(v) / secs) : json_null(),
		"over_time", f->over_time,
		/* the whole video as one GET: the aggregate counts it so */
		"http_method", "GET",
		"client", json_pack("{s:I,s:o,s:o}", "rx_payload_bytes", (json_int_t)v->rx_total,
				    "first_rx_ns", ns_or_null(v->first_rx),
				    "last_rx_ns", ns_or_null(v->last_rx)),
		"server", json_pack("{s:I,s:o,s:o}", "tx_payload_bytes", (json_int_t)v->tx_total,
				    "first_tx_ns", ns_or_null(v->first_tx),
				    "last_tx_ns", ns_or_null(v->last_tx)));
}

json_t *bbd_video_progress(const struct bbd_flow_run *f, double elapsed_s)
{
	const struct bbd_video_flow *v = f->video;
	json_t *last = json_array_get(f->over_time, json_array_size(f->over_time) - 1);
	const char *state = !v || !v->started ? "waiting" : v->finished ?
			    (v->why[0] ? "failed" : "finished") :
			    v->buf.playing ? "playing" : v->buf.started ? "stalled" : "buffering";

	return json_pack("{s:s,s:f,s:s,s:I,s:I,s:f,s:f,s:I}",
		"flow", f->cfg->name, "elapsed_s", elapsed_s, "state", state,
		"tx", (json_int_t)0, "rx", (json_int_t)(v ? rx_now(v) : 0),
		"goodput_bps", json_number_value(json_object_get(last, "goodput_bps")),
		"rtt_ms", 0.0, "loss", (json_int_t)0);
}
