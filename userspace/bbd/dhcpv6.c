// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* A port's DHCPv6 client: the RFC 8415 state machine on bbd's loop. */
#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <unistd.h>

#include "dhcpv6.h"
#include "log.h"
#include "loop.h"
#include "netns.h"

#define NS_PER_S		1000000000ull
/* Retransmit after 1, 2, 4, 4... s (RFC 8415 doubles up to 3600 s for a
 * SOLICIT: a test run waits for no one, the run's deadline bounds it). */
#define RETRY_MAX_S		4
/* REQUESTs for one ADVERTISE before soliciting again (REQ_MAX_RC 10). */
#define REQUEST_TRIES		4
/* Refusals (NoAddrsAvail, NotOnLink...) of a REQUEST before giving up. */
#define REFUSAL_MAX		3
#define RENEW_MIN_NS		NS_PER_S

static const char *const state_names[] = {
	[BBD_DHCP6_SOLICITING] = "soliciting",
	[BBD_DHCP6_REQUESTING] = "requesting", [BBD_DHCP6_BOUND] = "bound",
	[BBD_DHCP6_RENEWING] = "renewing", [BBD_DHCP6_REBINDING] = "rebinding",
	[BBD_DHCP6_EXPIRED] = "expired", [BBD_DHCP6_FAILED] = "failed",
};

const char *bbd_dhcp6_state_name(enum bbd_dhcp6_state s)
{
	return state_names[s];
}

static void ntoa(const struct in6_addr *a, char *buf)
{
	inet_ntop(AF_INET6, a, buf, INET6_ADDRSTRLEN);
}

static uint32_t new_xid(void)
{
	uint32_t x = 0;

	if (getrandom(&x, sizeof(x), 0) != sizeof(x))
		x = (uint32_t)bbd_now_mono();
	return x & 0xffffff;
}

