/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * DHCPv6 messages (RFC 8415) for a stateful address: what a client sends
 * (SOLICIT, REQUEST, RENEW, REBIND, RELEASE with one IA_NA) and what it
 * takes from a server's ADVERTISE or REPLY. Pure byte work, no sockets:
 * bbd's client (userspace/bbd/dhcp6.c) does the talking.
 */
#ifndef BB_DHCP6_H
#define BB_DHCP6_H

#include <netinet/in.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "addr.h"

#define BB_DHCP6_CLIENT_PORT	546
#define BB_DHCP6_SERVER_PORT	547
/* A client message: header, client and server DUIDs, IA_NA with one
 * address, elapsed time, option request: well under this. */
#define BB_DHCP6_OUT_MAX	256
#define BB_DHCP6_MAX_LEN	1452	/* an IPv6 minimum MTU's UDP payload */
#define BB_DHCP6_DUID_MAX	128	/* RFC 8415 section 11.1 */
#define BB_DHCP6_INFINITE	0xffffffffu

enum bb_dhcp6_type {
	BB_DHCP6_SOLICIT = 1,
	BB_DHCP6_ADVERTISE,
	BB_DHCP6_REQUEST,
	BB_DHCP6_CONFIRM,
	BB_DHCP6_RENEW,
	BB_DHCP6_REBIND,
	BB_DHCP6_REPLY,
	BB_DHCP6_RELEASE,
	BB_DHCP6_DECLINE,
	BB_DHCP6_RECONFIGURE,
	BB_DHCP6_INFO_REQUEST,
};

/* Status codes (RFC 8415 section 21.13). */
enum bb_dhcp6_status {
	BB_DHCP6_SUCCESS = 0,
	BB_DHCP6_UNSPEC_FAIL,
	BB_DHCP6_NO_ADDRS_AVAIL,
	BB_DHCP6_NO_BINDING,
	BB_DHCP6_NOT_ON_LINK,
	BB_DHCP6_USE_MULTICAST,
};

struct bb_dhcp6_duid {
	uint16_t len;			/* 0: none */
	uint8_t id[BB_DHCP6_DUID_MAX];
};

/* What the client puts in a message. Its DUID is DUID-LL of mac; the
 * server's DUID and the address are left out when empty/unset. */
struct bb_dhcp6_out {
	enum bb_dhcp6_type type;
	uint32_t xid;			/* 24 bits */
	uint16_t elapsed_cs;		/* since the exchange began, 1/100 s */
	uint8_t mac[BB_MAC_LEN];
	uint32_t iaid;
	struct bb_dhcp6_duid server;	/* REQUEST, RENEW, RELEASE, DECLINE */
	bool has_addr;
	struct in6_addr addr;		/* the IA_NA's address */
};

/* What the client takes from an ADVERTISE or REPLY; the first IA_NA and
 * its first address with a non-zero valid lifetime. Times in seconds. */
struct bb_dhcp6_in {
	enum bb_dhcp6_type type;
	uint32_t xid;
	struct bb_dhcp6_duid client, server;
	uint8_t preference;		/* 0 when absent */
	bool has_status;		/* the message's own status */
	uint16_t status;
	bool has_ia;
	uint32_t iaid, t1_s, t2_s;
	bool has_ia_status;		/* the IA_NA's status */
	uint16_t ia_status;
	bool has_addr;
	struct in6_addr addr;
	uint32_t preferred_s, valid_s;
	bool rapid_commit;
	char message[128];		/* the status text that came with a failure */
};

/* Write the message into buf (len at least BB_DHCP6_OUT_MAX); returns
 * its length, or 0 if it does not fit. */
size_t bb_dhcp6_build(uint8_t *buf, size_t len, const struct bb_dhcp6_out *m);

/* Read a server's ADVERTISE or REPLY. 0, or -EINVAL with err saying what
 * is wrong (another type, a truncated option, no server DUID...). */
int bb_dhcp6_parse(const uint8_t *buf, size_t len, struct bb_dhcp6_in *m,
		   char *err, size_t errlen);

/* The DUID-LL (type 3, Ethernet) of mac, as the client sends it. */
void bb_dhcp6_duid_ll(struct bb_dhcp6_duid *d, const uint8_t *mac);

const char *bb_dhcp6_type_name(enum bb_dhcp6_type t);
/* "NoAddrsAvail"... or "status 42". buf holds 16 bytes at least. */
const char *bb_dhcp6_status_name(uint16_t code, char *buf, size_t len);

#endif
