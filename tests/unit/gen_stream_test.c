// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The typed bbgen client, streams (lib/gen_stream.c): every field of a full reply and its presence bit, a
 * notification's few attributes, absent optional ones, an attribute of
 * the wrong length (rejected, not read), and the get request.
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
#include "gen_stream.h"

static void put_full_stream(struct nl_msg *m)
{
	nla_put_u32(m, BBGEN_A_STREAM_ID, 7);
	nla_put_u32(m, BBGEN_A_STREAM_IFINDEX, 3);
	nla_put_string(m, BBGEN_A_STREAM_DEV, "veth0");
	nla_put_u32(m, BBGEN_A_STREAM_STATE, BBGEN_STREAM_STATE_DONE);
	nla_put_u32(m, BBGEN_A_STREAM_FRAME_SIZE, 128);
	nla_put_u32(m, BBGEN_A_STREAM_SEQ_OFFSET, 110);
	nla_put_u32(m, BBGEN_A_STREAM_XMIT_MODE, BBGEN_XMIT_MODE_DIRECT);
	nla_put_u64(m, BBGEN_A_STREAM_RATE_FRAMES, 5001);
	nla_put_u64(m, BBGEN_A_STREAM_RATE_PERIOD_NS, 2000000000);
	nla_put_u64(m, BBGEN_A_STREAM_INTERVAL_NS, 399920);
	nla_put_u64(m, BBGEN_A_STREAM_COUNT, 1000);
	nla_put_u64(m, BBGEN_A_STREAM_DURATION_NS, 5000000000ULL);
	nla_put_u64(m, BBGEN_A_STREAM_DELAY_NS, 11);
	nla_put_u64(m, BBGEN_A_STREAM_START_TAI_NS, 1700000000000000000ULL);
	nla_put_flag(m, BBGEN_A_STREAM_LATENCY);
	nla_put_u32(m, BBGEN_A_STREAM_TEMPLATES, 3);
	nla_put_u32(m, BBGEN_A_STREAM_CYCLE_LEN, 12);
	nla_put_u32(m, BBGEN_A_STREAM_ORDER, BBGEN_ORDER_SHUFFLE);
	nla_put_u32(m, BBGEN_A_STREAM_SEED, 99);
	nla_put_u32(m, BBGEN_A_STREAM_RTP_OFFSET, 42);
	nla_put_u32(m, BBGEN_A_STREAM_RTP_SAMPLES, 160);
	nla_put_u64(m, BBGEN_A_STREAM_TX_FRAMES, 1000);
	nla_put_u64(m, BBGEN_A_STREAM_TX_BYTES, 128000);
	nla_put_u64(m, BBGEN_A_STREAM_TX_BUSY, 4);
	nla_put_u64(m, BBGEN_A_STREAM_FIRST_TX_NS, 100);
	nla_put_u64(m, BBGEN_A_STREAM_LAST_TX_NS, 200);
	nla_put_u64(m, BBGEN_A_STREAM_TX_TIME_ERROR_NS, 300);
	nla_put_u32(m, BBGEN_A_STREAM_CPU, 5);
}

static void test_stream_full(void **state)
{
	struct reply *o = *state;
	struct bb_gen_stream s;

	put_full_stream(o->msg);
	assert_int_equal(bb_gen_stream_decode(reply_parsed(o, BBGEN_A_STREAM_MAX,
					      BBGEN_CMD_STREAM_GET), &s), 0);
	assert_true(s.present.id && s.present.ifindex && s.present.dev &&
		    s.present.state && s.present.frame_size &&
		    s.present.seq_offset && s.present.xmit_mode &&
		    s.present.cpu);
	assert_int_equal(s.id, 7);
	assert_int_equal(s.ifindex, 3);
	assert_string_equal(s.dev, "veth0");
	assert_int_equal(s.state, BBGEN_STREAM_STATE_DONE);
	assert_int_equal(s.frame_size, 128);
	assert_int_equal(s.seq_offset, 110);
	assert_int_equal(s.xmit_mode, BBGEN_XMIT_MODE_DIRECT);
	assert_int_equal(s.cpu, 5);
	assert_true(s.present.rate_frames && s.present.rate_period_ns &&
		    s.present.interval_ns && s.present.count &&
		    s.present.duration_ns && s.present.delay_ns &&
		    s.present.start_tai_ns);
	assert_int_equal(s.rate_frames, 5001);
	assert_int_equal(s.rate_period_ns, 2000000000);
	assert_int_equal(s.interval_ns, 399920);
	assert_int_equal(s.count, 1000);
	assert_int_equal(s.duration_ns, 5000000000ULL);
	assert_int_equal(s.delay_ns, 11);
	assert_int_equal(s.start_tai_ns, 1700000000000000000ULL);
	assert_true(s.latency);
	assert_true(s.present.templates && s.present.cycle_len &&
		    s.present.order && s.present.seed &&
		    s.present.rtp_offset && s.present.rtp_samples);
	assert_int_equal(s.templates, 3);
	assert_int_equal(s.cycle_len, 12);
	assert_int_equal(s.order, BBGEN_ORDER_SHUFFLE);
	assert_int_equal(s.seed, 99);
	assert_int_equal(s.rtp_offset, 42);
	assert_int_equal(s.rtp_samples, 160);
	assert_true(s.present.tx_frames && s.present.tx_bytes &&
		    s.present.tx_busy && s.present.first_tx_ns &&
		    s.present.last_tx_ns && s.present.tx_time_error_ns);
	assert_int_equal(s.tx_frames, 1000);
	assert_int_equal(s.tx_bytes, 128000);
	assert_int_equal(s.tx_busy, 4);
	assert_int_equal(s.first_tx_ns, 100);
	assert_int_equal(s.last_tx_ns, 200);
	assert_int_equal(s.tx_time_error_ns, 300);
}

