// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* A port's addresses: ipv4 (or "dhcp") with netmask and gateway, ipv6
 * (or "dhcp", "slaac") with gateway_ipv6, mac. An address may carry its
 * prefix ("10.0.0.1/24"); without one IPv4 takes the netmask (default
 * /24) and IPv6 /64. */
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

/* Why ip cannot be a host's address on a subnet of prefix bits, or NULL:
 * the kernel would take it, but no frame to or from it is delivered. */
static const char *not_host4(const struct bb_ip *ip, unsigned int prefix)
{
	uint32_t a = ntohl(ip->v4.s_addr);
	uint32_t host = prefix < 32 ? ~0u >> prefix : 0;

	if (a == 0)
		return "the unspecified address";
	if (a == 0xffffffffu)
		return "the broadcast address";
	if ((a >> 28) == 0xe)
		return "a multicast address";
	if ((a >> 24) == 127)
		return "a loopback address";
	if (prefix >= 31)	/* RFC 3021: both addresses are hosts */
		return NULL;
	if (!(a & host))
		return "the network address of its subnet";
	if ((a & host) == host)
		return "the broadcast address of its subnet";
	return NULL;
}

static const char *not_host6(const struct bb_ip *ip)
{
	if (IN6_IS_ADDR_UNSPECIFIED(&ip->v6))
		return "the unspecified address";
	if (IN6_IS_ADDR_LOOPBACK(&ip->v6))
		return "the loopback address";
	if (IN6_IS_ADDR_MULTICAST(&ip->v6))
		return "a multicast address";
	return NULL;
}

/* path.key's address s must be a unicast host address (of its subnet). */
static int host_addr(struct sc_ctx *c, const char *path, const char *key,
		     const char *s, const struct bb_ip *ip, unsigned int prefix)
{
	const char *why = ip->family == AF_INET ? not_host4(ip, prefix) : not_host6(ip);

	if (!why)
		return 0;
	return sc_fail_key(c, path, key, "\"%s\" is %s; a port needs a unicast host address",
			   s, why);
}

/* a and b agree on their first prefix bits. */
static bool same_net(const struct bb_ip *a, const struct bb_ip *b,
		     unsigned int prefix)
{
	const uint8_t *x = a->family == AF_INET ? (const uint8_t *)&a->v4 : a->v6.s6_addr;
	const uint8_t *y = b->family == AF_INET ? (const uint8_t *)&b->v4 : b->v6.s6_addr;
	unsigned int i, rest = prefix % 8;

	for (i = 0; i < prefix / 8; i++)
		if (x[i] != y[i])
			return false;
	return !rest || !((x[i] ^ y[i]) >> (8 - rest));
}

/* The subnet of ip/prefix as text ("10.0.0.0/24"). */
static void subnet_text(const struct bb_ip *ip, unsigned int prefix, char *out,
			size_t n)
{
	struct bb_ip net = *ip;
	uint8_t *b = ip->family == AF_INET ? (uint8_t *)&net.v4 : net.v6.s6_addr;
	unsigned int i, len = ip->family == AF_INET ? 4 : 16;
	char text[INET6_ADDRSTRLEN];

	for (i = 0; i < len; i++)
		if (i * 8 >= prefix)
			b[i] = 0;
		else if (i * 8 + 8 > prefix)
			b[i] &= (uint8_t)(0xff << (8 - prefix % 8));
	inet_ntop(ip->family, b, text, sizeof(text));
	snprintf(out, n, "%s/%u", text, prefix);
}

/* A gateway is another host of the port's subnet; IPv6 routers are
 * usually named by their link-local address, so that is allowed too. */
