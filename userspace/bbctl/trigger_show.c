// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* bbctl trigger show / history / histogram: replies as text or JSON. */
#include <sys/socket.h>

#include <linux/bbgen.h>

#include "bbctl.h"
#include "print.h"

/* Each nest of type in the reply, parsed into tb[0..maxattr]. */
#define for_each_nest(r, type, maxattr, tb, a, rem)			\
	nla_for_each_attr(a, (r)->attrs, (r)->len, rem)			\
		if (nla_type(a) == (type) &&					\
		    !nla_parse_nested(tb, maxattr, a, NULL))

static void show_latency(const struct nlattr *nest)
{
	struct nlattr *tb[BBGEN_A_LATENCY_MAX + 1];

	if (!nest || nla_parse_nested(tb, BBGEN_A_LATENCY_MAX,
				      (struct nlattr *)nest, NULL))
		return;
	pr_open_object_key("latency", "latency");
	show_u64(tb[BBGEN_A_LATENCY_COUNT], "count", "count");
	show_u64(tb[BBGEN_A_LATENCY_MIN_NS], "min_ns", "min-ns");
	show_u64(tb[BBGEN_A_LATENCY_AVG_NS], "avg_ns", "avg-ns");
	show_u64(tb[BBGEN_A_LATENCY_MAX_NS], "max_ns", "max-ns");
	show_u64(tb[BBGEN_A_LATENCY_JITTER_NS], "jitter_ns", "jitter-ns");
	show_u64(tb[BBGEN_A_LATENCY_P50_NS], "p50_ns", "p50-ns");
	show_u64(tb[BBGEN_A_LATENCY_P90_NS], "p90_ns", "p90-ns");
	show_u64(tb[BBGEN_A_LATENCY_P99_NS], "p99_ns", "p99-ns");
	show_u64(tb[BBGEN_A_LATENCY_P999_NS], "p999_ns", "p999-ns");
	show_u64(tb[BBGEN_A_LATENCY_P9999_NS], "p9999_ns", "p9999-ns");
	show_u64(tb[BBGEN_A_LATENCY_BELOW_RANGE], "below_range", "below-range");
	show_u64(tb[BBGEN_A_LATENCY_ABOVE_RANGE], "above_range", "above-range");
	show_u64(tb[BBGEN_A_LATENCY_INVALID], "invalid", "invalid");
	pr_close_object();
}

/* "loss_events": [{first_seq, count, rx_ns}...], oldest first. */
static void show_loss_events(const struct bb_reply *r)
{
	struct nlattr *tb[BBGEN_A_LOSS_EVENT_MAX + 1], *a;
	int rem;

	pr_open_array_key("loss_events", "loss-events");
	for_each_nest(r, BBGEN_A_TRIGGER_LOSS_EVENT, BBGEN_A_LOSS_EVENT_MAX,
		      tb, a, rem) {
		pr_open_object();
		show_u64(tb[BBGEN_A_LOSS_EVENT_FIRST_SEQ], "first_seq", "first-seq");
		show_u64(tb[BBGEN_A_LOSS_EVENT_COUNT], "count", "count");
		show_u64(tb[BBGEN_A_LOSS_EVENT_RX_NS], "rx_ns", "rx-ns");
		pr_close_object();
	}
	pr_close_array();
}

/* What issue 3 added: match, interval, loss in time, latency. */
static void show_measure(const struct bb_reply *r)
{
	struct nlattr **tb = r->tb;

	show_u16_opt(tb[BBGEN_A_TRIGGER_VLAN_ID], "vlan_id", "vlan");
	show_u32_opt(tb[BBGEN_A_TRIGGER_INTERVAL_MS], "interval_ms",
		     "interval-ms");
	show_u64_opt(tb[BBGEN_A_TRIGGER_LOSS_EVENTS_TOTAL], "loss_events_total",
		     "loss-events-total");
	if (tb[BBGEN_A_TRIGGER_LOSS_EVENTS_TOTAL])
		show_loss_events(r);
	show_u64_opt(tb[BBGEN_A_TRIGGER_HISTORY_DROPPED], "history_dropped",
		     "history-dropped");
	if (!nla_get_flag(tb[BBGEN_A_TRIGGER_LATENCY]))
		return;
	show_u64(tb[BBGEN_A_TRIGGER_RANGE_MIN_NS], "range_min_ns",
		 "range-min-ns");
	show_u64(tb[BBGEN_A_TRIGGER_RANGE_MAX_NS], "range_max_ns",
		 "range-max-ns");
	show_latency(tb[BBGEN_A_TRIGGER_LATENCY_STATS]);
}

