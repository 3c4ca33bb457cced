// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The kernel's TCP as an HTTP flow asks for it, and what it reports back:
 *   tcp_congestion_control / enable_tcp_prague  TCP_CONGESTION (the
 *       module is loaded first when the kernel does not list the name)
 *   maximum_bitrate         SO_MAX_PACING_RATE on the data sender (the
 *                           IP-layer rate: headers count)
 *   receive_window_scaling  TCP_WINDOW_CLAMP of 65535 << N before the
 *                           SYN: the kernel offers the smallest scale that
 *                           covers its clamp, which is N
 *   dscp                    IP_TOS / IPV6_TCLASS (TCP owns the ECN bits)
 *   ecn                     net.ipv4.tcp_ecn = 1 in the client's namespace
 * TCP_INFO of the data sender proves each took effect.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <linux/tcp.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "file_line.h"
#include "http_flow.h"
#include "http_tcp.h"
#include "log.h"
#include "netns.h"
#include "plan.h"

#define CC_LIST	"/proc/sys/net/ipv4/tcp_available_congestion_control"
#define USER_TIMEOUT_MS	10000
#define NOTSENT_LOWAT	(128 * 1024)

extern char **environ;

static bool listed(const char *list, const char *name)
{
	size_t n = strlen(name);
	const char *p = list;

	while ((p = strstr(p, name))) {
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' || !p[n]))
			return true;
		p += n;
	}
	return false;
}

/* modprobe -q tcp_NAME; its outcome shows in the list read again. */
static void load_cc(const char *name)
{
	char mod[32];
	char *argv[] = { "modprobe", "-q", mod, NULL };
	pid_t pid;
	int st;

	snprintf(mod, sizeof(mod), "tcp_%s", name);
	if (!posix_spawnp(&pid, "modprobe", NULL, NULL, argv, environ))
		waitpid(pid, &st, 0);
}

static int cc_check(const char *name, const char *key, const char *flow,
		    char *err, size_t errlen)
{
	char list[512];

	bb_read_line(CC_LIST, list, sizeof(list));
	if (listed(list, name))
		return 0;
	load_cc(name);
	bb_read_line(CC_LIST, list, sizeof(list));
	if (listed(list, name))
		return 0;
	if (!strcmp(key, "enable_tcp_prague"))
		snprintf(err, errlen, "flow %s: enable_tcp_prague: this kernel has no \"prague\" congestion control (L4S needs a kernel with tcp_prague); available: %s",
			 flow, list);
	else
		snprintf(err, errlen, "flow %s: tcp_congestion_control: \"%s\" is not available in this kernel; available: %s",
			 flow, name, list);
	return -EINVAL;
}

int bbd_http_check(const struct bbd_plan *p, char *err, size_t errlen)
{
	const struct bb_scenario_http *h;
	unsigned int i;
	int ret;

	for (i = 0; i < p->nflows; i++) {
		h = &p->flows[i].http;
		if (p->flows[i].type != BBD_FLOW_HTTP || !h->congestion[0])
			continue;
		ret = cc_check(h->congestion, h->prague ? "enable_tcp_prague" :
			       "tcp_congestion_control", p->flows[i].name, err, errlen);
		if (ret)
			return ret;
	}
	return 0;
}

int http_tcp_ecn_on(int nsfd)
{
	int ret = bbd_netns_enter(nsfd), fd;

	if (ret)
		return ret;
	fd = open("/proc/sys/net/ipv4/tcp_ecn", O_WRONLY | O_CLOEXEC);
	ret = fd < 0 || write(fd, "1\n", 2) != 2 ? -errno : 0;
	if (fd >= 0)
		close(fd);
	if (bbd_netns_leave() < 0)
		abort();	/* never go on in the wrong namespace */
	return ret;
}

static int opt(int fd, int level, int name, int v, const char *what,
	       char *err, size_t errlen)
{
	if (!setsockopt(fd, level, name, &v, sizeof(v)))
		return 0;
	snprintf(err, errlen, "%s: %s", what, strerror(errno));
	return -errno;
}

