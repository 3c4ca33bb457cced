// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* The framework's dialect: detection, the top level and the report, the
 * notices, and the parse entry that runs the translation first (ports:
 * scenario_framework_ports.c, flows: scenario_framework_flows.c). */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenario_framework_int.h"
#include "scenario_int.h"

static const char *const top_only[] = {
	"$schema", "server", "meeting_point", "enable_scouting_flows", NULL,
};
static const char *const port_only[] = { "uuid", NULL };
static const char *const flow_only[] = {
	"ip_dscp", "ip_ecn", "ip_traffic_class", "napt_keep_alive",
	"packet_length", "packet_length_deviation", "packet_length_min",
	"packet_length_max", "imix_number_of_frames", "enable_latency",
	"enable_l4s", NULL,
};

void fw_path(char *out, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(out, FW_PATH_MAX, fmt, ap);
	va_end(ap);
}

int fw_fail(struct fw_ctx *c, const char *path, const char *fmt, ...)
{
	size_t n;
	va_list ap;

	n = (size_t)snprintf(c->err, c->errlen, "%s: ", path);
	if (n < c->errlen) {
		va_start(ap, fmt);
		vsnprintf(c->err + n, c->errlen - n, fmt, ap);
		va_end(ap);
	}
	if (c->errlen)
		sc_one_line(c->err);	/* quoted values may hold newlines */
	return -EINVAL;
}

void fw_note(struct fw_ctx *c, const char *path, const char *action,
	     const char *fmt, ...)
{
	char text[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	json_array_append_new(c->notes, json_pack("{s:s,s:s,s:s}", "path", path,
						  "action", action, "notice", text));
}

int fw_rename(struct fw_ctx *c, json_t *o, const char *path,
	      const char *from, const char *to)
{
	char fpath[FW_PATH_MAX], tpath[FW_PATH_MAX];
	json_t *v = json_object_get(o, from);

	if (!v)
		return 0;
	fw_path(fpath, "%s.%s", path, from);
	fw_path(tpath, "%s.%s", path, to);
	if (json_object_get(o, to))
		return fw_fail(c, fpath, "conflicts with %s (give one of them)", tpath);
	json_object_set(o, to, v);
	json_object_del(o, from);
	fw_note(c, fpath, "mapped", "taken as %s", to);
	json_object_set_new(json_array_get(c->notes, json_array_size(c->notes) - 1),
			    "to", json_string(tpath));
	return 0;
}

void fw_intify(struct fw_ctx *c, json_t *o, const char *path, const char *key)
{
	json_t *v = json_object_get(o, key);
	char kpath[FW_PATH_MAX];
	double d;

	if (!json_is_real(v))
		return;
	d = json_real_value(v);
	/* beyond 2^53 a double no longer says which integer was meant */
	if (d != floor(d) || fabs(d) > 9007199254740992.0)
		return;
	fw_path(kpath, "%s.%s", path, key);
	fw_note(c, kpath, "mapped", "%g taken as the integer %lld", d, (long long)d);
	json_object_set_new(o, key, json_integer((json_int_t)d));
}

int fw_codepoint(struct fw_ctx *c, json_t *o, const char *path,
		 const char *key)
{
	json_t *v = json_object_get(o, key);
	char kpath[FW_PATH_MAX], *end;
	const char *s;
	long n;
	int base = 10;

	fw_intify(c, o, path, key);
	if (!json_is_string(v))
		return 0;
	s = json_string_value(v);
	fw_path(kpath, "%s.%s", path, key);
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X' || s[1] == 'b' || s[1] == 'B'))
		base = s[1] == 'x' || s[1] == 'X' ? 16 : 2;
	errno = 0;
	n = strtol(base == 10 ? s : s + 2, &end, base);
	if (!*s || (base != 10 && !s[2]) || *end || errno || n < 0 ||
	    !strchr("0123456789abcdefABCDEF", base == 10 ? s[0] : s[2]))
		return fw_fail(c, kpath, "\"%.32s\" is not a code point (an integer, or a string like \"0x2e\", \"46\" or \"0b101110\")", s);
	fw_note(c, kpath, "mapped", "\"%s\" taken as %ld", s, n);
	json_object_set_new(o, key, json_integer(n));
	return 0;
}

static bool has_any(const json_t *o, const char *const *keys)
{
	for (; *keys; keys++)
		if (json_object_get(o, *keys))
			return true;
	return false;
}

/* digits at s, then end: the length taken, or 0 */
static size_t digits(const char *s)
{
	size_t n = 0;

	while (s[n] >= '0' && s[n] <= '9')
		n++;
	return n;
}

bool fw_bb_ifname(const char *s)
{
	size_t n;

	if (!strncmp(s, "nontrunk-", 9))
		return (n = digits(s + 9)) && !s[9 + n];
	if (strncmp(s, "trunk-", 6) || !(n = digits(s + 6)) || s[6 + n] != '-')
		return false;
	s += 7 + n;
	return (n = digits(s)) && !s[n];
}

static bool port_framework(const json_t *p)
{
	const json_t *v4 = json_object_get(p, "ipv4"), *v6 = json_object_get(p, "ipv6");
	const char *ifn = json_string_value(json_object_get(p, "interface"));

	return has_any(p, port_only) || json_is_boolean(v4) || json_is_boolean(v6) ||
	       (ifn && fw_bb_ifname(ifn));
}

static bool flow_framework(const json_t *f)
{
	return has_any(f, flow_only);
}

bool bb_fw_detect(const json_t *doc)
{
	const json_t *v;
	size_t i;

	if (!json_is_object(doc))
		return false;
	/* the framework requires "server"; report keys alone do not tell (a
	 * bb file with report.html is a bb file with a wrong key) */
	if (has_any(doc, top_only))
		return true;
	json_array_foreach(json_object_get(doc, "ports"), i, v)
		if (json_is_object(v) && port_framework(v))
			return true;
	json_array_foreach(json_object_get(doc, "flows"), i, v)
		if (json_is_object(v) && flow_framework(v))
			return true;
	return false;
}

/* $schema, server and meeting_point say where the framework would run the
 * test; bb runs it on this machine. */
static void top(struct fw_ctx *c, json_t *doc)
{
	static const struct { const char *key, *action, *text; } keys[] = {
		{ "$schema", "ignored", "the framework's JSON schema (%s): bb checks the file itself" },
		{ "server", "mapped", "ByteBlower server \"%s\": the ports are interfaces of this machine (framework interface names through the interface map)" },
		{ "meeting_point", "ignored", "ByteBlower meeting point \"%s\": bb has no Endpoints, every port is an interface of this machine" },
	};
	const char *s;
	unsigned int i;

	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		if (!json_object_get(doc, keys[i].key))
			continue;
		s = json_string_value(json_object_get(doc, keys[i].key));
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
		fw_note(c, keys[i].key, keys[i].action, keys[i].text, s ? s : "?");
#pragma GCC diagnostic pop
		json_object_del(doc, keys[i].key);
	}
}

