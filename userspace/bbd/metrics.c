// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * GET /metrics: the Prometheus exporter (libmicrohttpd on bbd's own event
 * loop, no thread, so a scrape reads the run without a lock). It renders
 * the run in progress, or the last one, straight from the structures the
 * run record is made of: at the end the counters are the record's.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <unistd.h>

#include <microhttpd.h>

#include "file_line.h"
#include "http_flow.h"
#include "log.h"
#include "loop.h"
#include "metrics.h"
#include "prom.h"
#include "record.h"
#include "run.h"
#include "server.h"

#ifndef BB_VERSION
#define BB_VERSION "unknown"
#endif

#define CONN_MAX	16
#define CONN_TIMEOUT_S	10

static struct MHD_Daemon *mhd;
static int mhd_timer = -1;
static unsigned long long runs_pass, runs_fail, runs_error;
static int last_verdict = -1;	/* the last run's: 1 PASS, 0 FAIL, -1 none */

void bbd_metrics_run_done(const char *verdict)
{
	if (!verdict)
		runs_error++;
	else if (!strcmp(verdict, "PASS"))
		runs_pass++;
	else
		runs_fail++;
	last_verdict = verdict ? !strcmp(verdict, "PASS") : -1;
}

/* What the module itself tells: loaded, its build, how many hold it. */
static void module_families(struct bb_prom *p)
{
	struct bb_prom_labels l = { .n = 0 };
	char src[64], ver[64], ref[32];
	bool loaded = !access("/sys/module/bbgen", F_OK);

	bb_prom_family(p, "bb_module_loaded", "gauge", "1 when the bbgen module is loaded");
	bb_prom_sample(p, "bb_module_loaded", NULL, NULL, NULL, loaded);
	if (!loaded)
		return;
	bb_read_line("/sys/module/bbgen/srcversion", src, sizeof(src));
	bb_read_line("/sys/module/bbgen/version", ver, sizeof(ver));
	bb_read_line("/sys/module/bbgen/refcnt", ref, sizeof(ref));
	bb_prom_label(&l, "version", ver);
	bb_prom_label(&l, "srcversion", src);
	bb_prom_family(p, "bb_module_info", "gauge", "bbgen's version and srcversion, as labels; always 1");
	bb_prom_sample(p, "bb_module_info", &l, NULL, NULL, 1);
	bb_prom_family(p, "bb_module_references", "gauge", "Users of the bbgen module (its refcnt)");
	bb_prom_sample(p, "bb_module_references", NULL, NULL, NULL, strtod(ref, NULL));
}

static void daemon_families(struct bb_prom *p)
{
	struct bb_prom_labels l = { .n = 0 };

	bb_prom_label(&l, "version", BB_VERSION);
	bb_prom_family(p, "bb_build_info", "gauge", "bbd's version, as a label; always 1");
	bb_prom_sample(p, "bb_build_info", &l, NULL, NULL, 1);
	module_families(p);
	bb_prom_family(p, "bb_runs_total", "counter", "Scenario runs ended since bbd started, by verdict");
	bb_prom_sample(p, "bb_runs_total", NULL, "verdict", "pass", (double)runs_pass);
	bb_prom_sample(p, "bb_runs_total", NULL, "verdict", "fail", (double)runs_fail);
	bb_prom_sample(p, "bb_runs_total", NULL, "verdict", "error", (double)runs_error);
}

static void run_families(struct bb_prom *p, const struct bbd_run *r, bool running)
{
	struct bb_prom_labels l = { .n = 0 };
	unsigned int i;

	bb_prom_label(&l, "run", r->plan.name);
	bb_prom_family(p, "bb_run_running", "gauge", "1 while the run is in progress");
	bb_prom_sample(p, "bb_run_running", &l, NULL, NULL, running);
	bb_prom_family(p, "bb_run_phase", "gauge", "1 for the phase the run is in");
	for (i = 0; i < BBD_RUN_PHASES; i++)
		bb_prom_sample(p, "bb_run_phase", &l, "phase", bbd_run_phase_name(i), r->phase == i);
	if (running || last_verdict < 0)
		return;
	bb_prom_family(p, "bb_run_passed", "gauge", "The last run's verdict: 1 PASS, 0 FAIL");
	bb_prom_sample(p, "bb_run_passed", &l, NULL, NULL, last_verdict);
}

