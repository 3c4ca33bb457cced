// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* The video play-out buffer: start after play_goal, real-time drain,
 * a stall and its length, the buffering goal. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "video_buffer.h"

#define S	1000000000ull

static const struct bb_video_cfg cfg = {
	.segment_size = 2000000, .segment_duration_s = 2.5,
	.buffering_goal_s = 10, .play_goal_s = 5,
};

static void test_start_and_play(void **state)
{
	struct bb_video_buffer b;
	(void)state;

	bb_video_init(&b, &cfg, 0);
	bb_video_segment(&b, 1 * S);
	assert_false(b.playing);		/* 2.5 s < play_goal */
	bb_video_segment(&b, 2 * S);
	assert_true(b.playing);
	assert_int_equal(bb_video_initial_wait(&b), 2 * S);
	bb_video_update(&b, 4 * S);		/* 2 s played */
	assert_float_equal(b.level_s, 3, 1e-9);
	assert_int_equal(b.bytes_out, 1600000);	/* 800 kB/s */
	assert_int_equal(b.bytes_in, 4000000);
	assert_int_equal(b.stalls, 0);
}

static void test_stall(void **state)
{
	struct bb_video_buffer b;
	(void)state;

	bb_video_init(&b, &cfg, 0);
	bb_video_segment(&b, 0);
	bb_video_segment(&b, 0);		/* 5 s buffered, playing at 0 */
	bb_video_update(&b, 7 * S);		/* empty at 5 s: 2 s stalled */
	assert_false(b.playing);
	assert_int_equal(b.stalls, 1);
	assert_int_equal(b.stall_since, 5 * S);
	bb_video_segment(&b, 8 * S);		/* 2.5 s: not yet */
	assert_false(b.playing);
	bb_video_segment(&b, 9 * S);		/* 5 s: plays again */
	assert_true(b.playing);
	assert_int_equal(b.stall_ns, 4 * S);
	assert_int_equal(b.bytes_out, 4000000);
}

static void test_goal(void **state)
{
	struct bb_video_buffer b;
	int i;
	(void)state;

	bb_video_init(&b, &cfg, 0);
	for (i = 0; i < 4; i++) {
		assert_true(bb_video_wants(&b));
		bb_video_segment(&b, 0);
	}
	assert_float_equal(b.level_s, 10, 1e-9);
	assert_false(bb_video_wants(&b));	/* 12.5 s would pass the goal */
	bb_video_update(&b, 3 * S);
	assert_true(bb_video_wants(&b));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_start_and_play),
		cmocka_unit_test(test_stall),
		cmocka_unit_test(test_goal),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
