// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* The run's phases, one step per timer tick. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <unistd.h>

#include "http_flow.h"
#include "video_flow.h"
#include "log.h"
#include "loop.h"
#include "netns.h"
#include "port_capture.h"
#include "monitor.h"
#include "run.h"

#define TICK_MS			200
#define TICKS_PER_S		(1000 / TICK_MS)
#define RESOLVE_TIMEOUT_NS	6000000000ull
/* DISCOVERs go at 0, 1, 3, 7, 11... s: this is seven of them. */
#define DHCP_TIMEOUT_NS		20000000000ull
#define PROBE_EVERY_NS		1000000000ull
/* Streams start together this long after the last one was added: the
 * start requests of every port must reach the kernel before it (on a
 * loaded TCG host 200 ms was not always enough: "start time is in the
 * past"). */
#define START_AHEAD_NS		1000000000ull
/* After a stop, late frames need less time than a full wait_for_finish. */
#define STOP_WAIT_NS		1000000000ull

static void set_phase(struct bbd_run *r, enum bbd_run_phase ph)
{
	r->phase = ph;
	r->phase_mono = bbd_now_mono();
}

static void teardown(struct bbd_run *r)
{
	unsigned int i;

	if (r->timer >= 0) {
		bbd_loop_del(r->timer);
		close(r->timer);
		r->timer = -1;
	}
	if (r->http_timer >= 0) {
		bbd_loop_del(r->http_timer);
		close(r->http_timer);
		r->http_timer = -1;
	}
	bbd_monitor_stop(r);
	bbd_nat_close(r);
	for (i = 0; r->flows && i < r->plan.nflows; i++) {
		bbd_http_close(&r->flows[i]);
		bbd_video_close(&r->flows[i]);
	}
	bbd_captures_stop(r);
	for (i = 0; r->ports && i < r->plan.nports; i++)
		bbd_port_teardown(&r->ports[i]);
}

const char *bbd_run_phase_name(enum bbd_run_phase ph)
{
	static const char *const name[BBD_RUN_PHASES] = {
		[RUN_ADDRESS] = "addressing", [RUN_DISCOVER] = "nat-discovery",
		[RUN_RESOLVE] = "resolving", [RUN_TRAFFIC] = "traffic",
		[RUN_WAIT] = "waiting", [RUN_DONE] = "done",
	};

	return (unsigned int)ph < BBD_RUN_PHASES ? name[ph] : "unknown";
}

/* End the run: the record (or the failure) goes to the client. */
static void finish(struct bbd_run *r, int code, const char *msg)
{
	json_t *rec = NULL;
	unsigned int i;

	r->ended_real = bbd_now_real();
	if (!msg) {
		for (i = 0; i < r->plan.nflows; i++)
			run_flow_final(r, &r->flows[i]);
		bbd_captures_stop(r);	/* their counts go in the record */
		rec = bbd_record_build(r);
		code = !rec ? BBD_EXIT_SYSTEM :
		       !strcmp(json_string_value(json_object_get(rec, "verdict")), "PASS")
		       ? BBD_EXIT_PASS : BBD_EXIT_FAIL;
	}
	teardown(r);
	set_phase(r, RUN_DONE);
	r->ops->done(r, rec, code, msg ? msg : "");
	json_decref(rec);
}

static int setup_ports(struct bbd_run *r, int *code)
{
	unsigned int i;
	char err[400];

	r->ports = calloc(r->plan.nports, sizeof(*r->ports));
	if (!r->ports)
		return -ENOMEM;
	for (i = 0; i < r->plan.nports; i++) {
		r->ports[i].nsfd = -1;
		r->ports[i].dhcp.fd = -1;
		r->ports[i].dhcp6.fd = -1;
	}
	for (i = 0; i < r->plan.nports; i++) {
		if (bbd_port_setup(&r->ports[i], &r->plan.ports[i], err,
				   sizeof(err))) {
			snprintf(r->err, sizeof(r->err), "ports[%u] (%s): %s", i,
				 r->plan.ports[i].name, err);
			*code = BBD_EXIT_SYSTEM;
			return -EIO;
		}
		bbd_log_info("port %s: %s in %s", r->plan.ports[i].name,
			     r->ports[i].top, r->ports[i].netns);
	}
	return 0;
}

