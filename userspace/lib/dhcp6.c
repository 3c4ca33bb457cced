// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* DHCPv6 messages: a 4-byte header (type, transaction id), then options
 * of code (2), length (2) and data; IA_NA and IAADDR nest options. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "dhcp6.h"

#define HDR_LEN		4
#define OPT_HDR		4
#define IA_NA_FIXED	12	/* IAID, T1, T2 */
#define IAADDR_FIXED	24	/* address, preferred and valid lifetimes */
#define DUID_LL		3
#define HTYPE_ETHER	1

enum {
	OPT_CLIENTID = 1,
	OPT_SERVERID = 2,
	OPT_IA_NA = 3,
	OPT_IAADDR = 5,
	OPT_ORO = 6,
	OPT_PREFERENCE = 7,
	OPT_ELAPSED_TIME = 8,
	OPT_STATUS_CODE = 13,
	OPT_RAPID_COMMIT = 14,
};

static const char *const type_names[] = {
	[BB_DHCP6_SOLICIT] = "SOLICIT", [BB_DHCP6_ADVERTISE] = "ADVERTISE",
	[BB_DHCP6_REQUEST] = "REQUEST", [BB_DHCP6_CONFIRM] = "CONFIRM",
	[BB_DHCP6_RENEW] = "RENEW", [BB_DHCP6_REBIND] = "REBIND",
	[BB_DHCP6_REPLY] = "REPLY", [BB_DHCP6_RELEASE] = "RELEASE",
	[BB_DHCP6_DECLINE] = "DECLINE", [BB_DHCP6_RECONFIGURE] = "RECONFIGURE",
	[BB_DHCP6_INFO_REQUEST] = "INFORMATION-REQUEST",
};

static const char *const status_names[] = {
	"Success", "UnspecFail", "NoAddrsAvail", "NoBinding", "NotOnLink",
	"UseMulticast",
};

const char *bb_dhcp6_type_name(enum bb_dhcp6_type t)
{
	if (t < BB_DHCP6_SOLICIT || t > BB_DHCP6_INFO_REQUEST)
		return "unknown";
	return type_names[t];
}

const char *bb_dhcp6_status_name(uint16_t code, char *buf, size_t len)
{
	if (code < sizeof(status_names) / sizeof(status_names[0]))
		return status_names[code];
	snprintf(buf, len, "status %u", code);
	return buf;
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

static uint16_t get16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | p[2] << 8 | p[3];
}

void bb_dhcp6_duid_ll(struct bb_dhcp6_duid *d, const uint8_t *mac)
{
	put16(d->id, DUID_LL);
	put16(d->id + 2, HTYPE_ETHER);
	memcpy(d->id + 4, mac, BB_MAC_LEN);
	d->len = 4 + BB_MAC_LEN;
}

/* An option's header at *pos; returns where its data goes. */
static uint8_t *opt(uint8_t *buf, size_t *pos, uint16_t code, uint16_t len)
{
	uint8_t *p = buf + *pos;

	put16(p, code);
	put16(p + 2, len);
	*pos += OPT_HDR + len;
	return p + OPT_HDR;
}