/* Options both ends take before connect()/listen(). */
int http_tcp_knobs(int fd, const struct bbd_flow_cfg *c, char *err,
		   size_t errlen)
{
	const struct bb_scenario_http *h = &c->http;
	int ret = opt(fd, SOL_SOCKET, SO_REUSEADDR, 1, "SO_REUSEADDR", err, errlen);

	if (!ret && h->congestion[0] &&
	    setsockopt(fd, IPPROTO_TCP, TCP_CONGESTION, h->congestion, strlen(h->congestion))) {
		snprintf(err, errlen, "TCP_CONGESTION %s: %s", h->congestion, strerror(errno));
		ret = -errno;
	}
	if (!ret && c->tos)
		ret = c->ipv6 ? opt(fd, IPPROTO_IPV6, IPV6_TCLASS, c->tos, "IPV6_TCLASS", err, errlen)
			      : opt(fd, IPPROTO_IP, IP_TOS, c->tos, "IP_TOS", err, errlen);
	if (!ret && h->receive_window_scaling >= 0)
		ret = opt(fd, IPPROTO_TCP, TCP_WINDOW_CLAMP,
			  65535 << h->receive_window_scaling, "TCP_WINDOW_CLAMP", err, errlen);
	if (!ret)
		ret = opt(fd, IPPROTO_TCP, TCP_USER_TIMEOUT, USER_TIMEOUT_MS,
			  "TCP_USER_TIMEOUT", err, errlen);
	return ret;
}

/* The data sender's extra: pacing, and little unsent data queued when
 * the transfer ends on time rather than on size. */
int http_tcp_sender(int fd, const struct bbd_flow_cfg *c)
{
	unsigned long rate = (unsigned long)(c->http.maximum_bitrate / 8);
	int lowat = NOTSENT_LOWAT;

	if (rate && setsockopt(fd, SOL_SOCKET, SO_MAX_PACING_RATE, &rate, sizeof(rate)))
		return -errno;
	if (!c->http.request_size &&
	    setsockopt(fd, IPPROTO_TCP, TCP_NOTSENT_LOWAT, &lowat, sizeof(lowat)))
		return -errno;
	return 0;
}

void http_tcp_sample(int fd, struct bbd_tcp_stats *s)
{
	struct tcp_info ti;
	socklen_t len = sizeof(ti);
	char cc[16] = "";
	socklen_t cclen = sizeof(cc) - 1;

	memset(&ti, 0, sizeof(ti));
	if (getsockopt(fd, IPPROTO_TCP, TCP_INFO, &ti, &len))
		return;
	if (ti.tcpi_rtt) {
		if (!s->rtt_n || ti.tcpi_rtt > s->rtt_max_us)
			s->rtt_max_us = ti.tcpi_rtt;
		s->rtt_sum_us += ti.tcpi_rtt;
		s->rtt_n++;
		s->rtt_last_us = ti.tcpi_rtt;
	}
	if (ti.tcpi_min_rtt && ti.tcpi_min_rtt != ~0u &&
	    (!s->rtt_min_us || ti.tcpi_min_rtt < s->rtt_min_us))
		s->rtt_min_us = ti.tcpi_min_rtt;
	s->cwnd = ti.tcpi_snd_cwnd;
	s->ssthresh = ti.tcpi_snd_ssthresh;
	s->retrans_total = ti.tcpi_total_retrans;
	s->snd_wscale = ti.tcpi_snd_wscale;
	s->rcv_wscale = ti.tcpi_rcv_wscale;
	s->delivered_ce = ti.tcpi_delivered_ce;
	s->ecn = ti.tcpi_options & TCPI_OPT_ECN;
	s->pacing_rate = ti.tcpi_pacing_rate;
	s->max_pacing_rate = ti.tcpi_max_pacing_rate;
	s->segs_out = ti.tcpi_segs_out;
	s->segs_in = ti.tcpi_segs_in;
	s->bytes_sent = ti.tcpi_bytes_sent;
	s->timestamps = ti.tcpi_options & TCPI_OPT_TIMESTAMPS;
	if (!getsockopt(fd, IPPROTO_TCP, TCP_CONGESTION, cc, &cclen))
		snprintf(s->congestion, sizeof(s->congestion), "%s", cc);
	s->sampled = true;
}