static int setup_flows(struct bbd_run *r)
{
	unsigned int i;

	r->flows = calloc(r->plan.nflows, sizeof(*r->flows));
	if (!r->flows)
		return -ENOMEM;
	for (i = 0; i < r->plan.nflows; i++)
		r->flows[i].nat.fd = -1;	/* teardown closes what is open */
	for (i = 0; i < r->plan.nflows; i++) {
		struct bbd_flow_run *f = &r->flows[i];

		f->cfg = &r->plan.flows[i];
		f->src = &r->ports[f->cfg->src];
		f->dst = &r->ports[f->cfg->dst];
		f->over_time = json_array();
		f->histogram = json_array();
		if (!f->over_time || !f->histogram)
			return -ENOMEM;
	}
	return 0;
}

/* Once every port has its addresses (DHCP leases too): each flow's
 * source, destination and next hop; again after NAT discovery, when a
 * downstream flow's frames go to its public tuple. */
static int route_flows(struct bbd_run *r)
{
	unsigned int i;

	for (i = 0; i < r->plan.nflows; i++) {
		struct bbd_flow_run *f = &r->flows[i];
		int fam = f->cfg->ipv6 ? AF_INET6 : AF_INET;

		f->sip = bbd_port_ip(f->src, fam);
		f->dip = bbd_port_ip(f->dst, fam);
		f->nh = bbd_port_nexthop(f->src, f->nat.on && !f->nat.upstream &&
					 f->nat.found ? &f->nat.pub : f->dip);
		if (!f->nh) {
			snprintf(r->err, sizeof(r->err),
				 "flows: %s: port %s has no route to %s's address (no gateway)",
				 f->cfg->name, f->src->cfg->name, f->dst->cfg->name);
			return -EINVAL;
		}
	}
	return 0;
}

static void tick(int fd, uint32_t events, void *arg);
static void start_traffic(struct bbd_run *r);

/* The TCP flows' timed work (clients due, ACK waits, play-out, stalls);
 * true while some flow needs it every millisecond. */
static bool tcp_flows_tick(struct bbd_run *r)
{
	unsigned int i;
	bool fast = false;

	for (i = 0; i < r->plan.nflows; i++) {
		fast |= bbd_http_tick(r, &r->flows[i]);
		fast |= bbd_video_tick(r, &r->flows[i]);
	}
	return fast;
}

/* The 1 ms timer runs only while a flow needs it: a transfer in full
 * flow wants no wake-ups of its own (1,000 a second cost a TCG guest
 * about a tenth of the goodput). */
static void http_tick(int fd, uint32_t events, void *arg)
{
	struct bbd_run *r = arg;

	(void)events;
	bbd_timer_read(fd);
	if (!tcp_flows_tick(r) && !bbd_timer_set(fd, 0))
		r->fast_armed = false;
}

void bbd_run_fast_tick(struct bbd_run *r)
{
	if (r->http_timer >= 0 && !r->fast_armed && !bbd_timer_set(r->http_timer, 1))
		r->fast_armed = true;
}

static int start_http_timer(struct bbd_run *r)
{
	unsigned int i;

	for (i = 0; i < r->plan.nflows && !r->flows[i].http && !r->flows[i].video; i++)
		;
	if (i == r->plan.nflows)
		return 0;
	r->http_timer = bbd_timer_new(1);
	if (r->http_timer < 0)
		return r->http_timer;
	r->fast_armed = true;
	return bbd_loop_add(r->http_timer, EPOLLIN, http_tick, r);
}

int bbd_run_start(struct bbd_run *r, json_t *scenario, const char *name,
		  const char *capture_dir, const struct bbd_peer *writer,
		  const struct bbd_run_ops *ops, void *arg, int *code)
{
	int ret;

	memset(r, 0, sizeof(*r));
	r->writer = writer;
	r->ops = ops;
	r->arg = arg;
	r->timer = -1;
	r->http_timer = -1;
	r->started_real = bbd_now_real();
	*code = BBD_EXIT_INPUT;
	ret = bbd_plan_build(scenario, name, &r->plan, r->err, sizeof(r->err));
	if (!ret)
		ret = bbd_http_check(&r->plan, r->err, sizeof(r->err));
	if (ret)
		return ret;
	*code = BBD_EXIT_SYSTEM;
	ret = setup_ports(r, code);
	if (!ret)
		ret = setup_flows(r);
	if (!ret)
		bbd_monitor_start(r);
	if (!ret)
		ret = bbd_captures_start(r, capture_dir, r->err, sizeof(r->err));
	if (!ret && (r->timer = bbd_timer_new(TICK_MS)) < 0)
		ret = r->timer;
	if (!ret)
		ret = bbd_loop_add(r->timer, EPOLLIN, tick, r);
	if (ret) {
		if (!r->err[0])
			snprintf(r->err, sizeof(r->err), "%s", strerror(-ret));
		teardown(r);
		return ret;
	}
	set_phase(r, RUN_ADDRESS);
	return 0;
}

