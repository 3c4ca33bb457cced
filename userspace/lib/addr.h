/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* Address types shared by the parsers and the frame builder. */
#ifndef BB_ADDR_H
#define BB_ADDR_H

#include <netinet/in.h>
#include <stdint.h>

#define BB_MAC_LEN 6

/* An IPv4 or IPv6 address; family is AF_INET or AF_INET6. */
struct bb_ip {
	int family;
	union {
		struct in_addr v4;
		struct in6_addr v6;
	};
};

#endif
