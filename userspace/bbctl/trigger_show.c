// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* bbctl trigger show / history / histogram: replies as text or JSON. */
#include <sys/socket.h>

#include <linux/bbgen.h>

#include "bbctl.h"
#include "gen_history.h"
#include "gen_trigger.h"
#include "print.h"

static void show_latency(const struct bb_gen_latency *l)
{
	pr_open_object_key("latency", "latency");
	show_u64(l->present.count, l->count, "count", "count");
	show_u64(l->present.min_ns, l->min_ns, "min_ns", "min-ns");
	show_u64(l->present.avg_ns, l->avg_ns, "avg_ns", "avg-ns");
	show_u64(l->present.max_ns, l->max_ns, "max_ns", "max-ns");
	show_u64(l->present.jitter_ns, l->jitter_ns, "jitter_ns", "jitter-ns");
	show_u64(l->present.p50_ns, l->p50_ns, "p50_ns", "p50-ns");
	show_u64(l->present.p90_ns, l->p90_ns, "p90_ns", "p90-ns");
	show_u64(l->present.p99_ns, l->p99_ns, "p99_ns", "p99-ns");
	show_u64(l->present.p999_ns, l->p999_ns, "p999_ns", "p999-ns");
	show_u64(l->present.p9999_ns, l->p9999_ns, "p9999_ns", "p9999-ns");
	show_u64(l->present.below_range, l->below_range, "below_range",
		 "below-range");
	show_u64(l->present.above_range, l->above_range, "above_range",
		 "above-range");
	show_u64(l->present.invalid, l->invalid, "invalid", "invalid");
	pr_close_object();
}

/* "loss_events": [{first_seq, count, rx_ns}...], oldest first. */
static void show_loss_events(const struct bb_gen_trigger *t)
{
	const struct bb_gen_loss_event *e;
	unsigned int i;

	pr_open_array_key("loss_events", "loss-events");
	for (i = 0; i < t->n_loss_events; i++) {
		e = &t->loss_events[i];
		pr_open_object();
		show_u64(e->present.first_seq, e->first_seq, "first_seq",
			 "first-seq");
		show_u64(e->present.count, e->count, "count", "count");
		show_u64(e->present.rx_ns, e->rx_ns, "rx_ns", "rx-ns");
		pr_close_object();
	}
	pr_close_array();
}

/* What issue 3 added: match, interval, loss in time, latency. */
static void show_measure(const struct bb_gen_trigger *t)
{
	show_u32_opt(t->present.vlan_id, t->vlan_id, "vlan_id", "vlan");
	show_u32_opt(t->present.interval_ms, t->interval_ms, "interval_ms",
		     "interval-ms");
	show_u64_opt(t->present.loss_events_total, t->loss_events_total,
		     "loss_events_total", "loss-events-total");
	if (t->present.loss_events_total)
		show_loss_events(t);
	show_u64_opt(t->present.history_dropped, t->history_dropped,
		     "history_dropped", "history-dropped");
	if (!t->latency)
		return;
	show_u64(t->present.range_min_ns, t->range_min_ns, "range_min_ns",
		 "range-min-ns");
	show_u64(t->present.range_max_ns, t->range_max_ns, "range_max_ns",
		 "range-max-ns");
	if (t->present.latency_stats)
		show_latency(&t->latency_stats);
}

static void show_match(const struct bb_gen_trigger *t)
{
	show_u32_opt(t->present.udp_dport, t->udp_dport, "udp_dport", "dport");
	show_u32_opt(t->present.udp_sport, t->udp_sport, "udp_sport", "sport");
	show_ip_opt(&t->src, AF_INET, "src_ipv4", "src");
	show_ip_opt(&t->dst, AF_INET, "dst_ipv4", "dst");
	show_ip_opt(&t->src, AF_INET6, "src_ipv6", "src");
	show_ip_opt(&t->dst, AF_INET6, "dst_ipv6", "dst");
}

static void show_counters(const struct bb_gen_trigger *t)
{
	show_u64(t->present.rx_frames, t->rx_frames, "rx_frames", "rx-frames");
	show_u64(t->present.rx_bytes, t->rx_bytes, "rx_bytes", "rx-bytes");
	show_u64(t->present.highest_seq, t->highest_seq, "highest_seq",
		 "highest-seq");
	show_u64(t->present.lost, t->lost, "lost", "lost");
	show_u64(t->present.out_of_sequence, t->out_of_sequence,
		 "out_of_sequence", "out-of-sequence");
	show_u64(t->present.duplicates, t->duplicates, "duplicates",
		 "duplicates");
	show_u64(t->present.first_rx_ns, t->first_rx_ns, "first_rx_ns",
		 "first-rx-ns");
	show_u64(t->present.last_rx_ns, t->last_rx_ns, "last_rx_ns",
		 "last-rx-ns");
}

int trigger_print(const struct bb_reply *r, void *arg)
{
	struct bb_gen_trigger t;

	(void)arg;
	bb_gen_trigger_decode(r, &t);	/* printed as it is, ID or not */
	pr_open_object();
	show_u32(t.present.id, t.id, "id", "trigger");
	show_dev(t.present.dev ? t.dev : NULL, t.ifindex, "dev");
	show_match(&t);
	show_counters(&t);
	show_measure(&t);
	pr_close_object();
	return 0;
}

void trigger_snapshot_fields(const struct bb_gen_snapshot *s)
{
	show_u64(s->present.index, s->index, "index", "index");
	show_u64(s->present.start_ns, s->start_ns, "start_ns", "start-ns");
	show_u64(s->present.frames, s->frames, "frames", "frames");
	show_u64(s->present.bytes, s->bytes, "bytes", "bytes");
	show_u64(s->present.lost, s->lost, "lost", "lost");
	show_u64(s->present.out_of_sequence, s->out_of_sequence,
		 "out_of_sequence", "out-of-sequence");
	show_u64(s->present.latency_count, s->latency_count, "latency_count",
		 "latency-count");
	show_u64(s->present.latency_min_ns, s->latency_min_ns,
		 "latency_min_ns", "latency-min-ns");
	show_u64(s->present.latency_avg_ns, s->latency_avg_ns,
		 "latency_avg_ns", "latency-avg-ns");
	show_u64(s->present.latency_max_ns, s->latency_max_ns,
		 "latency_max_ns", "latency-max-ns");
	show_u64(s->present.jitter_ns, s->jitter_ns, "jitter_ns", "jitter-ns");
}

/* One interval snapshot: a line of text, an object of the JSON array. */
static void show_snapshot(const struct bb_gen_snapshot *s, void *arg)
{
	(void)arg;
	pr_open_object();
	trigger_snapshot_fields(s);
	pr_close_object();
}

static uint64_t history_missed;

uint64_t trigger_history_missed(void)
{
	return history_missed;
}

int trigger_print_history(const struct bb_reply *r, void *arg)
{
	struct bb_gen_history h;

	(void)arg;
	bb_gen_history_decode(r, &h, show_snapshot, NULL);
	if (h.present.history_dropped)
		history_missed += h.history_dropped;
	return 0;
}

static void show_bucket(const struct bb_gen_bucket *b, void *arg)
{
	(void)arg;
	pr_open_object();
	show_u64(b->present.upper_ns, b->upper_ns, "upper_ns", "upper-ns");
	show_u64(b->present.count, b->count, "count", "count");
	pr_close_object();
}

int trigger_print_histogram(const struct bb_reply *r, void *arg)
{
	(void)arg;
	bb_gen_histogram_decode(r, NULL, show_bucket, NULL);
	return 0;
}
