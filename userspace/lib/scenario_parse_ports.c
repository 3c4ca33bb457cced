// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* Scenario ports: name, port_group, interface, exclusive, nat, vlans (the
 * addresses are in scenario_parse_addr.c). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenario_int.h"

static const char *const port_keys[] = {
	"name", "port_group", "interface", "exclusive", "ipv4", "netmask",
	"gateway", "ipv6", "gateway_ipv6", "mac", "nat", "vlans", "tags", "capture",
	NULL,
};

static const char *const vlan_keys[] = {
	"id", "priority", "drop_eligible", "protocol_id", NULL,
};

static int groups(struct sc_ctx *c, json_t *o, const char *path,
		  struct bb_scenario_port *p)
{
	char gpath[SC_PATH_MAX];
	json_t *arr, *g;
	size_t i;
	int ret = sc_array(c, o, path, "port_group", true, &arr);

	if (ret)
		return ret;
	if (!json_array_size(arr) || json_array_size(arr) > BB_SCENARIO_GROUPS_MAX)
		return sc_fail_key(c, path, "port_group", "must list 1 to %d group names",
				   BB_SCENARIO_GROUPS_MAX);
	json_array_foreach(arr, i, g) {
		sc_path(gpath, "%s.port_group[%zu]", path, i);
		if (!json_is_string(g) || !json_string_length(g) ||
		    json_string_length(g) >= BB_SCENARIO_NAME_MAX ||
		    strlen(json_string_value(g)) != json_string_length(g))
			return sc_fail(c, gpath, "must be a string of 1 to %d characters",
				       BB_SCENARIO_NAME_MAX - 1);
		if (sc_printable(c, gpath, NULL, json_string_value(g)))
			return -EINVAL;
		snprintf(p->group[i], sizeof(p->group[i]), "%s", json_string_value(g));
	}
	p->ngroups = (unsigned int)i;
	return 0;
}

static int one_vlan(struct sc_ctx *c, json_t *o, const char *path,
		    struct bb_vlan *v)
{
	static const uint64_t pcp0 = 0, tpid0 = BB_TPID_8021Q;
	static const bool dei0 = false;
	uint64_t id, pcp, tpid;
	bool dei;
	int ret;

	ret = sc_check_object(c, o, path, "a VLAN tag", vlan_keys);
	if (!ret)
		ret = sc_uint(c, o, path, "id", 1, BB_VLAN_ID_MAX, NULL, &id);
	if (ret == 1)
		return sc_fail_key(c, path, "id", "missing (required)");
	if (!ret)
		ret = sc_uint(c, o, path, "priority", 0, 7, &pcp0, &pcp);
	if (!ret)
		ret = sc_bool(c, o, path, "drop_eligible", &dei0, &dei);
	if (!ret)
		ret = sc_uint(c, o, path, "protocol_id", 0, 0xffff, &tpid0, &tpid);
	if (ret)
		return ret;
	if (tpid != BB_TPID_8021Q && tpid != BB_TPID_8021AD && tpid != BB_TPID_QINQ)
		return sc_fail_key(c, path, "protocol_id", "must be 33024 (0x8100), 34984 (0x88a8) or 37120 (0x9100)");
	*v = (struct bb_vlan){ .tpid = (uint16_t)tpid, .id = (uint16_t)id,
			       .pcp = (uint8_t)pcp, .dei = dei };
	return 0;
}

static int vlans(struct sc_ctx *c, json_t *o, const char *path,
		 struct bb_scenario_port *p)
{
	char vpath[SC_PATH_MAX];
	json_t *arr, *v;
	size_t i;
	int ret = sc_array(c, o, path, "vlans", false, &arr);

	if (ret == 1) {
		json_object_set_new(o, "vlans", json_array());
		return 0;
	}
	if (ret)
		return ret;
	if (json_array_size(arr) > BB_VLAN_MAX)
		return sc_fail_key(c, path, "vlans", "at most %d tags", BB_VLAN_MAX);
	json_array_foreach(arr, i, v) {
		sc_path(vpath, "%s.vlans[%zu]", path, i);
		ret = one_vlan(c, v, vpath, &p->vlan[i]);
		if (ret)
			return ret;
	}
	p->nvlan = (unsigned int)i;
	return 0;
}

/* A name the kernel takes for a net device (its dev_valid_name()): not
 * "." or "..", no '/', ':' or blank; the length is IFNAMSIZ's. The kernel's
 * isspace() also counts 0xa0. */
