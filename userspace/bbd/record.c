// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* The run record: one JSON object per run, the JSON report itself (keys
 * in Documentation/report-json.md). Numbers are JSON numbers, ns as
 * integers, a measurement that was not made is null. */
#include <stdio.h>
#include <string.h>

#include <arpa/inet.h>

#include "aggregate.h"
#include "analyse.h"
#include "http_flow.h"
#include "video_flow.h"
#include "loop.h"
#include "port_capture.h"
#include "record.h"
#include "run.h"

static json_t *iso_time(uint64_t ns)
{
	char out[48];

	bbd_iso_time(ns, out, sizeof(out));
	return json_string(out);
}

static json_t *run_part(const struct bbd_run *r)
{
	return json_pack("{s:o,s:s,s:o,s:o,s:f,s:b,s:s,s:o,s:f}",
		"id", r->id ? json_integer(r->id) : json_null(),
		"name", r->plan.name,
		"started", iso_time(r->started_real),
		"ended", iso_time(r->ended_real),
		"duration_s", (r->ended_real - r->started_real) / 1e9,
		"interrupted", r->interrupted,
		"layer2_speed", bb_l2_speed_name(r->plan.l2),
		"maximum_run_time_s", r->plan.max_run_ns ?
			json_real(r->plan.max_run_ns / 1e9) : json_null(),
		"wait_for_finish_s", r->plan.wait_ns / 1e9);
}

static json_t *ip_or_null(bool has, const struct bb_ip *ip)
{
	char buf[64];

	if (!has || !inet_ntop(ip->family, &ip->v6, buf, sizeof(buf)))
		return json_null();
	return json_string(buf);
}

static json_t *netmask(const struct bbd_port *p)
{
	struct bb_ip m = { .family = AF_INET };

	m.v4.s_addr = htonl(p->prefix4 ? ~0u << (32 - p->prefix4) : 0);
	return ip_or_null(p->has_ip4, &m);
}

/* A DHCP port's lease: who gave it, for how long, how it went. */
static json_t *dhcp_lease(const struct bbd_port *p)
{
	const struct bbd_dhcp *d = &p->dhcp;
	struct bb_ip server = { .family = AF_INET, .v4 = d->lease.server_id };

	if (!p->cfg->dhcp4)
		return json_null();
	return json_pack("{s:o,s:o,s:i,s:i,s:s,s:o}",
		"server", ip_or_null(d->bound_once, &server),
		"lease_s", d->bound_once ? json_integer(d->lease.lease_s) : json_null(),
		"renewals", (json_int_t)d->renewals,
		"declines", (json_int_t)d->declines,
		"state", bbd_dhcp_state_name(d->state),
		"error", d->err[0] ? json_string(d->err) : json_null());
}

/* A SLAAC or DHCPv6 port: how its IPv6 came, from whom, how it went. */
static json_t *ipv6_auto(const struct bbd_port *p)
{
	const struct bbd_dhcp6 *d = &p->dhcp6;
	char duid[2 * BB_DHCP6_DUID_MAX + 1] = "";
	unsigned int i;
	json_t *dhcp;

	if (!p->cfg->slaac6 && !p->cfg->dhcp6)
		return json_null();
	for (i = 0; i < d->lease.server.len; i++)
		snprintf(duid + 2 * i, 3, "%02x", d->lease.server.id[i]);
	dhcp = !p->cfg->dhcp6 ? json_null() :
	       json_pack("{s:o,s:o,s:i,s:s}",
		"server_duid", d->bound_once ? json_string(duid) : json_null(),
		"valid_s", d->bound_once ? json_integer(d->lease.valid_s) : json_null(),
		"renewals", (json_int_t)d->renewals,
		"state", bbd_dhcp6_state_name(d->state));
	return json_pack("{s:s,s:o,s:o,s:o}",
		"mode", p->cfg->dhcp6 ? "dhcp" : "slaac",
		"router", ip_or_null(p->has_gw6, &p->gw6),
		"dhcp", dhcp,
		"error", p->err6[0] ? json_string(p->err6) :
			 d->err[0] ? json_string(d->err) : json_null());
}

static json_t *mac_str(const uint8_t *m)
{
	char buf[18];

	snprintf(buf, sizeof(buf), "%02x:%02x:%02x:%02x:%02x:%02x", m[0], m[1],
		 m[2], m[3], m[4], m[5]);
	return json_string(buf);
}

static json_t *port_fields(const struct bbd_run *r, unsigned int i);

/* A NATed port's public address, as its first discovered flow saw it. */
static json_t *public_ip(const struct bbd_run *r, unsigned int i)
{
	char buf[INET_ADDRSTRLEN];
	unsigned int k;

	for (k = 0; r->flows && k < r->plan.nflows; k++) {
		const struct bbd_nat_flow *n = &r->flows[k].nat;
		unsigned int nated = n->upstream ? r->plan.flows[k].src : r->plan.flows[k].dst;

		if (n->on && n->found && nated == i &&
		    inet_ntop(AF_INET, &n->pub.v4, buf, sizeof(buf)))
			return json_string(buf);
	}
	return json_null();
}

/* A port of the record: its set-up, and what its capture (if any) took. */
static json_t *one_port(const struct bbd_run *r, unsigned int i)
{
	json_t *o = port_fields(r, i);

	json_object_set_new(o, "capture", bbd_capture_record(r, i));
	return o;
}

