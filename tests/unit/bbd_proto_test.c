// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* lib/bbd_proto: the names both ends of bbd's socket use, the framing of
 * a message, and lines put together from reads cut anywhere. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "bbd_proto.h"

static void test_names(void **state)
{
	unsigned int i;
	json_t *m;

	(void)state;
	for (i = 0; i < BBD_CMD_N; i++)
		assert_int_equal(bbd_cmd_of(bbd_cmd_name(i)), i);
	assert_string_equal(bbd_cmd_name(BBD_CMD_STOP), "stop");
	assert_int_equal(bbd_cmd_of("halt"), BBD_CMD_N);
	assert_int_equal(bbd_cmd_of(NULL), BBD_CMD_N);
	for (i = 0; i < BBD_EV_N; i++) {
		m = json_pack("{s:s}", "event", bbd_event_name(i));
		assert_int_equal(bbd_event_of(m), i);
		json_decref(m);
	}
	m = json_pack("{s:i}", "event", 3);
	assert_int_equal(bbd_event_of(m), BBD_EV_N);
	json_decref(m);
	assert_int_equal(bbd_event_of(NULL), BBD_EV_N);
}

static void test_exit_codes(void **state)
{
	(void)state;
	/* bbctl run's documented exit status (bbctl.8) */
	assert_int_equal(BBD_EXIT_PASS, 0);
	assert_int_equal(BBD_EXIT_INPUT, 1);
	assert_int_equal(BBD_EXIT_SYSTEM, 2);
	assert_int_equal(BBD_EXIT_FAIL, 3);
	assert_string_equal(bbd_exit_meaning(BBD_EXIT_FAIL),
			    "the run ran and a flow failed its analysis");
	assert_string_equal(bbd_exit_meaning(7), "unknown exit code");
}

static void test_frame(void **state)
{
	json_t *m = bbd_cmd_new(BBD_CMD_STATUS);
	size_t len;
	char *s = bbd_frame(m, &len);

	(void)state;
	assert_non_null(s);
	assert_string_equal(s, "{\"cmd\":\"status\"}\n");
	assert_int_equal(len, strlen(s));
	free(s);
	json_decref(m);
}

/* Three lines arriving in reads cut at every possible place. */
static void test_lines_any_cut(void **state)
{
	const char *in = "{\"a\":1}\n\n{\"event\":\"progress\"}\n{\"b\"";
	size_t n = strlen(in), cut;

	(void)state;
	for (cut = 0; cut <= n; cut++) {
		struct bbd_lines l = { 0 };
		char got[3][64];
		unsigned int k = 0;
		char *line;

		assert_int_equal(bbd_lines_add(&l, in, cut, 1024), 0);
		while ((line = bbd_lines_next(&l)))
			snprintf(got[k++], sizeof(got[0]), "%s", line);
		assert_int_equal(bbd_lines_add(&l, in + cut, n - cut, 1024), 0);
		while ((line = bbd_lines_next(&l)))
			snprintf(got[k++], sizeof(got[0]), "%s", line);
		assert_int_equal(k, 3);
		assert_string_equal(got[0], "{\"a\":1}");
		assert_string_equal(got[1], "");
		assert_string_equal(got[2], "{\"event\":\"progress\"}");
		/* the unfinished fourth waits for its newline */
		assert_null(bbd_lines_next(&l));
		assert_int_equal(bbd_lines_add(&l, ":2}\n", 4, 1024), 0);
		assert_string_equal(bbd_lines_next(&l), "{\"b\":2}");
		bbd_lines_free(&l);
	}
}

static void test_lines_limit(void **state)
{
	struct bbd_lines l = { 0 };
	char big[100];

	(void)state;
	memset(big, 'x', sizeof(big));
	assert_null(bbd_lines_next(&l));	/* nothing yet, no buffer */
	assert_int_equal(bbd_lines_add(&l, big, 60, 100), 0);
	/* a line that would pass the limit is refused, whole lines are not */
	assert_int_equal(bbd_lines_add(&l, big, 41, 100), -E2BIG);
	assert_int_equal(bbd_lines_add(&l, "\n", 1, 100), 0);
	assert_int_equal(strlen(bbd_lines_next(&l)), 60);
	assert_int_equal(bbd_lines_add(&l, big, 100, 100), 0);
	bbd_lines_free(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_exit_codes),
		cmocka_unit_test(test_frame),
		cmocka_unit_test(test_lines_any_cut),
		cmocka_unit_test(test_lines_limit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
