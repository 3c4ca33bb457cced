/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * rtnetlink through libmnl, one socket per network namespace: links
 * (macvlan, VLAN, moving a device between namespaces), addresses, routes
 * and the neighbour table. A socket talks to the namespace it was created
 * in, so bbd opens one inside every port's namespace and configures the
 * port from outside without entering it again.
 */
#ifndef BBD_RTNL_H
#define BBD_RTNL_H

#include <stdbool.h>
#include <stdint.h>

#include <libmnl/libmnl.h>

#include "addr.h"

/* Requests and receive buffer (a dump message fits a page or two). */
#define BBD_RTNL_BUF	32768

struct bbd_rtnl {
	struct mnl_socket *nl;
	unsigned int seq;
	unsigned int portid;
	char msg[256];		/* extack text of the last failure, or "" */
};

/* Open a socket in the namespace netns_fd (-1: bbd's own). 0 or -errno. */
int bbd_rtnl_open(struct bbd_rtnl *r, int netns_fd);
void bbd_rtnl_close(struct bbd_rtnl *r);

/* Send nlh (request flags are added: NLM_F_REQUEST|NLM_F_ACK) and feed
 * every reply to cb (may be NULL) until the ACK or the end of a dump.
 * 0 or -errno; r->msg has the kernel's message on failure. */
int bbd_rtnl_talk(struct bbd_rtnl *r, struct nlmsghdr *nlh, mnl_cb_t cb,
		  void *data);

/* What bbd needs to know of a link. */
struct bbd_link {
	unsigned int ifindex;
	uint8_t mac[BB_MAC_LEN];
	bool up;
	unsigned int mtu;
};

/* --- rtnl_link.c ----------------------------------------------------- */

/* The link called name: 0, -ENODEV or -errno. */
int bbd_link_get(struct bbd_rtnl *r, const char *name, struct bbd_link *l);
/* A macvlan (mode, MACVLAN_MODE_*) on parent, created straight inside the
 * namespace target_fd as name; mac may be NULL (random). */
int bbd_link_add_macvlan(struct bbd_rtnl *r, unsigned int parent,
			 const char *name, int target_fd, uint32_t mode,
			 const uint8_t *mac);
/* A VLAN sub-interface of parent in r's namespace (tpid 0x8100/0x88a8). */
int bbd_link_add_vlan(struct bbd_rtnl *r, unsigned int parent,
		      const char *name, uint16_t id, uint16_t tpid);
/* Move the link ifindex of r's namespace into target_fd. */
int bbd_link_move(struct bbd_rtnl *r, unsigned int ifindex, int target_fd);
/* Set the address (mac may be NULL) and the up/down state. */
int bbd_link_set(struct bbd_rtnl *r, unsigned int ifindex, const uint8_t *mac,
		 bool up);
/* Rename a link (it must be down). */
int bbd_link_rename(struct bbd_rtnl *r, unsigned int ifindex, const char *name);
int bbd_link_del(struct bbd_rtnl *r, unsigned int ifindex);

/* --- rtnl_addr.c ----------------------------------------------------- */

/* Add ip/prefix to ifindex, without duplicate address detection (the run
 * cannot wait for DAD; the test network is ours). */
int bbd_addr_add(struct bbd_rtnl *r, unsigned int ifindex,
		 const struct bb_ip *ip, unsigned int prefix);
/* The same with duplicate address detection (an address from the
 * network: DHCPv6); IFA_F_TENTATIVE until it passed. */
int bbd_addr_add_dad(struct bbd_rtnl *r, unsigned int ifindex,
		     const struct bb_ip *ip, unsigned int prefix);
/* A default route via gw on ifindex. */
int bbd_route_default(struct bbd_rtnl *r, unsigned int ifindex,
		      const struct bb_ip *gw);
/* A host route to dst (through gw unless NULL) whose locked ssthresh
 * metric (segments) starts every TCP session to dst. */
int bbd_route_ssthresh(struct bbd_rtnl *r, unsigned int ifindex,
		       const struct bb_ip *dst, const struct bb_ip *gw,
		       uint32_t ssthresh);

/* --- rtnl_addr6.c ---------------------------------------------------- */

/* A global IPv6 address of a link and its IFA_F_* flags. */
struct bbd_addr6 {
	struct in6_addr addr;
	unsigned int prefix;
	uint32_t flags;
};

/* want on ifindex, or (want NULL) its first global address: 0, -ENOENT. */
int bbd_addr6_find(struct bbd_rtnl *r, unsigned int ifindex,
		   const struct in6_addr *want, struct bbd_addr6 *out);

/* What router advertisements put in the main table for ifindex: the
 * default router (*has_gw), and the length of the longest on-link prefix
 * route (no gateway) that holds addr (0 if none). 0 or -errno. */
int bbd_route6_ra(struct bbd_rtnl *r, unsigned int ifindex,
		  const struct in6_addr *addr, bool *has_gw,
		  struct in6_addr *gw, unsigned int *onlink);

/* --- rtnl_neigh.c ---------------------------------------------------- */

/* The neighbour entry of ip on ifindex: 0 with *mac when the kernel has
 * resolved it, -EAGAIN while it is still being resolved (or has no entry
 * yet), -EHOSTUNREACH if resolution failed, or -errno. */
int bbd_neigh_get(struct bbd_rtnl *r, unsigned int ifindex,
		  const struct bb_ip *ip, uint8_t mac[BB_MAC_LEN]);

#endif
