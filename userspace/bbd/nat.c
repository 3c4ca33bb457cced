// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * NAT discovery and keep-alive (nat.h). Discovery runs in bbd's event
 * loop, not as a blocking step: it can take up to 5 s, and a blocked loop
 * would leave `bbctl status`/`stop` and the DHCP clients' timers waiting.
 * The run's timer ticks every BBD_NAT_PROBE_MS meanwhile (one probe per
 * flow and tick), each capture's selectable fd is in the loop.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <pcap/pcap.h>

#include "log.h"
#include "loop.h"
#include "nat.h"
#include "nat_probe.h"
#include "netns.h"
#include "run.h"

/* The probes' magic at the start of the UDP payload; ip and udp make the
 * offset right whatever the IPv4 header's length. */
#define CAPTURE_FILTER	"ip and udp and udp[8:4] = 0x42424e50"
#define SNAPLEN		256

struct bbd_nat_cap {
	pcap_t *pc;
	int fd;
	struct bbd_run *r;
};

static bool frame_type(const struct bbd_flow_run *f)
{
	return f->cfg->type == BBD_FLOW_FRAME_BLASTING ||
	       f->cfg->type == BBD_FLOW_VOICE || f->cfg->type == BBD_FLOW_GAMING;
}

bool bbd_nat_needed(struct bbd_run *r)
{
	unsigned int i;
	bool any = false;

	for (i = 0; i < r->plan.nflows; i++) {
		struct bbd_flow_run *f = &r->flows[i];
		bool s = f->src->cfg->nat, d = f->dst->cfg->nat;

		f->nat.fd = -1;
		/* two ports behind NATs: the same CPE's LAN talks directly */
		f->nat.on = s != d && !f->cfg->ipv6 && frame_type(f) && i <= UINT16_MAX;
		f->nat.upstream = s;
		f->nat.keep_alive = f->cfg->nat_keep_alive;
		any |= f->nat.on;
	}
	return any;
}

static const char *tuple(char *buf, size_t len, const struct bb_ip *ip,
			 uint16_t port)
{
	char a[INET_ADDRSTRLEN] = "?";

	inet_ntop(AF_INET, &ip->v4, a, sizeof(a));
	snprintf(buf, len, "%s:%u", a, port);
	return buf;
}

static struct bbd_port *nated(const struct bbd_flow_run *f)
{
	return f->nat.upstream ? f->src : f->dst;
}

static struct bbd_port *public_side(const struct bbd_flow_run *f)
{
	return f->nat.upstream ? f->dst : f->src;
}

/* The NATed port's socket, bound to the flow's private tuple. Several
 * flows may share one (a flow and its reverse): SO_REUSEADDR. */
