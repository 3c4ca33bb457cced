// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* bbctl stream add's parser end to end (no kernel): what a command line
 * becomes in struct stream_req: templates, rate ratio, tags, limits. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include <linux/bbgen.h>

#include <netlink/genl/genl.h>

#include "bbctl.h"
#include "stream.h"

static struct stream_req r, r2;

/* stream add dev lo dst-mac ... src ... dst ... EXTRA (space-separated) */
static int parse(struct stream_req *req, const char *extra)
{
	static char buf[4096];
	char *argv[128], *tok;
	int argc = 0;

	snprintf(buf, sizeof(buf),
		 "dev lo dst-mac 02:00:00:00:00:01 src-mac 02:00:00:00:00:02 "
		 "src 198.51.100.1 dst 198.51.100.2 %s", extra);
	for (tok = strtok(buf, " "); tok; tok = strtok(NULL, " "))
		argv[argc++] = tok;
	return stream_parse_add(argc, argv, req);
}

static void test_defaults(void **state)
{
	(void)state;
	assert_int_equal(parse(&r, "rate 5000"), 0);
	assert_int_equal(r.mix.kind, BB_MIX_ONE);
	assert_int_equal(r.mix.size[0], 60);
	assert_int_equal(r.rate.frames, 1);
	assert_int_equal(r.rate.period_ns, 200000);
	assert_int_equal(r.count, 0);
	assert_int_equal(r.duration_ns, 0);
	assert_int_equal(r.delay_ns, 0);
	assert_int_equal(r.frame.nvlan, 0);
	assert_int_equal(r.frame.tos, 0);
	assert_false(r.frame.latency);
	assert_false(r.has_order);
	assert_int_equal(r.frame.sport, 49152);
	assert_int_equal(r.frame.dport, 4000);
}

static void test_fractional_rate(void **state)
{
	(void)state;
	assert_int_equal(parse(&r, "rate 1488095.24 count 10"), 0);
	assert_int_equal(r.rate.frames, 37202381);
	assert_int_equal(r.rate.period_ns, 25000000000ULL);
	assert_int_equal(r.count, 10);
}

static void test_imix_bitrate(void **state)
{
	(void)state;
	assert_int_equal(parse(&r, "imix default bitrate 1G l2-speed physical "
			       "imix-order fixed"), 0);
	assert_int_equal(r.mix.kind, BB_MIX_WEIGHTED);
	assert_int_equal(r.mix.n, 7);
	assert_int_equal(r.rate.frames, 25);
	assert_int_equal(r.rate.period_ns, 153784);
	assert_true(r.has_order);
	assert_int_equal(r.order, BBGEN_ORDER_FIXED);
}

/* A bit rate counts the VLAN tags: 64-byte tagged frames at 1 Gbit/s
 * frame_with_fcs are 68 bytes, 544 ns each. */
static void test_bitrate_counts_tags(void **state)
{
	(void)state;
	assert_int_equal(parse(&r, "vlan 5 size 64 bitrate 1e9 "
			       "l2-speed frame_with_fcs"), 0);
	assert_int_equal(r.rate.frames, 1);
	assert_int_equal(r.rate.period_ns, 544);
	/* two sizes, no weights: the plain mean, 1e6 * 2 / (8 * 188) fps */
	assert_int_equal(parse(&r, "sizes 60,128 bitrate 1M"), 0);
	assert_int_equal(r.mix.kind, BB_MIX_CYCLE);
	assert_int_equal(r.rate.frames, 1);
	assert_int_equal(r.rate.period_ns, 752000);
}

static void test_vlans_and_qos(void **state)
{
	(void)state;
	assert_int_equal(parse(&r, "vlan 100 vlan 10:5:1 tpid 0x88a8 latency on "
			       "dscp 46 ecn 1 rate 1"), 0);
	assert_int_equal(r.frame.nvlan, 2);
	assert_int_equal(r.frame.vlan[0].tpid, 0x88a8);
	assert_int_equal(r.frame.vlan[0].id, 100);
	assert_int_equal(r.frame.vlan[1].tpid, 0x8100);
	assert_int_equal(r.frame.vlan[1].id, 10);
	assert_int_equal(r.frame.vlan[1].pcp, 5);
	assert_int_equal(r.frame.vlan[1].dei, 1);
	assert_true(r.frame.latency);
	assert_int_equal(r.mix.size[0], 66);	/* the minimum, > 60 */
	assert_int_equal(r.frame.tos, 46 << 2 | 1);
	/* one tag takes the TPID itself */
	assert_int_equal(parse(&r, "vlan 7 tpid 0x9100 tos 184 rate 1"), 0);
	assert_int_equal(r.frame.vlan[0].tpid, 0x9100);
	assert_int_equal(r.frame.tos, 184);
}

static void test_limits(void **state)
{
	(void)state;
	assert_int_equal(parse(&r, "rate 1 duration 1.5 delay 0.000000001"), 0);
	assert_int_equal(r.duration_ns, 1500000000);
	assert_int_equal(r.delay_ns, 1);
	assert_int_equal(r.count, 0);
}

static void test_size_dist(void **state)
{
	unsigned int i;

	(void)state;
	assert_int_equal(parse(&r, "size-dist normal 110 20 60 1480 rate 30"), 0);
	assert_int_equal(r.mix.kind, BB_MIX_SEQUENCE);
	assert_int_equal(r.mix.seq_len, BB_SIZE_DIST_SAMPLES);
	assert_true(r.mix.n > 1 && r.mix.n <= BBGEN_TEMPLATES_MAX);
	for (i = 0; i < r.mix.n; i++)
		assert_true(r.mix.size[i] >= 60 && r.mix.size[i] <= 1480);
	/* the same command, the same sample */
	assert_int_equal(parse(&r2, "size-dist normal 110 20 60 1480 rate 30"), 0);
	assert_memory_equal(r.mix.seq, r2.mix.seq, sizeof(r.mix.seq));
	assert_true(stream_req_size(&r) < BB_GENL_REQ_MAX);
}

