// SPDX-License-Identifier: GPL-2.0-only OR MIT
#include <errno.h>
#include <stdarg.h>
#include <string.h>
#include <sys/socket.h>

#include <linux/bbgen.h>

#include "bbctl.h"
#include "netdev.h"
#include "parse.h"

int usage_err(const char *fmt, ...)
{
	va_list ap;

	fputs("bbctl: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return EXIT_USAGE;
}

/* KEY as the spec spells it, or a word key as a long option (--KEY). */
static bool key_is(const struct arg_spec *sp, const char *arg)
{
	if (sp->positional)
		return false;
	if (!strcmp(sp->key, arg))
		return true;
	return sp->key[0] != '-' && !strncmp(arg, "--", 2) &&
	       !strcmp(sp->key, arg + 2);
}

static int spec_find(const struct arg_spec *spec, const char *key)
{
	int i;

	for (i = 0; spec[i].key; i++)
		if (key_is(&spec[i], key))
			return i;
	return -1;
}

/* The first positional entry not yet given, or -1. */
static int next_positional(const struct arg_spec *spec,
			   const struct arg_val *vals)
{
	int i;

	for (i = 0; spec[i].key; i++)
		if (spec[i].positional && !vals[i].n)
			return i;
	return -1;
}

static bool global_option(const char *a)
{
	static const char *const opts[] = {
		"-j", "--json", "-json", "-p", "--pretty", "-pretty",
		"-n", "--netns", "-netns", NULL,
	};
	int i;

	for (i = 0; opts[i]; i++)
		if (!strcmp(a, opts[i]))
			return true;
	return false;
}

static int unknown(const char *what, const char *arg)
{
	if (global_option(arg))
		return usage_err("%s: %s is an option of bbctl, not of the command: give it before the object (bbctl %s %s ...)",
				 what, arg, arg, what);
	return usage_err("%s: unknown argument \"%s\"", what, arg);
}

static int nvals(const struct arg_spec *sp)
{
	return sp->nvals ? sp->nvals : 1;
}

static int missing(const char *what, const struct arg_spec *sp)
{
	if (sp->positional)
		return usage_err("%s: missing %s", what, sp->meta);
	return usage_err("%s: missing %s %s", what, sp->key, sp->meta);
}

/* argv[i] as a keyword and its values: the words taken, or -EXIT_USAGE. */
static int take_keyword(const char *what, int argc, char **argv, int i,
			const struct arg_spec *spec, struct arg_val *vals)
{
	int k = spec_find(spec, argv[i]);
	const struct arg_spec *sp;
	struct arg_val *v;

	if (k < 0)
		return -unknown(what, argv[i]);
	sp = &spec[k];
	v = &vals[k];
	if (i + nvals(sp) >= argc)
		return -usage_err("%s: missing value (expected %s)", sp->key,
				  sp->meta);
	if (v->n && !sp->repeat)
		return -usage_err("%s: given twice", sp->key);
	if (v->n == ARGS_REPEAT_MAX)
		return -usage_err("%s: given more than %d times", sp->key,
				  ARGS_REPEAT_MAX);
	v->at[v->n++] = argv + i + 1;
	return 1 + nvals(sp);
}

int args_parse(const char *what, int argc, char **argv,
	       const struct arg_spec *spec, struct arg_val *vals)
{
	int i, k, took;

	for (k = 0; spec[k].key; k++)
		vals[k].n = 0;
	for (i = 0; i < argc; i += took) {
		k = next_positional(spec, vals);
		if (k >= 0 && argv[i][0] != '-' && spec_find(spec, argv[i]) < 0) {
			vals[k].at[vals[k].n++] = argv + i;
			took = 1;
			continue;
		}
		took = take_keyword(what, argc, argv, i, spec, vals);
		if (took < 0)
			return -took;
	}
	for (k = 0; spec[k].key; k++)
		if (spec[k].required && !vals[k].n)
			return missing(what, &spec[k]);
	return 0;
}

int args_collect(const char *what, int argc, char **argv,
		 const struct arg_spec *spec, const char **vals)
{
	struct arg_val v[ARGS_MAX];
	int k, ret = args_parse(what, argc, argv, spec, v);

	for (k = 0; spec[k].key; k++)
		vals[k] = ret ? NULL : arg_str(&v[k]);
	return ret;
}

int args_id(const char *what, bool required, int argc, char **argv,
	    uint32_t *id)
{
	const struct arg_spec spec[] = {
		ARG("id", "N", required),
		{ NULL },
	};
	const char *s;
	int ret;

	*id = 0;
	ret = args_collect(what, argc, argv, spec, &s);
	if (!ret && s)
		ret = arg_id(s, id);
	return ret;
}

int arg_id(const char *s, uint32_t *id)
{
	uint64_t v;

	if (bb_parse_u64(s, 1, BBGEN_ID_MAX, &v))
		return usage_err("id: must be an integer from 1 to %u (got \"%s\")",
				 BBGEN_ID_MAX, s);
	*id = (uint32_t)v;
	return 0;
}

int arg_port(const char *field, const char *s, uint16_t *port)
{
	uint64_t v;

	if (bb_parse_u64(s, 1, UINT16_MAX, &v))
		return usage_err("%s: must be an integer from 1 to 65535 (got \"%s\")",
				 field, s);
	*port = (uint16_t)v;
	return 0;
}

int arg_dev(const char *s, uint32_t *ifindex)
{
	*ifindex = bb_netdev_index(s);
	if (!*ifindex)
		return usage_err("dev: no such device \"%s\"", s);
	return 0;
}

int arg_ip(const char *field, const char *s, struct bb_ip *ip)
{
	if (bb_parse_ip(s, ip))
		return usage_err("%s: must be an IPv4 or IPv6 address (got \"%s\")",
				 field, s);
	return 0;
}

int arg_mac(const char *field, const char *s, uint8_t mac[BB_MAC_LEN])
{
	if (bb_parse_mac(s, mac))
		return usage_err("%s: must be a MAC address like 02:00:00:00:00:01 (got \"%s\")",
				 field, s);
	return 0;
}

int arg_count(const char *s, uint64_t *count)
{
	int ret = bb_parse_u64(s, 0, UINT64_MAX, count);

	if (ret == -EINVAL || (!ret && *count == 0))
		return usage_err("count: must be an integer >= 1 (got \"%s\")", s);
	/* beyond 2^48 frames the 48-bit sequence number would wrap */
	if (ret || *count > BBGEN_SEQ_MAX + 1)
		return usage_err("count: must be an integer from 1 to %llu (got \"%s\")",
				 BBGEN_SEQ_MAX + 1, s);
	return 0;
}