static int open_socket(struct bbd_run *r, struct bbd_flow_run *f)
{
	struct bbd_nat_flow *n = &f->nat;
	struct sockaddr_in a = { .sin_family = AF_INET,
				 .sin_port = htons(n->priv_port),
				 .sin_addr = n->priv.v4 };
	int one = 1, ret;
	char t[64];

	n->fd = bbd_netns_socket(nated(f)->nsfd, AF_INET,
				 SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (n->fd < 0) {
		ret = n->fd;
		n->fd = -1;
	} else if (setsockopt(n->fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) ||
		   bind(n->fd, (struct sockaddr *)&a, sizeof(a))) {
		ret = -errno;
	} else {
		return 0;
	}
	snprintf(r->err, sizeof(r->err), "flow %s: NAT discovery: a UDP socket on %s of port %s: %s",
		 f->cfg->name, tuple(t, sizeof(t), &n->priv, n->priv_port),
		 nated(f)->cfg->name, strerror(-ret));
	return ret;
}

static void on_frame(u_char *arg, const struct pcap_pkthdr *h, const u_char *bytes)
{
	struct bbd_nat_cap *cap = (struct bbd_nat_cap *)arg;
	struct bbd_run *r = cap->r;
	struct bb_nat_seen s;
	struct bbd_nat_flow *n;
	char err[128];

	if (bb_nat_probe_frame(bytes, h->caplen, &s, err, sizeof(err)) ||
	    s.token.nonce != r->nat_nonce || s.token.flow >= r->plan.nflows)
		return;		/* not ours: another run's, or garbage */
	n = &r->flows[s.token.flow].nat;
	if (!n->on || s.dst.s_addr != n->peer.v4.s_addr)
		return;
	if (s.token.kind == BB_NAT_PROBE_DISCOVER && s.dport == n->peer_port &&
	    !n->found) {
		n->found = true;
		n->pub.family = AF_INET;
		n->pub.v4 = s.src;
		n->pub_port = s.sport;
		n->found_ns = bbd_now_mono() - r->nat_mono;
	} else if (s.token.kind == BB_NAT_PROBE_SECOND && !n->found2) {
		n->found2 = true;
		n->pub_port2 = s.sport;
	}
}

static void on_capture(int fd, uint32_t events, void *arg)
{
	struct bbd_nat_cap *cap = arg;

	(void)fd;
	(void)events;
	if (pcap_dispatch(cap->pc, -1, on_frame, (u_char *)cap) < 0)
		bbd_log_err("NAT discovery capture: %s", pcap_geterr(cap->pc));
}

/* A capture on the public-side port's top device, opened inside its
 * namespace (the packet socket stays there), in the event loop. */
static int open_capture(struct bbd_run *r, unsigned int i)
{
	struct bbd_nat_cap *cap = &r->nat_caps[i];
	struct bbd_port *p = &r->ports[i];
	char ebuf[PCAP_ERRBUF_SIZE] = "";
	struct bpf_program prog;
	int ret = -EIO;

	cap->r = r;
	if (bbd_netns_enter(p->nsfd))
		goto fail;
	cap->pc = pcap_create(p->top, ebuf);
	if (cap->pc && (pcap_set_snaplen(cap->pc, SNAPLEN) ||
			pcap_set_immediate_mode(cap->pc, 1) ||
			pcap_activate(cap->pc) < 0)) {
		snprintf(ebuf, sizeof(ebuf), "%s", pcap_geterr(cap->pc));
		pcap_close(cap->pc);
		cap->pc = NULL;
	}
	bbd_netns_leave();
	if (!cap->pc)
		goto fail;
	if (pcap_setdirection(cap->pc, PCAP_D_IN) ||
	    pcap_setnonblock(cap->pc, 1, ebuf) ||
	    pcap_compile(cap->pc, &prog, CAPTURE_FILTER, 1, PCAP_NETMASK_UNKNOWN))
		goto fail_pc;
	ret = pcap_setfilter(cap->pc, &prog);
	pcap_freecode(&prog);
	if (ret)
		goto fail_pc;
	cap->fd = pcap_get_selectable_fd(cap->pc);
	if (cap->fd < 0 || bbd_loop_add(cap->fd, EPOLLIN, on_capture, cap))
		goto fail_pc;
	return 0;
fail_pc:
	snprintf(ebuf, sizeof(ebuf), "%s", pcap_geterr(cap->pc));
	pcap_close(cap->pc);
	cap->pc = NULL;
	cap->fd = -1;
	ret = -EIO;
fail:
	snprintf(r->err, sizeof(r->err), "port %s: NAT discovery: capture on %s: %s",
		 p->cfg->name, p->top, ebuf[0] ? ebuf : "cannot enter its namespace");
	return ret;
}

int bbd_nat_start(struct bbd_run *r)
{
	unsigned int i;
	int ret;

	r->nat_caps = calloc(r->plan.nports, sizeof(*r->nat_caps));
	if (!r->nat_caps)
		return -ENOMEM;
	for (i = 0; i < r->plan.nports; i++)
		r->nat_caps[i].fd = -1;
	if (getrandom(&r->nat_nonce, sizeof(r->nat_nonce), GRND_NONBLOCK) !=
	    sizeof(r->nat_nonce))
		r->nat_nonce = (uint32_t)time(NULL) ^ (uint32_t)getpid();
	r->nat_mono = bbd_now_mono();
	for (i = 0; i < r->plan.nflows; i++) {
		struct bbd_flow_run *f = &r->flows[i];
		struct bbd_nat_flow *n = &f->nat;
		unsigned int pub = (unsigned int)(public_side(f) - r->ports);

		if (!n->on)
			continue;
		n->priv = n->upstream ? *f->sip : *f->dip;
		n->peer = n->upstream ? *f->dip : *f->sip;
		n->priv_port = n->upstream ? f->cfg->sport : f->cfg->dport;
		n->peer_port = n->upstream ? f->cfg->dport : f->cfg->sport;
		ret = open_socket(r, f);
		if (!ret && !r->nat_caps[pub].pc)
			ret = open_capture(r, pub);
		if (ret)
			return ret;
	}
	return 0;
}

static void send_probe(struct bbd_run *r, struct bbd_flow_run *f,
		       enum bb_nat_probe_kind kind)
{
	struct bbd_nat_flow *n = &f->nat;
	struct bb_nat_token t = { .kind = kind, .nonce = r->nat_nonce,
				  .flow = (uint16_t)(f - r->flows) };
	/* the second destination: the public side's next UDP port */
	uint16_t port = kind == BB_NAT_PROBE_DISCOVER ? n->peer_port :
			n->peer_port == UINT16_MAX ? n->peer_port - 1 : n->peer_port + 1;
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(port),
				 .sin_addr = n->peer.v4 };
	uint8_t buf[BB_NAT_PROBE_LEN];

	bb_nat_probe_build(buf, &t);
	/* a lost probe (a full queue, an ARP still unanswered) is what
	 * the next round is for */
	if (sendto(n->fd, buf, sizeof(buf), 0, (struct sockaddr *)&a, sizeof(a)) > 0)
		n->probes++;
}

