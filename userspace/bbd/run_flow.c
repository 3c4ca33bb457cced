// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* A flow's bbgen objects: the trigger in the destination's namespace,
 * the stream in the source's, and their counters. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <linux/bbgen.h>

#include "http_flow.h"
#include "video_flow.h"
#include "log.h"
#include "run.h"

int run_flow_add(struct bbd_run *r, struct bbd_flow_run *f, char *err,
		 size_t errlen)
{
	const struct bbd_flow_cfg *c = f->cfg;
	struct bb_gen_trigger_add t = {
		.ifindex = f->dst->ifindex, .src = *f->sip, .dst = *f->dip,
		.sport = c->sport, .dport = c->dport, .latency = c->latency,
		.rtp = c->rtp.on, .socket_owner = true,
	};
	struct bb_stream_add s = {
		.ifindex = f->src->ifindex, .mix = &c->mix, .rate = c->rate,
		.count = c->count, .duration_ns = c->duration_ns,
		.delay_ns = c->delay_ns, .xmit_mode = BBGEN_XMIT_MODE_QUEUE,
		.socket_owner = true,
	};
	int ret;

	if (c->type == BBD_FLOW_HTTP)
		return bbd_http_add(r, f, err, errlen);
	if (c->type == BBD_FLOW_VIDEO)
		return bbd_video_add(r, f, err, errlen);
	s.frame.src = *f->sip;
	s.frame.dst = *f->dip;
	if (f->nat.on && f->nat.upstream) {
		/* counted after the NAT: from the public tuple */
		t.src = f->nat.pub;
		t.sport = f->nat.pub_port;
	} else if (f->nat.on) {
		/* sent to the public tuple; the NAT's mapping carries the
		 * frames to the private one, where the trigger counts */
		s.frame.dst = f->nat.pub;
	}
	memcpy(s.frame.src_mac, f->src->mac, BB_MAC_LEN);
	memcpy(s.frame.dst_mac, f->dst_mac, BB_MAC_LEN);
	s.frame.tos = c->tos;
	s.frame.sport = c->sport;
	s.frame.dport = f->nat.on && !f->nat.upstream ? f->nat.pub_port : c->dport;
	s.frame.latency = c->latency;
	s.frame.rtp = c->rtp;
	ret = bbd_gen_trigger_add(&f->dst->gen, &t, &f->trigger_id);
	if (ret) {
		snprintf(err, errlen, "trigger add on %s: %s%s%s", f->dst->cfg->name,
			 strerror(-ret), f->dst->gen.msg[0] ? ": " : "",
			 f->dst->gen.msg);
		return ret;
	}
	ret = bbd_gen_stream_add(&f->src->gen, &s, &f->stream_id);
	if (ret)
		snprintf(err, errlen, "stream add on %s: %s%s%s", f->src->cfg->name,
			 strerror(-ret), f->src->gen.msg[0] ? ": " : "",
			 f->src->gen.msg);
	return ret;
}

/* The stream ids of the flows sending from port p (ids are per
 * namespace, so one request per source port). */
static unsigned int ids_of(struct bbd_run *r, struct bbd_port *p,
			   uint32_t *ids, bool running_only)
{
	unsigned int i, n = 0;

	for (i = 0; i < r->plan.nflows; i++) {
		struct bbd_flow_run *f = &r->flows[i];

		if (f->src != p || !f->stream_id)
			continue;
		if (running_only && f->tx.state != BBGEN_STREAM_STATE_RUNNING &&
		    f->tx.state != BBGEN_STREAM_STATE_IDLE)
			continue;
		ids[n++] = f->stream_id;
	}
	return n;
}

int run_start_streams(struct bbd_run *r, uint64_t tai_ns)
{
	uint32_t *ids = calloc(r->plan.nflows, sizeof(*ids));
	unsigned int i, n;
	int ret = ids ? 0 : -ENOMEM;

	for (i = 0; !ret && i < r->plan.nports; i++) {
		n = ids_of(r, &r->ports[i], ids, false);
		if (n && (ret = bbd_gen_streams_start(&r->ports[i].gen, ids, n,
						      tai_ns)))
			snprintf(r->err, sizeof(r->err), "starting the streams of %s: %s %s",
				 r->plan.ports[i].name, strerror(-ret),
				 r->ports[i].gen.msg);
	}
	free(ids);
	return ret;
}

void run_stop_streams(struct bbd_run *r)
{
	uint32_t *ids = calloc(r->plan.nflows, sizeof(*ids));
	unsigned int i, n;

	for (i = 0; ids && i < r->plan.nflows; i++)
		if (r->flows[i].stream_id)
			bbd_gen_stream_get(&r->flows[i].src->gen,
					   r->flows[i].stream_id, &r->flows[i].tx);
	for (i = 0; ids && i < r->plan.nports; i++) {
		n = ids_of(r, &r->ports[i], ids, true);
		if (n && bbd_gen_streams_stop(&r->ports[i].gen, ids, n))
			bbd_log_err("stopping the streams of %s: %s",
				    r->plan.ports[i].name, r->ports[i].gen.msg);
	}
	free(ids);
}

