/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The DHCPv4 client of a port whose ipv4 is "dhcp" (RFC 2131 section 4.4):
 * DISCOVER, the first OFFER, REQUEST, ACK, two ARP probes 200 ms apart
 * for the address (a DECLINE and a new DISCOVER if another host answers
 * for it); then RENEWING at T1 (unicast
 * to the server) and REBINDING at T2 (broadcast) for runs longer than
 * half the lease; a RELEASE when the run ends, so a CPE's pool is not
 * drained by test runs.
 *
 * One UDP socket on port 68 inside the port's namespace, bound to the
 * port's top device (VLAN or base) and served by bbd's event loop. The
 * broadcast flag is set, so answers come before the port has an address:
 * the kernel delivers a limited broadcast to an address-less device, as
 * rp_filter is off in a namespace bbd made (devconf_inherit_init_net 0).
 *
 * The client only learns the lease; port.c puts the address and the
 * default route on the device.
 */
#ifndef BBD_DHCP_H
#define BBD_DHCP_H

#include <stdbool.h>
#include <stdint.h>

#include "arp_probe.h"
#include "dhcp4.h"

enum bbd_dhcp_state {
	BBD_DHCP_SELECTING,	/* DISCOVER sent, waiting for an OFFER */
	BBD_DHCP_REQUESTING,	/* REQUEST for the OFFER sent */
	BBD_DHCP_CHECKING,	/* ACKed: ARP probes for the address */
	BBD_DHCP_BOUND,
	BBD_DHCP_RENEWING,	/* past T1: REQUEST to the server */
	BBD_DHCP_REBINDING,	/* past T2: REQUEST to anyone */
	BBD_DHCP_EXPIRED,	/* the lease ran out mid-run */
	BBD_DHCP_FAILED,	/* NAKed or DECLINEd too often: err says why */
};

struct bbd_dhcp {
	int fd;				/* -1 when closed */
	enum bbd_dhcp_state state;
	uint8_t mac[BB_MAC_LEN];
	char ifname[16];
	char hostname[64];
	uint32_t xid;
	uint64_t begin_mono;		/* this exchange began (secs) */
	uint64_t next_tx_mono;		/* retransmit or renew at */
	unsigned int tries;		/* sent in this state */
	unsigned int naks, declines, renewals;
	struct bbd_arp_probe arp;	/* open until the first lease is checked */
	struct bb_dhcp_in offer;	/* the OFFER taken */
	struct bb_dhcp_in lease;	/* the last ACK */
	uint64_t bound_mono;		/* when it came */
	bool bound_once;
	char err[200];
};

/* Open the sockets in namespace nsfd on device ifname (ifindex there)
 * and send the first DISCOVER. hostname goes in option 12 (a CPE lists
 * it). 0 or -errno. */
int bbd_dhcp_start(struct bbd_dhcp *d, int nsfd, const char *ifname,
		   unsigned int ifindex, const uint8_t *mac,
		   const char *hostname);
/* Retransmit, renew, rebind or expire as the time says. */
void bbd_dhcp_tick(struct bbd_dhcp *d);
/* RELEASE a held lease, close the socket. Safe to call twice. */
void bbd_dhcp_stop(struct bbd_dhcp *d);

/* Has it a lease (bound, renewing or rebinding)? */
bool bbd_dhcp_has_lease(const struct bbd_dhcp *d);
/* Why there is no lease yet, in words (for a timeout message). */
void bbd_dhcp_why(const struct bbd_dhcp *d, char *buf, size_t len);
const char *bbd_dhcp_state_name(enum bbd_dhcp_state s);

#endif
