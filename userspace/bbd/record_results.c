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
	const struct bb_gen_latency *l = &f->rx.latency_stats;
	json_t *o;

	if (!f->cfg->latency || !f->rx.latency || !l->count)
		return json_null();
	o = json_pack("{s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:I}",
		"count", (json_int_t)l->count, "min_ns", (json_int_t)l->min_ns,
		"avg_ns", (json_int_t)l->avg_ns, "max_ns", (json_int_t)l->max_ns,
		"jitter_ns", (json_int_t)l->jitter_ns, "p50_ns", (json_int_t)l->p50_ns,
		"p90_ns", (json_int_t)l->p90_ns, "p99_ns", (json_int_t)l->p99_ns,
		"p999_ns", (json_int_t)l->p999_ns, "p9999_ns", (json_int_t)l->p9999_ns);
	json_object_update_new(o, json_pack("{s:I,s:I,s:I,s:I,s:I,s:I,s:O}",
		"tx_time_error_ns", (json_int_t)f->tx.tx_time_error_ns,
		"below_range", (json_int_t)l->below_range,
		"above_range", (json_int_t)l->above_range,
		"invalid", (json_int_t)l->invalid,
		"range_min_ns", (json_int_t)f->rx.range_min_ns,
		"range_max_ns", (json_int_t)f->rx.range_max_ns,
		"histogram", f->histogram));
	return o;
}

static json_t *loss_events(const struct bbd_flow_run *f)
{
	json_t *a = json_array();
	unsigned int i;

	for (i = 0; i < f->rx.n_loss_events; i++)
		json_array_append_new(a, json_pack("{s:I,s:I,s:I}",
			"first_seq", (json_int_t)f->rx.loss_events[i].first_seq,
			"count", (json_int_t)f->rx.loss_events[i].count,
			"rx_ns", (json_int_t)f->rx.loss_events[i].rx_ns));
	return a;
}

/* Received bits per second in the run's layer-2 speed mode, between the
 * first and the last frame; null with fewer than two frames. */
static json_t *throughput(const struct bbd_run *r, const struct bbd_flow_run *f)
{
	uint64_t span = f->rx.last_rx_ns - f->rx.first_rx_ns;
	double bits;

	if (!f->rx.present.first_rx_ns || f->rx.rx_frames < 2 || !span)
		return json_null();
	bits = 8.0 * (double)(f->rx.rx_bytes + f->rx.rx_frames * bb_l2_overhead(r->plan.l2));
	/* n frames span n - 1 intervals */
	return json_real(bits * (double)(f->rx.rx_frames - 1) / (double)f->rx.rx_frames /
			 (span / 1e9));
}

json_t *record_results(const struct bbd_run *r, const struct bbd_flow_run *f)
{
	uint64_t got = f->rx.rx_frames - f->rx.duplicates;
	uint64_t lost = f->tx.tx_frames > got ? f->tx.tx_frames - got : 0;
	json_t *o;

	o = json_pack("{s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:o,s:o}",
		"tx_frames", (json_int_t)f->tx.tx_frames,
		"tx_bytes", (json_int_t)f->tx.tx_bytes,
		"rx_frames", (json_int_t)f->rx.rx_frames,
		"rx_bytes", (json_int_t)f->rx.rx_bytes,
		"duplicates", (json_int_t)f->rx.duplicates,
		"out_of_sequence", (json_int_t)f->rx.out_of_sequence,
		"lost_frames", (json_int_t)lost,
		"loss_percentage", f->tx.tx_frames ?
			json_real(100.0 * (double)lost / (double)f->tx.tx_frames) : json_null(),
		"throughput_bps", throughput(r, f));
	json_object_update_new(o, json_pack("{s:o,s:o,s:o,s:o,s:o,s:o,s:n,s:O}",
		"first_tx_ns", opt(f->tx.present.first_tx_ns, f->tx.first_tx_ns),
		"last_tx_ns", opt(f->tx.present.first_tx_ns, f->tx.last_tx_ns),
		"first_rx_ns", opt(f->rx.present.first_rx_ns, f->rx.first_rx_ns),
		"last_rx_ns", opt(f->rx.present.first_rx_ns, f->rx.last_rx_ns),
		"latency", latency(f), "loss_events", loss_events(f),
		"mos", "over_time", f->over_time));
	json_object_set_new(o, "rtp_sequence_errors",
			    f->rx.present.rtp_seq_errors ? json_integer((json_int_t)f->rx.rtp_seq_errors) :
			    json_null());
	return o;
}