static json_t *port_fields(const struct bbd_run *r, unsigned int i)
{
	const struct bbd_port_cfg *c = &r->plan.ports[i];
	const struct bbd_port *p = &r->ports[i];
	json_t *sc = json_array_get(json_object_get(r->plan.scenario, "ports"), i);
	json_t *groups = json_object_get(sc, "port_group");
	json_t *tags = json_object_get(sc, "tags");
	json_t *vlans = json_object_get(sc, "vlans");
	char ip6[80] = "";

	if (p->has_ip6 && inet_ntop(AF_INET6, &p->ip6.v6, ip6, sizeof(ip6)))
		snprintf(ip6 + strlen(ip6), sizeof(ip6) - strlen(ip6), "/%u",
			 p->prefix6);
	return json_pack("{s:s,s:o,s:s,s:s,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:b,s:o,s:b,s:o,s:o,s:o}",
		"name", c->name,
		"port_group", groups ? json_incref(groups) : json_array(),
		"interface", c->ifname,
		"netns", r->ports[i].netns,
		"mac", mac_str(r->ports[i].mac),
		"ipv4", ip_or_null(p->has_ip4, &p->ip4),
		"netmask", netmask(p),
		"gateway", ip_or_null(p->has_gw4, &p->gw4),
		"ipv6", p->has_ip6 ? json_string(ip6) : json_null(),
		"gateway_ipv6", ip_or_null(p->has_gw6, &p->gw6),
		"vlans", vlans ? json_incref(vlans) : json_array(),
		"nat", json_is_true(json_object_get(sc, "nat")),
		"public_ip", public_ip(r, i),
		"exclusive", c->exclusive,
		"dhcp", dhcp_lease(p), "ipv6_auto", ipv6_auto(p),
		"tags", tags ? json_incref(tags) : json_array());
}

const char *bbd_flow_type_name(enum bbd_flow_type t)
{
	return t == BBD_FLOW_VOICE ? "voice" : t == BBD_FLOW_GAMING ? "gaming" :
	       t == BBD_FLOW_HTTP ? "http" : t == BBD_FLOW_VIDEO ? "video" :
	       "frame_blasting";
}

static json_t *one_flow(const struct bbd_run *r, const struct bbd_flow_run *f)
{
	json_t *cfg = json_deep_copy(f->cfg->config);

	return json_pack("{s:s,s:s,s:s,s:s,s:b,s:o,s:o,s:o}",
		"name", f->cfg->name, "type", bbd_flow_type_name(f->cfg->type),
		"source", f->src->cfg->name, "destination", f->dst->cfg->name,
		"reverse", f->cfg->reverse, "config", cfg, "nat", bbd_nat_record(f),
		"results", f->cfg->type == BBD_FLOW_HTTP ? bbd_http_results(r, f) :
			   f->cfg->type == BBD_FLOW_VIDEO ? bbd_video_results(f) :
			   record_results(r, f));
}

json_t *bbd_record_build(const struct bbd_run *r)
{
	json_t *rec, *ports = json_array(), *flows = json_array();
	unsigned int i;

	for (i = 0; i < r->plan.nports; i++)
		json_array_append_new(ports, one_port(r, i));
	for (i = 0; i < r->plan.nflows; i++)
		json_array_append_new(flows, one_flow(r, &r->flows[i]));
	rec = json_pack("{s:i,s:o,s:s,s:O,s:o,s:o}", "report_version", 1,
			"run", run_part(r), "verdict", "FAIL",
			"scenario", r->plan.scenario, "ports", ports,
			"flows", flows);
	if (rec) {
		bb_analyse_record(rec);	/* analysers of every flow, verdict */
		json_object_set_new(rec, "aggregate", bb_aggregate_tcp(rec));
	}
	return rec;
}

json_t *bbd_progress_build(const struct bbd_run *r)
{
	uint64_t now = bbd_now_mono();
	double el = now > r->traffic_mono ? (now - r->traffic_mono) / 1e9 : 0;
	json_t *flows = json_array();
	unsigned int i;

	for (i = 0; i < r->plan.nflows; i++) {
		const struct bbd_flow_run *f = &r->flows[i];
		uint64_t rx = f->rx.rx_frames - f->rx.duplicates;

		if (f->cfg->type == BBD_FLOW_HTTP || f->cfg->type == BBD_FLOW_VIDEO) {
			json_array_append_new(flows, f->cfg->type == BBD_FLOW_HTTP ?
					      bbd_http_progress(f, el) : bbd_video_progress(f, el));
			continue;
		}
		json_array_append_new(flows, json_pack("{s:s,s:f,s:f,s:I,s:I,s:I}",
			"flow", f->cfg->name, "elapsed_s", el,
			"total_s", bbd_flow_total_ns(f->cfg) / 1e9,
			"tx", (json_int_t)f->tx.tx_frames, "rx", (json_int_t)f->rx.rx_frames,
			"loss", (json_int_t)(f->tx.tx_frames > rx && run_flow_done(f)
					     ? f->tx.tx_frames - rx : f->rx.lost)));
	}
	return json_pack("{s:s,s:f,s:o}", "event", bbd_event_name(BBD_EV_PROGRESS), "elapsed_s", el,
			 "flows", flows);
}