static int gw_on_link(struct sc_ctx *c, const char *path, const char *key,
		      const char *s, const struct bb_ip *gw, const struct bb_ip *ip,
		      unsigned int prefix)
{
	char net[ADDR_TEXT_MAX];
	int ret = host_addr(c, path, key, s, gw, prefix);

	if (ret)
		return ret;
	subnet_text(ip, prefix, net, sizeof(net));
	if (!memcmp(gw, ip, sizeof(*gw)))
		return sc_fail_key(c, path, key, "\"%s\" is the port's own address; the gateway is another host of %s",
				   s, net);
	if (same_net(gw, ip, prefix) ||
	    (gw->family == AF_INET6 && IN6_IS_ADDR_LINKLOCAL(&gw->v6)))
		return 0;
	return sc_fail_key(c, path, key, "\"%s\" is not in the port's subnet %s%s", s, net,
			   gw->family == AF_INET6 ? " nor link-local (fe80::/10)" : "");
}

/* An address of family under key, no prefix, on the link of ip/prefix:
 * 0, 1 if absent, -EINVAL. */
static int gateway(struct sc_ctx *c, json_t *o, const char *path,
		   const char *key, const struct bb_ip *ip, unsigned int prefix,
		   struct bb_ip *gw)
{
	char s[ADDR_TEXT_MAX];
	int ret = sc_string(c, o, path, key, false, s, sizeof(s));

	if (ret)
		return ret;
	if (bb_parse_ip(s, gw) || gw->family != ip->family)
		return sc_fail_key(c, path, key, "\"%s\" is not an %s address", s,
				   ip->family == AF_INET ? "IPv4" : "IPv6");
	return gw_on_link(c, path, key, s, gw, ip, prefix);
}

/* The netmask of a port whose ipv4 has no /prefix (default /24). */
static int netmask(struct sc_ctx *c, json_t *o, const char *path,
		   struct bb_scenario_port *p, bool has_prefix)
{
	char mask[ADDR_TEXT_MAX];
	int m = 24, ret = sc_string(c, o, path, "netmask", false, mask, sizeof(mask));

	if (ret < 0)
		return ret;
	if (!ret && (p->dhcp4 || has_prefix))
		return sc_fail_key(c, path, "netmask", "conflicts with %s.ipv4 (%s)", path,
				   p->dhcp4 ? "dhcp gives the netmask" : "it has a prefix");
	if (!ret && (m = mask_prefix(mask)) < 0)
		return sc_fail_key(c, path, "netmask", "\"%s\" is not a contiguous IPv4 netmask", mask);
	if (!has_prefix)
		p->prefix4 = (unsigned int)m;
	return 0;
}

/* Keys that only mean something beside another one. */
static int needs(struct sc_ctx *c, json_t *o, const char *path,
		 const char *key, const char *base)
{
	if (json_object_get(o, key) && !json_object_get(o, base))
		return sc_fail_key(c, path, key, "needs %s.%s", path, base);
	return 0;
}

static int ipv4(struct sc_ctx *c, json_t *o, const char *path,
		struct bb_scenario_port *p)
{
	char s[ADDR_TEXT_MAX];
	bool has_prefix = false;
	int ret;

	ret = sc_string(c, o, path, "ipv4", false, s, sizeof(s));
	if (ret == 1) {
		ret = needs(c, o, path, "netmask", "ipv4");
		return ret ? ret : needs(c, o, path, "gateway", "ipv4");
	}
	if (ret)
		return ret;
	p->dhcp4 = !strcmp(s, "dhcp");
	if (!p->dhcp4 && ip_prefix(s, AF_INET, &p->ip4, &p->prefix4, &has_prefix))
		return sc_fail_key(c, path, "ipv4", "\"%s\" is not an IPv4 address or \"dhcp\"", s);
	p->has_ip4 = !p->dhcp4;
	ret = netmask(c, o, path, p, has_prefix);
	if (!ret && p->has_ip4)
		ret = host_addr(c, path, "ipv4", s, &p->ip4, p->prefix4);
	if (ret)
		return ret;
	if (p->dhcp4 && json_object_get(o, "gateway"))
		return sc_fail_key(c, path, "gateway", "conflicts with %s.ipv4 (dhcp gives the gateway)", path);
	ret = p->dhcp4 ? 1 : gateway(c, o, path, "gateway", &p->ip4, p->prefix4, &p->gw4);
	p->has_gw4 = ret == 0;
	return ret < 0 ? ret : 0;
}

