// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* bbctl stream: TX streams of UDP test frames. */
#include <errno.h>
#include <inttypes.h>
#include <string.h>
#include <sys/socket.h>

#include <linux/bbgen.h>

#include "bbctl.h"
#include "frame.h"
#include "netdev.h"
#include "parse.h"
#include "print.h"

enum {
	A_DEV, A_ID, A_DST_MAC, A_SRC_MAC, A_SRC, A_DST, A_SPORT, A_DPORT,
	A_SIZE, A_XMIT, A_RATE, A_COUNT, A_NUM
};

static const struct arg_spec add_args[A_NUM + 1] = {
	[A_DEV] = { "dev", "IFNAME", true },
	[A_ID] = { "id", "N", false },
	[A_DST_MAC] = { "dst-mac", "MAC", true },
	[A_SRC_MAC] = { "src-mac", "MAC", false },
	[A_SRC] = { "src", "IP", true },
	[A_DST] = { "dst", "IP", true },
	[A_SPORT] = { "sport", "N", false },
	[A_DPORT] = { "dport", "N", false },
	[A_SIZE] = { "size", "BYTES", false },
	[A_XMIT] = { "xmit", "queue|direct", false },
	[A_RATE] = { "rate", "FPS", true },
	[A_COUNT] = { "count", "N", true },
};

/* Everything stream add sends, parsed and checked. */
struct stream_req {
	uint32_t ifindex;
	uint32_t id;		/* 0: let the kernel choose */
	struct bb_frame_spec frame;
	uint32_t xmit_mode;
	uint64_t interval_ns;
	uint64_t count;
};

static const char *family_name(int family)
{
	return family == AF_INET ? "IPv4" : "IPv6";
}

static int src_mac_of(const char *dev, uint8_t mac[BB_MAC_LEN])
{
	int ret = bb_netdev_mac(dev, mac);

	if (ret == -EPFNOSUPPORT)
		return usage_err("src-mac: device \"%s\" has no Ethernet address (give src-mac MAC)",
				 dev);
	if (ret)
		return usage_err("src-mac: cannot read the address of \"%s\": %s (give src-mac MAC)",
				 dev, strerror(-ret));
	return 0;
}

static int parse_macs(const char **v, struct bb_frame_spec *f)
{
	int ret = arg_mac("dst-mac", v[A_DST_MAC], f->dst_mac);

	if (ret)
		return ret;
	if (!v[A_SRC_MAC])
		return src_mac_of(v[A_DEV], f->src_mac);
	ret = arg_mac("src-mac", v[A_SRC_MAC], f->src_mac);
	/* a group address as source is never a valid frame */
	if (!ret && f->src_mac[0] & 1)
		ret = usage_err("src-mac: must be a unicast MAC address (got \"%s\")",
				v[A_SRC_MAC]);
	return ret;
}

static int parse_l3l4(const char **v, struct bb_frame_spec *f)
{
	int ret;

	f->sport = BBCTL_SPORT;
	f->dport = BBCTL_DPORT;
	ret = arg_ip("src", v[A_SRC], &f->src);
	if (!ret)
		ret = arg_ip("dst", v[A_DST], &f->dst);
	if (!ret && f->src.family != f->dst.family)
		ret = usage_err("dst: must be the same family as src (src is %s, dst is %s)",
				family_name(f->src.family),
				family_name(f->dst.family));
	if (!ret && v[A_SPORT])
		ret = arg_port("sport", v[A_SPORT], &f->sport);
	if (!ret && v[A_DPORT])
		ret = arg_port("dport", v[A_DPORT], &f->dport);
	return ret;
}