static void flow_labels(const struct bbd_run *r, const struct bbd_flow_run *f,
			struct bb_prom_labels *l)
{
	l->n = 0;
	bb_prom_label(l, "run", r->plan.name);
	bb_prom_label(l, "flow", f->cfg->name);
	bb_prom_label(l, "type", bbd_flow_type_name(f->cfg->type));
	bb_prom_label(l, "source", r->plan.ports[f->cfg->src].name);
	bb_prom_label(l, "destination", r->plan.ports[f->cfg->dst].name);
}

static bool is_tcp(const struct bbd_flow_run *f)
{
	return f->cfg->type == BBD_FLOW_HTTP || f->cfg->type == BBD_FLOW_VIDEO;
}

/* The record's loss once the flow is over, the trigger's gaps before
 * (frames in flight are not lost). */
static uint64_t flow_lost(const struct bbd_flow_run *f)
{
	uint64_t got = f->rx.rx_frames - f->rx.duplicates;

	if (!run_flow_done(f))
		return f->rx.lost;
	return f->tx.tx_frames > got ? f->tx.tx_frames - got : 0;
}

enum ffield { F_TXF, F_TXB, F_RXF, F_RXB, F_LOST, F_OOO, F_DUPS, F_N };

static const struct {
	const char *name, *help;
} frame_fam[F_N] = {
	[F_TXF] = { "bb_flow_tx_frames_total", "Frames the flow's stream sent" },
	[F_TXB] = { "bb_flow_tx_bytes_total", "Bytes the flow's stream sent (frames without FCS)" },
	[F_RXF] = { "bb_flow_rx_frames_total", "Frames the flow's trigger counted" },
	[F_RXB] = { "bb_flow_rx_bytes_total", "Bytes the flow's trigger counted" },
	[F_LOST] = { "bb_flow_lost_frames_total", "Frames lost (sequence gaps; sent minus received once the flow is over)" },
	[F_OOO] = { "bb_flow_out_of_sequence_frames_total", "Frames received out of sequence" },
	[F_DUPS] = { "bb_flow_duplicate_frames_total", "Frames received more than once" },
};

static double frame_value(const struct bbd_flow_run *f, enum ffield k)
{
	switch (k) {
	case F_TXF: return (double)f->tx.tx_frames;
	case F_TXB: return (double)f->tx.tx_bytes;
	case F_RXF: return (double)f->rx.rx_frames;
	case F_RXB: return (double)f->rx.rx_bytes;
	case F_LOST: return (double)flow_lost(f);
	case F_OOO: return (double)f->rx.out_of_sequence;
	case F_DUPS: return (double)f->rx.duplicates;
	default: return 0;
	}
}

static void frame_families(struct bb_prom *p, const struct bbd_run *r)
{
	struct bb_prom_labels l;
	unsigned int i, k;

	for (k = 0; k < F_N; k++) {
		bb_prom_family(p, frame_fam[k].name, "counter", frame_fam[k].help);
		for (i = 0; i < r->plan.nflows; i++) {
			if (is_tcp(&r->flows[i]))
				continue;
			flow_labels(r, &r->flows[i], &l);
			bb_prom_sample(p, frame_fam[k].name, &l, NULL, NULL,
				       frame_value(&r->flows[i], k));
		}
	}
}

static void latency_family(struct bb_prom *p, const struct bbd_run *r)
{
	static const char *const q[] = { "0.5", "0.9", "0.99", "0.999", "0.9999" };
	const char *name = "bb_flow_latency_seconds";
	struct bb_prom_labels l;
	unsigned int i, k;

	bb_prom_family(p, name, "summary", "One-way latency of the flow's frames (the trigger's histogram quantiles)");
	for (i = 0; i < r->plan.nflows; i++) {
		const struct bb_gen_latency *lat = &r->flows[i].rx.latency_stats;
		const uint64_t v[] = { lat->p50_ns, lat->p90_ns, lat->p99_ns,
				       lat->p999_ns, lat->p9999_ns };

		if (is_tcp(&r->flows[i]) || !r->flows[i].rx.latency)
			continue;
		flow_labels(r, &r->flows[i], &l);
		for (k = 0; k < 5; k++)
			bb_prom_sample(p, name, &l, "quantile", q[k],
				       lat->count ? v[k] / 1e9 : NAN);
		bb_prom_sample(p, "bb_flow_latency_seconds_sum", &l, NULL, NULL,
			       (double)lat->avg_ns * (double)lat->count / 1e9);
		bb_prom_sample(p, "bb_flow_latency_seconds_count", &l, NULL, NULL,
			       (double)lat->count);
	}
}

