/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* Socket options of an HTTP flow and TCP_INFO (http_tcp.c). */
#ifndef BBD_HTTP_TCP_H
#define BBD_HTTP_TCP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "http_flow.h"
#include "plan.h"

/* Options both ends take before connect()/listen(); err says which
 * failed. 0 or -errno. */
int http_tcp_knobs(int fd, const struct bbd_flow_cfg *c, char *err,
		   size_t errlen);
/* The data sender's pacing and send-queue limit. 0 or -errno. */
int http_tcp_sender(int fd, const struct bbd_flow_cfg *c);
/* net.ipv4.tcp_ecn = 1 in the namespace nsfd. 0 or -errno. */
int http_tcp_ecn_on(int nsfd);
/* Fold the data sender's TCP_INFO into s. */
void http_tcp_sample(int fd, struct bbd_tcp_stats *s);
/* A listening socket of c's server port on ip inside nsfd, with the
 * flow's knobs; fd, or -errno with err saying why. */
int http_tcp_listen(int nsfd, const struct bb_ip *ip, const struct bbd_flow_cfg *c,
		    int backlog, char *err, size_t errlen);
/* A non-blocking connect() from me (c's client port) to peer inside
 * nsfd, with the knobs (and the sender's pacing if sender); host gets
 * "ip:port" for the Host header. fd, or -errno with err saying why. */
int http_tcp_connect(int nsfd, const struct bb_ip *me, const struct bb_ip *peer,
		     const struct bbd_flow_cfg *c, bool sender, char *host,
		     size_t hostlen, char *err, size_t errlen);
struct bbd_flow_run;
/* slow_start_threshold: the source's sessions to the destination start
 * with it (http_ssthresh.c). 0 or -errno with err saying why. */
int http_tcp_ssthresh(struct bbd_flow_run *f, char *err, size_t errlen);
/* The window scale this end offered (tcpi_rcv_wscale). */
uint32_t http_tcp_rcv_wscale(int fd);

#endif