/* Wait for every DHCP lease and IPv6 address, then route the flows. */
static void address(struct bbd_run *r)
{
	unsigned int i;
	char why[400];
	bool failed;

	for (i = 0; i < r->plan.nports && bbd_port_ready(&r->ports[i]); i++)
		;
	if (i == r->plan.nports) {
		if (route_flows(r)) {
			finish(r, BBD_EXIT_INPUT, r->err);
			return;
		}
		if (!bbd_nat_needed(r)) {
			set_phase(r, RUN_RESOLVE);
			return;
		}
		if (bbd_nat_start(r) || bbd_timer_set(r->timer, BBD_NAT_PROBE_MS)) {
			if (!r->err[0])
				snprintf(r->err, sizeof(r->err), "NAT discovery: %s",
					 strerror(ENOMEM));
			finish(r, BBD_EXIT_SYSTEM, r->err);
			return;
		}
		set_phase(r, RUN_DISCOVER);
		return;
	}
	bbd_port_why(&r->ports[i], (unsigned int)(DHCP_TIMEOUT_NS / 1000000000ull),
		     why, sizeof(why), &failed);
	if (failed || bbd_now_mono() - r->phase_mono > DHCP_TIMEOUT_NS) {
		snprintf(r->err, sizeof(r->err), "port %s: %s",
			 r->plan.ports[i].name, why);
		finish(r, BBD_EXIT_SYSTEM, r->err);
	}
}

/* Probes out until every NAT flow has its public tuple (or one times
 * out), then the flows' next hops again: a downstream flow's is now its
 * public address's. */
static void discover(struct bbd_run *r)
{
	int ret = bbd_nat_tick(r);

	if (ret < 0) {
		finish(r, BBD_EXIT_SYSTEM, r->err);
		return;
	}
	if (!ret)
		return;
	bbd_nat_stop_capture(r);
	if (bbd_timer_set(r->timer, TICK_MS)) {
		snprintf(r->err, sizeof(r->err), "run timer: %s", strerror(errno));
		finish(r, BBD_EXIT_SYSTEM, r->err);
		return;
	}
	if (route_flows(r)) {
		finish(r, BBD_EXIT_INPUT, r->err);
		return;
	}
	set_phase(r, RUN_RESOLVE);
}

/* Every tick, whatever the phase: DHCP timers, new leases applied. */
static int ports_tick(struct bbd_run *r)
{
	unsigned int i;
	char err[300];

	for (i = 0; i < r->plan.nports; i++) {
		if (bbd_port_tick(&r->ports[i], err, sizeof(err))) {
			snprintf(r->err, sizeof(r->err), "port %s: %s",
				 r->plan.ports[i].name, err);
			return -EIO;
		}
	}
	return 0;
}

/* Probe every unresolved next hop once a second; read the tables. */
static void resolve(struct bbd_run *r)
{
	uint64_t now = bbd_now_mono();
	bool probe = now - r->last_probe_mono >= PROBE_EVERY_NS, all = true;
	unsigned int i;
	int ret;

	for (i = 0; i < r->plan.nflows; i++) {
		struct bbd_flow_run *f = &r->flows[i];

		if (f->resolved || f->cfg->type == BBD_FLOW_HTTP ||
		    f->cfg->type == BBD_FLOW_VIDEO)
			continue;	/* TCP resolves its own next hop */
		ret = bbd_neigh_get(&f->src->rtnl, f->src->ifindex, f->nh,
				    f->dst_mac);
		f->resolved = !ret;
		if (!ret)
			continue;
		all = false;
		if (probe)
			bbd_port_probe(f->src, f->nh);
	}
	if (probe)
		r->last_probe_mono = now;
	if (all) {
		start_traffic(r);
		return;
	}
	if (now - r->phase_mono > RESOLVE_TIMEOUT_NS) {
		for (i = 0; i < r->plan.nflows && r->flows[i].resolved; i++)
			;
		snprintf(r->err, sizeof(r->err),
			 "flow %s: port %s got no ARP/ND answer for its next hop",
			 r->flows[i].cfg->name, r->flows[i].src->cfg->name);
		finish(r, BBD_EXIT_SYSTEM, r->err);
	}
}

/* Triggers first (they must count the first frame), then the streams,
 * all started at one CLOCK_TAI instant. */
