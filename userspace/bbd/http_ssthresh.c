// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * slow_start_threshold: Linux has no socket option for the initial
 * ssthresh. A session starts with the ssthresh of TCP's metrics cache
 * entry for its peer, and an entry takes a *locked* ssthresh from the
 * route it was made for, when net.ipv4.tcp_no_ssthresh_metrics_save is 0
 * (tcp_init_metrics()). The cache makes entries only when a session ends
 * (tcp_update_metrics()), so before the flow bbd
 *   - sets that sysctl to 0 in the source's namespace (the data sender),
 *   - adds a host route to the destination with "ssthresh N lock",
 *   - runs one short warm-up connection between the two addresses and
 *     waits until the source's end of it has closed: the entry now holds
 *     N, and the flow's session starts with it (tcpi_snd_ssthresh).
 * N is in segments: the bytes given / 1448 (IPv4) or 1428 (IPv6), the
 * payload of a 1500-byte packet with TCP timestamps, rounded up, at
 * least 2. The warm-up is a handshake and two FINs on the path.
 */
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "http_tcp.h"
#include "netns.h"
#include "run.h"

#define WARMUP_MS	3000

static int no_ssthresh_save_off(int nsfd)
{
	int ret = bbd_netns_enter(nsfd), fd;

	if (ret)
		return ret;
	fd = open("/proc/sys/net/ipv4/tcp_no_ssthresh_metrics_save", O_WRONLY | O_CLOEXEC);
	ret = fd < 0 || write(fd, "0\n", 2) != 2 ? -errno : 0;
	if (fd >= 0)
		close(fd);
	if (bbd_netns_leave() < 0)
		abort();	/* never go on in the wrong namespace */
	return ret;
}

static bool wait_fd(int fd, short ev)
{
	struct pollfd p = { .fd = fd, .events = ev };

	return poll(&p, 1, WARMUP_MS) == 1;
}

static bool closed(int fd)
{
	struct tcp_info ti;
	socklen_t len = sizeof(ti);

	for (int i = 0; i < WARMUP_MS; i++) {
		if (getsockopt(fd, IPPROTO_TCP, TCP_INFO, &ti, &len))
			return false;
		if (ti.tcpi_state == TCP_CLOSE)
			return true;
		usleep(1000);
	}
	return false;
}

/* One connection destination -> source, closed by the destination first
 * so the source's end passes LAST_ACK, where the cache entry is made. */
static int warm_up(struct bbd_flow_run *f, char *err, size_t errlen)
{
	struct bbd_flow_cfg c = *f->cfg;
	char host[80], buf[1];
	int l, s = -1, d, ret = -ETIMEDOUT;

	c.http.server_port = 0;		/* any free port for the warm-up */
	c.http.client_port = 0;
	l = http_tcp_listen(f->src->nsfd, f->sip, &c, 1, err, errlen);
	if (l < 0)
		return l;
	{
		struct sockaddr_storage ss;
		socklen_t sl = sizeof(ss);

		getsockname(l, (struct sockaddr *)&ss, &sl);
		c.http.server_port = ntohs(ss.ss_family == AF_INET6 ?
					   ((struct sockaddr_in6 *)&ss)->sin6_port :
					   ((struct sockaddr_in *)&ss)->sin_port);
	}
	d = http_tcp_connect(f->dst->nsfd, f->dip, f->sip, &c, false, host, sizeof(host),
			     err, errlen);
	if (d >= 0 && wait_fd(l, POLLIN) && (s = accept(l, NULL, NULL)) >= 0 &&
	    wait_fd(d, POLLOUT)) {
		close(d);
		d = -1;
		if (wait_fd(s, POLLIN) && recv(s, buf, 1, 0) == 0 &&
		    !shutdown(s, SHUT_WR) && closed(s))
			ret = 0;
	}
	if (ret)
		snprintf(err, errlen, "slow_start_threshold: the warm-up connection to set it did not complete");
	if (s >= 0)
		close(s);
	if (d >= 0)
		close(d);
	close(l);
	return ret;
}

int http_tcp_ssthresh(struct bbd_flow_run *f, char *err, size_t errlen)
{
	unsigned int mss = f->cfg->ipv6 ? 1428 : 1448;
	uint64_t segs = (f->cfg->http.slow_start_threshold + mss - 1) / mss;
	const struct bb_ip *gw = memcmp(f->nh, f->dip, sizeof(*f->nh)) ? f->nh : NULL;
	int ret;

	if (segs < 2)
		segs = 2;
	ret = no_ssthresh_save_off(f->src->nsfd);
	if (ret) {
		snprintf(err, errlen, "net.ipv4.tcp_no_ssthresh_metrics_save in %s: %s",
			 f->src->cfg->name, strerror(-ret));
		return ret;
	}
	ret = bbd_route_ssthresh(&f->src->rtnl, f->src->ifindex, f->dip, gw, (uint32_t)segs);
	if (ret) {
		snprintf(err, errlen, "route with ssthresh %llu to %s: %s%s%s",
			 (unsigned long long)segs, f->dst->cfg->name, strerror(-ret),
			 f->src->rtnl.msg[0] ? ": " : "", f->src->rtnl.msg);
		return ret;
	}
	return warm_up(f, err, errlen);
}
