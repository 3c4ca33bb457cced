// SPDX-License-Identifier: GPL-2.0-only OR MIT
#include <arpa/inet.h>
#include <inttypes.h>
#include <net/if.h>
#include <stdlib.h>
#include <string.h>

#include "bbctl.h"
#include "print.h"

/* Text items are "label value". */
static char *text_fmt(char *buf, size_t len, const char *label,
		      const char *conv)
{
	snprintf(buf, len, "%s %s", label, conv);
	return buf;
}

void show_dev(const struct nlattr *dev, const struct nlattr *ifindex,
	      const char *label)
{
	char name[IF_NAMESIZE], fmt[64];
	const char *s = bb_nla_str(dev);
	uint32_t idx = 0;

	bb_nla_u32(ifindex, &idx);
	if (!s && idx)
		s = if_indextoname(idx, name);
	pr_string(PR_ANY, "dev", text_fmt(fmt, sizeof(fmt), label, "%s"), s);
	if (idx)
		pr_uint(PR_JSON, "ifindex", NULL, idx);
	else
		pr_null(PR_JSON, "ifindex", NULL);
}

void show_u32(const struct nlattr *a, const char *key, const char *label)
{
	char fmt[64];
	uint32_t v;

	if (bb_nla_u32(a, &v))
		pr_uint(PR_ANY, key, text_fmt(fmt, sizeof(fmt), label, "%u"), v);
	else
		pr_null(PR_ANY, key, text_fmt(fmt, sizeof(fmt), label, "%s"));
}

void show_u64(const struct nlattr *a, const char *key, const char *label)
{
	char fmt[64];
	uint64_t v;

	if (bb_nla_u64(a, &v))
		pr_u64(PR_ANY, key,
		       text_fmt(fmt, sizeof(fmt), label, "%" PRIu64), v);
	else
		pr_null(PR_ANY, key, text_fmt(fmt, sizeof(fmt), label, "%s"));
}

void show_u32_opt(const struct nlattr *a, const char *key, const char *label)
{
	if (a)
		show_u32(a, key, label);
}

void show_u64_opt(const struct nlattr *a, const char *key, const char *label)
{
	if (a)
		show_u64(a, key, label);
}

void show_u16_opt(const struct nlattr *a, const char *key, const char *label)
{
	char fmt[64];
	uint16_t v;

	if (bb_nla_u16(a, &v))
		pr_uint(PR_ANY, key, text_fmt(fmt, sizeof(fmt), label, "%u"), v);
}

void show_ip_opt(const struct nlattr *a, int family, const char *key,
		 const char *label)
{
	size_t len = family == AF_INET ? 4 : 16;
	char fmt[64], buf[INET6_ADDRSTRLEN];

	if (!a || (size_t)nla_len(a) != len ||
	    !inet_ntop(family, nla_data(a), buf, sizeof(buf)))
		return;
	pr_string(PR_ANY, key, text_fmt(fmt, sizeof(fmt), label, "%s"), buf);
}

int show_added_id(const struct bb_reply *r, void *arg)
{
	struct nlattr **tb = r->tb;
	const struct added *a = arg;
	char fmt[64];
	uint32_t id;

	if (!bb_nla_u32(tb[a->id_attr], &id))
		return 0;
	pr_open_object();
	pr_uint(PR_ANY, "id", text_fmt(fmt, sizeof(fmt), a->object, "%u"), id);
	pr_close_object();
	return 0;
}

const char *enum_name(const struct nlattr *a, const char *const *names,
		      size_t n)
{
	uint32_t v;

	if (!bb_nla_u32(a, &v) || v >= n)
		return NULL;
	return names[v];
}
