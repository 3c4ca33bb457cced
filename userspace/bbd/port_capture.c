// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* The captures of a run's ports (port_capture.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>

#include "atomic_file.h"
#include "log.h"
#include "loop.h"
#include "netns.h"
#include "port_capture.h"
#include "report_path.h"
#include "run.h"

static void on_frames(int fd, uint32_t events, void *arg)
{
	struct bbd_port_capture *pc = arg;
	int ret;

	(void)fd;
	(void)events;
	ret = bb_capture_read(&pc->cap, pc->err, sizeof(pc->err));
	if (ret) {	/* max_bytes reached, or a read error: this one is over */
		bb_capture_stats(&pc->cap, &pc->st);
		bbd_loop_del(pc->fd);
		pc->fd = -1;
		bb_capture_close(&pc->cap);
	}
}

static int open_one(struct bbd_run *r, unsigned int i, const char *dir,
		    char *err, size_t errlen)
{
	const struct bb_scenario_capture *c = &r->plan.ports[i].capture;
	struct bbd_port_capture *pc = &r->captures[i];
	struct bb_capture_cfg cfg = {
		.dev = r->ports[i].top, .filter = c->filter, .snaplen = c->snaplen,
		.max_bytes = c->max_bytes, .promisc = true,
	};
	char when[40], why[BB_CAPTURE_ERR_MAX];
	struct bbd_peer_saved as;
	int ret;

	bbd_iso_time(r->started_real, when, sizeof(when));	/* as the record's run.started */
	if (bb_capture_file_path(pc->path, sizeof(pc->path), dir, r->plan.name, when,
				 r->plan.ports[i].name))
		return snprintf(err, errlen, "port %s: capture: the file name is too long",
				r->plan.ports[i].name), -ENAMETOOLONG;
	/* made as the user who named the directory (peer.h) */
	ret = bbd_peer_begin(r->writer, &as);
	if (!ret) {
		bb_make_parents(pc->path, 0755);
		ret = bbd_netns_enter(r->ports[i].nsfd);
	}
	if (!ret) {
		ret = bb_capture_open(&pc->cap, &cfg, pc->path, why, sizeof(why)) ? -EIO : 0;
		bbd_netns_leave();
	} else {
		snprintf(why, sizeof(why), "%s", strerror(-ret));
	}
	bbd_peer_end(&as);
	if (!ret && bbd_loop_add(pc->fd = bb_capture_fd(&pc->cap), EPOLLIN, on_frames, pc)) {
		bb_capture_close(&pc->cap);
		snprintf(why, sizeof(why), "too many descriptors for the event loop");
		ret = -EMFILE;
	}
	if (ret) {
		pc->fd = -1;
		snprintf(err, errlen, "port %s: capture: %s", r->plan.ports[i].name, why);
		return ret;
	}
	bbd_log_info("port %s: capturing into %s", r->plan.ports[i].name, pc->path);
	return 0;
}

int bbd_captures_start(struct bbd_run *r, const char *dir, char *err, size_t errlen)
{
	unsigned int i;
	int ret;

	r->captures = calloc(r->plan.nports, sizeof(*r->captures));
	if (!r->captures)
		return -ENOMEM;
	for (i = 0; i < r->plan.nports; i++)
		r->captures[i].fd = -1;
	for (i = 0; i < r->plan.nports; i++) {
		if (!r->plan.ports[i].capture.on)
			continue;
		ret = open_one(r, i, dir, err, errlen);
		if (ret)
			return ret;
	}
	return 0;
}

void bbd_captures_stop(struct bbd_run *r)
{
	struct bbd_port_capture *pc;
	unsigned int i;

	for (i = 0; r->captures && i < r->plan.nports; i++) {
		pc = &r->captures[i];
		if (pc->fd < 0)
			continue;
		/* what the kernel still holds for us */
		if (bb_capture_read(&pc->cap, pc->err, sizeof(pc->err)) >= 0)
			pc->err[0] = '\0';
		bb_capture_stats(&pc->cap, &pc->st);
		bbd_loop_del(pc->fd);
		pc->fd = -1;
		bb_capture_close(&pc->cap);
	}
}

json_t *bbd_capture_record(const struct bbd_run *r, unsigned int i)
{
	const struct bb_scenario_capture *c = &r->plan.ports[i].capture;
	const struct bbd_port_capture *pc = r->captures ? &r->captures[i] : NULL;

	if (!c->on || !pc || !pc->path[0])
		return json_null();
	return json_pack("{s:s,s:s,s:I,s:I,s:I,s:I,s:I,s:b,s:s,s:o}",
		"file", pc->path, "filter", c->filter, "snaplen", (json_int_t)c->snaplen,
		"frames", (json_int_t)pc->st.frames, "bytes", (json_int_t)pc->st.file_bytes,
		"dropped", (json_int_t)pc->st.dropped, "if_dropped", (json_int_t)pc->st.if_dropped,
		"limited", pc->st.limited, "timestamps", pc->st.adapter_stamps ? "adapter" : "host",
		"error", pc->err[0] ? json_string(pc->err) : json_null());
}
