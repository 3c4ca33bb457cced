// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * An HTTP flow in the run record: each end's bytes, times and T1/T2/T3,
 * the derived request/response times of ByteBlower's wrappers, goodput
 * over the transfer and over time, and the data sender's TCP_INFO
 * (Documentation/report-json.md).
 */
#include "http_flow.h"
#include "http_tcp.h"
#include "loop.h"
#include "record.h"
#include "run.h"

#define NS_PER_S	1000000000ull

static json_t *ns_or_null(uint64_t v)
{
	return v ? json_integer((json_int_t)v) : json_null();
}

/* IP + TCP header bytes of one segment (timestamps add 12). */
static unsigned int hdr_bytes(const struct bbd_flow_run *f, bool ts)
{
	return (f->cfg->ipv6 ? 40 : 20) + 20 + (ts ? 12 : 0);
}

void bbd_http_poll(struct bbd_run *r, struct bbd_flow_run *f)
{
	struct bbd_http_flow *h = f->http;
	const struct bb_http_end *rx;
	struct bbd_tcp_stats *t, *p;
	uint64_t now = bbd_now_tai(), span, got, sent;
	const struct bb_http_end *tx;

	(void)r;
	if (!h || !h->started || h->final_sampled || now - h->last_sample_tai < NS_PER_S / 1000)
		return;
	rx = f->cfg->http.method == BB_HTTP_GET ? &h->client : &h->server;
	tx = f->cfg->http.method == BB_HTTP_GET ? &h->server : &h->client;
	t = &h->tcp;
	p = &h->prev;
	if (!h->finished && (f->cfg->http.method == BB_HTTP_GET ? h->server_open : h->client_open))
		http_tcp_sample(tx->fd, t);
	span = now - h->last_sample_tai;
	got = rx->rx_payload - h->last_rx_payload;
	sent = t->bytes_sent - p->bytes_sent +
	       (t->segs_out - p->segs_out) * hdr_bytes(f, t->timestamps);
	json_array_append_new(f->over_time, json_pack(
		"{s:I,s:I,s:I,s:f,s:f,s:o,s:o,s:o,s:I,s:I}",
		"t_ns", (json_int_t)h->last_sample_tai, "interval_ns", (json_int_t)span,
		"rx_payload_bytes", (json_int_t)got,
		"goodput_bps", 8.0 * (double)got * NS_PER_S / (double)span,
		"throughput_bps", 8.0 * (double)sent * NS_PER_S / (double)span,
		"rtt_us", t->sampled ? json_integer(t->rtt_last_us) : json_null(),
		"cwnd", t->sampled ? json_integer(t->cwnd) : json_null(),
		"ssthresh", t->sampled ? json_integer(t->ssthresh) : json_null(),
		"retransmits", (json_int_t)(t->retrans_total - p->retrans_total),
		"ce", (json_int_t)(t->delivered_ce - p->delivered_ce)));
	h->last_rx_payload = rx->rx_payload;
	h->last_sample_tai = now;
	*p = *t;
	/* the interval the session ended in is the last */
	h->final_sampled = h->finished;
}

/* The TCP session as the end saw it. */
static json_t *tcp_events(const struct bb_http_end *e)
{
	return json_pack("{s:o,s:o,s:o,s:o,s:b}",
		"syn_ns", ns_or_null(e->syn_ns), "established_ns", ns_or_null(e->established_ns),
		"fin_sent_ns", ns_or_null(e->fin_sent_ns),
		"fin_received_ns", ns_or_null(e->fin_received_ns), "reset", e->reset);
}

static json_t *end_json(const struct bb_http_end *e, const char *port, bool ran)
{
	json_t *o;

	if (!ran)
		return json_null();
	o = json_pack("{s:s,s:s,s:I,s:I,s:I,s:I,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o}",
		"port", port, "state", bb_http_state_name(e->state),
		"tx_bytes", (json_int_t)e->tx_bytes, "rx_bytes", (json_int_t)e->rx_bytes,
		"tx_payload_bytes", (json_int_t)e->tx_payload,
		"rx_payload_bytes", (json_int_t)e->rx_payload,
		"first_tx_ns", ns_or_null(e->first_tx), "last_tx_ns", ns_or_null(e->last_tx),
		"first_rx_ns", ns_or_null(e->first_rx), "last_rx_ns", ns_or_null(e->last_rx),
		"t1_ns", ns_or_null(e->t1), "t2_ns", ns_or_null(e->t2),
		"t3_ns", ns_or_null(e->t3),
		"error", e->err[0] ? json_string(e->err) : json_null());
	if (o)
		json_object_set_new(o, "session", tcp_events(e));
	return o;
}

/*
 * ByteBlower's Time.* wrappers, measured where the data arrives (the
 * seeds' table): GET client B..C, PUT server D..E. TTFB is the client's
 * T2 for GET.
 */