/* STREAM_STATE: ID, STATE and counters, no times before the first frame:
 * the rest absent, not 0. */
static void test_stream_notification(void **state)
{
	struct reply *o = *state;
	struct bb_gen_stream s;

	nla_put_u32(o->msg, BBGEN_A_STREAM_ID, 2);
	nla_put_u32(o->msg, BBGEN_A_STREAM_STATE, BBGEN_STREAM_STATE_IDLE);
	nla_put_u64(o->msg, BBGEN_A_STREAM_TX_FRAMES, 0);
	nla_put_u64(o->msg, BBGEN_A_STREAM_TX_BYTES, 0);
	assert_int_equal(bb_gen_stream_decode(reply_parsed(o, BBGEN_A_STREAM_MAX,
					      BBGEN_CMD_STREAM_STATE_NTF), &s), 0);
	assert_true(s.present.id && s.present.state);
	assert_int_equal(s.id, 2);
	assert_int_equal(s.state, BBGEN_STREAM_STATE_IDLE);
	assert_true(s.present.tx_frames && s.present.tx_bytes);
	assert_int_equal(s.tx_frames, 0);
	assert_false(s.present.ifindex || s.present.dev ||
		     s.present.frame_size || s.present.seq_offset ||
		     s.present.xmit_mode || s.present.rate_frames ||
		     s.present.rate_period_ns || s.present.interval_ns ||
		     s.present.count || s.present.duration_ns ||
		     s.present.delay_ns || s.present.start_tai_ns ||
		     s.present.templates || s.present.cycle_len ||
		     s.present.order || s.present.seed ||
		     s.present.rtp_offset || s.present.rtp_samples ||
		     s.present.tx_busy || s.present.first_tx_ns ||
		     s.present.last_tx_ns || s.present.tx_time_error_ns ||
		     s.present.cpu);
	assert_false(s.latency);
	assert_string_equal(s.dev, "");
}

/* A u64 sent as 4 bytes, a u32 as 2, a DEV without its NUL: each is
 * left unread, as if absent; and without ID the reply is refused. */
static void test_stream_short_attrs(void **state)
{
	struct reply *o = *state;
	struct bb_gen_stream s;
	uint32_t u32 = 5;
	uint16_t u16 = 5;

	nla_put(o->msg, BBGEN_A_STREAM_ID, sizeof(u16), &u16);
	nla_put(o->msg, BBGEN_A_STREAM_TX_FRAMES, sizeof(u32), &u32);
	nla_put(o->msg, BBGEN_A_STREAM_DEV, 3, "eth");
	nla_put_u64(o->msg, BBGEN_A_STREAM_TX_BYTES, 9);
	assert_int_equal(bb_gen_stream_decode(reply_parsed(o, BBGEN_A_STREAM_MAX,
					      BBGEN_CMD_STREAM_GET), &s), -EPROTO);
	assert_false(s.present.id);
	assert_int_equal(s.id, 0);
	assert_false(s.present.tx_frames);
	assert_int_equal(s.tx_frames, 0);
	assert_false(s.present.dev);
	assert_true(s.present.tx_bytes);
	assert_int_equal(s.tx_bytes, 9);
}

static void test_stream_get_msg(void **state)
{
	struct nlattr *tb[BBGEN_A_STREAM_MAX + 1];
	struct bb_genl g = fake_family();
	struct nl_msg *msg;
	uint32_t id;
	bool dump;

	(void)state;
	msg = bb_gen_stream_get_msg(&g, 9);
	assert_int_equal(request_parse(msg, BBGEN_A_STREAM_MAX, tb, &dump),
			 BBGEN_CMD_STREAM_GET);
	assert_false(dump);
	assert_true(bb_nla_u32(tb[BBGEN_A_STREAM_ID], &id));
	assert_int_equal(id, 9);
	nlmsg_free(msg);
	msg = bb_gen_stream_get_msg(&g, 0);
	assert_int_equal(request_parse(msg, BBGEN_A_STREAM_MAX, tb, &dump),
			 BBGEN_CMD_STREAM_GET);
	assert_true(dump);
	assert_null(tb[BBGEN_A_STREAM_ID]);
	nlmsg_free(msg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_stream_full, reply_setup,
						reply_teardown),
		cmocka_unit_test_setup_teardown(test_stream_notification,
						reply_setup, reply_teardown),
		cmocka_unit_test_setup_teardown(test_stream_short_attrs,
						reply_setup, reply_teardown),
		cmocka_unit_test(test_stream_get_msg),
	};

	return cmocka_run_group_tests_name("gen_stream", tests, NULL, NULL);
}
