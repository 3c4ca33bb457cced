// SPDX-License-Identifier: GPL-2.0-only OR MIT
#include <errno.h>
#include <stdarg.h>
#include <linux/if_link.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "gen.h"
#include "log.h"
#include "netns.h"
#include "port.h"

/* Write the failure into err and pass ret on. */
static int __attribute__((format(printf, 4, 5)))
fail(char *err, size_t errlen, int ret, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return ret;
}

#define ERR(...) fail(err, errlen, ret, __VA_ARGS__)

/* A name no other device of bbd's namespace has: bbd<pid>.<n>, hex. */
static const char *tmp_name(struct bbd_port *p)
{
	static unsigned int n;

	snprintf(p->tmp, sizeof(p->tmp), "bbd%x.%x",
		 (unsigned int)getpid() & 0xfffff, n++ & 0xfff);
	return p->tmp;
}

/* The device in the namespace: the macvlan, or the device moved in. */
static int base_device(struct bbd_port *p, const struct bbd_link *parent,
		       char *err, size_t errlen)
{
	const struct bbd_port_cfg *c = p->cfg;
	struct bbd_netns_mark m = { .exclusive = c->exclusive };
	struct bbd_rtnl root;
	int ret;

	ret = bbd_rtnl_open(&root, -1);
	if (ret)
		return ERR("rtnetlink: %s", strerror(-ret));
	if (c->exclusive) {
		snprintf(m.ifname, sizeof(m.ifname), "%s", c->ifname);
		memcpy(m.mac, parent->mac, BB_MAC_LEN);
		m.has_mac = true;
		m.was_up = parent->up;
		ret = bbd_netns_mark_write(p->netns, &m);
		if (!ret)
			ret = bbd_link_move(&root, parent->ifindex, p->nsfd);
	} else {
		/* a macvlan passes no traffic while its parent is down */
		if (!parent->up)
			ret = bbd_link_set(&root, parent->ifindex, NULL, true);
		/* the kernel checks the name in bbd's namespace too, where
		 * the parent has it: a temporary name, renamed inside */
		if (!ret)
			ret = bbd_link_add_macvlan(&root, parent->ifindex,
						   tmp_name(p), p->nsfd,
						   MACVLAN_MODE_VEPA,
						   c->has_mac ? c->mac : NULL);
	}
	if (ret)
		ERR("%s %s: %s%s%s", c->exclusive ? "moving" : "macvlan on",
		    c->ifname, strerror(-ret), root.msg[0] ? ": " : "", root.msg);
	bbd_rtnl_close(&root);
	return ret;
}

/* VLAN sub-interfaces, outer first, each on the previous; the top one
 * carries the addresses and the bbgen port. */
static int vlans(struct bbd_port *p, char *err, size_t errlen)
{
	const struct bbd_port_cfg *c = p->cfg;
	struct bbd_link l;
	unsigned int i;
	char name[32];
	int ret = 0;

	for (i = 0; i < c->nvlan; i++) {
		/* at most "v7.4094": fits IFNAMSIZ */
		snprintf(name, sizeof(name), "v%u.%u", i, c->vlan[i].id);
		ret = bbd_link_add_vlan(&p->rtnl, p->ifindex, name,
					c->vlan[i].id, c->vlan[i].tpid);
		if (!ret)
			ret = bbd_link_get(&p->rtnl, name, &l);
		if (!ret)
			ret = bbd_link_set(&p->rtnl, l.ifindex, NULL, true);
		if (ret)
			return ERR("vlan %u: %s %s", c->vlan[i].id, strerror(-ret),
				   p->rtnl.msg);
		p->ifindex = l.ifindex;
		snprintf(p->top, sizeof(p->top), "%.15s", name);
	}
	return 0;
}

/* The IPv4 address and default route, from the scenario or a lease. */
static int ipv4(struct bbd_port *p, char *err, size_t errlen)
{
	int ret = 0;

	if (p->has_ip4)
		ret = bbd_addr_add(&p->rtnl, p->ifindex, &p->ip4, p->prefix4);
	if (!ret && p->has_gw4)
		ret = bbd_route_default(&p->rtnl, p->ifindex, &p->gw4);
	p->addr_ready = !ret;
	return ret ? ERR("ipv4: %s %s", strerror(-ret), p->rtnl.msg) : 0;
}