static int send_msg(struct bbd_dhcp6 *d, enum bb_dhcp6_type type)
{
	struct sockaddr_in6 sa = { .sin6_family = AF_INET6,
				   .sin6_port = htons(BB_DHCP6_SERVER_PORT),
				   .sin6_scope_id = d->ifindex };
	struct bb_dhcp6_out m = { .type = type, .xid = d->xid, .iaid = d->iaid };
	uint64_t cs = (bbd_now_mono() - d->begin_mono) / (NS_PER_S / 100);
	const struct bb_dhcp6_in *with = d->state == BBD_DHCP6_REQUESTING ?
					 &d->offer : &d->lease;
	uint8_t buf[BB_DHCP6_OUT_MAX];
	size_t n;

	inet_pton(AF_INET6, "ff02::1:2", &sa.sin6_addr);
	memcpy(m.mac, d->mac, BB_MAC_LEN);
	/* the first message of an exchange says 0 */
	m.elapsed_cs = !d->tries ? 0 : cs > 0xffff ? 0xffff : (uint16_t)cs;
	if (type != BB_DHCP6_SOLICIT) {
		m.server = with->server;
		m.has_addr = true;
		m.addr = with->addr;
	}
	n = bb_dhcp6_build(buf, sizeof(buf), &m);
	d->tries++;
	if (sendto(d->fd, buf, n, 0, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
		/* EADDRNOTAVAIL until the link-local address passed DAD */
		if (errno != EADDRNOTAVAIL)
			bbd_log_err("dhcp6 %s: sending %s: %s", d->ifname,
				    bb_dhcp6_type_name(type), strerror(errno));
		return -errno;
	}
	return 0;
}

/* Retransmission after the n-th try: 1, 2, 4, 4... s. */
static uint64_t backoff_ns(unsigned int tries)
{
	unsigned int s = tries >= 3 ? RETRY_MAX_S : 1u << (tries ? tries - 1 : 0);

	return s * NS_PER_S;
}

/* A new exchange of type: new transaction id, elapsed time from now. */
static void exchange(struct bbd_dhcp6 *d, enum bbd_dhcp6_state s,
		     enum bb_dhcp6_type type)
{
	d->state = s;
	d->xid = new_xid();
	d->tries = 0;
	d->begin_mono = bbd_now_mono();
	send_msg(d, type);
	d->next_tx_mono = bbd_now_mono() + backoff_ns(d->tries);
}

static void solicit(struct bbd_dhcp6 *d)
{
	exchange(d, BBD_DHCP6_SOLICITING, BB_DHCP6_SOLICIT);
}

/* Lease times from the REPLY: T1 and T2 0 leave them to the client (RFC
 * 8415 section 18.2.4: 0.5 and 0.8 of the preferred lifetime). */
static uint64_t at(const struct bbd_dhcp6 *d, uint32_t s)
{
	return s == BB_DHCP6_INFINITE ? UINT64_MAX :
	       d->bound_mono + (uint64_t)s * NS_PER_S;
}

static uint32_t t1_s(const struct bb_dhcp6_in *l)
{
	return l->t1_s ? l->t1_s : l->preferred_s == BB_DHCP6_INFINITE ?
	       BB_DHCP6_INFINITE : l->preferred_s / 2;
}

static uint32_t t2_s(const struct bb_dhcp6_in *l)
{
	return l->t2_s ? l->t2_s : l->preferred_s == BB_DHCP6_INFINITE ?
	       BB_DHCP6_INFINITE : (uint32_t)((uint64_t)l->preferred_s * 4 / 5);
}

static uint64_t half_way(uint64_t now, uint64_t deadline)
{
	uint64_t half = deadline > now ? (deadline - now) / 2 : 0;

	return now + (half > RENEW_MIN_NS ? half : RENEW_MIN_NS);
}

static void bound(struct bbd_dhcp6 *d, const struct bb_dhcp6_in *r)
{
	char a[INET6_ADDRSTRLEN], was[INET6_ADDRSTRLEN];

	ntoa(&r->addr, a);
	if (d->bound_once && memcmp(&r->addr, &d->lease.addr, sizeof(r->addr))) {
		ntoa(&d->lease.addr, was);
		snprintf(d->err, sizeof(d->err),
			 "the server moved the port from %s to %s mid-run", was, a);
		d->state = BBD_DHCP6_FAILED;
		return;
	}
	if (d->bound_once)
		d->renewals++;
	d->lease = *r;
	d->bound_mono = bbd_now_mono();
	d->bound_once = true;
	d->state = BBD_DHCP6_BOUND;
	d->tries = 0;
	d->next_tx_mono = at(d, t1_s(r));
	bbd_log_info("dhcp6 %s: %s, valid %u s, T1 %u s%s", d->ifname, a,
		     r->valid_s, t1_s(r), d->renewals ? " (renewed)" : "");
}

/* What a failed answer says, as "NoAddrsAvail (text)". */
static void refusal_text(const struct bb_dhcp6_in *m, char *buf, size_t len)
{
	uint16_t code = m->has_status && m->status ? m->status :
			m->has_ia_status ? m->ia_status : BB_DHCP6_NO_ADDRS_AVAIL;
	char b[16];

	snprintf(buf, len, "%s%s%s%s", bb_dhcp6_status_name(code, b, sizeof(b)),
		 m->message[0] ? " (" : "", m->message, m->message[0] ? ")" : "");
}

/* An answer with an address and no failure status? */
static bool grants(const struct bb_dhcp6_in *m)
{
	return m->has_addr && !(m->has_status && m->status) &&
	       !(m->has_ia_status && m->ia_status);
}

/* A REPLY refusing the REQUEST, RENEW or REBIND. */
static void refused(struct bbd_dhcp6 *d, const struct bb_dhcp6_in *m)
{
	char why[160];

	refusal_text(m, why, sizeof(why));
	snprintf(d->err, sizeof(d->err), "the server refused the %s: %s",
		 d->state == BBD_DHCP6_REQUESTING ? "REQUEST" :
		 d->state == BBD_DHCP6_RENEWING ? "RENEW" : "REBIND", why);
	bbd_log_info("dhcp6 %s: %s", d->ifname, d->err);
	if (d->bound_once || ++d->refusals >= REFUSAL_MAX) {
		d->state = BBD_DHCP6_FAILED;
		return;
	}
	solicit(d);
}

static void answer(struct bbd_dhcp6 *d, const struct bb_dhcp6_in *m)
{
	struct bb_dhcp6_duid me;
	char why[160];

	bb_dhcp6_duid_ll(&me, d->mac);
	if (m->xid != d->xid || m->client.len != me.len ||
	    memcmp(m->client.id, me.id, me.len))
		return;				/* another client's */
	if (d->state == BBD_DHCP6_SOLICITING && m->type == BB_DHCP6_ADVERTISE) {
		if (!grants(m)) {
			refusal_text(m, why, sizeof(why));
			snprintf(d->err, sizeof(d->err), "an ADVERTISE without an address: %s", why);
			return;
		}
		d->err[0] = '\0';
		d->offer = *m;
		exchange(d, BBD_DHCP6_REQUESTING, BB_DHCP6_REQUEST);
	} else if (m->type == BB_DHCP6_REPLY &&
		   (d->state == BBD_DHCP6_REQUESTING || d->state == BBD_DHCP6_RENEWING ||
		    d->state == BBD_DHCP6_REBINDING)) {
		if (grants(m))
			bound(d, m);
		else
			refused(d, m);
	}
}

static void on_readable(int fd, uint32_t events, void *arg)
{
	struct bbd_dhcp6 *d = arg;
	uint8_t buf[BB_DHCP6_MAX_LEN];
	struct bb_dhcp6_in m;
	char err[128];
	ssize_t n;

	(void)events;
	while ((n = recv(fd, buf, sizeof(buf), MSG_DONTWAIT)) >= 0) {
		if (bb_dhcp6_parse(buf, n, &m, err, sizeof(err)))
			bbd_log_info("dhcp6 %s: ignored a message: %s", d->ifname, err);
		else
			answer(d, &m);
		if (d->fd < 0)
			return;
	}
}

static int open_socket(struct bbd_dhcp6 *d, int nsfd)
{
	struct sockaddr_in6 sa = { .sin6_family = AF_INET6,
				   .sin6_port = htons(BB_DHCP6_CLIENT_PORT) };
	int one = 1, idx = (int)d->ifindex, fd, ret = 0;

	fd = bbd_netns_socket(nsfd, AF_INET6, SOCK_DGRAM | SOCK_NONBLOCK |
			      SOCK_CLOEXEC, 0);
	if (fd < 0)
		return fd;
	if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) ||
	    setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof(one)) ||
	    setsockopt(fd, IPPROTO_IPV6, IPV6_MULTICAST_IF, &idx, sizeof(idx)) ||
	    setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, d->ifname,
		       strlen(d->ifname) + 1) ||
	    bind(fd, (struct sockaddr *)&sa, sizeof(sa)))
		ret = -errno;
	if (ret) {
		close(fd);
		return ret;
	}
	return fd;
}

