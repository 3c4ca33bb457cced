/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Strict parsers for command-line values. They return 0 or a negative
 * errno (-EINVAL: not of the expected form, -ERANGE: out of range) and
 * leave the wording of messages to the caller, who knows the field name.
 */
#ifndef BB_PARSE_H
#define BB_PARSE_H

#include <stdint.h>

#include "addr.h"

/* Decimal integer in [min, max]; no sign, no spaces, no hex. */
int bb_parse_u64(const char *s, uint64_t min, uint64_t max, uint64_t *out);

/* Six hex bytes separated by ':' (e.g. 02:00:00:00:00:01). */
int bb_parse_mac(const char *s, uint8_t mac[BB_MAC_LEN]);

/* An IPv4 or IPv6 address in its usual text form. */
int bb_parse_ip(const char *s, struct bb_ip *ip);

#endif