int bbd_nat_tick(struct bbd_run *r)
{
	uint64_t el = bbd_now_mono() - r->nat_mono;
	bool done = true;
	unsigned int i;
	char a[64], b[64];

	for (i = 0; i < r->plan.nflows; i++) {
		struct bbd_flow_run *f = &r->flows[i];
		struct bbd_nat_flow *n = &f->nat;

		if (!n->on || (n->found && n->found2))
			continue;
		if (!n->found && el >= BBD_NAT_TIMEOUT_NS) {
			snprintf(r->err, sizeof(r->err),
				 "flow %s: NAT discovery: no probe from port %s (%s) reached port %s (%s) in %llu s (%u sent)",
				 f->cfg->name, nated(f)->cfg->name,
				 tuple(a, sizeof(a), &n->priv, n->priv_port),
				 public_side(f)->cfg->name,
				 tuple(b, sizeof(b), &n->peer, n->peer_port),
				 BBD_NAT_TIMEOUT_NS / 1000000000ull, n->probes);
			return -ETIMEDOUT;
		}
		/* the mapping's kind is known within a second of the
		 * first probe, or not at all (a firewall on the next port) */
		if (n->found && el >= n->found_ns + 1000000000ull)
			continue;
		done = false;
		send_probe(r, f, n->found ? BB_NAT_PROBE_SECOND : BB_NAT_PROBE_DISCOVER);
	}
	if (!done)
		return 0;
	for (i = 0; i < r->plan.nflows; i++) {
		struct bbd_nat_flow *n = &r->flows[i].nat;

		if (n->on) {
			n->last_keep_alive_ns = bbd_now_mono();
			bbd_log_info("flow %s: NAT %s -> %s%s", r->flows[i].cfg->name,
				     tuple(a, sizeof(a), &n->priv, n->priv_port),
				     tuple(b, sizeof(b), &n->pub, n->pub_port),
				     n->found2 && n->pub_port2 != n->pub_port ?
				     " (symmetric NAT)" : "");
		}
	}
	return 1;
}