static int parse_size(const char *s, struct bb_frame_spec *f)
{
	size_t min = bb_frame_min_size(f->src.family, 0, false);
	uint64_t v = 0;
	int ret;

	if (!s) {
		f->size = bb_frame_default_size(f->src.family, 0, false);
		return 0;
	}
	ret = bb_parse_u64(s, 0, UINT64_MAX, &v);
	if (ret == -EINVAL)
		return usage_err("size: must be an integer from %zu to %d (got \"%s\")",
				 min, BBGEN_FRAME_MAX, s);
	if (ret || v > BBGEN_FRAME_MAX)
		return usage_err("size: %s bytes is too large (maximum %d)", s,
				 BBGEN_FRAME_MAX);
	if (v < min)
		return usage_err("size: %" PRIu64 " bytes is too small for an %s/UDP frame with a sequence tag (minimum %zu)",
				 v, family_name(f->src.family), min);
	f->size = (size_t)v;
	return 0;
}

static int parse_xmit(const char *s, uint32_t *mode)
{
	*mode = BBGEN_XMIT_MODE_QUEUE;
	if (!s || !strcmp(s, "queue"))
		return 0;
	if (!strcmp(s, "direct")) {
		*mode = BBGEN_XMIT_MODE_DIRECT;
		return 0;
	}
	return usage_err("xmit: must be queue or direct (got \"%s\")", s);
}

static int parse_add(int argc, char **argv, struct stream_req *r)
{
	const char *v[A_NUM];
	int ret;

	memset(r, 0, sizeof(*r));
	ret = args_collect("stream add", argc, argv, add_args, v);
	if (!ret)
		ret = arg_dev(v[A_DEV], &r->ifindex);
	if (!ret && v[A_ID])
		ret = arg_id(v[A_ID], &r->id);
	if (!ret)
		ret = parse_macs(v, &r->frame);
	if (!ret)
		ret = parse_l3l4(v, &r->frame);
	if (!ret)
		ret = parse_size(v[A_SIZE], &r->frame);
	if (!ret)
		ret = parse_xmit(v[A_XMIT], &r->xmit_mode);
	if (!ret)
		ret = arg_rate(v[A_RATE], &r->interval_ns);
	if (!ret)
		ret = arg_count(v[A_COUNT], &r->count);
	return ret;
}

static struct nl_msg *add_msg(struct bb_genl *g, const struct stream_req *r)
{
	struct nl_msg *msg = bb_genl_msg(g, BBGEN_CMD_STREAM_ADD, false);
	uint8_t frame[BBGEN_FRAME_MAX];
	int err = 0;

	if (!msg || bb_frame_build(&r->frame, frame))
		goto fail;
	err |= nla_put_u32(msg, BBGEN_A_STREAM_IFINDEX, r->ifindex);
	if (r->id)
		err |= nla_put_u32(msg, BBGEN_A_STREAM_ID, r->id);
	err |= nla_put(msg, BBGEN_A_STREAM_TEMPLATE, (int)r->frame.size, frame);
	err |= nla_put_u64(msg, BBGEN_A_STREAM_INTERVAL_NS, r->interval_ns);
	err |= nla_put_u64(msg, BBGEN_A_STREAM_COUNT, r->count);
	err |= nla_put_u32(msg, BBGEN_A_STREAM_SEQ_OFFSET,
			   (uint32_t)bb_frame_seq_offset(r->frame.size, false));
	err |= nla_put_u32(msg, BBGEN_A_STREAM_XMIT_MODE, r->xmit_mode);
	if (!err)
		return msg;
fail:
	nlmsg_free(msg);
	return NULL;
}

static int stream_add(int argc, char **argv)
{
	struct added what = { "stream", BBGEN_A_STREAM_ID };
	struct stream_req r;
	struct bb_genl g;
	int ret;

	ret = parse_add(argc, argv, &r);
	if (!ret)
		ret = nl_open(&g);
	if (ret)
		return ret;
	ret = nl_run(&g, add_msg(&g, &r), BBGEN_A_STREAM_MAX, show_added_id,
		     &what);
	if (ret)
		pr_discard();
	else if (pr_flush())
		ret = EXIT_KERNEL;
	return ret;
}