static json_t *opt_ns(bool has, uint64_t v)
{
	return has ? json_integer((json_int_t)v) : json_null();
}

static void on_snapshot(const struct bb_gen_snapshot *s, void *arg)
{
	struct bbd_flow_run *f = arg;
	bool lat = s->latency_count > 0;

	json_array_append_new(f->over_time, json_pack(
		"{s:I,s:I,s:I,s:I,s:I,s:I,s:o,s:o,s:o,s:o}",
		"t_ns", (json_int_t)s->start_ns,
		"interval_ns", (json_int_t)1000000000,
		"frames", (json_int_t)s->frames, "bytes", (json_int_t)s->bytes,
		"lost", (json_int_t)s->lost, "out_of_sequence", (json_int_t)s->out_of_sequence,
		"latency_min_ns", opt_ns(lat, s->latency_min_ns),
		"latency_avg_ns", opt_ns(lat, s->latency_avg_ns),
		"latency_max_ns", opt_ns(lat, s->latency_max_ns),
		"jitter_ns", opt_ns(lat, s->jitter_ns)));
}

/* The snapshots closed since the last read: bbd's own cursor, so other
 * readers of the trigger (ynl, a dashboard) take nothing from the run. */
static void read_history(struct bbd_flow_run *f)
{
	uint64_t missed = f->history_missed;

	if (bbd_gen_history(&f->dst->gen, f->trigger_id, &f->history_next,
			    &f->history_missed, on_snapshot, f))
		bbd_log_err("flow %s: trigger history: %s", f->cfg->name,
			    f->dst->gen.msg);
	else if (f->history_missed > missed)
		bbd_log_err("flow %s: %llu interval snapshots were overwritten before bbd read them",
			    f->cfg->name,
			    (unsigned long long)(f->history_missed - missed));
}

void run_stop_http(struct bbd_run *r, const char *why)
{
	unsigned int i;

	for (i = 0; i < r->plan.nflows; i++) {
		bbd_http_cut(&r->flows[i], why);
		bbd_video_cut(&r->flows[i], why);
	}
}

void run_flow_poll(struct bbd_run *r, struct bbd_flow_run *f)
{
	if (f->cfg->type == BBD_FLOW_HTTP) {
		bbd_http_poll(r, f);
		return;
	}
	if (f->cfg->type == BBD_FLOW_VIDEO) {
		bbd_video_poll(r, f);
		return;
	}
	if (!f->stream_id)
		return;
	/* RX first: a frame is sent before it is received, so the TX count
	 * read after it is never below it (the progress line showed a flow
	 * receiving more than it had sent, read the other way round) */
	if (bbd_gen_trigger_get(&f->dst->gen, f->trigger_id, &f->rx))
		bbd_log_err("flow %s: trigger get: %s", f->cfg->name, f->dst->gen.msg);
	if (bbd_gen_stream_get(&f->src->gen, f->stream_id, &f->tx))
		bbd_log_err("flow %s: stream get: %s", f->cfg->name, f->src->gen.msg);
	/* with the monitor, each interval came as it closed */
	if (!f->dst->mon.sk)
		read_history(f);
}

void run_flow_snapshot(struct bbd_flow_run *f, const struct bb_gen_snapshot *s)
{
	if (s->index < f->history_next)
		return;			/* read already */
	if (s->index > f->history_next) {
		read_history(f);	/* some notifications were lost */
		return;
	}
	f->history_next = s->index + 1;
	on_snapshot(s, f);
}

static void on_bucket(uint64_t upper, uint64_t count, void *arg)
{
	json_array_append_new(arg, json_pack("[I,I]", (json_int_t)upper,
					     (json_int_t)count));
}

void run_flow_final(struct bbd_run *r, struct bbd_flow_run *f)
{
	run_flow_poll(r, f);
	/* the last interval closes when read; and any notification lost */
	if (f->stream_id && f->dst->mon.sk)
		read_history(f);
	if (f->trigger_id && f->cfg->latency)
		bbd_gen_histogram(&f->dst->gen, f->trigger_id, on_bucket,
				  f->histogram);
}

bool run_flow_done(const struct bbd_flow_run *f)
{
	if (f->cfg->type == BBD_FLOW_HTTP)
		return bbd_http_done(f);
	if (f->cfg->type == BBD_FLOW_VIDEO)
		return bbd_video_done(f);
	return f->tx.state == BBGEN_STREAM_STATE_DONE ||
	       f->tx.state == BBGEN_STREAM_STATE_STOPPED;
}
