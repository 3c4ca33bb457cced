// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* The framework's ports in bb's dialect: ByteBlower interface names through
 * the interface map, Endpoints refused, addressing methods, VLAN stacks. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "scenario_framework_int.h"

#define TPID_8021Q	0x8100
#define TPID_8021AD	0x88a8

/* What a Linux netdev name may be: 1..15 bytes, no '/', ':' or blanks,
 * not "." or "..". */
static bool netdev_name(const char *s)
{
	size_t n = strlen(s);

	if (!n || n >= IFNAMSIZ || !strcmp(s, ".") || !strcmp(s, ".."))
		return false;
	for (; *s; s++)
		if (*s == '/' || *s == ':' || (unsigned char)*s <= ' ' || *s == 0x7f)
			return false;
	return true;
}

const char *bb_ifmap_get(const struct bb_ifmap *m, const char *name)
{
	unsigned int i;

	for (i = 0; m && i < m->n; i++)
		if (!strcmp(m->e[i].from, name))
			return m->e[i].to;
	return NULL;
}

/* One entry; where names it in messages. */
static int ifmap_add(struct bb_ifmap *m, const char *from, const char *to,
		     const char *where, char *err, size_t errlen)
{
	unsigned int i;

	if (!*from || strlen(from) >= BB_IFMAP_NAME_MAX) {
		snprintf(err, errlen, "%s: \"%.64s\" must be a name of 1 to %d characters",
			 where, from, BB_IFMAP_NAME_MAX - 1);
		return -EINVAL;
	}
	if (!netdev_name(to)) {
		snprintf(err, errlen, "%s: \"%.64s\" is not a network device name (1 to %d characters, no '/', ':' or blanks)",
			 where, to, IFNAMSIZ - 1);
		return -EINVAL;
	}
	for (i = 0; i < m->n && strcmp(m->e[i].from, from); i++)
		;
	if (i == BB_IFMAP_MAX) {
		snprintf(err, errlen, "%s: more than %d interfaces", where, BB_IFMAP_MAX);
		return -EINVAL;
	}
	snprintf(m->e[i].from, sizeof(m->e[i].from), "%s", from);
	snprintf(m->e[i].to, sizeof(m->e[i].to), "%s", to);
	if (i == m->n)
		m->n++;
	return 0;
}

int bb_ifmap_parse(struct bb_ifmap *m, const char *text, char *err,
		   size_t errlen)
{
	char buf[4096], *tok, *save = NULL, *eq;
	int ret = 0;

	if (strlen(text) >= sizeof(buf) || !*text) {
		snprintf(err, errlen, "--map: must be NAME=IFNAME[,NAME=IFNAME...] (at most %zu characters)",
			 sizeof(buf) - 1);
		return -EINVAL;
	}
	snprintf(buf, sizeof(buf), "%s", text);
	for (tok = strtok_r(buf, ",", &save); tok && !ret; tok = strtok_r(NULL, ",", &save)) {
		eq = strchr(tok, '=');
		if (!eq) {
			snprintf(err, errlen, "--map: \"%.64s\" is not NAME=IFNAME", tok);
			return -EINVAL;
		}
		*eq = '\0';
		ret = ifmap_add(m, tok, eq + 1, "--map", err, errlen);
	}
	return ret;
}

int bb_ifmap_load(struct bb_ifmap *m, const char *file, bool optional,
		  char *err, size_t errlen)
{
	char where[FW_PATH_MAX + 64];
	json_error_t jerr;
	const char *k;
	json_t *doc, *v;
	int ret = 0;

	doc = json_load_file(file, JSON_REJECT_DUPLICATES, &jerr);
	if (!doc && optional && jerr.line < 0 && json_error_code(&jerr) == json_error_cannot_open_file &&
	    errno == ENOENT)
		return 0;
	if (!doc) {
		snprintf(err, errlen, "%s: %s", file, jerr.text);
		return -EINVAL;
	}
	if (!json_is_object(doc)) {
		snprintf(err, errlen, "%s: must be a JSON object {\"trunk-1-3\": \"IFNAME\", ...}", file);
		ret = -EINVAL;
	}
	json_object_foreach(doc, k, v) {
		snprintf(where, sizeof(where), "%s: %.64s", file, k);
		if (!ret && !json_is_string(v)) {
			snprintf(err, errlen, "%s: must be a network device name (a string)", where);
			ret = -EINVAL;
		} else if (!ret) {
			ret = ifmap_add(m, k, json_string_value(v), where, err, errlen);
		}
	}
	json_decref(doc);
	return ret;
}

static int interface(struct fw_ctx *c, json_t *o, const char *path)
{
	const char *s = json_string_value(json_object_get(o, "interface")), *to;
	char ipath[FW_PATH_MAX];

	if (!s)
		return 0;	/* bb's parser says what is missing or wrong */
	fw_path(ipath, "%s.interface", path);
	to = bb_ifmap_get(c->map, s);
	if (to) {
		fw_note(c, ipath, "mapped", "\"%s\" is the network device \"%s\" (interface map)", s, to);
		json_object_set_new(o, "interface", json_string(to));
	} else if (fw_bb_ifname(s)) {
		return fw_fail(c, ipath, "\"%s\" is a ByteBlower interface that is not in the interface map (give --map %s=IFNAME, or add it to %s)",
			       s, s, BB_IFMAP_FILE);
	}
	return 0;
}