static json_t *derived(const struct bbd_http_flow *h, bool get)
{
	const struct bb_http_end *c = &h->client, *s = &h->server;

	if (get)
		return json_pack("{s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o}",
			"request_start_ns", ns_or_null(c->t1),
			"request_packet_first_ns", ns_or_null(s->t1),
			"request_packet_last_ns", json_null(),
			"response_start_ns", ns_or_null(s->t1),
			"response_packet_first_ns", ns_or_null(c->t2),
			"response_packet_last_ns", ns_or_null(c->t3),
			"data_packet_first_ns", ns_or_null(c->t2),
			"data_packet_last_ns", ns_or_null(c->t3),
			"time_to_first_byte_ns", c->t2 && c->t1 ?
				json_integer((json_int_t)(c->t2 - c->t1)) : json_null());
	return json_pack("{s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o}",
		"request_start_ns", ns_or_null(c->t1),
		"request_packet_first_ns", ns_or_null(s->t1),
		"request_packet_last_ns", ns_or_null(s->t2),
		"response_start_ns", ns_or_null(s->t3),
		"response_packet_first_ns", ns_or_null(c->t3),
		"response_packet_last_ns", json_null(),
		"data_packet_first_ns", ns_or_null(s->t1),
		"data_packet_last_ns", ns_or_null(s->t2),
		"time_to_first_byte_ns", c->t3 && c->t1 ?
			json_integer((json_int_t)(c->t3 - c->t1)) : json_null());
}

static json_t *tcp_json(const struct bbd_http_flow *h)
{
	const struct bbd_tcp_stats *t = &h->tcp;

	if (!t->sampled)
		return json_null();
	return json_pack("{s:s,s:b,s:i,s:i,s:i,s:i,s:i,s:o,s:i,s:i,s:i,s:I,s:I,s:I}",
		"congestion_control", t->congestion, "ecn_negotiated", t->ecn,
		"server_rcv_wscale", (int)h->tcp.srv_rcv_wscale,
		"client_rcv_wscale", (int)h->tcp.cli_rcv_wscale,
		"rtt_min_us", (int)t->rtt_min_us, "rtt_max_us", (int)t->rtt_max_us,
		"rtt_last_us", (int)t->rtt_last_us,
		"rtt_avg_us", t->rtt_n ? json_real((double)t->rtt_sum_us / (double)t->rtt_n)
				       : json_null(),
		"cwnd", (int)t->cwnd, "ssthresh", (int)t->ssthresh,
		"retransmits", (int)t->retrans_total, "ce_count", (json_int_t)t->delivered_ce,
		"max_pacing_rate_Bps", (json_int_t)(t->max_pacing_rate == ~0ull ? 0 : t->max_pacing_rate),
		"segments_out", (json_int_t)t->segs_out);
}

/* Average goodput over the data transfer at the receiving end. */
static json_t *goodput(const struct bbd_http_flow *h, bool get)
{
	const struct bb_http_end *rx = get ? &h->client : &h->server;
	uint64_t first = get ? rx->t2 : rx->t1, last = get ? rx->t3 : rx->t2;

	if (!first || last <= first || !rx->rx_payload)
		return json_null();
	return json_real(8.0 * (double)rx->rx_payload * NS_PER_S / (double)(last - first));
}

json_t *bbd_http_results(const struct bbd_run *r, const struct bbd_flow_run *f)
{
	const struct bbd_http_flow *h = f->http;
	bool get = f->cfg->http.method == BB_HTTP_GET;
	const struct bb_http_end *rx;
	const char *status;

	(void)r;
	if (!h)
		return json_pack("{s:s,s:s,s:O}", "status", "not started",
				 "reason", "the run ended before the flow started",
				 "over_time", f->over_time);
	rx = get ? &h->client : &h->server;
	status = !h->finished ? "running" : h->why[0] ? "failed" : "finished";
	return json_pack("{s:s,s:o,s:s,s:o,s:o,s:o,s:o,s:o,s:I,s:o,s:O}",
		"status", status, "reason", h->why[0] ? json_string(h->why) : json_null(),
		"http_method", get ? "GET" : "PUT",
		"client", end_json(&h->client, (get ? f->dst : f->src)->cfg->name, h->started),
		"server", end_json(&h->server, (get ? f->src : f->dst)->cfg->name, h->accepted),
		"timing", derived(h, get), "tcp", tcp_json(h),
		"goodput_bps", goodput(h, get),
		"rx_payload_bytes", (json_int_t)rx->rx_payload,
		"http_status", h->client.status ? json_integer(h->client.status) : json_null(),
		"over_time", f->over_time);
}

json_t *bbd_http_progress(const struct bbd_flow_run *f, double elapsed_s)
{
	const struct bbd_http_flow *h = f->http;
	json_t *last = json_array_get(f->over_time, json_array_size(f->over_time) - 1);
	bool get = f->cfg->http.method == BB_HTTP_GET;
	const char *state = !h || !h->started ? "waiting" : h->finished ?
			    (h->why[0] ? "failed" : "finished") : "running";

	return json_pack("{s:s,s:f,s:s,s:I,s:I,s:f,s:f,s:I}",
		"flow", f->cfg->name, "elapsed_s", elapsed_s, "state", state,
		"tx", (json_int_t)(h ? (get ? h->server.tx_payload : h->client.tx_payload) : 0),
		"rx", (json_int_t)(h ? (get ? h->client.rx_payload : h->server.rx_payload) : 0),
		"goodput_bps", json_number_value(json_object_get(last, "goodput_bps")),
		"rtt_ms", h ? h->tcp.rtt_last_us / 1000.0 : 0.0, "loss", (json_int_t)0);
}