static int addresses(struct bbd_port *p, char *err, size_t errlen)
{
	const struct bbd_port_cfg *c = p->cfg;
	int ret = 0;

	p->has_ip6 = p->addr6_ready = c->has_ip6;
	p->has_gw6 = c->has_gw6;
	p->ip6 = c->ip6;
	p->gw6 = c->gw6;
	p->prefix6 = c->prefix6;
	if (c->has_ip6)
		ret = bbd_addr_add(&p->rtnl, p->ifindex, &c->ip6, c->prefix6);
	if (!ret && c->has_gw6)
		ret = bbd_route_default(&p->rtnl, p->ifindex, &c->gw6);
	if (ret)
		return ERR("ipv6: %s %s", strerror(-ret), p->rtnl.msg);
	ret = bbd_port6_start(p, err, errlen);
	if (ret)
		return ret;
	if (c->dhcp4) {
		ret = bbd_dhcp_start(&p->dhcp, p->nsfd, p->top, p->ifindex,
				     p->mac, c->name);
		return ret ? ERR("dhcp on %s: %s", p->top, strerror(-ret)) : 0;
	}
	p->has_ip4 = c->has_ip4;
	p->has_gw4 = c->has_gw4;
	p->ip4 = c->ip4;
	p->gw4 = c->gw4;
	p->prefix4 = c->prefix4;
	return ipv4(p, err, errlen);
}

int bbd_port_tick(struct bbd_port *p, char *err, size_t errlen)
{
	const struct bb_dhcp_in *l = &p->dhcp.lease;

	bbd_port6_tick(p);
	if (!p->cfg || !p->cfg->dhcp4)
		return 0;
	bbd_dhcp_tick(&p->dhcp);
	if (p->addr_ready || !bbd_dhcp_has_lease(&p->dhcp))
		return 0;
	p->has_ip4 = true;
	p->ip4 = (struct bb_ip){ .family = AF_INET, .v4 = l->yiaddr };
	p->prefix4 = l->prefix;
	p->has_gw4 = l->has_router;
	p->gw4 = (struct bb_ip){ .family = AF_INET, .v4 = l->router };
	return ipv4(p, err, errlen);
}

static bool ready4(const struct bbd_port *p)
{
	return p->addr_ready || (p->cfg && !p->cfg->has_ip4 && !p->cfg->dhcp4);
}

bool bbd_port_ready(const struct bbd_port *p)
{
	return ready4(p) && bbd_port6_ready(p);
}

void bbd_port_why(const struct bbd_port *p, unsigned int timeout_s,
		  char *buf, size_t len, bool *failed)
{
	char why[300];

	if (!ready4(p)) {
		bbd_dhcp_why(&p->dhcp, why, sizeof(why));
		*failed = p->dhcp.state == BBD_DHCP_FAILED;
		if (*failed)
			snprintf(buf, len, "DHCP: %s", why);
		else
			snprintf(buf, len, "no DHCP lease in %u s: %s", timeout_s, why);
		return;
	}
	bbd_port6_why(p, why, sizeof(why));
	*failed = p->addr6_failed ||
		  (p->cfg->dhcp6 && p->dhcp6.state == BBD_DHCP6_FAILED);
	if (*failed)
		snprintf(buf, len, "%s", why);
	else
		snprintf(buf, len, "no IPv6 address in %u s: %s", timeout_s, why);
}

/* Inside the namespace: lo and the device up, the MAC, VLANs, addresses. */
static int configure(struct bbd_port *p, char *err, size_t errlen)
{
	const struct bbd_port_cfg *c = p->cfg;
	struct bbd_link l;
	int ret;

	ret = bbd_rtnl_open(&p->rtnl, p->nsfd);
	if (ret)
		return ERR("rtnetlink in %s: %s", p->netns, strerror(-ret));
	if (!bbd_link_get(&p->rtnl, "lo", &l))
		bbd_link_set(&p->rtnl, l.ifindex, NULL, true);
	ret = bbd_link_get(&p->rtnl, c->exclusive ? c->ifname : p->tmp, &l);
	if (!ret && !c->exclusive)
		ret = bbd_link_rename(&p->rtnl, l.ifindex, c->ifname);
	if (!ret)
		ret = bbd_link_set(&p->rtnl, l.ifindex,
				   c->has_mac ? c->mac : NULL, true);
	if (!ret)
		ret = bbd_link_get(&p->rtnl, c->ifname, &l);
	if (ret)
		return ERR("%s: %s %s", c->ifname, strerror(-ret), p->rtnl.msg);
	p->ifindex = l.ifindex;
	memcpy(p->mac, l.mac, BB_MAC_LEN);
	snprintf(p->top, sizeof(p->top), "%s", c->ifname);
	ret = vlans(p, err, errlen);
	return ret ? ret : addresses(p, err, errlen);
}

