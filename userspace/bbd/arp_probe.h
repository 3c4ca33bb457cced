/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Is an address already in use on the link? ARP probes (RFC 5227: sender
 * address 0.0.0.0, so no neighbour table learns anything) for it, and any
 * ARP from another MAC that claims it, or probes for it too, is a
 * conflict. The DHCP client asks this before it takes a lease (RFC 2131
 * 4.4.1: DECLINE an address in use), which is how a test catches a
 * server that hands out an address someone holds.
 */
#ifndef BBD_ARP_PROBE_H
#define BBD_ARP_PROBE_H

#include <netinet/in.h>
#include <stdbool.h>
#include <stdint.h>

#include "addr.h"

struct bbd_arp_probe {
	int fd;			/* AF_PACKET, ETH_P_ARP; -1 when closed */
	unsigned int ifindex;
	uint8_t mac[BB_MAC_LEN];
	struct in_addr addr;
	bool conflict;
	uint8_t holder[BB_MAC_LEN];	/* who claimed it */
};

/* Open the socket in namespace nsfd on ifindex; 0 or -errno. */
int bbd_arp_probe_open(struct bbd_arp_probe *p, int nsfd,
		       unsigned int ifindex, const uint8_t *mac);
/* Watch addr from now on: what arrived before, and an earlier conflict,
 * are forgotten. */
void bbd_arp_probe_watch(struct bbd_arp_probe *p, struct in_addr addr);
/* Send one probe for the watched address. */
int bbd_arp_probe_send(struct bbd_arp_probe *p);
/* Read what arrived; true once another host claimed the address. */
bool bbd_arp_probe_conflict(struct bbd_arp_probe *p);
void bbd_arp_probe_close(struct bbd_arp_probe *p);

#endif
