// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* bbctl trigger: RX classifiers that count and sequence-check frames. */
#include <string.h>
#include <sys/socket.h>

#include <linux/bbgen.h>

#include "bbctl.h"
#include "print.h"

enum { A_DEV, A_ID, A_SRC, A_DST, A_SPORT, A_DPORT, A_NUM };

static const struct arg_spec add_args[A_NUM + 1] = {
	[A_DEV] = { "dev", "IFNAME", true },
	[A_ID] = { "id", "N", false },
	[A_SRC] = { "src", "IP", false },
	[A_DST] = { "dst", "IP", false },
	[A_SPORT] = { "sport", "N", false },
	[A_DPORT] = { "dport", "N", true },
};

/* Everything trigger add sends; zero/AF_UNSPEC fields are wildcards. */
struct trigger_req {
	uint32_t ifindex;
	uint32_t id;
	struct bb_ip src, dst;
	uint16_t sport, dport;
};

static int parse_ips(const char **v, struct trigger_req *r)
{
	int ret = 0;

	if (v[A_SRC])
		ret = arg_ip("src", v[A_SRC], &r->src);
	if (!ret && v[A_DST])
		ret = arg_ip("dst", v[A_DST], &r->dst);
	if (!ret && v[A_SRC] && v[A_DST] && r->src.family != r->dst.family)
		ret = usage_err("dst: must be the same family as src (src is %s, dst is %s)",
				r->src.family == AF_INET ? "IPv4" : "IPv6",
				r->dst.family == AF_INET ? "IPv4" : "IPv6");
	return ret;
}

static int parse_add(int argc, char **argv, struct trigger_req *r)
{
	const char *v[A_NUM];
	int ret;

	memset(r, 0, sizeof(*r));
	ret = args_collect("trigger add", argc, argv, add_args, v);
	if (!ret)
		ret = arg_dev(v[A_DEV], &r->ifindex);
	if (!ret && v[A_ID])
		ret = arg_id(v[A_ID], &r->id);
	if (!ret)
		ret = parse_ips(v, r);
	if (!ret && v[A_SPORT])
		ret = arg_port("sport", v[A_SPORT], &r->sport);
	if (!ret)
		ret = arg_port("dport", v[A_DPORT], &r->dport);
	return ret;
}

static int put_ip(struct nl_msg *msg, int attr4, int attr6,
		  const struct bb_ip *ip)
{
	if (ip->family == AF_INET)
		return nla_put(msg, attr4, sizeof(ip->v4), &ip->v4);
	if (ip->family == AF_INET6)
		return nla_put(msg, attr6, sizeof(ip->v6), &ip->v6);
	return 0;
}

static struct nl_msg *add_msg(struct bb_genl *g, const struct trigger_req *r)
{
	struct nl_msg *msg = bb_genl_msg(g, BBGEN_CMD_TRIGGER_ADD, false);
	int err = 0;

	if (!msg)
		return NULL;
	err |= nla_put_u32(msg, BBGEN_A_TRIGGER_IFINDEX, r->ifindex);
	if (r->id)
		err |= nla_put_u32(msg, BBGEN_A_TRIGGER_ID, r->id);
	err |= nla_put_u16(msg, BBGEN_A_TRIGGER_UDP_DPORT, r->dport);
	if (r->sport)
		err |= nla_put_u16(msg, BBGEN_A_TRIGGER_UDP_SPORT, r->sport);
	err |= put_ip(msg, BBGEN_A_TRIGGER_SRC_IPV4, BBGEN_A_TRIGGER_SRC_IPV6,
		      &r->src);
	err |= put_ip(msg, BBGEN_A_TRIGGER_DST_IPV4, BBGEN_A_TRIGGER_DST_IPV6,
		      &r->dst);
	if (!err)
		return msg;
	nlmsg_free(msg);
	return NULL;
}

