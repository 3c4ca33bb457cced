// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* bbctl stream: TX streams of UDP test frames. */
#include <linux/bbgen.h>

#include "bbctl.h"
#include "print.h"
#include "stream.h"
#include "stream_msg.h"

/* Streams one start or stop may name. */
#define STREAM_IDS_MAX	4096

size_t stream_req_size(const struct stream_req *r)
{
	return bb_stream_add_size(&r->mix);
}

struct nl_msg *stream_add_msg(struct bb_genl *g, const struct stream_req *r)
{
	const struct bb_stream_add s = {
		.ifindex = r->ifindex, .id = r->id, .frame = r->frame,
		.mix = &r->mix, .has_order = r->has_order, .order = r->order,
		.xmit_mode = r->xmit_mode, .has_cpu = r->has_cpu, .cpu = r->cpu,
		.rate = r->rate, .count = r->count,
		.duration_ns = r->duration_ns, .delay_ns = r->delay_ns,
	};

	return bb_stream_add_msg(g, &s);
}

static int stream_add(int argc, char **argv)
{
	struct added what = { "stream", BBGEN_A_STREAM_ID };
	static struct stream_req r;	/* the mix is large for the stack */
	struct bb_genl g;
	int ret;

	ret = stream_parse_add(argc, argv, &r);
	if (!ret)
		ret = nl_open(&g);
	if (ret)
		return ret;
	ret = nl_run(&g, stream_add_msg(&g, &r), BBGEN_A_STREAM_MAX, show_added_id,
		     &what);
	if (ret)
		pr_discard();
	else if (pr_flush())
		ret = EXIT_KERNEL;
	return ret;
}

/* start and stop: id N[,N...], all in one request. */
static int stream_ids(const char *what, uint8_t cmd, int argc, char **argv)
{
	static const struct arg_spec spec[] = {
		ARG("id", "N[,N...]", true),
		{ NULL },
	};
	static uint32_t ids[STREAM_IDS_MAX];
	struct nl_msg *msg;
	struct bb_genl g;
	unsigned int i, n;
	const char *s;
	int ret;

	ret = args_collect(what, argc, argv, spec, &s);
	if (!ret)
		ret = arg_id_list(s, ids, STREAM_IDS_MAX, &n);
	if (!ret)
		ret = nl_open(&g);
	if (ret)
		return ret;
	msg = bb_genl_msg_size(&g, cmd, false, 1024 + n * 8);
	for (i = 0; msg && i < n; i++) {
		if (nla_put_u32(msg, BBGEN_A_STREAM_ID, ids[i]) < 0) {
			nlmsg_free(msg);
			msg = NULL;
		}
	}
	return nl_run(&g, msg, 0, NULL, NULL);
}

static int stream_start(int argc, char **argv)
{
	return stream_ids("stream start", BBGEN_CMD_STREAM_START, argc, argv);
}

static int stream_stop(int argc, char **argv)
{
	return stream_ids("stream stop", BBGEN_CMD_STREAM_STOP, argc, argv);
}

static int stream_del(int argc, char **argv)
{
	return nl_del_cmd("stream del", BBGEN_CMD_STREAM_DEL, BBGEN_A_STREAM_ID,
			  argc, argv);
}

static int stream_show(int argc, char **argv)
{
	return nl_show_cmd("stream show", bb_gen_stream_get_msg,
			   BBGEN_A_STREAM_MAX, stream_print, argc, argv);
}

static const struct cmd stream_cmds[] = {
	{ "show", stream_show, false },
	{ "add", stream_add, false },
	{ "del", stream_del, false },
	{ "start", stream_start, false },
	{ "stop", stream_stop, false },
	{ "delete", stream_del, true },
	{ "list", stream_show, true },
	{ NULL },
};

const struct object stream_object = {
	.name = "stream",
	.cmds = stream_cmds,
	.usage =
	"bbctl stream add dev IFNAME [id N] dst-mac MAC [src-mac MAC]\n"
	"                  src IP dst IP [sport N] [dport N] [SIZES] RATE\n"
	"                  [count N | duration SECS] [delay SECS]\n"
	"                  [vlan ID[:PCP[:DEI]]]... [tpid TPID] [dscp N] [ecn N] [tos N]\n"
	"                  [latency { on | off }] [xmit { queue | direct }] [cpu N]\n"
	"       where  SIZES := { size BYTES | sizes B1,B2,...\n"
	"                       | imix { default | SIZE:WEIGHT,... } [imix-order ORDER]\n"
	"                       | size-dist normal MEAN STDDEV MIN MAX }\n"
	"              RATE := { rate FPS | bitrate BPS [l2-speed L2SPEED] }\n"
	"              ORDER := { fixed | shuffle }\n"
	"              L2SPEED := { frame | frame_with_fcs | physical }\n"
	"              TPID := { 0x8100 | 0x88a8 | 0x9100 }\n"
	"       bbctl stream { start | stop } id N[,N...]\n"
	"       bbctl stream del id N\n"
	"       bbctl stream show [id N]\n",
};
