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
#include "print.h"

#define MON_MAXATTR	BBGEN_A_TRIGGER_MAX
_Static_assert(BBGEN_A_TRIGGER_MAX >= BBGEN_A_STREAM_MAX &&
	       BBGEN_A_TRIGGER_MAX >= BBGEN_A_PORT_MAX,
	       "one attribute table holds every notification");

static void port_gone(struct nlattr **tb)
{
	pr_string(PR_ANY, "event", "%s", "port-gone");
	show_dev(tb[BBGEN_A_PORT_DEV], tb[BBGEN_A_PORT_IFINDEX], "dev");
}

static void stream_state(struct nlattr **tb)
{
	pr_string(PR_ANY, "event", "%s", "stream-state");
	show_u32(tb[BBGEN_A_STREAM_ID], "id", "stream");
	pr_string(PR_ANY, "state", "%s", stream_state_name(tb[BBGEN_A_STREAM_STATE]));
	show_u64(tb[BBGEN_A_STREAM_TX_FRAMES], "tx_frames", "tx-frames");
	show_u64(tb[BBGEN_A_STREAM_TX_BYTES], "tx_bytes", "tx-bytes");
	show_u64(tb[BBGEN_A_STREAM_FIRST_TX_NS], "first_tx_ns", "first-tx-ns");
	show_u64(tb[BBGEN_A_STREAM_LAST_TX_NS], "last_tx_ns", "last-tx-ns");
}

static void trigger_snapshot(struct nlattr **tb)
{
	struct nlattr *stb[BBGEN_A_SNAPSHOT_MAX + 1];

	pr_string(PR_ANY, "event", "%s", "trigger-snapshot");
	show_u32(tb[BBGEN_A_TRIGGER_ID], "id", "trigger");
	if (tb[BBGEN_A_TRIGGER_SNAPSHOT] &&
	    !nla_parse_nested(stb, BBGEN_A_SNAPSHOT_MAX,
			      tb[BBGEN_A_TRIGGER_SNAPSHOT], NULL))
		trigger_snapshot_fields(stb);
}

/* One notification; -ECANCELED once the count is reached. */
static int on_event(const struct bb_reply *r, void *arg)
{
	uint64_t *left = arg;	/* events still to print; 0: no count */

	pr_open_object();
	switch (r->cmd) {
	case BBGEN_CMD_PORT_GONE_NTF:
		port_gone(r->tb);
		break;
	case BBGEN_CMD_STREAM_STATE_NTF:
		stream_state(r->tb);
		break;
	case BBGEN_CMD_TRIGGER_SNAPSHOT_NTF:
		trigger_snapshot(r->tb);
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