static int ifname(struct sc_ctx *c, json_t *o, const char *path,
		  struct bb_scenario_port *p)
{
	int ret = sc_string(c, o, path, "interface", true, p->ifname, sizeof(p->ifname));
	const char *s = p->ifname;

	if (ret)
		return ret;
	if (strcmp(s, ".") && strcmp(s, "..") &&
	    !s[strcspn(s, "/: \t\n\v\f\r\xa0")])
		return 0;
	return sc_fail_key(c, path, "interface", "\"%s\" is not a Linux interface name (not \".\" or \"..\", no '/', ':' or blanks)",
			   s);
}

static int one_port(struct sc_ctx *c, json_t *o, const char *path,
		    struct bb_scenario_port *p)
{
	static const bool no = false;
	json_t *tags;
	int ret;

	ret = sc_check_object(c, o, path, "a port", port_keys);
	if (!ret)
		ret = sc_string(c, o, path, "name", true, p->name, sizeof(p->name));
	if (!ret)
		ret = sc_printable(c, path, "name", p->name);
	if (!ret)
		ret = groups(c, o, path, p);
	if (!ret)
		ret = sc_labels(c, o, path, "tags", &tags);	/* kept for the record */
	if (!ret)
		ret = ifname(c, o, path, p);
	if (!ret)
		ret = sc_bool(c, o, path, "exclusive", &no, &p->exclusive);
	if (!ret)	/* before the addresses: a capture may stand alone */
		ret = sc_parse_capture(c, o, path, &p->capture);
	if (!ret)
		ret = sc_parse_addrs(c, o, path, p);
	if (!ret)
		ret = sc_bool(c, o, path, "nat", &no, &p->nat);
	if (!ret)
		ret = vlans(c, o, path, p);
	return ret;
}

/* The index of value in seen, recording idx under value the first
 * time (hashed: a file at the port limit checks in linear time). */
static int first_of(json_t *seen, const char *value, unsigned int idx,
		    unsigned int *first)
{
	json_t *v = json_object_get(seen, value);

	if (v) {
		*first = (unsigned int)json_integer_value(v);
		return 0;
	}
	*first = idx;
	return json_object_set_new_nocheck(seen, value, json_integer(idx)) ? -ENOMEM : 0;
}

/* Two ports may share an interface (each gets a macvlan), unless one of
 * them asks for the device itself; the first port on an interface is the
 * one a later exclusive port conflicts with. */
static int unique(struct sc_ctx *c, const struct bb_scenario *sc,
		  unsigned int i, json_t *names, json_t *ifnames)
{
	const struct bb_scenario_port *p = &sc->ports[i];
	char path[SC_PATH_MAX];
	unsigned int j;
	int ret;

	sc_path(path, "ports[%u]", i);
	ret = first_of(names, p->name, i, &j);
	if (!ret && j != i)
		return sc_fail_key(c, path, "name", "\"%s\" is already the name of ports[%u]",
				   p->name, j);
	if (!ret)
		ret = first_of(ifnames, p->ifname, i, &j);
	if (!ret && j != i && (p->exclusive || sc->ports[j].exclusive))
		return sc_fail_key(c, path, "interface", "\"%s\" is also used by ports[%u]; an exclusive port needs its interface alone",
				   p->ifname, j);
	return ret;
}

static int each_port(struct sc_ctx *c, json_t *ports, struct bb_scenario *sc,
		     json_t *names, json_t *ifnames)
{
	char path[SC_PATH_MAX];
	json_t *o;
	size_t i;
	int ret;

	json_array_foreach(ports, i, o) {
		sc_path(path, "ports[%zu]", i);
		ret = one_port(c, o, path, &sc->ports[i]);
		if (!ret)
			ret = unique(c, sc, (unsigned int)i, names, ifnames);
		if (ret)
			return ret;
		sc->nports = (unsigned int)i + 1;
	}
	return 0;
}

int sc_parse_ports(struct sc_ctx *c, json_t *ports, struct bb_scenario *sc)
{
	json_t *names, *ifnames;
	int ret;

	if (!json_array_size(ports))
		return sc_fail(c, "ports", "at least one port is needed");
	if (json_array_size(ports) > SC_PORTS_MAX)
		return sc_fail(c, "ports", "%zu ports; a scenario has at most %d",
			       json_array_size(ports), SC_PORTS_MAX);
	sc->ports = calloc(json_array_size(ports), sizeof(*sc->ports));
	names = json_object();
	ifnames = json_object();
	ret = sc->ports && names && ifnames ? each_port(c, ports, sc, names, ifnames) : -ENOMEM;
	json_decref(names);
	json_decref(ifnames);
	return ret;
}