size_t bb_dhcp6_build(uint8_t *buf, size_t len, const struct bb_dhcp6_out *m)
{
	/* no options asked for: the address is all a test port needs */
	struct bb_dhcp6_duid me;
	size_t pos = HDR_LEN;
	uint8_t *p;

	if (len < BB_DHCP6_OUT_MAX || m->server.len > BB_DHCP6_DUID_MAX)
		return 0;
	memset(buf, 0, BB_DHCP6_OUT_MAX);
	put32(buf, m->xid & 0xffffff);
	buf[0] = (uint8_t)m->type;
	bb_dhcp6_duid_ll(&me, m->mac);
	memcpy(opt(buf, &pos, OPT_CLIENTID, me.len), me.id, me.len);
	if (m->server.len && m->type != BB_DHCP6_SOLICIT &&
	    m->type != BB_DHCP6_REBIND)
		memcpy(opt(buf, &pos, OPT_SERVERID, m->server.len), m->server.id,
		       m->server.len);
	put16(opt(buf, &pos, OPT_ELAPSED_TIME, 2), m->elapsed_cs);
	p = opt(buf, &pos, OPT_IA_NA, IA_NA_FIXED +
		(m->has_addr ? OPT_HDR + IAADDR_FIXED : 0));
	/* T1 and T2 0: the server chooses */
	put32(p, m->iaid);
	if (m->has_addr) {
		pos -= OPT_HDR + IAADDR_FIXED;
		/* lifetimes 0: the server chooses (and ignores them in RELEASE) */
		memcpy(opt(buf, &pos, OPT_IAADDR, IAADDR_FIXED), &m->addr, 16);
	}
	return pos;
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

/* Walk the options in p[0..len): cb for each; 0 or the first failure. */
typedef int (*opt_cb)(struct bb_dhcp6_in *m, uint16_t code, const uint8_t *v,
		      uint16_t len, char *err, size_t errlen);

static int walk(struct bb_dhcp6_in *m, const uint8_t *p, size_t len,
		opt_cb cb, char *err, size_t errlen)
{
	size_t i = 0;
	uint16_t code, olen;
	int ret;

	while (i < len) {
		if (len - i < OPT_HDR)
			return fail(err, errlen, "%zu stray bytes after the last option", len - i);
		code = get16(p + i);
		olen = get16(p + i + 2);
		if (olen > len - i - OPT_HDR)
			return fail(err, errlen, "option %u runs past the end of the message", code);
		ret = cb(m, code, p + i + OPT_HDR, olen, err, errlen);
		if (ret)
			return ret;
		i += OPT_HDR + olen;
	}
	return 0;
}

static int status(const uint8_t *v, uint16_t len, uint16_t *code, char *msg,
		  size_t msglen, char *err, size_t errlen)
{
	if (len < 2)
		return fail(err, errlen, "option 13: length %u (a status code has at least 2)", len);
	*code = get16(v);
	/* the text is UTF-8 from the server: keep it printable ASCII */
	snprintf(msg, msglen, "%.*s", (int)(len - 2), v + 2);
	for (; *msg; msg++)
		if (*msg < 0x20 || *msg > 0x7e)
			*msg = '?';
	return 0;
}

static int duid(struct bb_dhcp6_duid *d, uint16_t code, const uint8_t *v,
		uint16_t len, char *err, size_t errlen)
{
	if (len < 2 || len > BB_DHCP6_DUID_MAX)
		return fail(err, errlen, "option %u: a DUID of %u bytes (2 to %u)",
			    code, len, BB_DHCP6_DUID_MAX);
	memcpy(d->id, v, len);
	d->len = len;
	return 0;
}

/* Inside an IAADDR: only its status. */
static int in_iaaddr(struct bb_dhcp6_in *m, uint16_t code, const uint8_t *v,
		     uint16_t len, char *err, size_t errlen)
{
	uint16_t st;
	char text[sizeof(m->message)];
	int ret = 0;

	if (code == OPT_STATUS_CODE) {
		ret = status(v, len, &st, text, sizeof(text), err, errlen);
		if (!ret && st != BB_DHCP6_SUCCESS && !m->has_ia_status) {
			m->has_ia_status = true;
			m->ia_status = st;
			memcpy(m->message, text, sizeof(text));
		}
	}
	return ret;
}

static int iaaddr(struct bb_dhcp6_in *m, const uint8_t *v, uint16_t len,
		  char *err, size_t errlen)
{
	uint32_t pref, valid;

	if (len < IAADDR_FIXED)
		return fail(err, errlen, "option 5: length %u (an IA address has at least %u)",
			    len, IAADDR_FIXED);
	pref = get32(v + 16);
	valid = get32(v + 20);
	if (pref > valid)
		return fail(err, errlen, "option 5: preferred lifetime %u is above the valid lifetime %u",
			    pref, valid);
	if (!m->has_addr && valid) {
		memcpy(&m->addr, v, 16);
		m->preferred_s = pref;
		m->valid_s = valid;
		m->has_addr = true;
	}
	return walk(m, v + IAADDR_FIXED, len - IAADDR_FIXED, in_iaaddr, err, errlen);
}

/* Inside the IA_NA: addresses and the IA's status. */
static int in_ia(struct bb_dhcp6_in *m, uint16_t code, const uint8_t *v,
		 uint16_t len, char *err, size_t errlen)
{
	char text[sizeof(m->message)];
	uint16_t st;
	int ret;

	if (code == OPT_IAADDR)
		return iaaddr(m, v, len, err, errlen);
	if (code != OPT_STATUS_CODE)
		return 0;
	ret = status(v, len, &st, text, sizeof(text), err, errlen);
	if (!ret && !m->has_ia_status) {
		m->has_ia_status = true;
		m->ia_status = st;
		memcpy(m->message, text, sizeof(text));
	}
	return ret;
}

static int ia_na(struct bb_dhcp6_in *m, const uint8_t *v, uint16_t len,
		 char *err, size_t errlen)
{
	if (len < IA_NA_FIXED)
		return fail(err, errlen, "option 3: length %u (an IA_NA has at least %u)",
			    len, IA_NA_FIXED);
	if (m->has_ia)
		return 0;	/* the client asks for one: the first is it */
	m->has_ia = true;
	m->iaid = get32(v);
	m->t1_s = get32(v + 4);
	m->t2_s = get32(v + 8);
	if (m->t2_s && m->t1_s > m->t2_s)
		return fail(err, errlen, "option 3: T1 %u is above T2 %u", m->t1_s, m->t2_s);
	return walk(m, v + IA_NA_FIXED, len - IA_NA_FIXED, in_ia, err, errlen);
}

static int top(struct bb_dhcp6_in *m, uint16_t code, const uint8_t *v,
	       uint16_t len, char *err, size_t errlen)
{
	char text[sizeof(m->message)];
	int ret;

	switch (code) {
	case OPT_CLIENTID:
		return duid(&m->client, code, v, len, err, errlen);
	case OPT_SERVERID:
		return duid(&m->server, code, v, len, err, errlen);
	case OPT_IA_NA:
		return ia_na(m, v, len, err, errlen);
	case OPT_PREFERENCE:
		if (len != 1)
			return fail(err, errlen, "option 7: length %u (must be 1)", len);
		m->preference = v[0];
		return 0;
	case OPT_RAPID_COMMIT:
		m->rapid_commit = true;
		return 0;
	case OPT_STATUS_CODE:
		ret = status(v, len, &m->status, text, sizeof(text), err, errlen);
		m->has_status = !ret;
		/* the message's own status says more than the IA's */
		if (!ret && m->status != BB_DHCP6_SUCCESS)
			memcpy(m->message, text, sizeof(text));
		return ret;
	}
	return 0;
}

int bb_dhcp6_parse(const uint8_t *buf, size_t len, struct bb_dhcp6_in *m,
		   char *err, size_t errlen)
{
	int ret;

	memset(m, 0, sizeof(*m));
	if (len < HDR_LEN)
		return fail(err, errlen, "%zu bytes (a DHCPv6 message has at least %u)",
			    len, HDR_LEN);
	m->type = buf[0];
	m->xid = get32(buf) & 0xffffff;
	if (m->type != BB_DHCP6_ADVERTISE && m->type != BB_DHCP6_REPLY)
		return fail(err, errlen, "message type %u (%s) is not ADVERTISE or REPLY",
			    buf[0], bb_dhcp6_type_name(m->type));
	ret = walk(m, buf + HDR_LEN, len - HDR_LEN, top, err, errlen);
	if (ret)
		return ret;
	if (!m->server.len)
		return fail(err, errlen, "no server identifier (option 2)");
	if (!m->client.len)
		return fail(err, errlen, "no client identifier (option 1)");
	return 0;
}
