/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The DHCPv6 client of a port whose ipv6 is "dhcp" (RFC 8415, one IA_NA):
 * SOLICIT, the first ADVERTISE with an address, REQUEST, REPLY; then
 * RENEW at T1 and REBIND at T2 for runs longer than T1; a RELEASE when
 * the run ends, so a CPE's pool is not drained by test runs.
 *
 * One UDP socket on port 546 inside the port's namespace, bound to the
 * port's top device, sending to All_DHCP_Relay_Agents_and_Servers
 * (ff02::1:2) from the link-local address. Until that address has passed
 * its own duplicate address detection the kernel refuses to send: the
 * retransmission timer tries again.
 *
 * The client only learns the lease; port.c puts the address on the device
 * (with DAD) and takes the default route from the router's advertisement:
 * DHCPv6 has no route option.
 */
#ifndef BBD_DHCPV6_H
#define BBD_DHCPV6_H

#include <stdbool.h>
#include <stdint.h>

#include "dhcp6.h"

enum bbd_dhcp6_state {
	BBD_DHCP6_SOLICITING,	/* SOLICIT sent, waiting for an ADVERTISE */
	BBD_DHCP6_REQUESTING,	/* REQUEST for the ADVERTISE sent */
	BBD_DHCP6_BOUND,
	BBD_DHCP6_RENEWING,	/* past T1: RENEW to the server */
	BBD_DHCP6_REBINDING,	/* past T2: REBIND to any server */
	BBD_DHCP6_EXPIRED,	/* the valid lifetime ran out mid-run */
	BBD_DHCP6_FAILED,	/* refused too often: err says why */
};

struct bbd_dhcp6 {
	int fd;				/* -1 when closed */
	enum bbd_dhcp6_state state;
	uint8_t mac[BB_MAC_LEN];
	char ifname[16];
	unsigned int ifindex;
	uint32_t xid, iaid;
	uint64_t begin_mono;		/* this exchange began */
	uint64_t next_tx_mono;		/* retransmit or renew at */
	unsigned int tries;		/* sent in this state */
	unsigned int refusals, renewals;
	struct bb_dhcp6_in offer;	/* the ADVERTISE taken */
	struct bb_dhcp6_in lease;	/* the last REPLY with the address */
	uint64_t bound_mono;		/* when it came */
	bool bound_once;
	char err[200];
};

/* Open the socket in namespace nsfd on device ifname (ifindex there) and
 * send the first SOLICIT. 0 or -errno. */
int bbd_dhcp6_start(struct bbd_dhcp6 *d, int nsfd, const char *ifname,
		    unsigned int ifindex, const uint8_t *mac);
/* Retransmit, renew, rebind or expire as the time says. */
void bbd_dhcp6_tick(struct bbd_dhcp6 *d);
/* RELEASE a held lease, close the socket. Safe to call twice. */
void bbd_dhcp6_stop(struct bbd_dhcp6 *d);

/* Has it a lease (bound, renewing or rebinding)? */
bool bbd_dhcp6_has_lease(const struct bbd_dhcp6 *d);
/* Why there is no lease yet, in words (for a timeout message). */
void bbd_dhcp6_why(const struct bbd_dhcp6 *d, char *buf, size_t len);
const char *bbd_dhcp6_state_name(enum bbd_dhcp6_state s);

#endif
