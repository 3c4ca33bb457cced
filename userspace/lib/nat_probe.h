/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * NAT discovery probes: the UDP payload a NATed port sends with a flow's
 * own addresses and ports, and the reader of the frames the public side
 * captures (Ethernet, up to two VLAN tags, IPv4, UDP, the probe). Pure
 * byte work; bbd's discovery (userspace/bbd/nat.c) does the sockets.
 *
 * Payload, BB_NAT_PROBE_LEN bytes, big endian, so that the frame is about
 * 100 bytes (14 + 20 + 8 + 58), the size of ByteBlower's probes:
 *   0  "BBNP" magic (the capture's BPF filter matches it)
 *   4  version (1)
 *   5  kind: 0 discovery, 1 second destination (symmetric NAT check)
 *   6  flow index, u16
 *   8  run nonce, u32 (a probe of an older run is not taken)
 *   12 zeros to the end
 */
#ifndef BB_NAT_PROBE_H
#define BB_NAT_PROBE_H

#include <netinet/in.h>
#include <stddef.h>
#include <stdint.h>

#define BB_NAT_PROBE_LEN	58
#define BB_NAT_PROBE_MAGIC	0x42424e50u	/* "BBNP" */
#define BB_NAT_PROBE_VERSION	1

enum bb_nat_probe_kind {
	BB_NAT_PROBE_DISCOVER = 0,
	BB_NAT_PROBE_SECOND = 1,
};

struct bb_nat_token {
	enum bb_nat_probe_kind kind;
	uint16_t flow;
	uint32_t nonce;
};

/* What a captured probe frame says: where it came from (after the NAT)
 * and where it went. */
struct bb_nat_seen {
	struct in_addr src, dst;
	uint16_t sport, dport;		/* host order */
	struct bb_nat_token token;
};

/* The payload of t into buf (BB_NAT_PROBE_LEN bytes). */
void bb_nat_probe_build(uint8_t *buf, const struct bb_nat_token *t);
/* Read a probe payload; 0, or -EINVAL with err saying why. */
int bb_nat_probe_parse(const uint8_t *buf, size_t len,
		       struct bb_nat_token *t, char *err, size_t errlen);
/* Read a captured Ethernet frame carrying a probe; 0, or -EINVAL with err
 * saying why (not IPv4/UDP, truncated, a fragment, not a probe). */
int bb_nat_probe_frame(const uint8_t *frame, size_t len,
		       struct bb_nat_seen *s, char *err, size_t errlen);

#endif
