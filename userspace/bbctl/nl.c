// SPDX-License-Identifier: GPL-2.0-only OR MIT
#include <errno.h>
#include <string.h>

#include <linux/bbgen.h>

#include "bbctl.h"
#include "print.h"

/* "Error: <message>." as iproute2 prints the kernel's extack. */
static void print_error(const char *msg, const char *hint)
{
	size_t len = strlen(msg);

	fprintf(stderr, "Error: %s%s%s\n", msg, hint,
		len && msg[len - 1] == '.' && !*hint ? "" : ".");
}

static int kernel_err(const struct bb_genl *g, int err)
{
	if (g->msg[0])
		print_error(g->msg, "");
	else
		print_error(strerror(-err), err == -EPERM ?
			    " (bbgen needs CAP_NET_ADMIN in the initial user namespace)" : "");
	return EXIT_KERNEL;
}

int nl_open(struct bb_genl *g)
{
	int ret = bb_genl_open(g, BBGEN_GENL_NAME, BBGEN_GENL_VERSION);

	if (ret == -ENOENT) {
		fputs("bbgen module not loaded (modprobe bbgen)\n", stderr);
		return EXIT_KERNEL;
	}
	if (ret) {
		g->msg[0] = '\0';
		return kernel_err(g, ret);
	}
	return 0;
}

int nl_open_monitor(struct bb_genl *g)
{
	int ret = nl_open(g);

	if (ret)
		return ret;
	ret = bb_genl_join(g, BBGEN_GENL_NAME, BBGEN_MCGRP_MONITOR);
	if (ret) {
		ret = kernel_err(g, ret);
		bb_genl_close(g);
	}
	return ret;
}

int nl_run(struct bb_genl *g, struct nl_msg *msg, int maxattr,
	   bb_genl_cb cb, void *arg)
{
	int ret;

	ret = msg ? bb_genl_talk(g, msg, maxattr, cb, arg) : -ENOMEM;
	if (ret)
		ret = kernel_err(g, ret);
	bb_genl_close(g);
	return ret;
}

struct nl_msg *nl_msg_u32(struct bb_genl *g, uint8_t cmd, int attr,
			  uint32_t v, bool dump)
{
	struct nl_msg *msg = bb_genl_msg(g, cmd, dump && !attr);

	if (msg && attr && nla_put_u32(msg, attr, v) < 0) {
		nlmsg_free(msg);
		msg = NULL;
	}
	return msg;
}

int nl_simple(uint8_t cmd, int attr, uint32_t v)
{
	struct bb_genl g;
	int ret = nl_open(&g);

	if (ret)
		return ret;
	/* maxattr 0: these ops have no reply worth parsing */
	return nl_run(&g, nl_msg_u32(&g, cmd, attr, v, false), 0, NULL, NULL);
}

int nl_show_msg(struct bb_genl *g, struct nl_msg *msg, int maxattr,
		bb_genl_cb cb)
{
	int ret;

	pr_open_array();
	ret = nl_run(g, msg, maxattr, cb, NULL);
	pr_close_array();
	if (ret) {
		pr_discard();
		return ret;
	}
	return pr_flush() ? EXIT_KERNEL : 0;
}

int nl_del_cmd(const char *what, uint8_t cmd, int id_attr, int argc, char **argv)
{
	uint32_t id;
	int ret = args_id(what, true, argc, argv, &id);

	return ret ? ret : nl_simple(cmd, id_attr, id);
}

int nl_show_cmd(const char *what, nl_get_fn get, int maxattr, bb_genl_cb cb,
		int argc, char **argv)
{
	struct bb_genl g;
	uint32_t id;
	int ret = args_id(what, false, argc, argv, &id);

	if (!ret)
		ret = nl_open(&g);
	if (ret)
		return ret;
	return nl_show_msg(&g, get(&g, id), maxattr, cb);
}
