// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* Scenario -> plan: the top level and the ports. The scenario parser
 * (lib/scenario.h) has checked types and ranges; this file turns values
 * into what rtnetlink and bbgen take, and still names the field if a
 * value cannot be used. */
#include <arpa/inet.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "parse.h"
#include "plan_int.h"

int plan_fail(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return -EINVAL;
}

uint64_t plan_seconds_ns(json_t *o, const char *key, double dflt)
{
	json_t *v = json_object_get(o, key);
	double s = json_is_number(v) ? json_number_value(v) : dflt;

	return s > 0 ? (uint64_t)(s * 1e9 + 0.5) : 0;
}

/* "a.b.c.d" netmask -> prefix length; -1 if not contiguous. */
static int mask_prefix(const char *s)
{
	struct in_addr a;
	uint32_t m;
	int n = 0;

	if (inet_pton(AF_INET, s, &a) != 1)
		return -1;
	m = ntohl(a.s_addr);
	while (m & 0x80000000u) {
		m <<= 1;
		n++;
	}
	return m ? -1 : n;
}

/* "addr" or "addr/prefix" of family; default prefix dflt. */
static int ip_prefix(const char *s, int family, struct bb_ip *ip,
		     unsigned int *prefix, unsigned int dflt)
{
	char buf[64], *slash;
	unsigned long n = dflt;

	snprintf(buf, sizeof(buf), "%s", s);
	slash = strchr(buf, '/');
	if (slash) {
		*slash++ = '\0';
		n = strtoul(slash, NULL, 10);
	}
	if (bb_parse_ip(buf, ip) || ip->family != family ||
	    n > (family == AF_INET ? 32u : 128u))
		return -1;
	*prefix = (unsigned int)n;
	return 0;
}

static int port_ipv4(json_t *o, struct bbd_port_cfg *c, unsigned int i,
		     char *err, size_t errlen)
{
	const char *ip = json_string_value(json_object_get(o, "ipv4"));
	const char *mask = json_string_value(json_object_get(o, "netmask"));
	const char *gw = json_string_value(json_object_get(o, "gateway"));
	int prefix = 24;

	if (!ip)
		return 0;
	if (!strcmp(ip, "dhcp"))
		return plan_fail(err, errlen, "ports[%u].ipv4: \"dhcp\" is not supported by this bbd yet (give an address)", i);
	if (mask && (prefix = mask_prefix(mask)) < 0)
		return plan_fail(err, errlen, "ports[%u].netmask: not a contiguous netmask", i);
	if (ip_prefix(ip, AF_INET, &c->ip4, &c->prefix4, (unsigned int)prefix))
		return plan_fail(err, errlen, "ports[%u].ipv4: not an IPv4 address", i);
	c->has_ip4 = true;
	if (gw && (bb_parse_ip(gw, &c->gw4) || c->gw4.family != AF_INET))
		return plan_fail(err, errlen, "ports[%u].gateway: not an IPv4 address", i);
	c->has_gw4 = gw != NULL;
	return 0;
}

static int port_ipv6(json_t *o, struct bbd_port_cfg *c, unsigned int i,
		     char *err, size_t errlen)
{
	const char *ip = json_string_value(json_object_get(o, "ipv6"));
	const char *gw = json_string_value(json_object_get(o, "gateway_ipv6"));

	if (!ip)
		return 0;
	if (ip_prefix(ip, AF_INET6, &c->ip6, &c->prefix6, 64))
		return plan_fail(err, errlen, "ports[%u].ipv6: not an IPv6 address", i);
	c->has_ip6 = true;
	if (gw && (bb_parse_ip(gw, &c->gw6) || c->gw6.family != AF_INET6))
		return plan_fail(err, errlen, "ports[%u].gateway_ipv6: not an IPv6 address", i);
	c->has_gw6 = gw != NULL;
	return 0;
}

