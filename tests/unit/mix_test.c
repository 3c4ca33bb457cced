// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* Frame-size mixes: size lists, IMIX parsing and the default, sampled
 * normal distributions (templates, sequence, seed), wire sums. */
#include <errno.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "mix.h"
#include "rng.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static struct bb_mix m, m2;

static void test_sizes(void **state)
{
	static const char *const bad[] = {
		"", ",", "60,", ",60", "60,,128", "a", "60;128", "70000",
		"60 ,128", "-60", "0x40",
	};
	size_t i;

	(void)state;
	assert_int_equal(bb_mix_parse_sizes("60,128,1514", &m), 0);
	assert_int_equal(m.kind, BB_MIX_CYCLE);
	assert_int_equal(m.n, 3);
	assert_int_equal(m.size[0], 60);
	assert_int_equal(m.size[2], 1514);
	assert_int_equal(m.weight[1], 1);
	assert_int_equal(bb_mix_min(&m), 60);
	assert_int_equal(bb_mix_max(&m), 1514);
	assert_int_equal(bb_mix_template_bytes(&m), 1702);
	/* a size may repeat: the list is the order */
	assert_int_equal(bb_mix_parse_sizes("64,64,9600", &m), 0);
	assert_int_equal(m.n, 3);
	assert_int_equal(bb_mix_parse_sizes("0", &m), 0);
	for (i = 0; i < N(bad); i++)
		assert_int_equal(bb_mix_parse_sizes(bad[i], &m), -EINVAL);
}

static void test_sizes_max(void **state)
{
	static char s[BB_MIX_MAX * 4 + 8];
	size_t i;

	(void)state;
	for (i = 0; i < BB_MIX_MAX; i++)
		strcat(s, i ? ",60" : "60");
	assert_int_equal(bb_mix_parse_sizes(s, &m), 0);
	assert_int_equal(m.n, BB_MIX_MAX);
	strcat(s, ",60");
	assert_int_equal(bb_mix_parse_sizes(s, &m), -EINVAL);
}

static void test_imix_default(void **state)
{
	static const uint32_t size[] = { 72, 124, 252, 508, 1020, 1276, 1510 };
	static const uint32_t weight[] = { 34, 6, 4, 4, 9, 25, 18 };
	uint64_t bytes, w;
	uint32_t bad;

	(void)state;
	assert_int_equal(bb_mix_parse_imix("default", &m, &bad), 0);
	assert_int_equal(m.kind, BB_MIX_WEIGHTED);
	assert_int_equal(m.n, 7);
	assert_memory_equal(m.size, size, sizeof(size));
	assert_memory_equal(m.weight, weight, sizeof(weight));
	bb_mix_wire(&m, 0, &bytes, &w);
	assert_int_equal(w, 100);
	assert_int_equal(bytes, 74492);	/* mean 744.92 bytes */
}

static void test_imix(void **state)
{
	static const char *const bad[] = {
		"", "64", "64:", ":1", "64:1,", "64:1,,576:4", "64:1;576:4",
		"default,64:1", "64:1:2", "64:x", "Default", "64=1",
	};
	uint32_t b;
	size_t i;

	(void)state;
	assert_int_equal(bb_mix_parse_imix("64:7,576:4,1500:1", &m, &b), 0);
	assert_int_equal(m.n, 3);
	assert_int_equal(m.size[1], 576);
	assert_int_equal(m.weight[1], 4);
	assert_int_equal(bb_mix_parse_imix("64:65536", &m, &b), 0);
	for (i = 0; i < N(bad); i++)
		assert_int_equal(bb_mix_parse_imix(bad[i], &m, &b), -EINVAL);
	assert_int_equal(bb_mix_parse_imix("64:1,128:0", &m, &b), -ERANGE);
	assert_int_equal(b, 0);
	assert_int_equal(bb_mix_parse_imix("64:65537", &m, &b), -ERANGE);
	assert_int_equal(b, 65537);
	assert_int_equal(bb_mix_parse_imix("64:1,128:1,64:2", &m, &b), -EEXIST);
	assert_int_equal(b, 64);
}

static void check_dist(const struct bb_mix *x, const struct bb_size_dist *d,
		       unsigned int samples)
{
	uint64_t total = 0;
	unsigned int i;

	assert_int_equal(x->kind, BB_MIX_SEQUENCE);
	assert_int_equal(x->seq_len, samples);
	for (i = 0; i < x->n; i++) {
		assert_true(x->size[i] >= d->min && x->size[i] <= d->max);
		assert_true(i == 0 || x->size[i] > x->size[i - 1]);
		assert_true(x->weight[i] >= 1);
		total += x->weight[i];
	}
	assert_int_equal(total, samples);
	for (i = 0; i < samples; i++)
		assert_true(x->seq[i] < x->n);
}

