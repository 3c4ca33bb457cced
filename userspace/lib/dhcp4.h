/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * DHCPv4 messages (RFC 2131, options RFC 2132): what a client sends and
 * what it takes from a server's answer. Pure byte work, no sockets: bbd's
 * client (userspace/bbd/dhcp.c) does the talking.
 */
#ifndef BB_DHCP4_H
#define BB_DHCP4_H

#include <netinet/in.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "addr.h"

#define BB_DHCP_SERVER_PORT	67
#define BB_DHCP_CLIENT_PORT	68
/* BOOTP's fixed part (236) + the magic cookie; a message is at least
 * 300 bytes (RFC 1542 relays drop shorter ones), at most one frame. */
#define BB_DHCP_FIXED_LEN	240
#define BB_DHCP_MIN_LEN		300
#define BB_DHCP_MAX_LEN		1472

enum bb_dhcp_type {
	BB_DHCP_DISCOVER = 1,
	BB_DHCP_OFFER,
	BB_DHCP_REQUEST,
	BB_DHCP_DECLINE,
	BB_DHCP_ACK,
	BB_DHCP_NAK,
	BB_DHCP_RELEASE,
	BB_DHCP_INFORM,
};

/* What the client puts in a message; zero addresses are left out. */
struct bb_dhcp_out {
	enum bb_dhcp_type type;
	uint32_t xid;
	uint16_t secs;			/* since the client began */
	bool broadcast;			/* ask for broadcast answers */
	uint8_t mac[BB_MAC_LEN];
	struct in_addr ciaddr;		/* the client's bound address */
	struct in_addr requested;	/* option 50 */
	struct in_addr server_id;	/* option 54 */
	const char *hostname;		/* option 12, or NULL */
};

/* What the client takes from a server's answer; has_* for options that
 * may be absent. Times in seconds, 0xffffffff for an infinite lease. */
struct bb_dhcp_in {
	enum bb_dhcp_type type;
	uint32_t xid;
	uint8_t mac[BB_MAC_LEN];	/* chaddr */
	struct in_addr yiaddr;
	struct in_addr server_id;
	struct in_addr router;		/* the first one given */
	unsigned int prefix;		/* from the subnet mask */
	uint32_t lease_s, t1_s, t2_s;
	bool has_server_id, has_router, has_mask, has_lease, has_t1, has_t2;
	char message[128];		/* option 56, with a NAK */
};

/* Write the message into buf (len at least BB_DHCP_MIN_LEN); returns its
 * length, or 0 if it does not fit. */
size_t bb_dhcp_build(uint8_t *buf, size_t len, const struct bb_dhcp_out *m);

/* Read a server's answer. 0, or -EINVAL with err saying what is wrong
 * (not a BOOTREPLY, a truncated option, no message type...). */
int bb_dhcp_parse(const uint8_t *buf, size_t len, struct bb_dhcp_in *m,
		  char *err, size_t errlen);

const char *bb_dhcp_type_name(enum bb_dhcp_type t);

#endif
