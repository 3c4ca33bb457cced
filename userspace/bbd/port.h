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
#include "genl.h"
#include "plan.h"
#include "rtnl.h"

struct bbd_port {
	const struct bbd_port_cfg *cfg;
	char netns[BBD_NAME_MAX + 32];
	int nsfd;			/* -1 until created */
	struct bbd_rtnl rtnl;		/* inside the namespace */
	struct bb_genl gen;		/* inside the namespace; owns objects */
	unsigned int ifindex;		/* the top device: VLAN or base */
	char top[IFNAMSIZ];
	char tmp[IFNAMSIZ];		/* the macvlan's name at creation */
	uint8_t mac[BB_MAC_LEN];
	/* IPv4 as on the device: the scenario's, or the DHCP lease's */
	bool has_ip4, has_gw4, addr_ready;
	struct bb_ip ip4, gw4;
	unsigned int prefix4;
	struct bbd_dhcp dhcp;		/* ipv4 "dhcp" only */
};

/* Build the port; on failure err says what (the port is torn down as far
 * as it got). 0 or -errno. */
int bbd_port_setup(struct bbd_port *p, const struct bbd_port_cfg *cfg,
		   char *err, size_t errlen);
/* Every run tick: the DHCP client's timers, and a new lease's address
 * and default route put on the device. 0 or -errno (err says why). */
int bbd_port_tick(struct bbd_port *p, char *err, size_t errlen);
/* Has the port its IPv4 address (always, without DHCP)? */
bool bbd_port_ready(const struct bbd_port *p);
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
