// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* bbctl port: bind netdevs to bbgen. */
#include <linux/bbgen.h>

#include "bbctl.h"
#include "print.h"

static const struct arg_spec dev_required[] = {
	{ "dev", "IFNAME", true },
	{ NULL },
};

static const struct arg_spec dev_optional[] = {
	{ "dev", "IFNAME", false },
	{ NULL },
};

static int port_change(const char *what, uint8_t cmd, int argc, char **argv)
{
	const char *dev;
	uint32_t ifindex;
	int ret;

	ret = args_collect(what, argc, argv, dev_required, &dev);
	if (!ret)
		ret = arg_dev(dev, &ifindex);
	return ret ? ret : nl_simple(cmd, BBGEN_A_PORT_IFINDEX, ifindex);
}

static int port_add(int argc, char **argv)
{
	return port_change("port add", BBGEN_CMD_PORT_ADD, argc, argv);
}

static int port_del(int argc, char **argv)
{
	return port_change("port del", BBGEN_CMD_PORT_DEL, argc, argv);
}

int port_print(struct nlattr **tb, void *arg)
{
	(void)arg;
	pr_open_object();
	show_dev(tb[BBGEN_A_PORT_DEV], tb[BBGEN_A_PORT_IFINDEX], "port");
	show_u32(tb[BBGEN_A_PORT_IFINDEX], "ifindex", "ifindex");
	show_u32(tb[BBGEN_A_PORT_STREAMS], "streams", "streams");
	show_u32(tb[BBGEN_A_PORT_TRIGGERS], "triggers", "triggers");
	pr_close_object();
	return 0;
}

static int port_show(int argc, char **argv)
{
	const char *dev;
	uint32_t ifindex = 0;
	int ret;

	ret = args_collect("port show", argc, argv, dev_optional, &dev);
	if (!ret && dev)
		ret = arg_dev(dev, &ifindex);
	if (ret)
		return ret;
	return nl_show(BBGEN_CMD_PORT_GET, ifindex ? BBGEN_A_PORT_IFINDEX : 0,
		       ifindex, BBGEN_A_PORT_MAX, port_print);
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
	.usage = "bbctl port { add | del } dev IFNAME\n"
		 "       bbctl port show [dev IFNAME]\n",
};
