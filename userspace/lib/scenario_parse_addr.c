// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* A port's addresses: ipv4 (or "dhcp") with netmask and gateway, ipv6
 * with gateway_ipv6, mac. An address may carry its prefix ("10.0.0.1/24");
 * without one IPv4 takes the netmask (default /24) and IPv6 /64. */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "parse.h"
#include "scenario_int.h"

#define ADDR_TEXT_MAX	64

/* "a.b.c.d" netmask -> prefix length; -1 if not one or not contiguous. */
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

/* "addr[/prefix]" of family; *has_prefix tells whether one was given. */
static int ip_prefix(const char *s, int family, struct bb_ip *ip,
		     unsigned int *prefix, bool *has_prefix)
{
	char buf[ADDR_TEXT_MAX], *slash, *end;
	unsigned long n = 0;

	snprintf(buf, sizeof(buf), "%s", s);
	slash = strchr(buf, '/');
	*has_prefix = slash != NULL;
	if (slash) {
		*slash++ = '\0';
		n = strtoul(slash, &end, 10);
		if (!*slash || *end || n > (family == AF_INET ? 32u : 128u))
			return -1;
		*prefix = (unsigned int)n;
	}
	return bb_parse_ip(buf, ip) || ip->family != family ? -1 : 0;
}

/* An address of family under key, no prefix: 0, 1 if absent, -EINVAL. */
static int gateway(struct sc_ctx *c, json_t *o, const char *path,
		   const char *key, int family, struct bb_ip *gw)
{
	char s[ADDR_TEXT_MAX];
	int ret = sc_string(c, o, path, key, false, s, sizeof(s));

	if (ret)
		return ret;
	if (bb_parse_ip(s, gw) || gw->family != family)
		return sc_fail_key(c, path, key, "\"%s\" is not an %s address", s,
				   family == AF_INET ? "IPv4" : "IPv6");
	return 0;
}

static int ipv4(struct sc_ctx *c, json_t *o, const char *path,
		struct bb_scenario_port *p)
{
	char s[ADDR_TEXT_MAX], mask[ADDR_TEXT_MAX];
	bool has_prefix = false;
	int ret, m = 24;

	ret = sc_string(c, o, path, "ipv4", false, s, sizeof(s));
	if (ret)
		return ret < 0 ? ret : 0;
	p->dhcp4 = !strcmp(s, "dhcp");
	if (!p->dhcp4 && ip_prefix(s, AF_INET, &p->ip4, &p->prefix4, &has_prefix))
		return sc_fail_key(c, path, "ipv4", "\"%s\" is not an IPv4 address or \"dhcp\"", s);
	p->has_ip4 = !p->dhcp4;
	ret = sc_string(c, o, path, "netmask", false, mask, sizeof(mask));
	if (ret < 0)
		return ret;
	if (!ret && (p->dhcp4 || has_prefix))
		return sc_fail_key(c, path, "netmask", "conflicts with %s.ipv4 (%s)", path,
				   p->dhcp4 ? "dhcp gives the netmask" : "it has a prefix");
	if (!ret && (m = mask_prefix(mask)) < 0)
		return sc_fail_key(c, path, "netmask", "\"%s\" is not a contiguous IPv4 netmask", mask);
	if (!has_prefix)
		p->prefix4 = (unsigned int)m;
	ret = gateway(c, o, path, "gateway", AF_INET, &p->gw4);
	if (!ret && p->dhcp4)
		return sc_fail_key(c, path, "gateway", "conflicts with %s.ipv4 (dhcp gives the gateway)", path);
	p->has_gw4 = ret == 0;
	return ret < 0 ? ret : 0;
}

static int ipv6(struct sc_ctx *c, json_t *o, const char *path,
		struct bb_scenario_port *p)
{
	char s[ADDR_TEXT_MAX];
	bool has_prefix;
	int ret;

	ret = sc_string(c, o, path, "ipv6", false, s, sizeof(s));
	if (ret < 0)
		return ret;
	if (!ret) {
		if (ip_prefix(s, AF_INET6, &p->ip6, &p->prefix6, &has_prefix))
			return sc_fail_key(c, path, "ipv6", "\"%s\" is not an IPv6 address (with an optional /prefix)", s);
		if (!has_prefix)
			p->prefix6 = 64;
		p->has_ip6 = true;
	}
	ret = gateway(c, o, path, "gateway_ipv6", AF_INET6, &p->gw6);
	if (!ret && !p->has_ip6)
		return sc_fail_key(c, path, "gateway_ipv6", "needs %s.ipv6", path);
	p->has_gw6 = ret == 0;
	return ret < 0 ? ret : 0;
}

int sc_parse_addrs(struct sc_ctx *c, json_t *o, const char *path,
		   struct bb_scenario_port *p)
{
	char mac[ADDR_TEXT_MAX];
	int ret;

	ret = ipv4(c, o, path, p);
	if (!ret)
		ret = ipv6(c, o, path, p);
	if (ret)
		return ret;
	if (!p->has_ip4 && !p->dhcp4 && !p->has_ip6)
		return sc_fail(c, path, "needs ipv4 or ipv6 (an address, or \"dhcp\" for ipv4)");
	ret = sc_string(c, o, path, "mac", false, mac, sizeof(mac));
	if (ret < 0)
		return ret;
	if (!ret && (bb_parse_mac(mac, p->mac) || (p->mac[0] & 1)))
		return sc_fail_key(c, path, "mac", "\"%s\" is not a unicast MAC address (like 02:00:00:00:00:01)", mac);
	p->has_mac = ret == 0;
	return 0;
}
