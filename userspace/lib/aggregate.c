// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Aggregate TCP throughput per port, TX and RX apart, as the ByteBlower
 * KB defines it ("Aggregate results", "Danger of aggregating flow-based
 * throughput results"): the payload bytes of the port's http flows over
 * one of three durations, never a sum of per-flow rates:
 *   scenario  first TCP data of the run to the last, any port
 *   alive     this port's first TCP data to its last (in that direction)
 *   active    the union of this port's flows' data periods
 * Frame blasting flows count neither bytes nor time. A flow's data period
 * is its sender's first to last payload write (TX) and its receiver's
 * first to last read (RX).
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "aggregate.h"

static int by_start(const void *x, const void *y)
{
	const struct bb_aggregate_span *p = x, *q = y;

	return (p->a > q->a) - (p->a < q->a);
}

int64_t bb_aggregate_union(struct bb_aggregate_span *s, size_t n)
{
	int64_t total = 0, end = 0;
	size_t i;

	qsort(s, n, sizeof(*s), by_start);
	for (i = 0; i < n; i++) {
		if (i == 0 || s[i].a > end) {
			total += s[i].b - s[i].a;
			end = s[i].b;
		} else if (s[i].b > end) {
			total += s[i].b - end;
			end = s[i].b;
		}
	}
	return total;
}

/* The data period and bytes of one end of an http flow, or false. */
static bool end_span(json_t *end, bool tx, struct bb_aggregate_span *s)
{
	json_t *first = json_object_get(end, tx ? "first_tx_ns" : "first_rx_ns");
	json_t *last = json_object_get(end, tx ? "last_tx_ns" : "last_rx_ns");

	s->bytes = (json_int_t)json_number_value(json_object_get(end, tx ?
						"tx_payload_bytes" : "rx_payload_bytes"));
	if (!json_is_integer(first) || !json_is_integer(last) || s->bytes <= 0)
		return false;
	s->a = json_integer_value(first);
	s->b = json_integer_value(last);
	return s->b >= s->a;
}

/* The end of flow f at port (as sender when tx). */
static json_t *end_at(json_t *f, const char *port, bool tx)
{
	json_t *res = json_object_get(f, "results");
	const char *p = json_string_value(json_object_get(f, tx ? "source" : "destination"));
	const char *m = json_string_value(json_object_get(res, "http_method"));
	bool get = m && !strcmp(m, "GET");

	if (!m || !p || strcmp(p, port))
		return NULL;
	/* data flows source -> destination: GET's server sends, PUT's client */
	return json_object_get(res, (get == tx) ? "server" : "client");
}

static json_t *seconds(int64_t ns)
{
	return json_real((double)ns / 1e9);
}

/* bits per second over ns, or null for an empty period */
static json_t *rate(json_int_t bytes, int64_t ns)
{
	return ns > 0 ? json_real(8e9 * (double)bytes / (double)ns) : json_null();
}

static json_t *direction(json_t *flows, const char *port, bool tx,
			 const struct bb_aggregate_span *run)
{
	struct bb_aggregate_span *s = calloc(json_array_size(flows) + 1, sizeof(*s));
	struct bb_aggregate_span all = { 0 };
	int64_t active;
	size_t i, n = 0;
	json_t *f, *end;

	if (!s)
		return json_null();
	json_array_foreach(flows, i, f) {
		end = end_at(f, port, tx);
		if (!end || !end_span(end, tx, &s[n]))
			continue;
		all.bytes += s[n].bytes;
		all.a = n && all.a < s[n].a ? all.a : s[n].a;
		all.b = n && all.b > s[n].b ? all.b : s[n].b;
		n++;
	}
	active = bb_aggregate_union(s, n);
	free(s);
	if (!n)
		return json_null();
	return json_pack("{s:I,s:i,s:o,s:o,s:o,s:o,s:o,s:o}",
		"payload_bytes", all.bytes, "flows", (int)n,
		"scenario_s", seconds(run->b - run->a), "alive_s", seconds(all.b - all.a),
		"active_s", seconds(active),
		"scenario_bps", rate(all.bytes, run->b - run->a),
		"alive_bps", rate(all.bytes, all.b - all.a),
		"active_bps", rate(all.bytes, active));
}

/* The scenario's TCP period: every http flow's data, both directions. */
static bool run_span(json_t *flows, struct bb_aggregate_span *run)
{
	struct bb_aggregate_span s;
	bool any = false;
	json_t *f;
	size_t i;

	json_array_foreach(flows, i, f) {
		for (int k = 0; k < 2; k++) {
			const char *port = json_string_value(json_object_get(f, k ? "destination" : "source"));

			if (!port || !end_span(end_at(f, port, !k), !k, &s))
				continue;
			run->a = any && run->a < s.a ? run->a : s.a;
			run->b = any && run->b > s.b ? run->b : s.b;
			any = true;
		}
	}
	return any;
}

json_t *bb_aggregate_tcp(json_t *record)
{
	json_t *flows = json_object_get(record, "flows"), *ports = json_array(), *p;
	struct bb_aggregate_span run;
	const char *name;
	size_t i;

	if (!run_span(flows, &run))
		return ports;
	json_array_foreach(json_object_get(record, "ports"), i, p) {
		name = json_string_value(json_object_get(p, "name"));
		if (!name)
			continue;
		json_array_append_new(ports, json_pack("{s:s,s:o,s:o}", "port", name,
			"tx", direction(flows, name, true, &run),
			"rx", direction(flows, name, false, &run)));
	}
	return ports;
}
