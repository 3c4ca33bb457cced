// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* bbctl stream show: one stream of a get/dump reply, as text or JSON. */
#include <linux/bbgen.h>

#include "bbctl.h"
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
#define NAME_OF(a, names) enum_name(a, names, sizeof(names) / sizeof(names[0]))

const char *stream_state_name(const struct nlattr *a)
{
	return NAME_OF(a, state_names);
}

/* The exact rate, and frames/s from it for people and scripts. */
static void show_rate(struct nlattr **tb)
{
	struct bb_rate r = { 0, 0 };

	show_u64(tb[BBGEN_A_STREAM_RATE_FRAMES], "rate_frames", "rate-frames");
	show_u64(tb[BBGEN_A_STREAM_RATE_PERIOD_NS], "rate_period_ns",
		 "rate-period-ns");
	if (bb_nla_u64(tb[BBGEN_A_STREAM_RATE_FRAMES], &r.frames) &&
	    bb_nla_u64(tb[BBGEN_A_STREAM_RATE_PERIOD_NS], &r.period_ns) &&
	    r.period_ns)
		pr_double(PR_ANY, "fps", "fps %.10g", bb_rate_fps(&r));
	else
		pr_null(PR_ANY, "fps", "fps %s");
}

/* Issue 3's settings: rate, limits, templates, tags. */
static void show_config(struct nlattr **tb)
{
	show_rate(tb);
	show_u64(tb[BBGEN_A_STREAM_DURATION_NS], "duration_ns", "duration-ns");
	show_u64(tb[BBGEN_A_STREAM_DELAY_NS], "delay_ns", "delay-ns");
	show_u32(tb[BBGEN_A_STREAM_TEMPLATES], "templates", "templates");
	show_u32(tb[BBGEN_A_STREAM_CYCLE_LEN], "cycle_len", "cycle-len");
	pr_string(PR_ANY, "order", "order %s",
		  NAME_OF(tb[BBGEN_A_STREAM_ORDER], order_names));
	show_u32(tb[BBGEN_A_STREAM_SEED], "seed", "seed");
	pr_bool(PR_ANY, "latency", "latency %s",
		nla_get_flag(tb[BBGEN_A_STREAM_LATENCY]));
}

int stream_print(const struct bb_reply *r, void *arg)
{
	struct nlattr **tb = r->tb;

	(void)arg;
	pr_open_object();
	show_u32(tb[BBGEN_A_STREAM_ID], "id", "stream");
	show_dev(tb[BBGEN_A_STREAM_DEV], tb[BBGEN_A_STREAM_IFINDEX], "dev");
	pr_string(PR_ANY, "state", "state %s",
		  NAME_OF(tb[BBGEN_A_STREAM_STATE], state_names));
	show_u32(tb[BBGEN_A_STREAM_FRAME_SIZE], "frame_size", "size");
	show_u64(tb[BBGEN_A_STREAM_INTERVAL_NS], "interval_ns", "interval-ns");
	show_u64(tb[BBGEN_A_STREAM_COUNT], "count", "count");
	show_u32(tb[BBGEN_A_STREAM_SEQ_OFFSET], "seq_offset", "seq-offset");
	pr_string(PR_ANY, "xmit_mode", "xmit %s",
		  NAME_OF(tb[BBGEN_A_STREAM_XMIT_MODE], xmit_names));
	show_config(tb);
	show_u64(tb[BBGEN_A_STREAM_START_TAI_NS], "start_tai_ns", "start-tai-ns");
	show_u64(tb[BBGEN_A_STREAM_TX_FRAMES], "tx_frames", "tx-frames");
	show_u64(tb[BBGEN_A_STREAM_TX_BYTES], "tx_bytes", "tx-bytes");
	show_u64(tb[BBGEN_A_STREAM_TX_BUSY], "tx_busy", "tx-busy");
	show_u64(tb[BBGEN_A_STREAM_FIRST_TX_NS], "first_tx_ns", "first-tx-ns");
	show_u64(tb[BBGEN_A_STREAM_LAST_TX_NS], "last_tx_ns", "last-tx-ns");
	show_u64(tb[BBGEN_A_STREAM_TX_TIME_ERROR_NS], "tx_time_error_ns",
		 "tx-time-error-ns");
	pr_close_object();
	return 0;
}
