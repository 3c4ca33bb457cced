// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The genl client against a family every Linux host has (ethtool): family
 * resolution, a missing family, a do request with its reply, a dump, and
 * the kernel's extack message on an error. Skips if ethtool's family is
 * absent (kernels before 5.6 or without CONFIG_ETHTOOL_NETLINK).
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <linux/ethtool_netlink.h>

#include "genl.h"

/* Count replies; every attribute in tb[] lies in the attrs stream. */
static int count_replies(const struct bb_reply *r, void *arg)
{
	const struct nlattr *a;
	int rem, seen = 0;

	nla_for_each_attr(a, r->attrs, r->len, rem)
		seen += r->tb[nla_type(a)] != NULL;
	assert_true(r->len > 0);
	assert_true(seen > 0);
	(*(int *)arg)++;
	return 0;
}

static int stop_early(const struct bb_reply *r, void *arg)
{
	(void)r;
	(void)arg;
	return -ECANCELED;
}

static int open_ethtool(struct bb_genl *g)
{
	int ret = bb_genl_open(g, ETHTOOL_GENL_NAME, ETHTOOL_GENL_VERSION);

	if (ret == -ENOENT)
		skip();
	return ret;
}

static struct nl_msg *linkstate(struct bb_genl *g, const char *dev, bool dump)
{
	struct nl_msg *msg = bb_genl_msg(g, ETHTOOL_MSG_LINKSTATE_GET, dump);
	struct nlattr *hdr = nla_nest_start(msg, ETHTOOL_A_LINKSTATE_HEADER);

	if (dev)
		nla_put_string(msg, ETHTOOL_A_HEADER_DEV_NAME, dev);
	nla_nest_end(msg, hdr);
	return msg;
}

static void test_missing_family(void **state)
{
	struct bb_genl g;

	(void)state;
	assert_int_equal(bb_genl_open(&g, "bb-no-such-family", 1), -ENOENT);
}

static void test_extack_message(void **state)
{
	struct bb_genl g;
	int n = 0;

	(void)state;
	assert_int_equal(open_ethtool(&g), 0);
	assert_int_equal(bb_genl_talk(&g, linkstate(&g, "nosuch0", false),
				      ETHTOOL_A_LINKSTATE_MAX, count_replies, &n),
			 -ENODEV);
	assert_string_equal(g.msg, "no device matches name");
	assert_int_equal(n, 0);
	/* the socket is still in step for the next request */
	assert_int_equal(bb_genl_talk(&g, linkstate(&g, "lo", false),
				      ETHTOOL_A_LINKSTATE_MAX, count_replies, &n),
			 0);
	assert_int_equal(n, 1);
	assert_string_equal(g.msg, "");
	bb_genl_close(&g);
}

static void test_dump_and_callback_error(void **state)
{
	struct bb_genl g;
	int n = 0;

	(void)state;
	assert_int_equal(open_ethtool(&g), 0);
	assert_int_equal(bb_genl_talk(&g, linkstate(&g, NULL, true),
				      ETHTOOL_A_LINKSTATE_MAX, count_replies, &n),
			 0);
	assert_true(n >= 1);	/* lo at least */
	assert_int_equal(bb_genl_talk(&g, linkstate(&g, NULL, true),
				      ETHTOOL_A_LINKSTATE_MAX, stop_early, NULL),
			 -ECANCELED);
	n = 0;
	assert_int_equal(bb_genl_talk(&g, linkstate(&g, "lo", false),
				      ETHTOOL_A_LINKSTATE_MAX, count_replies, &n),
			 0);
	assert_int_equal(n, 1);
	bb_genl_close(&g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_missing_family),
		cmocka_unit_test(test_extack_message),
		cmocka_unit_test(test_dump_and_callback_error),
	};

	return cmocka_run_group_tests_name("genl", tests, NULL, NULL);
}
