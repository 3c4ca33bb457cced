// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * A port's IPv6 from the network. "slaac": the kernel does it in the
 * port's namespace (accept_ra 2, autoconf 1): bbd waits for a global
 * address that passed duplicate address detection and for the default
 * route of the router's advertisement. "dhcp": bbd's DHCPv6 client gets
 * an address, which goes on the device as a /128 with DAD (a DHCPv6
 * address says nothing of the link: the advertisement's on-link prefix
 * does, and decides what bbd sends straight and what through the
 * router); the default route still comes from the advertisement, as
 * DHCPv6 carries none.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <linux/if_addr.h>
#include <stdio.h>
#include <string.h>

#include "log.h"
#include "netns.h"
#include "port.h"

static const char *mode(const struct bbd_port *p)
{
	return p->cfg->dhcp6 ? "DHCPv6" : "SLAAC";
}

static int conf(struct bbd_port *p, const char *key, const char *value)
{
	char path[96];

	snprintf(path, sizeof(path), "/proc/sys/net/ipv6/conf/%s/%s", p->top, key);
	return bbd_netns_sysctl(p->nsfd, path, value);
}

int bbd_port6_start(struct bbd_port *p, char *err, size_t errlen)
{
	const struct bbd_port_cfg *c = p->cfg;
	int ret;

	if (!c->slaac6 && !c->dhcp6)
		return 0;
	/* 2: advertisements count even if forwarding were on; SLAAC only
	 * where asked (a DHCPv6 port has the server's address alone) */
	ret = conf(p, "forwarding", "0");
	if (!ret)
		ret = conf(p, "accept_ra", "2");
	if (!ret)
		ret = conf(p, "autoconf", c->slaac6 ? "1" : "0");
	if (ret) {
		snprintf(err, errlen, "ipv6 %s on %s: sysctl: %s", mode(p), p->top,
			 strerror(-ret));
		return ret;
	}
	if (!c->dhcp6)
		return 0;
	ret = bbd_dhcp6_start(&p->dhcp6, p->nsfd, p->top, p->ifindex, p->mac);
	if (ret)
		snprintf(err, errlen, "dhcpv6 on %s: %s", p->top, strerror(-ret));
	return ret;
}

static void fail6(struct bbd_port *p, const char *fmt, const char *a)
{
	char text[160];

	snprintf(text, sizeof(text), fmt, a);
	snprintf(p->err6, sizeof(p->err6), "%s on %s: %s", mode(p), p->top, text);
	p->addr6_failed = true;
	bbd_log_err("port %s: %s", p->cfg->name, p->err6);
}

/* The leased address on the device, once. */
static void add_leased(struct bbd_port *p)
{
	struct bb_ip ip = { .family = AF_INET6, .v6 = p->dhcp6.lease.addr };
	char a[INET6_ADDRSTRLEN];
	int ret;

	p->addr6_added = true;
	ret = bbd_addr_add_dad(&p->rtnl, p->ifindex, &ip, 128);
	if (!ret)
		return;
	inet_ntop(AF_INET6, &ip.v6, a, sizeof(a));
	snprintf(p->err6, sizeof(p->err6), "DHCPv6 on %s: adding %s: %s %.100s",
		 p->top, a, strerror(-ret), p->rtnl.msg);
	p->addr6_failed = true;
}

/* The address past DAD and the router: the port's IPv6 is ready. */
static void look(struct bbd_port *p)
{
	const struct in6_addr *want = p->cfg->dhcp6 ? &p->dhcp6.lease.addr : NULL;
	char a[INET6_ADDRSTRLEN], g[INET6_ADDRSTRLEN];
	struct bbd_addr6 found;
	struct in6_addr gw;
	unsigned int onlink;
	bool has_gw;

	if (bbd_addr6_find(&p->rtnl, p->ifindex, want, &found)) {
		/* the kernel deletes a SLAAC address that failed DAD (a
		 * permanent one, as DHCPv6's, stays flagged dadfailed) */
		inet_ntop(AF_INET6, &p->ip6.v6, a, sizeof(a));
		if (p->ip6.family == AF_INET6 && p->addr6_tentative)
			fail6(p, "duplicate address detection failed for %s (another host on the link has it)", a);
		return;
	}
	/* what why() says while waiting */
	p->ip6 = (struct bb_ip){ .family = AF_INET6, .v6 = found.addr };
	p->addr6_tentative = found.flags & IFA_F_TENTATIVE;
	inet_ntop(AF_INET6, &found.addr, a, sizeof(a));
	if (found.flags & IFA_F_DADFAILED) {
		fail6(p, "duplicate address detection failed for %s (another host on the link has it)", a);
		return;
	}
	if (p->addr6_tentative ||
	    bbd_route6_ra(&p->rtnl, p->ifindex, &found.addr, &has_gw, &gw, &onlink) ||
	    !has_gw)
		return;
	p->prefix6 = p->cfg->slaac6 ? found.prefix : onlink ? onlink : 128;
	p->gw6 = (struct bb_ip){ .family = AF_INET6, .v6 = gw };
	p->has_ip6 = p->has_gw6 = p->addr6_ready = true;
	inet_ntop(AF_INET6, &gw, g, sizeof(g));
	bbd_log_info("port %s: %s %s/%u, router %s", p->cfg->name, mode(p), a,
		     p->prefix6, g);
}

void bbd_port6_tick(struct bbd_port *p)
{
	const struct bbd_port_cfg *c = p->cfg;

	if (!c || (!c->slaac6 && !c->dhcp6) || p->nsfd < 0)
		return;
	if (c->dhcp6) {
		bbd_dhcp6_tick(&p->dhcp6);
		if (!bbd_dhcp6_has_lease(&p->dhcp6))
			return;
		if (!p->addr6_added)
			add_leased(p);
	}
	if (!p->addr6_ready && !p->addr6_failed)
		look(p);
}

bool bbd_port6_ready(const struct bbd_port *p)
{
	const struct bbd_port_cfg *c = p->cfg;

	return !c || (!c->slaac6 && !c->dhcp6) || p->addr6_ready;
}

void bbd_port6_why(const struct bbd_port *p, char *buf, size_t len)
{
	char a[INET6_ADDRSTRLEN], why[200];

	if (p->addr6_failed) {
		snprintf(buf, len, "%s", p->err6);
		return;
	}
	if (p->cfg->dhcp6 && !bbd_dhcp6_has_lease(&p->dhcp6)) {
		bbd_dhcp6_why(&p->dhcp6, why, sizeof(why));
		snprintf(buf, len, "DHCPv6 on %s: %s", p->top, why);
		return;
	}
	if (p->ip6.family != AF_INET6) {
		snprintf(buf, len, "SLAAC on %s: no router advertisement with a prefix for addresses (autonomous flag) came",
			 p->top);
		return;
	}
	inet_ntop(AF_INET6, &p->ip6.v6, a, sizeof(a));
	if (p->addr6_tentative)
		snprintf(buf, len, "%s on %s: %s is still tentative (duplicate address detection)",
			 mode(p), p->top, a);
	else
		snprintf(buf, len, "%s on %s: %s but no default route (no router advertisement with a router lifetime)",
			 mode(p), p->top, a);
}

void bbd_port6_stop(struct bbd_port *p)
{
	bbd_dhcp6_stop(&p->dhcp6);
}