static void start_traffic(struct bbd_run *r)
{
	unsigned int i;
	char err[400];

	for (i = 0; i < r->plan.nflows; i++) {
		if (run_flow_add(r, &r->flows[i], err, sizeof(err))) {
			snprintf(r->err, sizeof(r->err), "flow %s: %s",
				 r->flows[i].cfg->name, err);
			finish(r, BBD_EXIT_SYSTEM, r->err);
			return;
		}
	}
	r->traffic_tai = bbd_now_tai() + START_AHEAD_NS;
	r->traffic_mono = bbd_now_mono() + START_AHEAD_NS;
	if (start_http_timer(r)) {
		snprintf(r->err, sizeof(r->err), "HTTP flows: no timer");
		finish(r, BBD_EXIT_SYSTEM, r->err);
		return;
	}
	if (run_start_streams(r, r->traffic_tai)) {
		finish(r, BBD_EXIT_SYSTEM, r->err);
		return;
	}
	bbd_log_info("run %s: %u flows started", r->plan.name, r->plan.nflows);
	set_phase(r, RUN_TRAFFIC);
}

static bool all_done(const struct bbd_run *r)
{
	unsigned int i;

	for (i = 0; i < r->plan.nflows; i++)
		if (!run_flow_done(&r->flows[i]))
			return false;
	return true;
}

void bbd_run_streams_changed(struct bbd_run *r)
{
	if (r->phase == RUN_TRAFFIC && all_done(r)) {
		bbd_log_info("run %s: every flow is done", r->plan.name);
		set_phase(r, RUN_WAIT);
	}
}

static void traffic(struct bbd_run *r)
{
	uint64_t now = bbd_now_mono();
	unsigned int i;
	json_t *ev;

	if (++r->ticks % TICKS_PER_S)
		return;
	for (i = 0; i < r->plan.nflows; i++)
		run_flow_poll(r, &r->flows[i]);
	ev = bbd_progress_build(r);
	if (ev) {
		r->ops->progress(r, ev);
		json_decref(ev);
	}
	if (all_done(r)) {
		set_phase(r, RUN_WAIT);
	} else if (r->plan.max_run_ns && now > r->traffic_mono &&
		   now - r->traffic_mono >= r->plan.max_run_ns) {
		bbd_log_info("run %s: maximum_run_time reached", r->plan.name);
		run_stop_streams(r);
		run_stop_http(r, "cut by maximum_run_time");
		set_phase(r, RUN_WAIT);
	}
}

static void wait_finish(struct bbd_run *r)
{
	uint64_t wait = r->interrupted && r->plan.wait_ns > STOP_WAIT_NS
			? STOP_WAIT_NS : r->plan.wait_ns;

	if (bbd_now_mono() - r->phase_mono >= wait)
		finish(r, 0, NULL);
}

static void tick(int fd, uint32_t events, void *arg)
{
	struct bbd_run *r = arg;

	(void)events;
	bbd_timer_read(fd);
	if (ports_tick(r)) {
		finish(r, BBD_EXIT_SYSTEM, r->err);
		return;
	}
	if ((r->phase == RUN_TRAFFIC || r->phase == RUN_WAIT) && r->http_timer >= 0 &&
	    tcp_flows_tick(r))
		bbd_run_fast_tick(r);
	if (r->phase == RUN_RESOLVE || r->phase == RUN_TRAFFIC)
		bbd_nat_keep_alive(r);
	if (r->phase == RUN_ADDRESS)
		address(r);
	else if (r->phase == RUN_DISCOVER)
		discover(r);
	else if (r->phase == RUN_RESOLVE)
		resolve(r);
	else if (r->phase == RUN_TRAFFIC)
		traffic(r);
	else if (r->phase == RUN_WAIT)
		wait_finish(r);
}

void bbd_run_stop(struct bbd_run *r)
{
	if (r->phase == RUN_DONE || r->interrupted)
		return;
	r->interrupted = true;
	bbd_log_info("run %s: stopped", r->plan.name);
	if (r->phase == RUN_ADDRESS || r->phase == RUN_DISCOVER ||
	    r->phase == RUN_RESOLVE) {
		finish(r, 0, NULL);
		return;
	}
	if (r->phase == RUN_TRAFFIC) {
		run_stop_streams(r);
		run_stop_http(r, "the run was stopped");
	}
	set_phase(r, RUN_WAIT);
}

void bbd_run_free(struct bbd_run *r)
{
	unsigned int i;

	teardown(r);
	for (i = 0; r->flows && i < r->plan.nflows; i++) {
		json_decref(r->flows[i].over_time);
		json_decref(r->flows[i].histogram);
		free(r->flows[i].http);
		free(r->flows[i].video);
	}
	free(r->flows);
	free(r->ports);
	free(r->captures);
	bbd_plan_free(&r->plan);
	memset(r, 0, sizeof(*r));
	r->timer = -1;
	r->http_timer = -1;
}
