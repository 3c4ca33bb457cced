// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* ARP probes for an address on a port's device (arp_probe.h). */
#include <errno.h>
#include <linux/if_arp.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "arp_probe.h"
#include "netns.h"

/* An Ethernet/IPv4 ARP packet after the Ethernet header. */
struct arp_eth4 {
	uint16_t htype, ptype;
	uint8_t hlen, plen;
	uint16_t op;
	uint8_t sha[BB_MAC_LEN];
	uint8_t spa[4];
	uint8_t tha[BB_MAC_LEN];
	uint8_t tpa[4];
} __attribute__((packed));

int bbd_arp_probe_open(struct bbd_arp_probe *p, int nsfd,
		       unsigned int ifindex, const uint8_t *mac)
{
	struct sockaddr_ll sll = { .sll_family = AF_PACKET,
				   .sll_protocol = htons(ETH_P_ARP),
				   .sll_ifindex = (int)ifindex };

	memset(p, 0, sizeof(*p));
	p->ifindex = ifindex;
	memcpy(p->mac, mac, BB_MAC_LEN);
	p->fd = bbd_netns_socket(nsfd, AF_PACKET, SOCK_DGRAM | SOCK_NONBLOCK |
				 SOCK_CLOEXEC, htons(ETH_P_ARP));
	if (p->fd < 0)
		return p->fd;
	if (bind(p->fd, (struct sockaddr *)&sll, sizeof(sll)) < 0) {
		int ret = -errno;

		bbd_arp_probe_close(p);
		return ret;
	}
	return 0;
}

void bbd_arp_probe_watch(struct bbd_arp_probe *p, struct in_addr addr)
{
	struct arp_eth4 a;

	while (p->fd >= 0 && recv(p->fd, &a, sizeof(a), 0) >= 0)
		;
	p->addr = addr;
	p->conflict = false;
}

int bbd_arp_probe_send(struct bbd_arp_probe *p)
{
	struct sockaddr_ll to = { .sll_family = AF_PACKET,
				  .sll_protocol = htons(ETH_P_ARP),
				  .sll_ifindex = (int)p->ifindex,
				  .sll_halen = BB_MAC_LEN };
	struct arp_eth4 a = { .htype = htons(ARPHRD_ETHER),
			      .ptype = htons(ETH_P_IP), .hlen = BB_MAC_LEN,
			      .plen = 4, .op = htons(ARPOP_REQUEST) };

	memset(to.sll_addr, 0xff, BB_MAC_LEN);
	memcpy(a.sha, p->mac, BB_MAC_LEN);
	memcpy(a.tpa, &p->addr, 4);	/* spa and tha stay 0: a probe */
	if (sendto(p->fd, &a, sizeof(a), 0, (struct sockaddr *)&to,
		   sizeof(to)) < 0)
		return -errno;
	return 0;
}

/* Does this ARP packet say someone else has (or wants) p->addr? */
static bool claims(const struct bbd_arp_probe *p, const struct arp_eth4 *a)
{
	static const uint8_t zero[4];

	if (a->htype != htons(ARPHRD_ETHER) || a->ptype != htons(ETH_P_IP) ||
	    a->hlen != BB_MAC_LEN || a->plen != 4 ||
	    !memcmp(a->sha, p->mac, BB_MAC_LEN))
		return false;
	if (!memcmp(a->spa, &p->addr, 4))
		return true;		/* it uses the address */
	/* another prober for the same address (RFC 5227 2.1.1) */
	return a->op == htons(ARPOP_REQUEST) && !memcmp(a->spa, zero, 4) &&
	       !memcmp(a->tpa, &p->addr, 4);
}

bool bbd_arp_probe_conflict(struct bbd_arp_probe *p)
{
	struct arp_eth4 a;
	ssize_t n;

	while (!p->conflict && p->fd >= 0 &&
	       (n = recv(p->fd, &a, sizeof(a), 0)) >= 0) {
		if ((size_t)n < sizeof(a) || !claims(p, &a))
			continue;
		p->conflict = true;
		memcpy(p->holder, a.sha, BB_MAC_LEN);
	}
	return p->conflict;
}

void bbd_arp_probe_close(struct bbd_arp_probe *p)
{
	if (p->fd >= 0)
		close(p->fd);
	p->fd = -1;
}