/* The request: one TEMPLATE per size, in order, and what goes with them. */
static struct nlattr **request(struct nl_msg **msg, int *ntmpl)
{
	static struct nlattr *tb[BBGEN_A_STREAM_MAX + 1];
	struct bb_genl g = { .family = 0x20, .version = BBGEN_GENL_VERSION };
	struct nlattr *a;
	int rem;

	*msg = stream_add_msg(&g, &r);
	assert_non_null(*msg);
	assert_int_equal(genlmsg_parse(nlmsg_hdr(*msg), 0, tb,
				       BBGEN_A_STREAM_MAX, NULL), 0);
	*ntmpl = 0;
	nla_for_each_attr(a, genlmsg_attrdata(nlmsg_data(nlmsg_hdr(*msg)), 0),
			  genlmsg_attrlen(nlmsg_data(nlmsg_hdr(*msg)), 0), rem)
		if (nla_type(a) == BBGEN_A_STREAM_TEMPLATE)
			assert_int_equal(nla_len(a), r.mix.size[(*ntmpl)++]);
	return tb;
}

static void test_request(void **state)
{
	struct nl_msg *msg;
	struct nlattr **tb;
	const uint8_t *f;
	int n;

	(void)state;
	assert_int_equal(parse(&r, "imix 64:7,576:4,1500:1 imix-order shuffle "
			       "rate 1488095.24 duration 2 delay 0.5 vlan 9 latency on"), 0);
	tb = request(&msg, &n);
	assert_int_equal(n, 3);
	assert_int_equal(nla_get_u64(tb[BBGEN_A_STREAM_RATE_FRAMES]), 37202381);
	assert_int_equal(nla_get_u64(tb[BBGEN_A_STREAM_RATE_PERIOD_NS]),
			 25000000000ULL);
	assert_int_equal(nla_get_u64(tb[BBGEN_A_STREAM_DURATION_NS]), 2000000000);
	assert_int_equal(nla_get_u64(tb[BBGEN_A_STREAM_DELAY_NS]), 500000000);
	assert_null(tb[BBGEN_A_STREAM_COUNT]);
	assert_null(tb[BBGEN_A_STREAM_INTERVAL_NS]);
	assert_null(tb[BBGEN_A_STREAM_SEQ_OFFSET]);
	assert_null(tb[BBGEN_A_STREAM_SEQUENCE]);
	assert_true(nla_get_flag(tb[BBGEN_A_STREAM_LATENCY]));
	assert_int_equal(nla_len(tb[BBGEN_A_STREAM_WEIGHTS]), 12);
	assert_int_equal(((uint32_t *)nla_data(tb[BBGEN_A_STREAM_WEIGHTS]))[1], 4);
	assert_int_equal(nla_get_u32(tb[BBGEN_A_STREAM_ORDER]),
			 BBGEN_ORDER_SHUFFLE);
	/* the last TEMPLATE: 1500 bytes with a VLAN tag */
	f = nla_data(tb[BBGEN_A_STREAM_TEMPLATE]);
	assert_int_equal(nla_len(tb[BBGEN_A_STREAM_TEMPLATE]), 1500);
	assert_int_equal(f[12] << 8 | f[13], 0x8100);
	assert_int_equal(f[14] << 8 | f[15], 9);
	nlmsg_free(msg);

	assert_int_equal(parse(&r, "size-dist normal 110 20 60 1480 rate 30 count 9"), 0);
	tb = request(&msg, &n);
	assert_int_equal(n, (int)r.mix.n);
	assert_int_equal(nla_len(tb[BBGEN_A_STREAM_SEQUENCE]), 2 * 4096);
	assert_null(tb[BBGEN_A_STREAM_WEIGHTS]);
	assert_null(tb[BBGEN_A_STREAM_ORDER]);
	assert_int_equal(nla_get_u64(tb[BBGEN_A_STREAM_COUNT]), 9);
	nlmsg_free(msg);

	/* one plain template still names the sequence tag's place */
	assert_int_equal(parse(&r, "size 100 rate 1"), 0);
	tb = request(&msg, &n);
	assert_int_equal(n, 1);
	assert_int_equal(nla_get_u32(tb[BBGEN_A_STREAM_SEQ_OFFSET]), 92);
	assert_false(nla_get_flag(tb[BBGEN_A_STREAM_LATENCY]));
	nlmsg_free(msg);
}

static void test_errors(void **state)
{
	(void)state;
	assert_int_equal(parse(&r, "rate 1 bitrate 1"), EXIT_USAGE);
	assert_int_equal(parse(&r, "count 1"), EXIT_USAGE);
	assert_int_equal(parse(&r, "rate 1 latency on size 59"), EXIT_USAGE);
	assert_int_equal(parse(&r, "rate 1 tos 1 dscp 1"), EXIT_USAGE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_fractional_rate),
		cmocka_unit_test(test_imix_bitrate),
		cmocka_unit_test(test_bitrate_counts_tags),
		cmocka_unit_test(test_vlans_and_qos),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_size_dist),
		cmocka_unit_test(test_request),
		cmocka_unit_test(test_errors),
	};

	return cmocka_run_group_tests_name("stream_args", tests, NULL, NULL);
}