void bbd_nat_stop_capture(struct bbd_run *r)
{
	unsigned int i;

	for (i = 0; r->nat_caps && i < r->plan.nports; i++) {
		struct bbd_nat_cap *cap = &r->nat_caps[i];

		if (cap->fd >= 0)
			bbd_loop_del(cap->fd);
		if (cap->pc)
			pcap_close(cap->pc);	/* closes cap->fd */
		cap->pc = NULL;
		cap->fd = -1;
	}
}

void bbd_nat_keep_alive(struct bbd_run *r)
{
	uint64_t now = bbd_now_mono();
	unsigned int i;

	for (i = 0; i < r->plan.nflows; i++) {
		struct bbd_flow_run *f = &r->flows[i];
		struct bbd_nat_flow *n = &f->nat;
		struct sockaddr_in a = { .sin_family = AF_INET,
					 .sin_port = htons(n->peer_port),
					 .sin_addr = n->peer.v4 };

		if (!n->on || !n->keep_alive || n->fd < 0 || !n->found ||
		    now - n->last_keep_alive_ns < BBD_NAT_KEEP_ALIVE_MS * 1000000ull)
			continue;
		/* its stream runs (or ran): the flow's own frames keep it */
		if (r->traffic_mono && now >= r->traffic_mono + f->cfg->delay_ns)
			continue;
		n->last_keep_alive_ns = now;
		/* empty: a trigger needs the tag at the payload's end, so no
		 * flow counts a keep-alive */
		if (sendto(n->fd, "", 0, 0, (struct sockaddr *)&a, sizeof(a)) == 0)
			n->keep_alives++;
	}
}

void bbd_nat_close(struct bbd_run *r)
{
	unsigned int i;

	bbd_nat_stop_capture(r);
	free(r->nat_caps);
	r->nat_caps = NULL;
	for (i = 0; r->flows && i < r->plan.nflows; i++) {
		if (r->flows[i].nat.fd >= 0)
			close(r->flows[i].nat.fd);
		r->flows[i].nat.fd = -1;
	}
}

json_t *bbd_nat_record(const struct bbd_flow_run *f)
{
	const struct bbd_nat_flow *n = &f->nat;
	char pub[INET_ADDRSTRLEN] = "", priv[INET_ADDRSTRLEN] = "";
	const char *mapping = !n->found2 ? "unknown" :
			      n->pub_port2 == n->pub_port ? "endpoint-independent" :
			      "address-and-port-dependent";

	if (!n->on)
		return json_null();
	inet_ntop(AF_INET, &n->priv.v4, priv, sizeof(priv));
	if (!n->found)
		return json_pack("{s:s,s:s,s:s,s:i,s:n,s:n,s:I}",
				 "direction", n->upstream ? "upstream" : "downstream",
				 "nat_port", nated(f)->cfg->name,
				 "private_ip", priv, "private_udp_port", n->priv_port,
				 "public_ip", "public_udp_port",
				 "probes", (json_int_t)n->probes);
	inet_ntop(AF_INET, &n->pub.v4, pub, sizeof(pub));
	return json_pack("{s:s,s:s,s:s,s:i,s:s,s:i,s:s,s:o,s:f,s:I,s:b,s:I,s:I}",
		"direction", n->upstream ? "upstream" : "downstream",
		"nat_port", nated(f)->cfg->name,
		"private_ip", priv, "private_udp_port", n->priv_port,
		"public_ip", pub, "public_udp_port", n->pub_port,
		"mapping", mapping,
		"public_udp_port_second_destination",
		n->found2 ? json_integer(n->pub_port2) : json_null(),
		"discovery_ms", n->found_ns / 1e6,
		"probes", (json_int_t)n->probes,
		"keep_alive", n->keep_alive,
		"keep_alive_interval_ms", (json_int_t)BBD_NAT_KEEP_ALIVE_MS,
		"keep_alives", (json_int_t)n->keep_alives);
}
