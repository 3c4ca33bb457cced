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

void show_dev(const char *dev, uint32_t ifindex, const char *label)
{
	char name[IF_NAMESIZE], fmt[64];

	if (!dev && ifindex)
		dev = if_indextoname(ifindex, name);
	pr_string(PR_ANY, "dev", text_fmt(fmt, sizeof(fmt), label, "%s"), dev);
	if (ifindex)
		pr_uint(PR_JSON, "ifindex", NULL, ifindex);
	else
		pr_null(PR_JSON, "ifindex", NULL);
}

void show_u32(bool has, uint32_t v, const char *key, const char *label)
{
	char fmt[64];

	if (has)
		pr_uint(PR_ANY, key, text_fmt(fmt, sizeof(fmt), label, "%u"), v);
	else
		pr_null(PR_ANY, key, text_fmt(fmt, sizeof(fmt), label, "%s"));
}

void show_u64(bool has, uint64_t v, const char *key, const char *label)
{
	char fmt[64];

	if (has)
		pr_u64(PR_ANY, key,
		       text_fmt(fmt, sizeof(fmt), label, "%" PRIu64), v);
	else
		pr_null(PR_ANY, key, text_fmt(fmt, sizeof(fmt), label, "%s"));
}

void show_u32_opt(bool has, uint32_t v, const char *key, const char *label)
{
	if (has)
		show_u32(true, v, key, label);
}

void show_u64_opt(bool has, uint64_t v, const char *key, const char *label)
{
	if (has)
		show_u64(true, v, key, label);
}

void show_ip_opt(const struct bb_ip *ip, int family, const char *key,
		 const char *label)
{
	char fmt[64], buf[INET6_ADDRSTRLEN];

	if (ip->family != family ||
	    !inet_ntop(family, family == AF_INET ? (const void *)&ip->v4
						 : (const void *)&ip->v6,
		       buf, sizeof(buf)))
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

const char *enum_name(bool has, uint32_t v, const char *const *names,
		      size_t n)
{
	return has && v < n ? names[v] : NULL;
}