int trigger_print(const struct bb_reply *r, void *arg)
{
	struct nlattr **tb = r->tb;

	(void)arg;
	pr_open_object();
	show_u32(tb[BBGEN_A_TRIGGER_ID], "id", "trigger");
	show_dev(tb[BBGEN_A_TRIGGER_DEV], tb[BBGEN_A_TRIGGER_IFINDEX], "dev");
	show_u16_opt(tb[BBGEN_A_TRIGGER_UDP_DPORT], "udp_dport", "dport");
	show_u16_opt(tb[BBGEN_A_TRIGGER_UDP_SPORT], "udp_sport", "sport");
	show_ip_opt(tb[BBGEN_A_TRIGGER_SRC_IPV4], AF_INET, "src_ipv4", "src");
	show_ip_opt(tb[BBGEN_A_TRIGGER_DST_IPV4], AF_INET, "dst_ipv4", "dst");
	show_ip_opt(tb[BBGEN_A_TRIGGER_SRC_IPV6], AF_INET6, "src_ipv6", "src");
	show_ip_opt(tb[BBGEN_A_TRIGGER_DST_IPV6], AF_INET6, "dst_ipv6", "dst");
	show_u64(tb[BBGEN_A_TRIGGER_RX_FRAMES], "rx_frames", "rx-frames");
	show_u64(tb[BBGEN_A_TRIGGER_RX_BYTES], "rx_bytes", "rx-bytes");
	show_u64(tb[BBGEN_A_TRIGGER_HIGHEST_SEQ], "highest_seq", "highest-seq");
	show_u64(tb[BBGEN_A_TRIGGER_LOST], "lost", "lost");
	show_u64(tb[BBGEN_A_TRIGGER_OUT_OF_SEQUENCE], "out_of_sequence",
		 "out-of-sequence");
	show_u64(tb[BBGEN_A_TRIGGER_DUPLICATES], "duplicates", "duplicates");
	show_u64(tb[BBGEN_A_TRIGGER_FIRST_RX_NS], "first_rx_ns", "first-rx-ns");
	show_u64(tb[BBGEN_A_TRIGGER_LAST_RX_NS], "last_rx_ns", "last-rx-ns");
	show_measure(r);
	pr_close_object();
	return 0;
}

void trigger_snapshot_fields(struct nlattr **tb)
{
	show_u64(tb[BBGEN_A_SNAPSHOT_INDEX], "index", "index");
	show_u64(tb[BBGEN_A_SNAPSHOT_START_NS], "start_ns", "start-ns");
	show_u64(tb[BBGEN_A_SNAPSHOT_FRAMES], "frames", "frames");
	show_u64(tb[BBGEN_A_SNAPSHOT_BYTES], "bytes", "bytes");
	show_u64(tb[BBGEN_A_SNAPSHOT_LOST], "lost", "lost");
	show_u64(tb[BBGEN_A_SNAPSHOT_OUT_OF_SEQUENCE], "out_of_sequence",
		 "out-of-sequence");
	show_u64(tb[BBGEN_A_SNAPSHOT_LATENCY_COUNT], "latency_count",
		 "latency-count");
	show_u64(tb[BBGEN_A_SNAPSHOT_LATENCY_MIN_NS], "latency_min_ns",
		 "latency-min-ns");
	show_u64(tb[BBGEN_A_SNAPSHOT_LATENCY_AVG_NS], "latency_avg_ns",
		 "latency-avg-ns");
	show_u64(tb[BBGEN_A_SNAPSHOT_LATENCY_MAX_NS], "latency_max_ns",
		 "latency-max-ns");
	show_u64(tb[BBGEN_A_SNAPSHOT_JITTER_NS], "jitter_ns", "jitter-ns");
}

/* One interval snapshot: a line of text, an object of the JSON array. */
static void show_snapshot(struct nlattr **tb)
{
	pr_open_object();
	trigger_snapshot_fields(tb);
	pr_close_object();
}

static uint64_t history_missed;

uint64_t trigger_history_missed(void)
{
	return history_missed;
}

int trigger_print_history(const struct bb_reply *r, void *arg)
{
	struct nlattr *tb[BBGEN_A_SNAPSHOT_MAX + 1], *a;
	uint64_t missed;
	int rem;

	(void)arg;
	if (bb_nla_u64(r->tb[BBGEN_A_TRIGGER_HISTORY_DROPPED], &missed))
		history_missed += missed;
	for_each_nest(r, BBGEN_A_TRIGGER_SNAPSHOT, BBGEN_A_SNAPSHOT_MAX, tb, a,
		      rem)
		show_snapshot(tb);
	return 0;
}

int trigger_print_histogram(const struct bb_reply *r, void *arg)
{
	struct nlattr *tb[BBGEN_A_BUCKET_MAX + 1], *a;
	int rem;

	(void)arg;
	for_each_nest(r, BBGEN_A_TRIGGER_BUCKET, BBGEN_A_BUCKET_MAX, tb, a,
		      rem) {
		pr_open_object();
		show_u64(tb[BBGEN_A_BUCKET_UPPER_NS], "upper_ns", "upper-ns");
		show_u64(tb[BBGEN_A_BUCKET_COUNT], "count", "count");
		pr_close_object();
	}
	return 0;
}