/* HTTP and video flows: what the progress event says of them. */
static void tcp_families(struct bb_prom *p, const struct bbd_run *r)
{
	static const struct {
		const char *name, *type, *key, *help;
		double scale;
	} fam[] = {
		{ "bb_flow_payload_tx_bytes_total", "counter", "tx", "HTTP payload bytes the data sender sent", 1 },
		{ "bb_flow_payload_rx_bytes_total", "counter", "rx", "HTTP payload bytes the data receiver got", 1 },
		{ "bb_flow_goodput_bits_per_second", "gauge", "goodput_bps", "HTTP goodput of the last interval", 1 },
		{ "bb_flow_rtt_seconds", "gauge", "rtt_ms", "TCP RTT of the data sender (TCP_INFO)", 1e-3 },
	};
	uint64_t now = bbd_now_mono();
	double el = now > r->traffic_mono ? (now - r->traffic_mono) / 1e9 : 0;
	json_t *pr = json_array();	/* each HTTP flow's progress, built once */
	struct bb_prom_labels l;
	unsigned int i, k;

	for (i = 0; i < r->plan.nflows; i++)
		json_array_append_new(pr, r->flows[i].cfg->type == BBD_FLOW_HTTP ?
				      bbd_http_progress(&r->flows[i], el) : json_null());
	for (k = 0; k < sizeof(fam) / sizeof(fam[0]); k++) {
		bb_prom_family(p, fam[k].name, fam[k].type, fam[k].help);
		for (i = 0; i < r->plan.nflows; i++) {
			json_t *fp = json_array_get(pr, i);

			if (!json_is_object(fp))
				continue;
			flow_labels(r, &r->flows[i], &l);
			bb_prom_sample(p, fam[k].name, &l, NULL, NULL, fam[k].scale *
				       json_number_value(json_object_get(fp, fam[k].key)));
		}
	}
	json_decref(pr);
}

/* Sums over the flows a port sends (tx) or receives (rx). */
static void port_families(struct bb_prom *p, const struct bbd_run *r)
{
	static const char *const fam[] = { "bb_port_tx_frames_total", "bb_port_rx_frames_total" };
	struct bb_prom_labels l;
	unsigned int i, j, k;
	double sum;

	for (k = 0; k < 2; k++) {
		bb_prom_family(p, fam[k], "counter", k ? "Frames the port's triggers counted (frame flows)" :
			       "Frames the port's streams sent (frame flows)");
		for (j = 0; j < r->plan.nports; j++) {
			sum = 0;
			for (i = 0; i < r->plan.nflows; i++) {
				const struct bbd_flow_run *f = &r->flows[i];

				if (!is_tcp(f) && (k ? f->dst : f->src) == &r->ports[j])
					sum += (double)(k ? f->rx.rx_frames : f->tx.tx_frames);
			}
			l.n = 0;
			bb_prom_label(&l, "run", r->plan.name);
			bb_prom_label(&l, "port", r->plan.ports[j].name);
			bb_prom_sample(p, fam[k], &l, NULL, NULL, sum);
		}
	}
}

void bbd_metrics_render(struct bb_prom *p)
{
	bool running;
	const struct bbd_run *r = bbd_server_run(&running);

	daemon_families(p);
	if (!r || !r->flows || !r->ports)	/* a run that failed to start */
		return;
	run_families(p, r, running);
	frame_families(p, r);
	latency_family(p, r);
	tcp_families(p, r);
	port_families(p, r);
}

static enum MHD_Result reply(struct MHD_Connection *c, unsigned int code,
			     const char *type, char *body, size_t len,
			     enum MHD_ResponseMemoryMode mode)
{
	struct MHD_Response *resp = MHD_create_response_from_buffer(len, body, mode);
	enum MHD_Result ret;

	if (!resp)
		return MHD_NO;
	MHD_add_response_header(resp, "Content-Type", type);
	ret = MHD_queue_response(c, code, resp);
	MHD_destroy_response(resp);
	return ret;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c,
				  const char *url, const char *method,
				  const char *version, const char *upload,
				  size_t *upload_len, void **state)
{
	struct bb_prom p;

	(void)cls;
	(void)version;
	(void)upload;
	(void)upload_len;
	(void)state;
	if (strcmp(method, "GET") && strcmp(method, "HEAD"))
		return reply(c, 405, "text/plain", "only GET\n", 9, MHD_RESPMEM_PERSISTENT);
	if (strcmp(url, "/metrics"))
		return reply(c, 404, "text/plain", "bbd serves /metrics only\n", 25,
			     MHD_RESPMEM_PERSISTENT);
	bb_prom_init(&p);
	bbd_metrics_render(&p);
	if (p.oom) {
		bb_prom_free(&p);
		return reply(c, 500, "text/plain", "out of memory\n", 14, MHD_RESPMEM_PERSISTENT);
	}
	/* MHD frees the text with free() once sent */
	return reply(c, 200, "text/plain; version=0.0.4; charset=utf-8", p.buf, p.len,
		     MHD_RESPMEM_MUST_FREE);
}

