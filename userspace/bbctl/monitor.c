// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * bbctl monitor [count N]: bbgen's notifications in this namespace as they
 * come (the family's "monitor" group), one line each or, with -j, one JSON
 * object per line: a port gone, a stream started, done or stopped with its
 * counters, a trigger's interval closed with its snapshot. In the spirit
 * of ip monitor; ends after N events, or when interrupted.
 */
#include <errno.h>
#include <stdio.h>

#include <linux/bbgen.h>

#include "bbctl.h"
#include "gen_port.h"
#include "print.h"

#define MON_MAXATTR	BBGEN_A_TRIGGER_MAX
_Static_assert(BBGEN_A_TRIGGER_MAX >= BBGEN_A_STREAM_MAX &&
	       BBGEN_A_TRIGGER_MAX >= BBGEN_A_PORT_MAX,
	       "one attribute table holds every notification");

static void port_gone(const struct bb_reply *r)
{
	struct bb_gen_port p;

	bb_gen_port_decode(r, &p);
	pr_string(PR_ANY, "event", "%s", "port-gone");
	show_dev(p.present.dev ? p.dev : NULL, p.ifindex, "dev");
}

static void stream_state(const struct bb_reply *r)
{
	struct bb_gen_stream s;

	bb_gen_stream_decode(r, &s);
	pr_string(PR_ANY, "event", "%s", "stream-state");
	show_u32(s.present.id, s.id, "id", "stream");
	pr_string(PR_ANY, "state", "%s", stream_state_name(&s));
	show_u64(s.present.tx_frames, s.tx_frames, "tx_frames", "tx-frames");
	show_u64(s.present.tx_bytes, s.tx_bytes, "tx_bytes", "tx-bytes");
	show_u64(s.present.first_tx_ns, s.first_tx_ns, "first_tx_ns",
		 "first-tx-ns");
	show_u64(s.present.last_tx_ns, s.last_tx_ns, "last_tx_ns",
		 "last-tx-ns");
}

static void trigger_snapshot(const struct bb_reply *r)
{
	struct bb_gen_snapshot s;
	struct bb_gen_history h;
	bool got = !bb_gen_snapshot_ntf_decode(r, &h, &s);

	pr_string(PR_ANY, "event", "%s", "trigger-snapshot");
	show_u32(h.present.id, h.id, "id", "trigger");
	if (got)
		trigger_snapshot_fields(&s);
}

/* One notification; -ECANCELED once the count is reached. */
static int on_event(const struct bb_reply *r, void *arg)
{
	uint64_t *left = arg;	/* events still to print; 0: no count */

	pr_open_object();
	switch (r->cmd) {
	case BBGEN_CMD_PORT_GONE_NTF:
		port_gone(r);
		break;
	case BBGEN_CMD_STREAM_STATE_NTF:
		stream_state(r);
		break;
	case BBGEN_CMD_TRIGGER_SNAPSHOT_NTF:
		trigger_snapshot(r);
		break;
	default:	/* a newer module's: not ours to guess */
		pr_discard();
		return 0;
	}
	pr_close_object();
	if (pr_flush())
		return -EIO;
	fflush(stdout);
	return *left && !--*left ? -ECANCELED : 0;
}

static int cmd_monitor(int argc, char **argv)
{
	static const struct arg_spec spec[] = {
		ARG("count", "N", false), { NULL },
	};
	const char *v[1];
	struct bb_genl g;
	uint64_t left = 0;
	int ret = args_collect("monitor", argc, argv, spec, v);

	if (!ret && v[0])
		ret = arg_uint("count", v[0], 1, UINT32_MAX, &left);
	if (ret)
		return ret;
	ret = nl_open_monitor(&g);
	if (ret)
		return ret;
	/* scripts wait for this line before they make the first event */
	fputs("bbctl: monitor: listening\n", stderr);
	do {
		ret = bb_genl_listen(&g, MON_MAXATTR, on_event, &left);
		if (ret == -ENOMEM)
			fputs("bbctl: monitor: notifications were lost (the socket overflowed): read the objects again\n",
			      stderr);
	} while (!ret || ret == -ENOMEM);
	bb_genl_close(&g);
	if (ret == -ECANCELED)
		return EXIT_OK;
	fprintf(stderr, "bbctl: monitor: %s\n", strerror(-ret));
	return EXIT_KERNEL;
}

static const struct cmd monitor_cmds[] = {
	{ "monitor", cmd_monitor, false },
	{ NULL },
};

const struct object monitor_object = {
	.name = "monitor",
	.cmds = monitor_cmds,
	.direct = cmd_monitor,
	.usage = "bbctl monitor [count N]\n",
};
