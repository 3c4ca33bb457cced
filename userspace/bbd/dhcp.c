// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* A port's DHCPv4 client: the RFC 2131 state machine on bbd's loop. */
#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <unistd.h>

#include "dhcp.h"
#include "log.h"
#include "loop.h"
#include "netns.h"

#define NS_PER_S		1000000000ull
/* Retransmit after 1, 2, 4, 4... s: a test run waits for no one, and
 * a lost DISCOVER on a LAN is rare (RFC 2131 suggests 4, 8, 16...). */
#define RETRY_MAX_S		4
/* REQUESTs for one OFFER before starting over with a DISCOVER. */
#define REQUEST_TRIES		4
#define NAK_MAX			3
#define DECLINE_MAX		3
/* ARP probes for an ACKed address, and how long to listen after each.
 * RFC 5227 waits seconds; 2 x 200 ms catches a host that holds the
 * address on a LAN without holding up the run. */
#define PROBES			2
#define PROBE_WAIT_NS		200000000ull
/* After a DECLINE, a fresh DISCOVER (RFC 2131 says wait 10 s: a run
 * cannot, and DECLINE_MAX bounds the loop). */
#define DECLINE_WAIT_NS		NS_PER_S
/* Renew and rebind retransmit at half the time left, at least this. */
#define RENEW_MIN_NS		NS_PER_S
#define INFINITE_LEASE		0xffffffffu

static const char *const state_names[] = {
	[BBD_DHCP_SELECTING] = "selecting", [BBD_DHCP_REQUESTING] = "requesting",
	[BBD_DHCP_CHECKING] = "checking",
	[BBD_DHCP_BOUND] = "bound", [BBD_DHCP_RENEWING] = "renewing",
	[BBD_DHCP_REBINDING] = "rebinding", [BBD_DHCP_EXPIRED] = "expired",
	[BBD_DHCP_FAILED] = "failed",
};

const char *bbd_dhcp_state_name(enum bbd_dhcp_state s)
{
	return state_names[s];
}

static void ntoa(struct in_addr a, char *buf)
{
	inet_ntop(AF_INET, &a, buf, INET_ADDRSTRLEN);
}

static uint32_t new_xid(void)
{
	uint32_t x = 0;

	if (getrandom(&x, sizeof(x), 0) != sizeof(x))
		x = (uint32_t)bbd_now_mono();
	return x;
}

static int send_msg(struct bbd_dhcp *d, enum bb_dhcp_type type,
		    struct in_addr to)
{
	struct sockaddr_in sa = { .sin_family = AF_INET,
				  .sin_port = htons(BB_DHCP_SERVER_PORT),
				  .sin_addr = to };
	struct bb_dhcp_out m = { .type = type, .xid = d->xid,
				 .hostname = d->hostname };
	uint64_t secs = (bbd_now_mono() - d->begin_mono) / NS_PER_S;
	bool have = bbd_dhcp_has_lease(d) || d->state == BBD_DHCP_EXPIRED;
	uint8_t buf[BB_DHCP_MAX_LEN];
	size_t n;