static socklen_t sockaddr_of(const struct bb_ip *ip, uint16_t port,
			     struct sockaddr_storage *ss)
{
	memset(ss, 0, sizeof(*ss));
	if (ip->family == AF_INET6) {
		struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)ss;

		s6->sin6_family = AF_INET6;
		s6->sin6_addr = ip->v6;
		s6->sin6_port = htons(port);
		return sizeof(*s6);
	}
	((struct sockaddr_in *)ss)->sin_family = AF_INET;
	((struct sockaddr_in *)ss)->sin_addr = ip->v4;
	((struct sockaddr_in *)ss)->sin_port = htons(port);
	return sizeof(struct sockaddr_in);
}

int http_tcp_listen(int nsfd, const struct bb_ip *ip, const struct bbd_flow_cfg *c,
		    int backlog, char *err, size_t errlen)
{
	struct sockaddr_storage ss;
	socklen_t len = sockaddr_of(ip, c->http.server_port, &ss);
	int fd = bbd_netns_socket(nsfd, ss.ss_family, SOCK_STREAM | SOCK_NONBLOCK, 0);

	if (fd < 0) {
		snprintf(err, errlen, "server socket: %s", strerror(-fd));
		return fd;
	}
	if (http_tcp_knobs(fd, c, err, errlen)) {
		close(fd);
		return -EIO;
	}
	if (bind(fd, (struct sockaddr *)&ss, len) || listen(fd, backlog)) {
		snprintf(err, errlen, "server on TCP port %u: %s", c->http.server_port,
			 strerror(errno));
		close(fd);
		return -EIO;
	}
	return fd;
}

int http_tcp_connect(int nsfd, const struct bb_ip *me, const struct bb_ip *peer,
		     const struct bbd_flow_cfg *c, bool sender, char *host,
		     size_t hostlen, char *err, size_t errlen)
{
	struct sockaddr_storage m, p;
	socklen_t mlen = sockaddr_of(me, c->http.client_port, &m);
	socklen_t plen = sockaddr_of(peer, c->http.server_port, &p);
	char ip[INET6_ADDRSTRLEN];
	int fd = bbd_netns_socket(nsfd, m.ss_family, SOCK_STREAM | SOCK_NONBLOCK, 0);

	if (fd < 0) {
		snprintf(err, errlen, "client socket: %s", strerror(-fd));
		return fd;
	}
	inet_ntop(peer->family, &peer->v6, ip, sizeof(ip));
	snprintf(host, hostlen, peer->family == AF_INET6 ? "[%s]:%u" : "%s:%u", ip,
		 c->http.server_port);
	if (http_tcp_knobs(fd, c, err, errlen) ||
	    (sender && http_tcp_sender(fd, c) &&
	     snprintf(err, errlen, "pacing: %s", strerror(errno)))) {
		close(fd);
		return -EIO;
	}
	if (bind(fd, (struct sockaddr *)&m, mlen) ||
	    (connect(fd, (struct sockaddr *)&p, plen) && errno != EINPROGRESS)) {
		snprintf(err, errlen, "connect from TCP port %u: %s", c->http.client_port,
			 strerror(errno));
		close(fd);
		return -EIO;
	}
	return fd;
}

uint32_t http_tcp_rcv_wscale(int fd)
{
	struct tcp_info ti;
	socklen_t len = sizeof(ti);

	memset(&ti, 0, sizeof(ti));
	if (getsockopt(fd, IPPROTO_TCP, TCP_INFO, &ti, &len))
		return 0;
	return ti.tcpi_rcv_wscale;
}
