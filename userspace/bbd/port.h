/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * A scenario port made real: its own network namespace holding a macvlan
 * on the named interface (or the interface itself, for exclusive use),
 * with the port's MAC, VLAN sub-interfaces and addresses, bound to bbgen
 * through a genl socket opened in that namespace.
 *
 * macvlan mode: VEPA. Every frame a port sends leaves through the parent
 * device, also frames for another port on the same parent, so traffic
 * between two ports always crosses the device under test (bridge mode
 * would switch it inside the host). Two ports on one interface therefore
 * need a DUT that sends frames back out where they came in (a "hairpin"
 * or reflective-relay switch port), as ByteBlower ports on one trunk do.
 */
#ifndef BBD_PORT_H
#define BBD_PORT_H

#include <stdbool.h>

#include "dhcp.h"
#include "dhcpv6.h"
#include "genl.h"
#include "plan.h"
#include "rtnl.h"

struct bbd_port {
	const struct bbd_port_cfg *cfg;
	char netns[BBD_NAME_MAX + 32];
	int nsfd;			/* -1 until created */
	struct bbd_rtnl rtnl;		/* inside the namespace */
	struct bb_genl gen;		/* inside the namespace; owns objects */
	struct bb_genl mon;		/* its monitor group (monitor.h) */
	unsigned int ifindex;		/* the top device: VLAN or base */
	char top[IFNAMSIZ];
	char tmp[IFNAMSIZ];		/* the macvlan's name at creation */
	uint8_t mac[BB_MAC_LEN];
	/* IPv4 as on the device: the scenario's, or the DHCP lease's */
	bool has_ip4, has_gw4, addr_ready;
	struct bb_ip ip4, gw4;
	unsigned int prefix4;
	struct bbd_dhcp dhcp;		/* ipv4 "dhcp" only */
	/* IPv6 as on the device: the scenario's, or SLAAC's or DHCPv6's
	 * once it passed DAD, with the router of the advertisement */
	bool has_ip6, has_gw6, addr6_ready, addr6_added, addr6_failed;
	bool addr6_tentative;		/* as last seen, while waiting */
	struct bb_ip ip6, gw6;
	unsigned int prefix6;
	struct bbd_dhcp6 dhcp6;		/* ipv6 "dhcp" only */
	char err6[400];			/* why addr6_failed */
};

/* Build the port; on failure err says what (the port is torn down as far
 * as it got). 0 or -errno. */
int bbd_port_setup(struct bbd_port *p, const struct bbd_port_cfg *cfg,
		   char *err, size_t errlen);
/* Every run tick: the DHCP client's timers, and a new lease's address
 * and default route put on the device. 0 or -errno (err says why). */
int bbd_port_tick(struct bbd_port *p, char *err, size_t errlen);
/* Has the port its addresses (IPv4 and IPv6, always when static)? */
bool bbd_port_ready(const struct bbd_port *p);
/* Why not yet, as the run's error line says it: "no DHCP lease in 20 s:
 * why" for IPv4 and the same for IPv6; *failed if waiting is useless. */
void bbd_port_why(const struct bbd_port *p, unsigned int timeout_s,
		  char *buf, size_t len, bool *failed);

/* --- port6.c: SLAAC and DHCPv6 ---------------------------------------- */

/* Let the kernel take router advertisements on the top device (and make
 * SLAAC addresses for "slaac"), start the DHCPv6 client for "dhcp". */
int bbd_port6_start(struct bbd_port *p, char *err, size_t errlen);
/* The DHCPv6 timers; the address (once leased) put on the device; DAD
 * and the advertisement's default route looked for. */
void bbd_port6_tick(struct bbd_port *p);
bool bbd_port6_ready(const struct bbd_port *p);
void bbd_port6_why(const struct bbd_port *p, char *buf, size_t len);
/* RELEASE a DHCPv6 lease, close its socket. Safe to call twice. */
void bbd_port6_stop(struct bbd_port *p);
/* RELEASE a DHCP lease, close its sockets (the kernel frees the bbgen
 * objects) and remove the namespace, giving an exclusive device back.
 * Safe to call twice, and on a port never set up (nsfd and dhcp.fd -1). */
void bbd_port_teardown(struct bbd_port *p);

/* The address of family on the port, or NULL. */
const struct bb_ip *bbd_port_ip(const struct bbd_port *p, int family);
/* The next hop towards dst: dst itself on the port's subnet, else the
 * gateway (NULL if there is none). */
const struct bb_ip *bbd_port_nexthop(const struct bbd_port *p,
				     const struct bb_ip *dst);
/* Make the kernel resolve nh: a one-byte UDP datagram to it (port 9,
 * discard) from inside the namespace. */
int bbd_port_probe(struct bbd_port *p, const struct bb_ip *nh);

#endif
