// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* Scenario -> plan: the top level and the ports, from the model of
 * lib/scenario.h; the flows in plan_flow.c. */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "plan_int.h"
#include "scenario.h"

int plan_fail(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return -EINVAL;
}

/* A port of the parsed scenario, as bbd sets it up. */
static int one_port(const struct bb_scenario_port *sp, struct bbd_port_cfg *c,
		    unsigned int i, char *err, size_t errlen)
{
	if (!sp->has_ip4 && !sp->dhcp4 && !sp->has_ip6 && !sp->dhcp6 && !sp->slaac6 &&
	    !sp->capture.on)
		return plan_fail(err, errlen, "ports[%u]: needs ipv4 or ipv6", i);
	snprintf(c->name, sizeof(c->name), "%s", sp->name);
	snprintf(c->ifname, sizeof(c->ifname), "%s", sp->ifname);
	c->exclusive = sp->exclusive;
	c->capture = sp->capture;
	c->has_mac = sp->has_mac;
	memcpy(c->mac, sp->mac, sizeof(c->mac));
	c->has_ip4 = sp->has_ip4;
	c->dhcp4 = sp->dhcp4;
	c->nat = sp->nat;
	c->dhcp6 = sp->dhcp6;
	c->slaac6 = sp->slaac6;
	c->has_gw4 = sp->has_gw4;
	c->has_ip6 = sp->has_ip6;
	c->has_gw6 = sp->has_gw6;
	c->ip4 = sp->ip4;
	c->gw4 = sp->gw4;
	c->ip6 = sp->ip6;
	c->gw6 = sp->gw6;
	c->prefix4 = sp->prefix4;
	c->prefix6 = sp->prefix6;
	c->nvlan = sp->nvlan;
	memcpy(c->vlan, sp->vlan, sizeof(c->vlan));
	return 0;
}

static int plan_ports(const struct bb_scenario *sc, struct bbd_plan *p,
		      char *err, size_t errlen)
{
	unsigned int i;
	int ret;

	p->nports = sc->nports;
	p->ports = calloc(p->nports ? p->nports : 1, sizeof(*p->ports));
	if (!p->ports)
		return -ENOMEM;
	for (i = 0; i < sc->nports; i++) {
		ret = one_port(&sc->ports[i], &p->ports[i], i, err, errlen);
		if (ret)
			return ret;
	}
	return 0;
}

/*
 * bbd checks the scenario itself (a client's check is no guarantee) with
 * the same parser bbctl uses (lib/scenario.h), and takes the top level and
 * the ports from its model.
 */
int bbd_plan_build(json_t *doc, const char *name, struct bbd_plan *p,
		   char *err, size_t errlen)
{
	struct bb_scenario *sc;
	int ret;

	memset(p, 0, sizeof(*p));
	ret = bb_scenario_parse(doc, &sc, err, errlen);
	if (ret)
		return ret;
	p->scenario = json_incref(doc);
	snprintf(p->name, sizeof(p->name), "%s", name);
	p->l2 = sc->layer2_speed;
	p->max_run_ns = (uint64_t)(sc->maximum_run_time_s * 1e9 + 0.5);
	p->wait_ns = (uint64_t)(sc->wait_for_finish_s * 1e9 + 0.5);
	ret = plan_ports(sc, p, err, errlen);
	if (!ret)
		ret = plan_flows(sc, p, err, errlen);
	bb_scenario_free(sc);
	return ret;
}

void bbd_plan_free(struct bbd_plan *p)
{
	unsigned int i;

	for (i = 0; p->flows && i < p->nflows; i++) {
		json_decref(p->flows[i].config);
	}
	free(p->flows);
	free(p->ports);
	json_decref(p->scenario);
	memset(p, 0, sizeof(*p));
}

uint64_t bbd_flow_total_ns(const struct bbd_flow_cfg *f)
{
	uint64_t send = f->duration_ns;

	if (!send && f->count)
		send = (uint64_t)((unsigned __int128)f->count * f->rate.period_ns /
				  f->rate.frames);
	return f->delay_ns + send;
}