int bbd_dhcp6_start(struct bbd_dhcp6 *d, int nsfd, const char *ifname,
		    unsigned int ifindex, const uint8_t *mac)
{
	int ret;

	memset(d, 0, sizeof(*d));
	snprintf(d->ifname, sizeof(d->ifname), "%s", ifname);
	d->ifindex = ifindex;
	memcpy(d->mac, mac, BB_MAC_LEN);
	/* one IA per port: its MAC's last four bytes name it */
	d->iaid = (uint32_t)mac[2] << 24 | (uint32_t)mac[3] << 16 |
		  (uint32_t)mac[4] << 8 | mac[5];
	d->fd = open_socket(d, nsfd);
	if (d->fd < 0)
		return d->fd;
	ret = bbd_loop_add(d->fd, EPOLLIN, on_readable, d);
	if (ret) {
		close(d->fd);
		d->fd = -1;
		return ret;
	}
	solicit(d);
	return 0;
}

/* Past T1: RENEWING; past T2: REBINDING; past the valid lifetime: EXPIRED. */
static void lease_tick(struct bbd_dhcp6 *d, uint64_t now)
{
	uint64_t t2 = at(d, t2_s(&d->lease)), end = at(d, d->lease.valid_s);

	if (now >= end) {
		snprintf(d->err, sizeof(d->err),
			 "the lease ran out: no REPLY to %u RENEW/REBINDs", d->tries);
		d->state = BBD_DHCP6_EXPIRED;
		d->next_tx_mono = UINT64_MAX;
		bbd_log_err("dhcp6 %s: %s", d->ifname, d->err);
		return;
	}
	if (d->state == BBD_DHCP6_BOUND) {
		exchange(d, BBD_DHCP6_RENEWING, BB_DHCP6_RENEW);
		d->next_tx_mono = half_way(now, t2);
		return;
	}
	if (now >= t2 && d->state == BBD_DHCP6_RENEWING) {
		exchange(d, BBD_DHCP6_REBINDING, BB_DHCP6_REBIND);
		d->next_tx_mono = half_way(now, end);
		return;
	}
	send_msg(d, d->state == BBD_DHCP6_RENEWING ? BB_DHCP6_RENEW : BB_DHCP6_REBIND);
	d->next_tx_mono = half_way(now, d->state == BBD_DHCP6_RENEWING ? t2 : end);
}

