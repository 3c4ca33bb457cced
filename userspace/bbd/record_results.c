// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* flows[].results: final counters, latency, loss events, over time. */
#include "record.h"
#include "run.h"

static json_t *opt(bool has, uint64_t v)
{
	return has ? json_integer((json_int_t)v) : json_null();
}

static json_t *latency(const struct bbd_flow_run *f)
{
	const struct bbd_latency *l = &f->rx.lat;
	json_t *o;

	if (!f->cfg->latency || !f->rx.has_latency || !l->count)
		return json_null();
	o = json_pack("{s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:I}",
		"count", (json_int_t)l->count, "min_ns", (json_int_t)l->min,
		"avg_ns", (json_int_t)l->avg, "max_ns", (json_int_t)l->max,
		"jitter_ns", (json_int_t)l->jitter, "p50_ns", (json_int_t)l->p50,
		"p90_ns", (json_int_t)l->p90, "p99_ns", (json_int_t)l->p99,
		"p999_ns", (json_int_t)l->p999, "p9999_ns", (json_int_t)l->p9999);
	json_object_update_new(o, json_pack("{s:I,s:I,s:I,s:I,s:I,s:I,s:O}",
		"tx_time_error_ns", (json_int_t)f->tx.time_err_ns,
		"below_range", (json_int_t)l->below,
		"above_range", (json_int_t)l->above,
		"invalid", (json_int_t)l->invalid,
		"range_min_ns", (json_int_t)l->range_min,
		"range_max_ns", (json_int_t)l->range_max,
		"histogram", f->histogram));
	return o;
}

static json_t *loss_events(const struct bbd_flow_run *f)
{
	json_t *a = json_array();
	unsigned int i;

	for (i = 0; i < f->rx.nloss; i++)
		json_array_append_new(a, json_pack("{s:I,s:I,s:I}",
			"first_seq", (json_int_t)f->rx.loss[i].first_seq,
			"count", (json_int_t)f->rx.loss[i].count,
			"rx_ns", (json_int_t)f->rx.loss[i].rx_ns));
	return a;
}

/* Received bits per second in the run's layer-2 speed mode, between the
 * first and the last frame; null with fewer than two frames. */
static json_t *throughput(const struct bbd_run *r, const struct bbd_flow_run *f)
{
	uint64_t span = f->rx.last_ns - f->rx.first_ns;
	double bits;

	if (!f->rx.has_times || f->rx.frames < 2 || !span)
		return json_null();
	bits = 8.0 * (double)(f->rx.bytes + f->rx.frames * bb_l2_overhead(r->plan.l2));
	/* n frames span n - 1 intervals */
	return json_real(bits * (double)(f->rx.frames - 1) / (double)f->rx.frames /
			 (span / 1e9));
}

json_t *record_results(const struct bbd_run *r, const struct bbd_flow_run *f)
{
	uint64_t got = f->rx.frames - f->rx.dups;
	uint64_t lost = f->tx.frames > got ? f->tx.frames - got : 0;
	json_t *o;

	o = json_pack("{s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:o,s:o}",
		"tx_frames", (json_int_t)f->tx.frames,
		"tx_bytes", (json_int_t)f->tx.bytes,
		"rx_frames", (json_int_t)f->rx.frames,
		"rx_bytes", (json_int_t)f->rx.bytes,
		"duplicates", (json_int_t)f->rx.dups,
		"out_of_sequence", (json_int_t)f->rx.ooo,
		"lost_frames", (json_int_t)lost,
		"loss_percentage", f->tx.frames ?
			json_real(100.0 * (double)lost / (double)f->tx.frames) : json_null(),
		"throughput_bps", throughput(r, f));
	json_object_update_new(o, json_pack("{s:o,s:o,s:o,s:o,s:o,s:o,s:n,s:O}",
		"first_tx_ns", opt(f->tx.has_first, f->tx.first_ns),
		"last_tx_ns", opt(f->tx.has_first, f->tx.last_ns),
		"first_rx_ns", opt(f->rx.has_times, f->rx.first_ns),
		"last_rx_ns", opt(f->rx.has_times, f->rx.last_ns),
		"latency", latency(f), "loss_events", loss_events(f),
		"mos", "over_time", f->over_time));
	json_object_set_new(o, "rtp_sequence_errors",
			    f->rx.has_rtp ? json_integer((json_int_t)f->rx.rtp_seq_errors) :
			    json_null());
	return o;
}
