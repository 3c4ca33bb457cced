// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* lib/prom: the Prometheus text format, byte for byte: HELP/TYPE lines,
 * label values escaped, integers exact, NaN spelled as the format wants. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "prom.h"

static void test_family_and_samples(void **state)
{
	struct bb_prom_labels l = { .n = 0 };
	struct bb_prom p;

	(void)state;
	bb_prom_init(&p);
	bb_prom_family(&p, "bb_x_total", "counter", "a \\ b\nc");
	bb_prom_label(&l, "flow", "say \"hi\"\\\n");
	bb_prom_label(&l, "run", "r");
	bb_prom_sample(&p, "bb_x_total", &l, NULL, NULL, 9007199254740991.0);
	bb_prom_sample(&p, "bb_x_total", NULL, NULL, NULL, 0.25);
	bb_prom_sample(&p, "bb_x_total", &l, "quantile", "0.99", NAN);
	assert_false(p.oom);
	assert_string_equal(p.buf,
		"# HELP bb_x_total a \\\\ b\\nc\n"
		"# TYPE bb_x_total counter\n"
		"bb_x_total{flow=\"say \\\"hi\\\"\\\\\\n\",run=\"r\"} 9007199254740991\n"
		"bb_x_total 0.25\n"
		"bb_x_total{flow=\"say \\\"hi\\\"\\\\\\n\",run=\"r\",quantile=\"0.99\"} NaN\n");
	bb_prom_free(&p);
}

static void test_grows(void **state)
{
	struct bb_prom p;
	int i;

	(void)state;
	bb_prom_init(&p);
	for (i = 0; i < 2000; i++)
		bb_prom_sample(&p, "bb_a_long_metric_name_for_growth", NULL, NULL, NULL, i);
	assert_false(p.oom);
	assert_int_equal(p.len, 2000 * 34 + 10 + 90 * 2 + 900 * 3 + 1000 * 4);
	bb_prom_free(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_family_and_samples),
		cmocka_unit_test(test_grows),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
