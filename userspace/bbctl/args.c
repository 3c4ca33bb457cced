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

static int spec_find(const struct arg_spec *spec, const char *key)
{
	int i;

	for (i = 0; spec[i].key; i++)
		if (!strcmp(spec[i].key, key))
			return i;
	return -1;
}

static int nvals(const struct arg_spec *sp)
{
	return sp->nvals ? sp->nvals : 1;
}

int args_parse(const char *what, int argc, char **argv,
	       const struct arg_spec *spec, struct arg_val *vals)
{
	const struct arg_spec *sp;
	struct arg_val *v;
	int i, k;

	for (k = 0; spec[k].key; k++)
		vals[k].n = 0;
	for (i = 0; i < argc; i += 1 + nvals(sp)) {
		k = spec_find(spec, argv[i]);
		if (k < 0)
			return usage_err("%s: unknown argument \"%s\"", what,
					 argv[i]);
		sp = &spec[k];
		v = &vals[k];
		if (i + nvals(sp) >= argc)
			return usage_err("%s: missing value (expected %s)",
					 sp->key, sp->meta);
		if (v->n && !sp->repeat)
			return usage_err("%s: given twice", sp->key);
		if (v->n == ARGS_REPEAT_MAX)
			return usage_err("%s: given more than %d times",
					 sp->key, ARGS_REPEAT_MAX);
		v->at[v->n++] = argv + i + 1;
	}
	for (k = 0; spec[k].key; k++)
		if (spec[k].required && !vals[k].n)
			return usage_err("%s: missing %s %s", what, spec[k].key,
					 spec[k].meta);
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
