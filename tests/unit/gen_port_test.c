// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The typed bbgen client, ports (lib/gen_port.c): a PORT_GET reply, a
 * PORT_GONE notification with a DEV too long for a device name, and the
 * get request.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <linux/bbgen.h>

#include "gen_check.h"
#include "gen_port.h"

static void test_port(void **state)
{
	struct reply *o = *state;
	struct bb_gen_port p;

	nla_put_u32(o->msg, BBGEN_A_PORT_IFINDEX, 4);
	nla_put_string(o->msg, BBGEN_A_PORT_DEV, "eth1");
	nla_put_u32(o->msg, BBGEN_A_PORT_STREAMS, 2);
	nla_put_u32(o->msg, BBGEN_A_PORT_TRIGGERS, 0);
	assert_int_equal(bb_gen_port_decode(reply_parsed(o, BBGEN_A_PORT_MAX,
					    BBGEN_CMD_PORT_GET), &p), 0);
	assert_true(p.present.ifindex && p.present.dev && p.present.streams &&
		    p.present.triggers);
	assert_int_equal(p.ifindex, 4);
	assert_string_equal(p.dev, "eth1");
	assert_int_equal(p.streams, 2);
	assert_int_equal(p.triggers, 0);
	assert_false(p.present.timestamping);
}

/* PORT_GONE with a DEV longer than a device name: not copied. */
static void test_port_gone_long_dev(void **state)
{
	struct reply *o = *state;
	struct bb_gen_port p;

	nla_put_string(o->msg, BBGEN_A_PORT_DEV, "a-name-of-twenty-chars");
	nla_put_u32(o->msg, BBGEN_A_PORT_TIMESTAMPING,
		    BBGEN_TIMESTAMPING_HARDWARE);
	assert_int_equal(bb_gen_port_decode(reply_parsed(o, BBGEN_A_PORT_MAX,
					    BBGEN_CMD_PORT_GONE_NTF), &p),
			 -EPROTO);
	assert_false(p.present.dev || p.present.ifindex);
	assert_true(p.present.timestamping);
	assert_int_equal(p.timestamping, BBGEN_TIMESTAMPING_HARDWARE);
}

static void test_port_get_msg(void **state)
{
	struct nlattr *tb[BBGEN_A_PORT_MAX + 1];
	struct bb_genl g = fake_family();
	struct nl_msg *msg;
	uint32_t ifindex;
	bool dump;

	(void)state;
	msg = bb_gen_port_get_msg(&g, 3);
	assert_int_equal(request_parse(msg, BBGEN_A_PORT_MAX, tb, &dump),
			 BBGEN_CMD_PORT_GET);
	assert_false(dump);
	assert_true(bb_nla_u32(tb[BBGEN_A_PORT_IFINDEX], &ifindex));
	assert_int_equal(ifindex, 3);
	nlmsg_free(msg);
	msg = bb_gen_port_get_msg(&g, 0);
	assert_int_equal(request_parse(msg, BBGEN_A_PORT_MAX, tb, &dump),
			 BBGEN_CMD_PORT_GET);
	assert_true(dump);
	assert_null(tb[BBGEN_A_PORT_IFINDEX]);
	nlmsg_free(msg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_port, reply_setup,
						reply_teardown),
		cmocka_unit_test_setup_teardown(test_port_gone_long_dev,
						reply_setup, reply_teardown),
		cmocka_unit_test(test_port_get_msg),
	};

	return cmocka_run_group_tests_name("gen_port", tests, NULL, NULL);
}
