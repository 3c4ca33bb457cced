// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* DHCPv4 messages: the BOOTP fixed part, the cookie, then options. */
#include <arpa/inet.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "dhcp4.h"

/* Offsets in the BOOTP fixed part (RFC 2131 figure 1). */
#define OFF_OP		0
#define OFF_HTYPE	1
#define OFF_HLEN	2
#define OFF_XID		4
#define OFF_SECS	8
#define OFF_FLAGS	10
#define OFF_CIADDR	12
#define OFF_YIADDR	16
#define OFF_CHADDR	28
#define OFF_SNAME	44
#define OFF_FILE	108
#define OFF_COOKIE	236
#define SNAME_LEN	64
#define FILE_LEN	128

#define BOOTREQUEST	1
#define BOOTREPLY	2
#define HTYPE_ETHER	1
#define FLAG_BROADCAST	0x8000
#define COOKIE		0x63825363u

enum {
	OPT_PAD = 0,
	OPT_MASK = 1,
	OPT_ROUTER = 3,
	OPT_HOSTNAME = 12,
	OPT_REQUESTED = 50,
	OPT_LEASE = 51,
	OPT_OVERLOAD = 52,
	OPT_TYPE = 53,
	OPT_SERVER_ID = 54,
	OPT_PARAMS = 55,
	OPT_MESSAGE = 56,
	OPT_MAX_SIZE = 57,
	OPT_T1 = 58,
	OPT_T2 = 59,
	OPT_CLIENT_ID = 61,
	OPT_END = 255,
};

static const char *const type_names[] = {
	[BB_DHCP_DISCOVER] = "DISCOVER", [BB_DHCP_OFFER] = "OFFER",
	[BB_DHCP_REQUEST] = "REQUEST", [BB_DHCP_DECLINE] = "DECLINE",
	[BB_DHCP_ACK] = "ACK", [BB_DHCP_NAK] = "NAK",
	[BB_DHCP_RELEASE] = "RELEASE", [BB_DHCP_INFORM] = "INFORM",
};

const char *bb_dhcp_type_name(enum bb_dhcp_type t)
{
	if (t < BB_DHCP_DISCOVER || t > BB_DHCP_INFORM)
		return "unknown";
	return type_names[t];
}

static void put16(uint8_t *p, uint16_t v)
{
	p[0] = v >> 8;
	p[1] = v;
}

static void put32(uint8_t *p, uint32_t v)
{
	put16(p, v >> 16);
	put16(p + 2, v);
}

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | p[2] << 8 | p[3];
}

/* Options are written at *pos; the caller sized buf for all of them. */
static void opt(uint8_t *buf, size_t *pos, uint8_t code, const void *v,
		uint8_t len)
{
	buf[(*pos)++] = code;
	buf[(*pos)++] = len;
	memcpy(buf + *pos, v, len);
	*pos += len;
}

static void opt_addr(uint8_t *buf, size_t *pos, uint8_t code,
		     struct in_addr a)
{
	if (a.s_addr)
		opt(buf, pos, code, &a, 4);
}

size_t bb_dhcp_build(uint8_t *buf, size_t len, const struct bb_dhcp_out *m)
{
	/* what a test port needs: mask, router, lease and renewal times */
	static const uint8_t params[] = { OPT_MASK, OPT_ROUTER, OPT_LEASE,
					  OPT_SERVER_ID, OPT_T1, OPT_T2 };
	size_t host = m->hostname ? strnlen(m->hostname, 255) : 0, pos;
	uint8_t type = m->type, client_id[1 + BB_MAC_LEN] = { HTYPE_ETHER };
	uint8_t max_size[2];

	/* fixed part, 6 options of at most 9 bytes, the hostname, END */
	if (len < BB_DHCP_MIN_LEN || len < BB_DHCP_FIXED_LEN + 64 + host)
		return 0;
	memset(buf, 0, len);
	buf[OFF_OP] = BOOTREQUEST;
	buf[OFF_HTYPE] = HTYPE_ETHER;
	buf[OFF_HLEN] = BB_MAC_LEN;
	put32(buf + OFF_XID, m->xid);
	put16(buf + OFF_SECS, m->secs);
	put16(buf + OFF_FLAGS, m->broadcast ? FLAG_BROADCAST : 0);
	memcpy(buf + OFF_CIADDR, &m->ciaddr, 4);
	memcpy(buf + OFF_CHADDR, m->mac, BB_MAC_LEN);
	put32(buf + OFF_COOKIE, COOKIE);
	pos = BB_DHCP_FIXED_LEN;
	opt(buf, &pos, OPT_TYPE, &type, 1);
	memcpy(client_id + 1, m->mac, BB_MAC_LEN);
	opt(buf, &pos, OPT_CLIENT_ID, client_id, sizeof(client_id));
	opt_addr(buf, &pos, OPT_REQUESTED, m->requested);
	opt_addr(buf, &pos, OPT_SERVER_ID, m->server_id);
	if (m->type != BB_DHCP_RELEASE && m->type != BB_DHCP_DECLINE) {
		opt(buf, &pos, OPT_PARAMS, params, sizeof(params));
		put16(max_size, BB_DHCP_MAX_LEN);
		opt(buf, &pos, OPT_MAX_SIZE, max_size, sizeof(max_size));
		if (host)
			opt(buf, &pos, OPT_HOSTNAME, m->hostname, host);
	}
	buf[pos++] = OPT_END;
	return pos < BB_DHCP_MIN_LEN ? BB_DHCP_MIN_LEN : pos;
}