static void test_normal(void **state)
{
	const struct bb_size_dist d = { 110, 20, 60, 1480 };
	double sum = 0, sq = 0, mean, sd;
	unsigned int i;

	(void)state;
	assert_int_equal(bb_mix_normal(&m, &d, BB_SIZE_DIST_SAMPLES, 1), 0);
	check_dist(&m, &d, BB_SIZE_DIST_SAMPLES);
	for (i = 0; i < m.seq_len; i++) {
		sum += m.size[m.seq[i]];
		sq += (double)m.size[m.seq[i]] * m.size[m.seq[i]];
	}
	mean = sum / m.seq_len;
	sd = sqrt(sq / m.seq_len - mean * mean);
	assert_true(fabs(mean - 110) < 1.5);
	assert_true(fabs(sd - 20) < 1.5);
	assert_true(m.n > 50 && m.n < 200);
	/* the same seed gives the same sample, another seed another one */
	assert_int_equal(bb_mix_normal(&m2, &d, BB_SIZE_DIST_SAMPLES, 1), 0);
	assert_int_equal(m2.n, m.n);
	assert_memory_equal(m2.seq, m.seq, sizeof(m.seq[0]) * m.seq_len);
	assert_int_equal(bb_mix_normal(&m2, &d, BB_SIZE_DIST_SAMPLES, 2), 0);
	assert_true(memcmp(m2.seq, m.seq, sizeof(m.seq[0]) * m.seq_len) ||
		    m2.n != m.n);
}

static void test_normal_clamped(void **state)
{
	const struct bb_size_dist wide = { 80, 100, 60, 100 };
	const struct bb_size_dist flat = { 110, 0, 60, 1480 };
	const struct bb_size_dist bad[] = {
		{ 110, 20, 200, 100 }, { 110, -1, 60, 100 },
		{ NAN, 20, 60, 100 }, { 110, INFINITY, 60, 100 },
	};
	size_t i;

	(void)state;
	assert_int_equal(bb_mix_normal(&m, &wide, 1000, 7), 0);
	check_dist(&m, &wide, 1000);
	assert_int_equal(m.size[0], 60);
	assert_int_equal(m.size[m.n - 1], 100);
	assert_true(m.weight[0] > 200 && m.weight[m.n - 1] > 200);
	assert_int_equal(bb_mix_normal(&m, &flat, 100, 7), 0);
	assert_int_equal(m.n, 1);
	assert_int_equal(m.size[0], 110);
	for (i = 0; i < N(bad); i++)
		assert_int_equal(bb_mix_normal(&m, &bad[i], 100, 7), -EINVAL);
	assert_int_equal(bb_mix_normal(&m, &flat, 0, 7), -EINVAL);
	assert_int_equal(bb_mix_normal(&m, &flat, BB_MIX_MAX + 1, 7), -EINVAL);
}

static void test_one_and_wire(void **state)
{
	uint64_t bytes, w;

	(void)state;
	bb_mix_one(&m, 60);
	assert_int_equal(m.kind, BB_MIX_ONE);
	bb_mix_wire(&m, 24, &bytes, &w);
	assert_int_equal(bytes, 84);
	assert_int_equal(w, 1);
	assert_int_equal(bb_mix_parse_sizes("60,1514", &m), 0);
	bb_mix_wire(&m, 4, &bytes, &w);
	assert_int_equal(bytes, 64 + 1518);
	assert_int_equal(w, 2);
}

static void test_rng(void **state)
{
	struct bb_rng a, b;
	double u, sum = 0;
	int i;

	(void)state;
	bb_rng_seed(&a, 42);
	bb_rng_seed(&b, 42);
	for (i = 0; i < 1000; i++) {
		assert_int_equal(bb_rng_next(&a), bb_rng_next(&b));
		u = bb_rng_uniform(&a);
		bb_rng_uniform(&b);
		assert_true(u >= 0 && u < 1);
		sum += u;
	}
	assert_true(fabs(sum / 1000 - 0.5) < 0.05);
	bb_rng_seed(&b, 43);
	assert_int_not_equal(bb_rng_next(&a), bb_rng_next(&b));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sizes),
		cmocka_unit_test(test_sizes_max),
		cmocka_unit_test(test_imix_default),
		cmocka_unit_test(test_imix),
		cmocka_unit_test(test_normal),
		cmocka_unit_test(test_normal_clamped),
		cmocka_unit_test(test_one_and_wire),
		cmocka_unit_test(test_rng),
	};

	return cmocka_run_group_tests_name("mix", tests, NULL, NULL);
}
