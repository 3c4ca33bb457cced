// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* bbctl stream show: one stream of a get/dump reply, as text or JSON. */
#include <linux/bbgen.h>

#include "bbctl.h"
#include "gen_stream.h"
#include "print.h"
#include "rate.h"

static const char *const state_names[] = {
	[BBGEN_STREAM_STATE_IDLE] = "idle",
	[BBGEN_STREAM_STATE_RUNNING] = "running",
	[BBGEN_STREAM_STATE_DONE] = "done",
	[BBGEN_STREAM_STATE_STOPPED] = "stopped",
};
static const char *const xmit_names[] = {
	[BBGEN_XMIT_MODE_QUEUE] = "queue",
	[BBGEN_XMIT_MODE_DIRECT] = "direct",
};
static const char *const order_names[] = {
	[BBGEN_ORDER_FIXED] = "fixed",
	[BBGEN_ORDER_SHUFFLE] = "shuffle",
};
#define NAME_OF(has, v, names) \
	enum_name(has, v, names, sizeof(names) / sizeof(names[0]))

const char *stream_state_name(const struct bb_gen_stream *s)
{
	return NAME_OF(s->present.state, s->state, state_names);
}

/* The exact rate, and frames/s from it for people and scripts. */
static void show_rate(const struct bb_gen_stream *s)
{
	struct bb_rate r = { s->rate_frames, s->rate_period_ns };

	show_u64(s->present.rate_frames, s->rate_frames, "rate_frames",
		 "rate-frames");
	show_u64(s->present.rate_period_ns, s->rate_period_ns,
		 "rate_period_ns", "rate-period-ns");
	if (s->present.rate_frames && s->present.rate_period_ns &&
	    r.period_ns)
		pr_double(PR_ANY, "fps", "fps %.10g", bb_rate_fps(&r));
	else
		pr_null(PR_ANY, "fps", "fps %s");
}

/* Issue 3's settings: rate, limits, templates, tags. */
static void show_config(const struct bb_gen_stream *s)
{
	show_rate(s);
	show_u64(s->present.duration_ns, s->duration_ns, "duration_ns",
		 "duration-ns");
	show_u64(s->present.delay_ns, s->delay_ns, "delay_ns", "delay-ns");
	show_u32(s->present.templates, s->templates, "templates", "templates");
	show_u32(s->present.cycle_len, s->cycle_len, "cycle_len", "cycle-len");
	pr_string(PR_ANY, "order", "order %s",
		  NAME_OF(s->present.order, s->order, order_names));
	show_u32(s->present.seed, s->seed, "seed", "seed");
	pr_bool(PR_ANY, "latency", "latency %s", s->latency);
}

static void show_counters(const struct bb_gen_stream *s)
{
	show_u64(s->present.start_tai_ns, s->start_tai_ns, "start_tai_ns",
		 "start-tai-ns");
	show_u64(s->present.tx_frames, s->tx_frames, "tx_frames", "tx-frames");
	show_u64(s->present.tx_bytes, s->tx_bytes, "tx_bytes", "tx-bytes");
	show_u64(s->present.tx_busy, s->tx_busy, "tx_busy", "tx-busy");
	show_u64(s->present.first_tx_ns, s->first_tx_ns, "first_tx_ns",
		 "first-tx-ns");
	show_u64(s->present.last_tx_ns, s->last_tx_ns, "last_tx_ns",
		 "last-tx-ns");
	show_u64(s->present.tx_time_error_ns, s->tx_time_error_ns,
		 "tx_time_error_ns", "tx-time-error-ns");
}

int stream_print(const struct bb_reply *r, void *arg)
{
	struct bb_gen_stream s;

	(void)arg;
	bb_gen_stream_decode(r, &s);	/* printed as it is, ID or not */
	pr_open_object();
	show_u32(s.present.id, s.id, "id", "stream");
	show_dev(s.present.dev ? s.dev : NULL, s.ifindex, "dev");
	pr_string(PR_ANY, "state", "state %s", stream_state_name(&s));
	show_u32(s.present.frame_size, s.frame_size, "frame_size", "size");
	show_u64(s.present.interval_ns, s.interval_ns, "interval_ns",
		 "interval-ns");
	show_u64(s.present.count, s.count, "count", "count");
	show_u32(s.present.seq_offset, s.seq_offset, "seq_offset",
		 "seq-offset");
	pr_string(PR_ANY, "xmit_mode", "xmit %s",
		  NAME_OF(s.present.xmit_mode, s.xmit_mode, xmit_names));
	show_u32(s.present.cpu, s.cpu, "cpu", "cpu");
	show_config(&s);
	show_counters(&s);
	pr_close_object();
	return 0;
}