/* ipv4: true (an Endpoint's "the system's address") is DHCP on a bb port;
 * neither ipv4 nor ipv6: the framework's default, DHCP. */
static void ipv4(struct fw_ctx *c, json_t *o, const char *path)
{
	json_t *v = json_object_get(o, "ipv4");
	char ipath[FW_PATH_MAX];

	fw_path(ipath, "%s.ipv4", path);
	if (json_is_true(v)) {
		fw_note(c, ipath, "mapped", "true taken as \"dhcp\" (the port's address comes from the network)");
		json_object_set_new(o, "ipv4", json_string("dhcp"));
	} else if (json_is_false(v)) {
		fw_note(c, ipath, "ignored", "false: no IPv4 on this port");
		json_object_del(o, "ipv4");
	} else if (!v && !json_object_get(o, "ipv6")) {
		fw_note(c, ipath, "added", "\"dhcp\", the framework's default for a port without ipv4 or ipv6");
		json_object_set_new(o, "ipv4", json_string("dhcp"));
	}
}

/* ipv6: "dhcp" and "slaac" are bb's too; true (an Endpoint's "the
 * system's address") is SLAAC on a bb port, as most hosts get theirs. */
static int ipv6(struct fw_ctx *c, json_t *o, const char *path)
{
	json_t *v = json_object_get(o, "ipv6");
	char ipath[FW_PATH_MAX];

	fw_path(ipath, "%s.ipv6", path);
	if (json_is_false(v)) {
		fw_note(c, ipath, "ignored", "false: no IPv6 on this port");
		json_object_del(o, "ipv6");
	} else if (json_is_true(v)) {
		fw_note(c, ipath, "mapped", "true taken as \"slaac\" (the port's address comes from the router's advertisement)");
		json_object_set_new(o, "ipv6", json_string("slaac"));
	}
	return 0;
}

/* drop_eligible is 0 or 1 in the framework, a bool in bb; a stack's outer
 * tags default to 0x88a8 there, to 0x8100 in bb. */
static void one_vlan(struct fw_ctx *c, json_t *t, const char *path, bool outer)
{
	json_t *dei = json_object_get(t, "drop_eligible");
	char kpath[FW_PATH_MAX];
	json_int_t d;

	fw_intify(c, t, path, "id");
	fw_intify(c, t, path, "priority");
	fw_intify(c, t, path, "protocol_id");
	fw_intify(c, t, path, "drop_eligible");
	dei = json_object_get(t, "drop_eligible");
	d = json_integer_value(dei);
	if (json_is_integer(dei) && (d == 0 || d == 1)) {
		fw_path(kpath, "%s.drop_eligible", path);
		fw_note(c, kpath, "mapped", "%d taken as %s", (int)d, d ? "true" : "false");
		json_object_set_new(t, "drop_eligible", json_boolean(d));
	}
	if (outer && !json_object_get(t, "protocol_id")) {
		fw_path(kpath, "%s.protocol_id", path);
		fw_note(c, kpath, "added", "34984 (0x88a8), the framework's default for an outer tag of a stack");
		json_object_set_new(t, "protocol_id", json_integer(TPID_8021AD));
	}
}

static void vlans(struct fw_ctx *c, json_t *o, const char *path)
{
	json_t *arr = json_object_get(o, "vlans"), *t;
	char vpath[FW_PATH_MAX];
	size_t i, n = json_array_size(arr);

	json_array_foreach(arr, i, t) {
		if (!json_is_object(t))
			continue;
		fw_path(vpath, "%s.vlans[%zu]", path, i);
		one_vlan(c, t, vpath, n > 1 && i + 1 < n);
	}
}

static int one_port(struct fw_ctx *c, json_t *o, const char *path)
{
	char kpath[FW_PATH_MAX];

	if (json_object_get(o, "uuid")) {
		fw_path(kpath, "%s.uuid", path);
		return fw_fail(c, kpath, "ByteBlower Endpoints are not supported (a bb port is a network interface of this machine: give \"interface\")");
	}
	ipv4(c, o, path);
	vlans(c, o, path);
	if (ipv6(c, o, path))
		return -EINVAL;
	return interface(c, o, path);
}

int fw_ports(struct fw_ctx *c, json_t *ports)
{
	char path[FW_PATH_MAX];
	json_t *o;
	size_t i;
	int ret;

	json_array_foreach(ports, i, o) {
		if (!json_is_object(o))
			continue;	/* bb's parser: "must be an object" */
		fw_path(path, "ports[%zu]", i);
		ret = one_port(c, o, path);
		if (ret)
			return ret;
	}
	return 0;
}