static void on_mhd(int fd, uint32_t events, void *arg)
{
	(void)events;
	(void)arg;
	if (fd == mhd_timer)
		bbd_timer_read(fd);
	MHD_run(mhd);
}

/* ADDR:PORT, [ADDR6]:PORT */
static int parse_addr(const char *spec, struct sockaddr_storage *ss, char *err,
		      size_t errlen)
{
	char host[64];
	const char *colon = strrchr(spec, ':');
	unsigned long port;
	char *end;
	size_t n;

	if (!colon || colon == spec)
		goto bad;
	n = (size_t)(colon - spec);
	if (spec[0] == '[' && n >= 2 && spec[n - 1] == ']')
		spec++, n -= 2;
	if (n >= sizeof(host))
		goto bad;
	memcpy(host, spec, n);
	host[n] = '\0';
	errno = 0;
	port = strtoul(colon + 1, &end, 10);
	if (errno || *end || !colon[1] || port < 1 || port > 65535)
		goto bad;
	memset(ss, 0, sizeof(*ss));
	if (inet_pton(AF_INET, host, &((struct sockaddr_in *)ss)->sin_addr) == 1) {
		((struct sockaddr_in *)ss)->sin_family = AF_INET;
		((struct sockaddr_in *)ss)->sin_port = htons((uint16_t)port);
		return 0;
	}
	if (inet_pton(AF_INET6, host, &((struct sockaddr_in6 *)ss)->sin6_addr) == 1) {
		((struct sockaddr_in6 *)ss)->sin6_family = AF_INET6;
		((struct sockaddr_in6 *)ss)->sin6_port = htons((uint16_t)port);
		return 0;
	}
bad:
	snprintf(err, errlen, "--metrics: \"%s\" must be ADDR:PORT (an IPv4 address, or [IPv6], and a port 1 to 65535) or off",
		 spec);
	return -EINVAL;
}

int bbd_metrics_check(const char *spec, char *err, size_t errlen)
{
	struct sockaddr_storage ss;

	return !spec || !strcmp(spec, "off") ? 0 : parse_addr(spec, &ss, err, errlen);
}

int bbd_metrics_start(const char *spec, char *err, size_t errlen)
{
	unsigned int flags = MHD_USE_EPOLL;	/* its errors: our one line */
	const union MHD_DaemonInfo *info;
	struct sockaddr_storage ss;
	int ret;

	if (!strcmp(spec, "off"))
		return 0;
	ret = parse_addr(spec, &ss, err, errlen);
	if (ret)
		return ret;
	if (ss.ss_family == AF_INET6)
		flags |= MHD_USE_IPv6;
	mhd = MHD_start_daemon(flags, 0, NULL, NULL, on_request, NULL,
			       MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
			       MHD_OPTION_CONNECTION_LIMIT, (unsigned int)CONN_MAX,
			       MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)CONN_TIMEOUT_S,
			       MHD_OPTION_END);
	if (!mhd) {
		snprintf(err, errlen, "--metrics %s: cannot listen (address in use or not here?)", spec);
		return -EADDRINUSE;
	}
	info = MHD_get_daemon_info(mhd, MHD_DAEMON_INFO_EPOLL_FD);
	mhd_timer = bbd_timer_new(1000);	/* MHD's connection timeouts */
	if (!info || mhd_timer < 0 || bbd_loop_add(info->epoll_fd, EPOLLIN, on_mhd, NULL) ||
	    bbd_loop_add(mhd_timer, EPOLLIN, on_mhd, NULL)) {
		snprintf(err, errlen, "--metrics %s: cannot watch its sockets", spec);
		bbd_metrics_stop();
		return -EIO;
	}
	bbd_log_info("metrics on http://%s/metrics", spec);
	return 0;
}

void bbd_metrics_stop(void)
{
	const union MHD_DaemonInfo *info;

	if (!mhd)
		return;
	info = MHD_get_daemon_info(mhd, MHD_DAEMON_INFO_EPOLL_FD);
	if (info)
		bbd_loop_del(info->epoll_fd);
	bbd_loop_close(&mhd_timer);
	MHD_stop_daemon(mhd);
	mhd = NULL;
}