void bbd_dhcp6_tick(struct bbd_dhcp6 *d)
{
	uint64_t now = bbd_now_mono();

	if (d->fd < 0 || now < d->next_tx_mono)
		return;
	switch (d->state) {
	case BBD_DHCP6_SOLICITING:
		send_msg(d, BB_DHCP6_SOLICIT);
		d->next_tx_mono = now + backoff_ns(d->tries);
		break;
	case BBD_DHCP6_REQUESTING:
		if (d->tries >= REQUEST_TRIES) {
			bbd_log_info("dhcp6 %s: no REPLY to %u REQUESTs, soliciting again",
				     d->ifname, d->tries);
			solicit(d);
			break;
		}
		send_msg(d, BB_DHCP6_REQUEST);
		d->next_tx_mono = now + backoff_ns(d->tries);
		break;
	case BBD_DHCP6_BOUND:
	case BBD_DHCP6_RENEWING:
	case BBD_DHCP6_REBINDING:
		lease_tick(d, now);
		break;
	default:
		d->next_tx_mono = UINT64_MAX;
	}
}

void bbd_dhcp6_stop(struct bbd_dhcp6 *d)
{
	if (d->fd < 0)
		return;
	if (bbd_dhcp6_has_lease(d)) {
		d->xid = new_xid();
		d->tries = 0;
		send_msg(d, BB_DHCP6_RELEASE);
		bbd_log_info("dhcp6 %s: lease released", d->ifname);
	}
	bbd_loop_del(d->fd);
	close(d->fd);
	d->fd = -1;
}

bool bbd_dhcp6_has_lease(const struct bbd_dhcp6 *d)
{
	return d->state == BBD_DHCP6_BOUND || d->state == BBD_DHCP6_RENEWING ||
	       d->state == BBD_DHCP6_REBINDING;
}

void bbd_dhcp6_why(const struct bbd_dhcp6 *d, char *buf, size_t len)
{
	char a[INET6_ADDRSTRLEN];

	if (d->err[0]) {
		snprintf(buf, len, "%s", d->err);
	} else if (d->state == BBD_DHCP6_REQUESTING) {
		ntoa(&d->offer.addr, a);
		snprintf(buf, len, "a server advertised %s but sent no REPLY to %u REQUESTs",
			 a, d->tries);
	} else {
		snprintf(buf, len, "no ADVERTISE with an address (%u SOLICITs sent)",
			 d->tries);
	}
}