static int stream_by_id(const char *what, uint8_t cmd, int argc, char **argv)
{
	uint32_t id;
	int ret = args_id(what, true, argc, argv, &id);

	return ret ? ret : nl_simple(cmd, BBGEN_A_STREAM_ID, id);
}

static int stream_start(int argc, char **argv)
{
	return stream_by_id("stream start", BBGEN_CMD_STREAM_START, argc, argv);
}

static int stream_stop(int argc, char **argv)
{
	return stream_by_id("stream stop", BBGEN_CMD_STREAM_STOP, argc, argv);
}

static int stream_del(int argc, char **argv)
{
	return stream_by_id("stream del", BBGEN_CMD_STREAM_DEL, argc, argv);
}

static const char *state_name(const struct nlattr *a)
{
	static const char *const names[] = {
		[BBGEN_STREAM_STATE_IDLE] = "idle",
		[BBGEN_STREAM_STATE_RUNNING] = "running",
		[BBGEN_STREAM_STATE_DONE] = "done",
		[BBGEN_STREAM_STATE_STOPPED] = "stopped",
	};
	uint32_t v;

	if (!bb_nla_u32(a, &v) || v >= sizeof(names) / sizeof(names[0]))
		return NULL;
	return names[v];
}

static const char *xmit_name(const struct nlattr *a)
{
	uint32_t v;

	if (!bb_nla_u32(a, &v))
		return NULL;
	return v == BBGEN_XMIT_MODE_QUEUE ? "queue" :
	       v == BBGEN_XMIT_MODE_DIRECT ? "direct" : NULL;
}

int stream_print(struct nlattr **tb, void *arg)
{
	(void)arg;
	pr_open_object();
	show_u32(tb[BBGEN_A_STREAM_ID], "id", "stream");
	show_dev(tb[BBGEN_A_STREAM_DEV], tb[BBGEN_A_STREAM_IFINDEX], "dev");
	pr_string(PR_ANY, "state", "state %s", state_name(tb[BBGEN_A_STREAM_STATE]));
	show_u32(tb[BBGEN_A_STREAM_FRAME_SIZE], "frame_size", "size");
	show_u64(tb[BBGEN_A_STREAM_INTERVAL_NS], "interval_ns", "interval-ns");
	show_u64(tb[BBGEN_A_STREAM_COUNT], "count", "count");
	show_u32(tb[BBGEN_A_STREAM_SEQ_OFFSET], "seq_offset", "seq-offset");
	pr_string(PR_ANY, "xmit_mode", "xmit %s",
		  xmit_name(tb[BBGEN_A_STREAM_XMIT_MODE]));
	show_u64(tb[BBGEN_A_STREAM_TX_FRAMES], "tx_frames", "tx-frames");
	show_u64(tb[BBGEN_A_STREAM_TX_BYTES], "tx_bytes", "tx-bytes");
	show_u64(tb[BBGEN_A_STREAM_TX_BUSY], "tx_busy", "tx-busy");
	show_u64(tb[BBGEN_A_STREAM_FIRST_TX_NS], "first_tx_ns", "first-tx-ns");
	show_u64(tb[BBGEN_A_STREAM_LAST_TX_NS], "last_tx_ns", "last-tx-ns");
	pr_close_object();
	return 0;
}

static int stream_show(int argc, char **argv)
{
	uint32_t id;
	int ret = args_id("stream show", false, argc, argv, &id);

	if (ret)
		return ret;
	return nl_show(BBGEN_CMD_STREAM_GET, id ? BBGEN_A_STREAM_ID : 0, id,
		       BBGEN_A_STREAM_MAX, stream_print);
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
	"                  src IP dst IP [sport N] [dport N] [size BYTES]\n"
	"                  [xmit { queue | direct }] rate FPS count N\n"
	"       bbctl stream { start | stop | del } id N\n"
	"       bbctl stream show [id N]\n",
};
