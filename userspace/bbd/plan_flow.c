// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* Scenario -> plan: flows, one per source/destination port pair (and its
 * reverse direction when asked). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "plan_int.h"

/* Is port i in one of the groups listed in sel.port_group? */
static bool in_groups(json_t *port, json_t *sel)
{
	json_t *want = json_object_get(sel, "port_group"), *g, *h;
	json_t *have = json_object_get(port, "port_group");
	size_t i, j;

	json_array_foreach(want, i, g)
		json_array_foreach(have, j, h)
			if (json_equal(g, h))
				return true;
	return false;
}

static json_t *port_json(const struct bbd_plan *p, unsigned int i)
{
	return json_array_get(json_object_get(p->scenario, "ports"), i);
}

static enum bbd_flow_type flow_type(const char *t)
{
	if (t && !strcmp(t, "voice"))
		return BBD_FLOW_VOICE;
	if (t && !strcmp(t, "gaming"))
		return BBD_FLOW_GAMING;
	return BBD_FLOW_FRAME_BLASTING;
}

static bool wants_latency(json_t *o, enum bbd_flow_type type)
{
	json_t *a = json_object_get(o, "analysis");

	return type != BBD_FLOW_FRAME_BLASTING ||
	       json_is_true(json_object_get(a, "latency")) ||
	       json_object_get(a, "max_threshold_latency") ||
	       json_object_get(a, "quantile");
}

/* One direction of flow o, from port s to port d. */
static int one_flow(json_t *o, struct bbd_plan *p, unsigned int s,
		    unsigned int d, bool reverse, const char *path, char *err,
		    size_t errlen)
{
	struct bbd_flow_cfg *f = &p->flows[p->nflows];
	const char *name = json_string_value(json_object_get(o, "name"));
	json_t *sp = json_object_get(o, "udp_src"), *dp = json_object_get(o, "udp_dest");
	const struct bbd_port_cfg *a = &p->ports[s], *b = &p->ports[d];
	unsigned int k = p->nflows;
	uint8_t dscp = (uint8_t)json_integer_value(json_object_get(o, "dscp"));
	uint8_t ecn = (uint8_t)json_integer_value(json_object_get(o, "ecn"));
	bool v4 = (a->has_ip4 || a->dhcp4) && (b->has_ip4 || b->dhcp4);

	snprintf(f->name, sizeof(f->name), "%s%s", name ? name : "flow",
		 reverse ? " (reverse)" : "");
	f->type = flow_type(json_string_value(json_object_get(o, "type")));
	f->src = s;
	f->dst = d;
	f->reverse = reverse;
	if (!v4 && !(a->has_ip6 && b->has_ip6))
		return plan_fail(err, errlen, "%s: ports %s and %s share no address family", path, a->name, b->name);
	f->ipv6 = !v4;
	f->sport = sp ? (uint16_t)json_integer_value(sp) : (uint16_t)(BBD_UDP_PORT_BASE + k);
	f->dport = dp ? (uint16_t)json_integer_value(dp) : (uint16_t)(BBD_UDP_PORT_BASE + k);
	if (reverse) {
		uint16_t t = f->sport;

		f->sport = f->dport;
		f->dport = t;
	}
	f->tos = (uint8_t)(dscp << 2 | (ecn & 3));
	f->latency = wants_latency(o, f->type);
	f->delay_ns = plan_seconds_ns(o, "initial_time_to_wait", 0);
	f->analysis = json_incref(json_object_get(o, "analysis"));
	p->nflows++;
	return plan_flow_frames(o, p, f, path, err, errlen);
}

/* Every pair of the flow's source and destination groups. */
static int expand(json_t *o, struct bbd_plan *p, size_t idx, char *err,
		  size_t errlen)
{
	bool rev = json_is_true(json_object_get(o, "add_reverse_direction"));
	char path[32];
	unsigned int s, d, before = p->nflows;
	int ret = 0;

	snprintf(path, sizeof(path), "flows[%zu]", idx);
	for (s = 0; s < p->nports && !ret; s++) {
		if (!in_groups(port_json(p, s), json_object_get(o, "source")))
			continue;
		for (d = 0; d < p->nports && !ret; d++) {
			if (d == s || !in_groups(port_json(p, d),
						 json_object_get(o, "destination")))
				continue;
			ret = one_flow(o, p, s, d, false, path, err, errlen);
			if (!ret && rev)
				ret = one_flow(o, p, d, s, true, path, err, errlen);
		}
	}
	if (!ret && p->nflows == before)
		ret = plan_fail(err, errlen, "%s: no port pair matches its source and destination port groups", path);
	return ret;
}

int plan_flows(json_t *flows, struct bbd_plan *p, char *err, size_t errlen)
{
	size_t i, max = 2 * json_array_size(flows) * p->nports * p->nports;
	json_t *o;
	int ret;

	p->flows = calloc(max ? max : 1, sizeof(*p->flows));
	if (!p->flows)
		return -ENOMEM;
	json_array_foreach(flows, i, o) {
		ret = expand(o, p, i, err, errlen);
		if (ret)
			return ret;
	}
	return p->nflows ? 0 : plan_fail(err, errlen, "flows: at least one flow is needed");
}