static int bind_bbgen(struct bbd_port *p, char *err, size_t errlen)
{
	int ret = bbd_gen_open(&p->gen, p->nsfd);

	if (ret == -ENOENT)
		return ERR("bbgen module not loaded (modprobe bbgen)");
	if (ret)
		return ERR("bbgen: %s", strerror(-ret));
	ret = bbd_gen_port_add(&p->gen, p->ifindex);
	return ret ? ERR("bbgen port add %s: %s%s%s", p->top, strerror(-ret),
			 p->gen.msg[0] ? ": " : "", p->gen.msg) : 0;
}

int bbd_port_setup(struct bbd_port *p, const struct bbd_port_cfg *c,
		   char *err, size_t errlen)
{
	struct bbd_netns_mark m = { .exclusive = false };
	struct bbd_link parent;
	struct bbd_rtnl root;
	int ret;

	memset(p, 0, sizeof(*p));
	p->cfg = c;
	p->nsfd = -1;
	p->dhcp.fd = -1;
	p->dhcp6.fd = -1;
	ret = bbd_rtnl_open(&root, -1);
	if (!ret) {
		ret = bbd_link_get(&root, c->ifname, &parent);
		bbd_rtnl_close(&root);
	}
	if (ret)
		return ERR("interface %s: %s", c->ifname,
			   ret == -ENODEV ? "no such device" : strerror(-ret));
	bbd_netns_name(p->netns, sizeof(p->netns), (long)getpid(), c->name);
	ret = bbd_netns_create(p->netns, &m, &p->nsfd);
	if (ret)
		return ERR("namespace %s: %s", p->netns, strerror(-ret));
	ret = base_device(p, &parent, err, errlen);
	if (!ret)
		ret = configure(p, err, errlen);
	if (!ret)
		ret = bind_bbgen(p, err, errlen);
	if (ret)
		bbd_port_teardown(p);
	return ret;
}

void bbd_port_teardown(struct bbd_port *p)
{
	int ret;

	bbd_dhcp_stop(&p->dhcp);
	bbd_port6_stop(p);
	if (p->gen.sk)
		bb_genl_close(&p->gen);
	bbd_rtnl_close(&p->rtnl);
	if (p->nsfd < 0)
		return;
	close(p->nsfd);
	p->nsfd = -1;
	ret = bbd_netns_destroy(p->netns);
	if (ret)
		bbd_log_err("removing %s: %s", p->netns, strerror(-ret));
}

const struct bb_ip *bbd_port_ip(const struct bbd_port *p, int family)
{
	if (family == AF_INET && p->has_ip4)
		return &p->ip4;
	if (family == AF_INET6 && p->has_ip6)
		return &p->ip6;
	return NULL;
}

/* Do a and b share their first prefix bits? */
static bool same_subnet(const struct bb_ip *a, const struct bb_ip *b,
			unsigned int prefix)
{
	const uint8_t *x = (const uint8_t *)&a->v6, *y = (const uint8_t *)&b->v6;
	unsigned int full = prefix / 8, rest = prefix % 8;

	if (memcmp(x, y, full))
		return false;
	return !rest || !((x[full] ^ y[full]) & (0xff << (8 - rest)));
}

const struct bb_ip *bbd_port_nexthop(const struct bbd_port *p,
				     const struct bb_ip *dst)
{
	const struct bb_ip *own = bbd_port_ip(p, dst->family);

	if (own && same_subnet(own, dst, dst->family == AF_INET ? p->prefix4
								: p->prefix6))
		return dst;
	if (dst->family == AF_INET)
		return p->has_gw4 ? &p->gw4 : NULL;
	return p->has_gw6 ? &p->gw6 : NULL;
}

int bbd_port_probe(struct bbd_port *p, const struct bb_ip *nh)
{
	struct sockaddr_in6 a6 = { .sin6_family = AF_INET6, .sin6_port = htons(9) };
	struct sockaddr_in a4 = { .sin_family = AF_INET, .sin_port = htons(9) };
	int fd = bbd_netns_socket(p->nsfd, nh->family,
				  SOCK_DGRAM | SOCK_NONBLOCK, 0), ret = 0;

	if (fd < 0)
		return fd;
	a4.sin_addr = nh->v4;
	a6.sin6_addr = nh->v6;
	/* a router is often only known by its link-local address */
	if (nh->family == AF_INET6 && IN6_IS_ADDR_LINKLOCAL(&nh->v6))
		a6.sin6_scope_id = p->ifindex;
	/* the datagram waits in the neighbour queue while the kernel sends
	 * ARP/ND; the answer fills the neighbour table bbd then reads */
	if ((nh->family == AF_INET
	     ? sendto(fd, "", 1, 0, (void *)&a4, sizeof(a4))
	     : sendto(fd, "", 1, 0, (void *)&a6, sizeof(a6))) < 0)
		ret = -errno;
	close(fd);
	return ret;
}