/* report.html / json / junit_xml (or the older *_report names) as
 * report.formats; the framework's defaults: HTML and JSON. */
static int formats(struct fw_ctx *c, json_t *rep)
{
	static const struct { const char *key, *old, *name; bool dflt; } f[] = {
		{ "html", "html_report", "html", true },
		{ "json", "json_report", "json", true },
		{ "junit_xml", "junit_xml_report", "junit", false },
	};
	char path[FW_PATH_MAX];
	json_t *v, *out;
	unsigned int i;
	bool any = false;

	for (i = 0; i < 3; i++)
		any |= json_object_get(rep, f[i].key) || json_object_get(rep, f[i].old);
	if (!any)
		return 0;
	if (json_object_get(rep, "formats"))
		return fw_fail(c, "report.formats", "conflicts with report.html, json and junit_xml (give one way)");
	out = json_array();
	for (i = 0; i < 3; i++) {
		int ret = fw_rename(c, rep, "report", f[i].old, f[i].key);

		if (ret) {
			json_decref(out);
			return ret;
		}
		v = json_object_get(rep, f[i].key);
		fw_path(path, "report.%s", f[i].key);
		if (v && !json_is_boolean(v)) {
			json_decref(out);
			return fw_fail(c, path, "must be true or false");
		}
		if (v ? json_is_true(v) : f[i].dflt)
			json_array_append_new(out, json_string(f[i].name));
		if (v)
			fw_note(c, path, "mapped", "report.formats %s \"%s\"",
				json_is_true(v) ? "lists" : "leaves out", f[i].name);
		json_object_del(rep, f[i].key);
	}
	json_object_set_new(rep, "formats", out);
	return 0;
}

/* No '/' and no control characters: the name becomes part of a file's. */
static bool file_name(const char *s)
{
	for (; *s; s++)
		if (*s == '/' || (unsigned char)*s < 0x20 || *s == 0x7f)
			return false;
	return true;
}

/* filename_prefix / filename: the run's name, which names its reports
 * (NAME-<start time>.<ext>). */