static int trigger_add(int argc, char **argv)
{
	struct added what = { "trigger", BBGEN_A_TRIGGER_ID };
	struct trigger_req r;
	struct bb_genl g;
	int ret;

	ret = parse_add(argc, argv, &r);
	if (!ret)
		ret = nl_open(&g);
	if (ret)
		return ret;
	ret = nl_run(&g, add_msg(&g, &r), BBGEN_A_TRIGGER_MAX, show_added_id,
		     &what);
	if (ret)
		pr_discard();
	else if (pr_flush())
		ret = EXIT_KERNEL;
	return ret;
}

static int trigger_del(int argc, char **argv)
{
	uint32_t id;
	int ret = args_id("trigger del", true, argc, argv, &id);

	return ret ? ret : nl_simple(BBGEN_CMD_TRIGGER_DEL, BBGEN_A_TRIGGER_ID, id);
}

int trigger_print(struct nlattr **tb, void *arg)
{
	(void)arg;
	pr_open_object();
	show_u32(tb[BBGEN_A_TRIGGER_ID], "id", "trigger");
	show_dev(tb[BBGEN_A_TRIGGER_DEV], tb[BBGEN_A_TRIGGER_IFINDEX], "dev");
	show_u16_opt(tb[BBGEN_A_TRIGGER_UDP_DPORT], "udp_dport", "dport");
	show_u16_opt(tb[BBGEN_A_TRIGGER_UDP_SPORT], "udp_sport", "sport");
	show_ip_opt(tb[BBGEN_A_TRIGGER_SRC_IPV4], AF_INET, "src_ipv4", "src");
	show_ip_opt(tb[BBGEN_A_TRIGGER_DST_IPV4], AF_INET, "dst_ipv4", "dst");
	show_ip_opt(tb[BBGEN_A_TRIGGER_SRC_IPV6], AF_INET6, "src_ipv6", "src");
	show_ip_opt(tb[BBGEN_A_TRIGGER_DST_IPV6], AF_INET6, "dst_ipv6", "dst");
	show_u64(tb[BBGEN_A_TRIGGER_RX_FRAMES], "rx_frames", "rx-frames");
	show_u64(tb[BBGEN_A_TRIGGER_RX_BYTES], "rx_bytes", "rx-bytes");
	show_u64(tb[BBGEN_A_TRIGGER_HIGHEST_SEQ], "highest_seq", "highest-seq");
	show_u64(tb[BBGEN_A_TRIGGER_LOST], "lost", "lost");
	show_u64(tb[BBGEN_A_TRIGGER_OUT_OF_SEQUENCE], "out_of_sequence",
		 "out-of-sequence");
	show_u64(tb[BBGEN_A_TRIGGER_DUPLICATES], "duplicates", "duplicates");
	show_u64(tb[BBGEN_A_TRIGGER_FIRST_RX_NS], "first_rx_ns", "first-rx-ns");
	show_u64(tb[BBGEN_A_TRIGGER_LAST_RX_NS], "last_rx_ns", "last-rx-ns");
	pr_close_object();
	return 0;
}

static int trigger_show(int argc, char **argv)
{
	uint32_t id;
	int ret = args_id("trigger show", false, argc, argv, &id);

	if (ret)
		return ret;
	return nl_show(BBGEN_CMD_TRIGGER_GET, id ? BBGEN_A_TRIGGER_ID : 0, id,
		       BBGEN_A_TRIGGER_MAX, trigger_print);
}

static const struct cmd trigger_cmds[] = {
	{ "show", trigger_show, false },
	{ "add", trigger_add, false },
	{ "del", trigger_del, false },
	{ "delete", trigger_del, true },
	{ "list", trigger_show, true },
	{ NULL },
};

const struct object trigger_object = {
	.name = "trigger",
	.cmds = trigger_cmds,
	.usage =
	"bbctl trigger add dev IFNAME [id N] [src IP] [dst IP] [sport N] dport N\n"
	"       bbctl trigger del id N\n"
	"       bbctl trigger show [id N]\n",
};
