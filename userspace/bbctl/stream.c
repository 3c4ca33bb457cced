// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* bbctl stream: TX streams of UDP test frames. */
#include <linux/bbgen.h>

#include "bbctl.h"
#include "print.h"
#include "stream.h"

/* Streams one start or stop may name. */
#define STREAM_IDS_MAX	4096

size_t stream_req_size(const struct stream_req *r)
{
	/* each template and array pays an attribute header and padding */
	return bb_mix_template_bytes(&r->mix) + r->mix.n * 8 +
	       (r->mix.kind == BB_MIX_WEIGHTED ? r->mix.n * 4 : 0) +
	       r->mix.seq_len * 2 + 1024;
}

/* The templates, one per size, and how the kernel is to order them. */
static int put_frames(struct nl_msg *msg, const struct stream_req *r)
{
	struct bb_frame_spec f = r->frame;
	uint8_t frame[BBGEN_FRAME_MAX];
	unsigned int i;
	int err = 0;

	for (i = 0; i < r->mix.n; i++) {
		f.size = r->mix.size[i];
		if (bb_frame_build(&f, frame))
			return -1;
		err |= nla_put(msg, BBGEN_A_STREAM_TEMPLATE, (int)f.size, frame);
	}
	if (r->mix.kind == BB_MIX_WEIGHTED)
		err |= nla_put(msg, BBGEN_A_STREAM_WEIGHTS,
			       (int)(r->mix.n * sizeof(r->mix.weight[0])),
			       r->mix.weight);
	if (r->has_order)
		err |= nla_put_u32(msg, BBGEN_A_STREAM_ORDER, r->order);
	if (r->mix.kind == BB_MIX_SEQUENCE)
		err |= nla_put(msg, BBGEN_A_STREAM_SEQUENCE,
			       (int)(r->mix.seq_len * sizeof(r->mix.seq[0])),
			       r->mix.seq);
	/* one plain template: name the tag's place as before issue 3; the
	 * kernel's default (end of the UDP payload) is the same place */
	if (r->mix.kind == BB_MIX_ONE && !f.latency)
		err |= nla_put_u32(msg, BBGEN_A_STREAM_SEQ_OFFSET,
				   (uint32_t)bb_frame_seq_offset(f.size, false));
	if (f.latency)
		err |= nla_put_flag(msg, BBGEN_A_STREAM_LATENCY);
	return err;
}

/* Rate, limits and the rest of the stream's settings. */
static int put_timing(struct nl_msg *msg, const struct stream_req *r)
{
	int err = 0;

	err |= nla_put_u64(msg, BBGEN_A_STREAM_RATE_FRAMES, r->rate.frames);
	err |= nla_put_u64(msg, BBGEN_A_STREAM_RATE_PERIOD_NS,
			   r->rate.period_ns);
	if (r->count)
		err |= nla_put_u64(msg, BBGEN_A_STREAM_COUNT, r->count);
	if (r->duration_ns)
		err |= nla_put_u64(msg, BBGEN_A_STREAM_DURATION_NS,
				   r->duration_ns);
	if (r->delay_ns)
		err |= nla_put_u64(msg, BBGEN_A_STREAM_DELAY_NS, r->delay_ns);
	err |= nla_put_u32(msg, BBGEN_A_STREAM_XMIT_MODE, r->xmit_mode);
	return err;
}

struct nl_msg *stream_add_msg(struct bb_genl *g, const struct stream_req *r)
{
	struct nl_msg *msg = bb_genl_msg_size(g, BBGEN_CMD_STREAM_ADD, false,
					      stream_req_size(r));
	int err = 0;

	if (!msg)
		return NULL;
	err |= nla_put_u32(msg, BBGEN_A_STREAM_IFINDEX, r->ifindex);
	if (r->id)
		err |= nla_put_u32(msg, BBGEN_A_STREAM_ID, r->id);
	err |= put_frames(msg, r);
	err |= put_timing(msg, r);
	if (!err)
		return msg;
	nlmsg_free(msg);
	return NULL;
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
	return nl_show_cmd("stream show", BBGEN_CMD_STREAM_GET, BBGEN_A_STREAM_ID,
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
	"                  [latency { on | off }] [xmit { queue | direct }]\n"
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