static int run_name(struct fw_ctx *c, json_t *rep, struct bb_fw_result *r)
{
	static const char *const keys[] = { "filename_prefix", "filename" };
	char path[FW_PATH_MAX];
	const char *s;
	unsigned int i;

	for (i = 0; i < 2; i++) {
		if (!json_object_get(rep, keys[i]))
			continue;
		s = json_string_value(json_object_get(rep, keys[i]));
		fw_path(path, "report.%s", keys[i]);
		if (!s || !*s || strlen(s) >= sizeof(r->run_name) || !file_name(s))
			return fw_fail(c, path, "must be a file name of 1 to %zu characters without '/'",
				       sizeof(r->run_name) - 1);
		snprintf(r->run_name, sizeof(r->run_name), "%s", s);
		fw_note(c, path, "mapped", "the run is named \"%s\"; bb names its reports %s-<start time>.<ext>",
			s, s);
		json_object_del(rep, keys[i]);
	}
	return 0;
}

static int report(struct fw_ctx *c, json_t *doc, struct bb_fw_result *r)
{
	json_t *rep = json_object_get(doc, "report");
	int ret;

	if (!json_is_object(rep))
		return 0;	/* bb's parser says what a report must be */
	ret = formats(c, rep);
	return ret ? ret : run_name(c, rep, r);
}

static int translate(struct fw_ctx *c, json_t *doc, struct bb_fw_result *r)
{
	json_t *ports = json_object_get(doc, "ports");
	int ret;

	top(c, doc);
	ret = report(c, doc, r);
	if (!ret && json_is_array(ports))
		ret = fw_ports(c, ports);
	c->ports = ports;
	if (!ret)
		ret = fw_flows(c, doc, json_object_get(doc, "flows"));
	return ret;
}

int bb_fw_translate(const json_t *doc, const struct bb_ifmap *map,
		    struct bb_fw_result *r, char *err, size_t errlen)
{
	struct fw_ctx c = { .err = err, .errlen = errlen, .map = map };
	int ret;

	memset(r, 0, sizeof(*r));
	r->notes = c.notes = json_array();
	r->framework = bb_fw_detect(doc);
	/* jansson takes no const; the document itself is never changed */
	r->doc = r->framework ? json_deep_copy(doc) : json_incref((json_t *)doc);
	if (!r->notes || !r->doc) {
		bb_fw_result_free(r);
		snprintf(err, errlen, "out of memory");
		return -ENOMEM;
	}
	ret = r->framework ? translate(&c, r->doc, r) : 0;
	if (ret)
		bb_fw_result_free(r);
	return ret;
}

void bb_fw_result_free(struct bb_fw_result *r)
{
	json_decref(r->doc);
	json_decref(r->notes);
	memset(r, 0, sizeof(*r));
}

void bb_fw_error_path(const json_t *notes, char *err, size_t errlen)
{
	const char *to, *from;
	json_t *n;
	size_t i, len;
	char *rest;

	json_array_foreach(notes, i, n) {
		to = json_string_value(json_object_get(n, "to"));
		from = json_string_value(json_object_get(n, "path"));
		if (!to || !from || strncmp(err, to, len = strlen(to)) ||
		    !strchr(":.[", err[len]) || !err[len])
			continue;
		rest = strdup(err + len);
		if (rest)
			snprintf(err, errlen, "%s%s", from, rest);
		free(rest);
		return;
	}
}

int bb_scenario_parse_map(json_t *doc, const struct bb_ifmap *map,
			  struct bb_scenario **out, struct bb_fw_result *r,
			  char *err, size_t errlen)
{
	struct bb_fw_result own, *res = r ? r : &own;
	int ret;

	*out = NULL;
	ret = bb_fw_translate(doc, map, res, err, errlen);
	if (ret)
		return ret;
	/* a translation is never taken for the framework's dialect again */
	if (res->framework && bb_fw_detect(res->doc)) {
		snprintf(err, errlen, "internal error: the translation kept framework keys");
		ret = -EINVAL;
	} else {
		ret = bb_scenario_parse(res->doc, out, err, errlen);
	}
	if (ret == -EINVAL) {
		bb_fw_error_path(res->notes, err, errlen);
		if (errlen)	/* the file's paths may hold control characters */
			sc_one_line(err);
	}
	if (ret || !r)
		bb_fw_result_free(res);
	return ret;
}

int bb_fw_parse(json_t *doc, struct bb_scenario **out, char *err,
		size_t errlen)
{
	struct bb_ifmap *map = calloc(1, sizeof(*map));
	int ret;

	*out = NULL;
	if (!map) {
		snprintf(err, errlen, "out of memory");
		return -ENOMEM;
	}
	ret = bb_ifmap_load(map, BB_IFMAP_FILE, true, err, errlen);
	if (!ret)
		ret = bb_scenario_parse_map(doc, map, out, NULL, err, errlen);
	free(map);
	return ret;
}
