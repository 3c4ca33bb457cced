// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * A run's record as text, the one renderer of it: bbctl run prints its
 * flows when the run ends, bbctl runs show RUN the whole summary.
 */
#include <stdio.h>
#include <string.h>

#include "record_show.h"

static const char *str(json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));

	return s ? s : "-";
}

/* A number as text, "-" for null (a missing measurement is no 0). */
static const char *num(char *buf, size_t len, json_t *v, const char *fmt,
		       double scale)
{
	if (!json_is_number(v))
		return "-";
	snprintf(buf, len, fmt, json_number_value(v) / scale);
	return buf;
}

static void print_flow(json_t *f)
{
	json_t *r = json_object_get(f, "results"), *l = json_object_get(r, "latency");
	json_t *an;
	char b[5][32];
	size_t i;

	printf("flow \"%s\" %s %s -> %s\n", str(f, "name"), str(f, "type"),
	       str(f, "source"), str(f, "destination"));
	if (!strcmp(str(f, "type"), "http") || !strcmp(str(f, "type"), "video"))
		printf("  %s%s%s: %s payload bytes, goodput %s Mbit/s%s%s\n",
		       json_is_string(json_object_get(r, "http_method")) ? str(r, "http_method") : "",
		       json_is_string(json_object_get(r, "http_method")) ? " " : "",
		       str(r, "status"),
		       num(b[0], 32, json_object_get(r, "rx_payload_bytes"), "%.0f", 1),
		       num(b[1], 32, json_object_get(r, "goodput_bps"), "%.3f", 1e6),
		       json_is_string(json_object_get(r, "reason")) ? ": " : "",
		       json_is_string(json_object_get(r, "reason")) ? str(r, "reason") : "");
	else
		printf("  tx %s rx %s lost %s (%s %%) throughput %s Mbit/s\n",
	       num(b[0], 32, json_object_get(r, "tx_frames"), "%.0f", 1),
	       num(b[1], 32, json_object_get(r, "rx_frames"), "%.0f", 1),
	       num(b[2], 32, json_object_get(r, "lost_frames"), "%.0f", 1),
	       num(b[3], 32, json_object_get(r, "loss_percentage"), "%.3f", 1),
	       num(b[4], 32, json_object_get(r, "throughput_bps"), "%.3f", 1e6));
	if (json_is_object(l))
		printf("  latency min %s avg %s max %s p99 %s p99.9 %s ms\n",
		       num(b[0], 32, json_object_get(l, "min_ns"), "%.3f", 1e6),
		       num(b[1], 32, json_object_get(l, "avg_ns"), "%.3f", 1e6),
		       num(b[2], 32, json_object_get(l, "max_ns"), "%.3f", 1e6),
		       num(b[3], 32, json_object_get(l, "p99_ns"), "%.3f", 1e6),
		       num(b[4], 32, json_object_get(l, "p999_ns"), "%.3f", 1e6));
	if (json_is_number(json_object_get(r, "mos")))
		printf("  mos %s\n", num(b[0], 32, json_object_get(r, "mos"), "%.2f", 1));
	if (json_is_number(json_object_get(r, "segments")))	/* video */
		printf("  segments %s stalls %s\n",
		       num(b[0], 32, json_object_get(r, "segments"), "%.0f", 1),
		       num(b[1], 32, json_object_get(r, "stalls"), "%.0f", 1));
	json_array_foreach(json_object_get(f, "analysers"), i, an)
		printf("  %s %s: %s\n", str(an, "type"), str(an, "verdict"),
		       str(an, "reason"));
}

void record_show_flows(json_t *record)
{
	json_t *f;
	size_t i;

	json_array_foreach(json_object_get(record, "flows"), i, f)
		print_flow(f);
}

void record_show_summary(json_t *record)
{
	json_t *run = json_object_get(record, "run");
	char b[32];

	printf("run %lld \"%s\" %s%s\n",
	       (long long)json_integer_value(json_object_get(run, "id")),
	       str(run, "name"), str(record, "verdict"),
	       json_is_true(json_object_get(run, "interrupted")) ? " (interrupted)" : "");
	printf("started %s ended %s duration %s s layer2_speed %s\n",
	       str(run, "started"), str(run, "ended"),
	       num(b, sizeof(b), json_object_get(run, "duration_s"), "%.3f", 1),
	       str(run, "layer2_speed"));
	record_show_flows(record);
}