static int port_vlans(json_t *o, struct bbd_port_cfg *c, unsigned int i,
		      char *err, size_t errlen)
{
	json_t *vl = json_object_get(o, "vlans"), *v;
	size_t k;

	if (json_array_size(vl) > BB_VLAN_MAX)
		return plan_fail(err, errlen, "ports[%u].vlans: at most %d tags", i, BB_VLAN_MAX);
	json_array_foreach(vl, k, v) {
		json_t *tpid = json_object_get(v, "protocol_id");

		c->vlan[k].id = (uint16_t)json_integer_value(json_object_get(v, "id"));
		c->vlan[k].pcp = (uint8_t)json_integer_value(json_object_get(v, "priority"));
		c->vlan[k].dei = json_is_true(json_object_get(v, "drop_eligible"));
		c->vlan[k].tpid = tpid ? (uint16_t)json_integer_value(tpid)
				       : BB_TPID_8021Q;
		if (c->vlan[k].id < 1 || c->vlan[k].id > BB_VLAN_ID_MAX)
			return plan_fail(err, errlen, "ports[%u].vlans[%zu].id: must be 1..4094", i, k);
	}
	c->nvlan = (unsigned int)json_array_size(vl);
	return 0;
}

static int one_port(json_t *o, struct bbd_port_cfg *c, unsigned int i,
		    char *err, size_t errlen)
{
	const char *name = json_string_value(json_object_get(o, "name"));
	const char *ifn = json_string_value(json_object_get(o, "interface"));
	const char *mac = json_string_value(json_object_get(o, "mac"));
	int ret;

	if (!ifn || strlen(ifn) >= IFNAMSIZ)
		return plan_fail(err, errlen, "ports[%u].interface: a network device name is required", i);
	snprintf(c->name, sizeof(c->name), "%s", name ? name : ifn);
	snprintf(c->ifname, sizeof(c->ifname), "%s", ifn);
	c->exclusive = json_is_true(json_object_get(o, "exclusive"));
	if (mac && bb_parse_mac(mac, c->mac))
		return plan_fail(err, errlen, "ports[%u].mac: not a MAC address", i);
	c->has_mac = mac != NULL;
	ret = port_ipv4(o, c, i, err, errlen);
	if (!ret)
		ret = port_ipv6(o, c, i, err, errlen);
	if (!ret)
		ret = port_vlans(o, c, i, err, errlen);
	if (!ret && !c->has_ip4 && !c->has_ip6)
		ret = plan_fail(err, errlen, "ports[%u]: needs ipv4 or ipv6", i);
	return ret;
}

static int plan_ports(json_t *ports, struct bbd_plan *p, char *err,
		      size_t errlen)
{
	json_t *o;
	size_t i;
	int ret;

	p->nports = (unsigned int)json_array_size(ports);
	p->ports = calloc(p->nports ? p->nports : 1, sizeof(*p->ports));
	if (!p->ports)
		return -ENOMEM;
	json_array_foreach(ports, i, o) {
		ret = one_port(o, &p->ports[i], (unsigned int)i, err, errlen);
		if (ret)
			return ret;
	}
	return 0;
}

int bbd_plan_build(json_t *sc, const char *name, struct bbd_plan *p,
		   char *err, size_t errlen)
{
	const char *l2 = json_string_value(json_object_get(sc, "layer2_speed"));
	int ret;

	memset(p, 0, sizeof(*p));
	p->scenario = json_incref(sc);
	snprintf(p->name, sizeof(p->name), "%s", name);
	if (l2 && bb_l2_speed_parse(l2, &p->l2))
		return plan_fail(err, errlen, "layer2_speed: one of frame, frame_with_fcs, physical");
	p->max_run_ns = plan_seconds_ns(sc, "maximum_run_time", 0);
	p->wait_ns = plan_seconds_ns(sc, "wait_for_finish", 5);
	ret = plan_ports(json_object_get(sc, "ports"), p, err, errlen);
	if (!ret)
		ret = plan_flows(json_object_get(sc, "flows"), p, err, errlen);
	return ret;
}

void bbd_plan_free(struct bbd_plan *p)
{
	unsigned int i;

	for (i = 0; p->flows && i < p->nflows; i++) {
		json_decref(p->flows[i].config);
		json_decref(p->flows[i].analysis);
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