	memcpy(m.mac, d->mac, BB_MAC_LEN);
	m.secs = secs > 0xffff ? 0xffff : secs;
	/* before an address, answers can only come as broadcasts */
	m.broadcast = !have;
	if (have && type != BB_DHCP_DISCOVER)
		m.ciaddr = d->lease.yiaddr;
	if (d->state == BBD_DHCP_REQUESTING) {
		m.requested = d->offer.yiaddr;
		m.server_id = d->offer.server_id;
	}
	if (type == BB_DHCP_RELEASE)
		m.server_id = d->lease.server_id;
	if (type == BB_DHCP_DECLINE) {
		m.requested = d->lease.yiaddr;
		m.server_id = d->lease.server_id;
	}
	n = bb_dhcp_build(buf, sizeof(buf), &m);
	if (sendto(d->fd, buf, n, 0, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
		bbd_log_err("dhcp %s: sending %s: %s", d->ifname,
			    bb_dhcp_type_name(type), strerror(errno));
		return -errno;
	}
	d->tries++;
	return 0;
}

static const struct in_addr bcast = { .s_addr = INADDR_BROADCAST };

/* Retransmission after the n-th try: 1, 2, 4, 4... s. */
static uint64_t backoff_ns(unsigned int tries)
{
	unsigned int s = tries >= 3 ? RETRY_MAX_S : 1u << (tries - 1);

	return s * NS_PER_S;
}

/* SELECTING with a new exchange: new xid, secs from now. */
static void restart(struct bbd_dhcp *d)
{
	d->state = BBD_DHCP_SELECTING;
	d->xid = new_xid();
	d->tries = 0;
	d->begin_mono = bbd_now_mono();
}

static void discover(struct bbd_dhcp *d)
{
	restart(d);
	send_msg(d, BB_DHCP_DISCOVER, bcast);
	d->next_tx_mono = bbd_now_mono() + backoff_ns(d->tries);
}

/* Lease times, from when the ACK came; T1/T2 default to 1/2 and 7/8. */
static uint64_t at(const struct bbd_dhcp *d, uint32_t s)
{
	return d->bound_mono + (uint64_t)s * NS_PER_S;
}

static uint32_t t1_s(const struct bb_dhcp_in *l)
{
	return l->has_t1 ? l->t1_s : l->lease_s / 2;
}

static uint32_t t2_s(const struct bb_dhcp_in *l)
{
	return l->has_t2 ? l->t2_s : (uint32_t)((uint64_t)l->lease_s * 7 / 8);
}

/* The next retransmission while renewing or rebinding: half the time to
 * deadline, at least RENEW_MIN_NS. */
static uint64_t half_way(uint64_t now, uint64_t deadline)
{
	uint64_t half = deadline > now ? (deadline - now) / 2 : 0;

	return now + (half > RENEW_MIN_NS ? half : RENEW_MIN_NS);
}

/* The lease holds: BOUND until T1. */
static void commit(struct bbd_dhcp *d)
{
	char a[INET_ADDRSTRLEN], s[INET_ADDRSTRLEN];

	bbd_arp_probe_close(&d->arp);
	d->bound_once = true;
	d->state = BBD_DHCP_BOUND;
	d->tries = 0;
	d->next_tx_mono = d->lease.lease_s == INFINITE_LEASE ? UINT64_MAX :
			  at(d, t1_s(&d->lease));
	ntoa(d->lease.yiaddr, a);
	ntoa(d->lease.server_id, s);
	bbd_log_info("dhcp %s: %s/%u from %s, lease %u s%s", d->ifname, a,
		     d->lease.prefix, s, d->lease.lease_s,
		     d->renewals ? " (renewed)" : "");
}

static void bound(struct bbd_dhcp *d, const struct bb_dhcp_in *ack)
{
	char a[INET_ADDRSTRLEN], s[INET_ADDRSTRLEN];

	if (d->bound_once && ack->yiaddr.s_addr != d->lease.yiaddr.s_addr) {
		ntoa(ack->yiaddr, a);
		ntoa(d->lease.yiaddr, s);
		snprintf(d->err, sizeof(d->err),
			 "the server moved the port from %s to %s mid-run", s, a);
		d->state = BBD_DHCP_FAILED;
		return;
	}
	if (d->bound_once)
		d->renewals++;
	d->lease = *ack;
	if (!d->lease.has_server_id)
		d->lease.server_id = d->offer.server_id;
	/* lease times count from the ACK */
	d->bound_mono = bbd_now_mono();
	if (d->bound_once) {
		commit(d);
		return;
	}
	d->state = BBD_DHCP_CHECKING;
	bbd_arp_probe_watch(&d->arp, d->lease.yiaddr);
	d->tries = 0;
	d->next_tx_mono = 0;	/* the first probe at the next tick */
}

/* Another host answered for the ACKed address: DECLINE it, start over. */
static void decline(struct bbd_dhcp *d)
{
	char a[INET_ADDRSTRLEN], s[INET_ADDRSTRLEN];
	const uint8_t *m = d->arp.holder;

	send_msg(d, BB_DHCP_DECLINE, bcast);
	ntoa(d->lease.yiaddr, a);
	ntoa(d->lease.server_id, s);
	snprintf(d->err, sizeof(d->err),
		 "%s from %s is in use by %02x:%02x:%02x:%02x:%02x:%02x (DECLINE %u of %u)",
		 a, s, m[0], m[1], m[2], m[3], m[4], m[5], d->declines + 1,
		 DECLINE_MAX);
	bbd_log_err("dhcp %s: %s", d->ifname, d->err);
	if (++d->declines >= DECLINE_MAX) {
		bbd_arp_probe_close(&d->arp);
		d->state = BBD_DHCP_FAILED;
		return;
	}
	restart(d);
	d->next_tx_mono = bbd_now_mono() + DECLINE_WAIT_NS;
}

/* CHECKING: a probe every PROBE_WAIT_NS; no claim after the last one's
 * wait: the lease holds. */
static void check_tick(struct bbd_dhcp *d, uint64_t now)
{
	if (bbd_arp_probe_conflict(&d->arp)) {
		decline(d);
		return;
	}
	if (d->tries >= PROBES) {
		commit(d);
		return;
	}
	if (bbd_arp_probe_send(&d->arp))
		bbd_log_err("dhcp %s: ARP probe: %s", d->ifname, strerror(errno));
	d->tries++;
	d->next_tx_mono = now + PROBE_WAIT_NS;
}

static void nak(struct bbd_dhcp *d, const struct bb_dhcp_in *m)
{
	char s[INET_ADDRSTRLEN];

	ntoa(m->server_id, s);
	bbd_log_info("dhcp %s: NAK from %s%s%s", d->ifname, s,
		     m->message[0] ? ": " : "", m->message);
	if (++d->naks > NAK_MAX || d->bound_once) {
		snprintf(d->err, sizeof(d->err), "NAK from %s%s%s", s,
			 m->message[0] ? ": " : "", m->message);
		d->state = BBD_DHCP_FAILED;
		return;
	}
	discover(d);
}

/* An OFFER is usable with an address, a server id and a netmask. */
static bool offer_usable(struct bbd_dhcp *d, const struct bb_dhcp_in *m)
{
	if (m->yiaddr.s_addr && m->has_server_id && m->has_mask &&
	    m->has_lease)
		return true;
	bbd_log_info("dhcp %s: OFFER without %s ignored", d->ifname,
		     !m->yiaddr.s_addr ? "an address" :
		     !m->has_server_id ? "a server identifier" :
		     !m->has_mask ? "a netmask" : "a lease time");
	return false;
}

/* An ACK should repeat the lease's terms; what it leaves out stays as
 * the OFFER (or the lease being renewed) had it. */
static void ack_terms(struct bbd_dhcp *d, const struct bb_dhcp_in *m)
{
	const struct bb_dhcp_in *was = d->bound_once ? &d->lease : &d->offer;
	struct bb_dhcp_in ack = *m;

	if (!ack.has_mask) {
		ack.prefix = was->prefix;
		ack.has_mask = true;
	}
	if (!ack.has_lease) {
		ack.lease_s = was->lease_s;
		ack.has_lease = true;
	}
	if (!ack.has_router && was->has_router) {
		ack.router = was->router;
		ack.has_router = true;
	}
	bound(d, &ack);
}

static void answer(struct bbd_dhcp *d, const struct bb_dhcp_in *m)
{
	if (m->xid != d->xid || memcmp(m->mac, d->mac, BB_MAC_LEN))
		return;				/* another client's */
	if (m->type == BB_DHCP_OFFER && d->state == BBD_DHCP_SELECTING &&
	    offer_usable(d, m)) {
		d->offer = *m;
		d->state = BBD_DHCP_REQUESTING;
		d->tries = 0;
		send_msg(d, BB_DHCP_REQUEST, bcast);
		d->next_tx_mono = bbd_now_mono() + backoff_ns(d->tries);
	} else if (m->type == BB_DHCP_ACK && d->state != BBD_DHCP_SELECTING &&
		   d->state != BBD_DHCP_CHECKING && d->state != BBD_DHCP_FAILED) {
		ack_terms(d, m);
	} else if (m->type == BB_DHCP_NAK && d->state != BBD_DHCP_SELECTING &&
		   d->state != BBD_DHCP_CHECKING && d->state != BBD_DHCP_BOUND) {
		nak(d, m);
	}
}

static void on_readable(int fd, uint32_t events, void *arg)
{
	struct bbd_dhcp *d = arg;
	uint8_t buf[BB_DHCP_MAX_LEN + 1];
	struct bb_dhcp_in m;
	char err[128];
	ssize_t n;

	(void)events;
	while ((n = recv(fd, buf, sizeof(buf), MSG_DONTWAIT)) >= 0) {
		if (bb_dhcp_parse(buf, n, &m, err, sizeof(err)))
			bbd_log_info("dhcp %s: ignored a message: %s", d->ifname, err);
		else
			answer(d, &m);
		if (d->fd < 0)
			return;
	}
}

static int open_socket(struct bbd_dhcp *d, int nsfd)
{
	struct sockaddr_in sa = { .sin_family = AF_INET,
				  .sin_port = htons(BB_DHCP_CLIENT_PORT) };
	int one = 1, fd, ret = 0;

	fd = bbd_netns_socket(nsfd, AF_INET, SOCK_DGRAM | SOCK_NONBLOCK |
			      SOCK_CLOEXEC, 0);
	if (fd < 0)
		return fd;
	if (setsockopt(fd, SOL_SOCKET, SO_BROADCAST, &one, sizeof(one)) ||
	    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) ||
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

int bbd_dhcp_start(struct bbd_dhcp *d, int nsfd, const char *ifname,
		   unsigned int ifindex, const uint8_t *mac,
		   const char *hostname)
{
	int ret;

	memset(d, 0, sizeof(*d));
	d->arp.fd = -1;
	snprintf(d->ifname, sizeof(d->ifname), "%s", ifname);
	snprintf(d->hostname, sizeof(d->hostname), "%s", hostname);
	memcpy(d->mac, mac, BB_MAC_LEN);
	ret = bbd_arp_probe_open(&d->arp, nsfd, ifindex, mac);
	if (ret)
		return ret;
	d->fd = open_socket(d, nsfd);
	if (d->fd < 0) {
		bbd_arp_probe_close(&d->arp);
		return d->fd;
	}
	ret = bbd_loop_add(d->fd, EPOLLIN, on_readable, d);
	if (ret) {
		close(d->fd);
		d->fd = -1;
		return ret;
	}
	discover(d);
	return 0;
}

/* Past T1: RENEWING; past T2: REBINDING; past the lease: EXPIRED. */
static void lease_tick(struct bbd_dhcp *d, uint64_t now)
{
	uint64_t t2 = at(d, t2_s(&d->lease)), end = at(d, d->lease.lease_s);

	if (now >= end) {
		snprintf(d->err, sizeof(d->err),
			 "the lease ran out: no ACK to %u renewals", d->tries);
		d->state = BBD_DHCP_EXPIRED;
		d->next_tx_mono = UINT64_MAX;
		bbd_log_err("dhcp %s: %s", d->ifname, d->err);
		return;
	}
	if (d->state == BBD_DHCP_BOUND) {
		d->state = BBD_DHCP_RENEWING;
		d->xid = new_xid();
		d->begin_mono = now;
	}
	if (now >= t2 && d->state == BBD_DHCP_RENEWING)
		d->state = BBD_DHCP_REBINDING;
	if (d->state == BBD_DHCP_RENEWING) {
		send_msg(d, BB_DHCP_REQUEST, d->lease.server_id);
		d->next_tx_mono = half_way(now, t2);
	} else {
		send_msg(d, BB_DHCP_REQUEST, bcast);
		d->next_tx_mono = half_way(now, end);
	}
}

void bbd_dhcp_tick(struct bbd_dhcp *d)
{
	uint64_t now = bbd_now_mono();

	if (d->fd < 0 || now < d->next_tx_mono)
		return;
	switch (d->state) {
	case BBD_DHCP_SELECTING:
		send_msg(d, BB_DHCP_DISCOVER, bcast);
		d->next_tx_mono = now + backoff_ns(d->tries);
		break;
	case BBD_DHCP_CHECKING:
		check_tick(d, now);
		break;
	case BBD_DHCP_REQUESTING:
		if (d->tries >= REQUEST_TRIES) {
			bbd_log_info("dhcp %s: no ACK to %u REQUESTs, discovering again",
				     d->ifname, d->tries);
			discover(d);
			break;
		}
		send_msg(d, BB_DHCP_REQUEST, bcast);
		d->next_tx_mono = now + backoff_ns(d->tries);
		break;
	case BBD_DHCP_BOUND:
	case BBD_DHCP_RENEWING:
	case BBD_DHCP_REBINDING:
		lease_tick(d, now);
		break;
	default:
		d->next_tx_mono = UINT64_MAX;
	}
}

void bbd_dhcp_stop(struct bbd_dhcp *d)
{
	if (d->fd < 0)
		return;
	if (bbd_dhcp_has_lease(d)) {
		send_msg(d, BB_DHCP_RELEASE, d->lease.server_id);
		bbd_log_info("dhcp %s: lease released", d->ifname);
	}
	bbd_arp_probe_close(&d->arp);
	bbd_loop_del(d->fd);
	close(d->fd);
	d->fd = -1;
}

bool bbd_dhcp_has_lease(const struct bbd_dhcp *d)
{
	return d->state == BBD_DHCP_BOUND || d->state == BBD_DHCP_RENEWING ||
	       d->state == BBD_DHCP_REBINDING;
}

void bbd_dhcp_why(const struct bbd_dhcp *d, char *buf, size_t len)
{
	char s[INET_ADDRSTRLEN], a[INET_ADDRSTRLEN];

	/* what went wrong last (a DECLINE, a NAK) says more than the state */
	if (d->err[0]) {
		snprintf(buf, len, "%s", d->err);
	} else if (d->state == BBD_DHCP_REQUESTING) {
		ntoa(d->offer.server_id, s);
		ntoa(d->offer.yiaddr, a);
		snprintf(buf, len, "%s offered %s but sent no ACK to %u REQUESTs",
			 s, a, d->tries);
	} else {
		snprintf(buf, len, "no DHCP OFFER on %s (%u DISCOVERs sent)",
			 d->ifname, d->tries);
	}
}