/* "dhcp" (DHCPv6, IA_NA) or "slaac": the address comes in the run, the
 * gateway always from the router's advertisement (DHCPv6 has no route
 * option), so gateway_ipv6 has nothing to say. */
static int ipv6_auto(struct sc_ctx *c, json_t *o, const char *path,
		     struct bb_scenario_port *p, const char *s)
{
	p->dhcp6 = !strcmp(s, "dhcp");
	p->slaac6 = !strcmp(s, "slaac");
	if (json_object_get(o, "gateway_ipv6"))
		return sc_fail_key(c, path, "gateway_ipv6", "conflicts with %s.ipv6 (%s: the router's advertisement gives the gateway)",
				   path, s);
	return 0;
}

static int ipv6(struct sc_ctx *c, json_t *o, const char *path,
		struct bb_scenario_port *p)
{
	char s[ADDR_TEXT_MAX];
	bool has_prefix;
	int ret;

	ret = sc_string(c, o, path, "ipv6", false, s, sizeof(s));
	if (ret == 1)
		return needs(c, o, path, "gateway_ipv6", "ipv6");
	if (ret)
		return ret;
	if (!strcmp(s, "dhcp") || !strcmp(s, "slaac"))
		return ipv6_auto(c, o, path, p, s);
	if (ip_prefix(s, AF_INET6, &p->ip6, &p->prefix6, &has_prefix))
		return sc_fail_key(c, path, "ipv6", "\"%s\" is not an IPv6 address (with an optional /prefix), \"dhcp\" or \"slaac\"", s);
	if (!has_prefix)
		p->prefix6 = 64;
	p->has_ip6 = true;
	ret = host_addr(c, path, "ipv6", s, &p->ip6, p->prefix6);
	if (!ret)
		ret = gateway(c, o, path, "gateway_ipv6", &p->ip6, p->prefix6, &p->gw6);
	p->has_gw6 = ret == 0;
	return ret < 0 ? ret : 0;
}

static int mac(struct sc_ctx *c, json_t *o, const char *path,
	       struct bb_scenario_port *p)
{
	static const uint8_t zero[BB_MAC_LEN];
	char s[ADDR_TEXT_MAX];
	int ret = sc_string(c, o, path, "mac", false, s, sizeof(s));

	if (ret)
		return ret < 0 ? ret : 0;
	if (bb_parse_mac(s, p->mac) || (p->mac[0] & 1))
		return sc_fail_key(c, path, "mac", "\"%s\" is not a unicast MAC address (like 02:00:00:00:00:01)", s);
	if (!memcmp(p->mac, zero, sizeof(zero)))
		return sc_fail_key(c, path, "mac", "\"%s\" is the all-zero address; a port needs a unicast MAC address (like 02:00:00:00:00:01)", s);
	p->has_mac = true;
	return 0;
}

int sc_parse_addrs(struct sc_ctx *c, json_t *o, const char *path,
		   struct bb_scenario_port *p)
{
	int ret;

	ret = ipv4(c, o, path, p);
	if (!ret)
		ret = ipv6(c, o, path, p);
	if (ret)
		return ret;
	/* a port that only captures (promiscuous) needs no address */
	if (!p->has_ip4 && !p->dhcp4 && !p->has_ip6 && !p->dhcp6 && !p->slaac6 &&
	    !p->capture.on)
		return sc_fail(c, path, "needs ipv4 or ipv6 (an address, \"dhcp\", or \"slaac\" for ipv6), or a capture alone");
	return mac(c, o, path, p);
}