static int __attribute__((format(printf, 3, 4)))
fail(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return -EINVAL;
}

/* A netmask's prefix length; -1 if its ones are not contiguous. */
static int mask_prefix(const uint8_t *v)
{
	uint32_t m = get32(v);
	int n = 0;

	while (n < 32 && m & 0x80000000u >> n)
		n++;
	return n < 32 && m << n ? -1 : n;
}

/* One option into m; 0 or -EINVAL for a length its code does not allow. */
static int take(struct bb_dhcp_in *m, uint8_t code, const uint8_t *v,
		uint8_t len, uint8_t *overload, char *err, size_t errlen)
{
	static const uint8_t fixed_len[256] = {
		[OPT_MASK] = 4, [OPT_SERVER_ID] = 4, [OPT_LEASE] = 4,
		[OPT_T1] = 4, [OPT_T2] = 4, [OPT_TYPE] = 1, [OPT_OVERLOAD] = 1,
	};
	int prefix;

	if (fixed_len[code] && len != fixed_len[code])
		return fail(err, errlen, "option %u: length %u (must be %u)",
			    code, len, fixed_len[code]);
	switch (code) {
	case OPT_TYPE:
		m->type = v[0];
		break;
	case OPT_OVERLOAD:
		*overload = v[0];
		break;
	case OPT_MASK:
		prefix = mask_prefix(v);
		if (prefix < 0)
			return fail(err, errlen, "option 1: %u.%u.%u.%u is not a contiguous netmask",
				    v[0], v[1], v[2], v[3]);
		m->prefix = prefix;
		m->has_mask = true;
		break;
	case OPT_ROUTER:
		if (len < 4 || len % 4)
			return fail(err, errlen, "option 3: length %u (must be a multiple of 4)", len);
		memcpy(&m->router, v, 4);
		m->has_router = true;
		break;
	case OPT_SERVER_ID:
		memcpy(&m->server_id, v, 4);
		m->has_server_id = true;
		break;
	case OPT_LEASE:
		m->lease_s = get32(v);
		m->has_lease = true;
		break;
	case OPT_T1:
		m->t1_s = get32(v);
		m->has_t1 = true;
		break;
	case OPT_T2:
		m->t2_s = get32(v);
		m->has_t2 = true;
		break;
	case OPT_MESSAGE:
		snprintf(m->message, sizeof(m->message), "%.*s", len, v);
		break;
	}
	return 0;
}

/* The options of one area: the options field, or sname/file overloaded. */
static int options(struct bb_dhcp_in *m, const uint8_t *p, size_t len,
		   uint8_t *overload, char *err, size_t errlen)
{
	size_t i = 0;
	int ret;

	while (i < len) {
		uint8_t code = p[i++];

		if (code == OPT_END)
			return 0;
		if (code == OPT_PAD)
			continue;
		if (i >= len || i + 1 + p[i] > len)
			return fail(err, errlen, "option %u runs past the end of the message", code);
		ret = take(m, code, p + i + 1, p[i], overload, err, errlen);
		if (ret)
			return ret;
		i += 1 + p[i];
	}
	return 0;
}

int bb_dhcp_parse(const uint8_t *buf, size_t len, struct bb_dhcp_in *m,
		  char *err, size_t errlen)
{
	uint8_t overload = 0;
	int ret;

	memset(m, 0, sizeof(*m));
	if (len < BB_DHCP_FIXED_LEN)
		return fail(err, errlen, "%zu bytes (a DHCP message has at least %u)",
			    len, BB_DHCP_FIXED_LEN);
	if (buf[OFF_OP] != BOOTREPLY)
		return fail(err, errlen, "op %u is not BOOTREPLY", buf[OFF_OP]);
	if (buf[OFF_HTYPE] != HTYPE_ETHER || buf[OFF_HLEN] != BB_MAC_LEN)
		return fail(err, errlen, "hardware type %u length %u (not Ethernet)",
			    buf[OFF_HTYPE], buf[OFF_HLEN]);
	if (get32(buf + OFF_COOKIE) != COOKIE)
		return fail(err, errlen, "no DHCP magic cookie (plain BOOTP)");
	m->xid = get32(buf + OFF_XID);
	memcpy(m->mac, buf + OFF_CHADDR, BB_MAC_LEN);
	memcpy(&m->yiaddr, buf + OFF_YIADDR, 4);
	ret = options(m, buf + BB_DHCP_FIXED_LEN, len - BB_DHCP_FIXED_LEN,
		      &overload, err, errlen);
	/* option 52: 1 file, 2 sname, 3 both hold more options */
	if (!ret && overload & 1)
		ret = options(m, buf + OFF_FILE, FILE_LEN, &overload, err, errlen);
	if (!ret && overload & 2)
		ret = options(m, buf + OFF_SNAME, SNAME_LEN, &overload, err, errlen);
	if (ret)
		return ret;
	if (!m->type)
		return fail(err, errlen, "no message type (option 53)");
	if (m->type > BB_DHCP_INFORM)
		return fail(err, errlen, "message type %u is unknown", m->type);
	return 0;
}
