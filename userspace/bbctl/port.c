// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* bbctl port: bind netdevs to bbgen. */
#include <string.h>

#include <linux/bbgen.h>

#include "bbctl.h"
#include "gen_port.h"
#include "print.h"

static const struct arg_spec dev_required[] = {
	ARG("dev", "IFNAME", true),
	{ NULL },
};

static const struct arg_spec dev_optional[] = {
	ARG("dev", "IFNAME", false),
	{ NULL },
};

static const struct arg_spec add_args[] = {
	ARG("dev", "IFNAME", true),
	ARG("timestamping", "software|hardware", false),
	{ NULL },
};

static const char *const ts_names[] = {
	[BBGEN_TIMESTAMPING_SOFTWARE] = "software",
	[BBGEN_TIMESTAMPING_HARDWARE] = "hardware",
};

static int parse_timestamping(const char *s, uint32_t *mode)
{
	uint32_t i;

	for (i = 0; i < sizeof(ts_names) / sizeof(ts_names[0]); i++) {
		if (!strcmp(s, ts_names[i])) {
			*mode = i;
			return 0;
		}
	}
	return usage_err("timestamping: must be software or hardware (got \"%s\")",
			 s);
}

static int port_add(int argc, char **argv)
{
	const char *v[2];
	uint32_t ifindex, ts = 0;
	struct nl_msg *msg;
	struct bb_genl g;
	int ret;

	ret = args_collect("port add", argc, argv, add_args, v);
	if (!ret)
		ret = arg_dev(v[0], &ifindex);
	if (!ret && v[1])
		ret = parse_timestamping(v[1], &ts);
	if (!ret)
		ret = nl_open(&g);
	if (ret)
		return ret;
	msg = nl_msg_u32(&g, BBGEN_CMD_PORT_ADD, BBGEN_A_PORT_IFINDEX, ifindex,
			 false);
	/* only when asked: the kernel's default is software */
	if (msg && v[1] && nla_put_u32(msg, BBGEN_A_PORT_TIMESTAMPING, ts) < 0) {
		nlmsg_free(msg);
		msg = NULL;
	}
	return nl_run(&g, msg, 0, NULL, NULL);
}

static int port_del(int argc, char **argv)
{
	const char *dev;
	uint32_t ifindex;
	int ret;

	ret = args_collect("port del", argc, argv, dev_required, &dev);
	if (!ret)
		ret = arg_dev(dev, &ifindex);
	return ret ? ret : nl_simple(BBGEN_CMD_PORT_DEL, BBGEN_A_PORT_IFINDEX,
				     ifindex);
}

int port_print(const struct bb_reply *r, void *arg)
{
	struct bb_gen_port p;

	(void)arg;
	bb_gen_port_decode(r, &p);	/* printed as it is */
	pr_open_object();
	show_dev(p.present.dev ? p.dev : NULL, p.ifindex, "port");
	show_u32(p.present.ifindex, p.ifindex, "ifindex", "ifindex");
	show_u32(p.present.streams, p.streams, "streams", "streams");
	show_u32(p.present.triggers, p.triggers, "triggers", "triggers");
	if (p.present.timestamping)
		pr_string(PR_ANY, "timestamping", "timestamping %s",
			  enum_name(true, p.timestamping, ts_names,
				    sizeof(ts_names) / sizeof(ts_names[0])));
	pr_close_object();
	return 0;
}

static int port_show(int argc, char **argv)
{
	struct bb_genl g;
	const char *dev;
	uint32_t ifindex = 0;
	int ret;

	ret = args_collect("port show", argc, argv, dev_optional, &dev);
	if (!ret && dev)
		ret = arg_dev(dev, &ifindex);
	if (!ret)
		ret = nl_open(&g);
	if (ret)
		return ret;
	return nl_show_msg(&g, bb_gen_port_get_msg(&g, ifindex),
			   BBGEN_A_PORT_MAX, port_print);
}

static const struct cmd port_cmds[] = {
	{ "show", port_show, false },
	{ "add", port_add, false },
	{ "del", port_del, false },
	{ "delete", port_del, true },
	{ "list", port_show, true },
	{ NULL },
};

const struct object port_object = {
	.name = "port",
	.cmds = port_cmds,
	.usage = "bbctl port add dev IFNAME [timestamping { software | hardware }]\n"
		 "       bbctl port del dev IFNAME\n"
		 "       bbctl port show [dev IFNAME]\n",
};
