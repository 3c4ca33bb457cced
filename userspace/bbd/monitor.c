// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* bbgen's notifications for a run (monitor.h). */
#include <errno.h>
#include <string.h>
#include <sys/epoll.h>

#include <linux/bbgen.h>

#include "gen.h"
#include "log.h"
#include "loop.h"
#include "monitor.h"
#include "netns.h"
#include "port.h"
#include "run.h"

struct heard {
	struct bbd_run *r;
	struct bbd_port *p;
};

/* A notification carries the state and counters, not the whole stream:
 * only those are updated. */
static void stream_state(struct bbd_run *r, struct bbd_port *p,
			 const struct bb_reply *m)
{
	struct bb_gen_stream s;
	unsigned int i;

	if (bb_gen_stream_decode(m, &s) || !s.present.state)
		return;
	for (i = 0; i < r->plan.nflows; i++) {
		struct bbd_flow_run *f = &r->flows[i];

		if (f->src != p || f->stream_id != s.id)
			continue;
		f->tx.state = s.state;
		f->tx.present.state = 1;
		if (s.present.tx_frames)
			f->tx.tx_frames = s.tx_frames;
		if (s.present.tx_bytes)
			f->tx.tx_bytes = s.tx_bytes;
	}
	bbd_run_streams_changed(r);
}

static void snapshot(struct bbd_run *r, struct bbd_port *p,
		     const struct bb_reply *m)
{
	struct bb_gen_snapshot s;
	struct bb_gen_history h;
	unsigned int i;

	if (bb_gen_snapshot_ntf_decode(m, &h, &s) || !h.present.id ||
	    !s.present.index)
		return;
	for (i = 0; i < r->plan.nflows; i++)
		if (r->flows[i].dst == p && r->flows[i].trigger_id == h.id)
			run_flow_snapshot(&r->flows[i], &s);
}

static int on_heard(const struct bb_reply *m, void *arg)
{
	struct heard *h = arg;

	if (m->cmd == BBGEN_CMD_STREAM_STATE_NTF)
		stream_state(h->r, h->p, m);
	else if (m->cmd == BBGEN_CMD_TRIGGER_SNAPSHOT_NTF)
		snapshot(h->r, h->p, m);
	return 0;
}

static struct bbd_port *port_of(struct bbd_run *r, int fd)
{
	unsigned int i;

	for (i = 0; i < r->plan.nports; i++)
		if (r->ports[i].mon.sk && nl_socket_get_fd(r->ports[i].mon.sk) == fd)
			return &r->ports[i];
	return NULL;
}

static void on_ready(int fd, uint32_t events, void *arg)
{
	struct heard h = { .r = arg };
	int ret;

	(void)events;
	h.p = port_of(h.r, fd);
	if (!h.p)
		return;
	while (!(ret = bb_genl_listen(&h.p->mon, BBGEN_A_TRIGGER_MAX, on_heard, &h)))
		;
	/* lost some: the states are read at the next tick, the snapshots from
	 * the flows' cursors at the next one announced or at the end, so
	 * nothing is lost for good */
	if (ret == -ENOMEM)
		bbd_log_err("port %s: bbgen notifications lost (socket overflow); read from the kernel instead",
			    h.p->cfg->name);
}

static int join(struct bbd_run *r, struct bbd_port *p)
{
	int ret = bbd_gen_open(&p->mon, p->nsfd);

	if (!ret)
		ret = bb_genl_join(&p->mon, BBGEN_GENL_NAME, BBGEN_MCGRP_MONITOR);
	if (!ret)
		ret = nl_socket_set_nonblocking(p->mon.sk) < 0 ? -EIO : 0;
	if (!ret)
		ret = bbd_loop_add(nl_socket_get_fd(p->mon.sk), EPOLLIN, on_ready, r);
	return ret;
}

void bbd_monitor_start(struct bbd_run *r)
{
	unsigned int i;
	int ret;

	for (i = 0; i < r->plan.nports; i++) {
		struct bbd_port *p = &r->ports[i];

		ret = join(r, p);
		if (!ret)
			continue;
		bbd_log_err("port %s: bbgen monitor: %s; polling instead",
			    p->cfg->name, strerror(-ret));
		if (p->mon.sk)
			bb_genl_close(&p->mon);
	}
}

void bbd_monitor_stop(struct bbd_run *r)
{
	unsigned int i;

	for (i = 0; r->ports && i < r->plan.nports; i++) {
		if (!r->ports[i].mon.sk)
			continue;
		bbd_loop_del(nl_socket_get_fd(r->ports[i].mon.sk));
		bb_genl_close(&r->ports[i].mon);
	}
}
