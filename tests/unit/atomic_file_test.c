// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* lib/atomic_file: the file appears whole or not at all; a failed write
 * leaves the old contents and no temporary file behind. */
#include <dirent.h>
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <cmocka.h>

#include "atomic_file.h"

static char dir[64];

static int setup(void **state)
{
	(void)state;
	strcpy(dir, "/tmp/bb-atomic-test.XXXXXX");
	assert_non_null(mkdtemp(dir));
	return 0;
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	return 0;
}

static char *slurp(const char *path)
{
	static char buf[256];
	FILE *f = fopen(path, "r");
	size_t n;

	assert_non_null(f);
	n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static int entries(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	while ((e = readdir(d)))
		n += e->d_name[0] != '.';
	closedir(d);
	return n;
}

static int half_then_fail(FILE *f, void *arg)
{
	(void)arg;
	fputs("half", f);
	return -ENOSPC;
}

static void test_write_replace_fail(void **state)
{
	char path[128];
	struct stat st;

	(void)state;
	snprintf(path, sizeof(path), "%s/report.json", dir);
	assert_int_equal(bb_atomic_write_buf(path, "old\n", 4), 0);
	assert_string_equal(slurp(path), "old\n");
	assert_int_equal(stat(path, &st), 0);
	assert_true(st.st_mode & S_IRGRP);	/* not mkstemp's 0600 */
	assert_int_equal(bb_atomic_write_buf(path, "new\n", 4), 0);
	assert_string_equal(slurp(path), "new\n");
	assert_int_equal(bb_atomic_write(path, half_then_fail, NULL), -ENOSPC);
	assert_string_equal(slurp(path), "new\n");
	assert_int_equal(entries(), 1);
}

static void test_missing_directory(void **state)
{
	char path[128];

	(void)state;
	snprintf(path, sizeof(path), "%s/no/such/report.html", dir);
	assert_int_equal(bb_atomic_write_buf(path, "x", 1), -ENOENT);
	assert_int_equal(entries(), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_write_replace_fail, setup, teardown),
		cmocka_unit_test_setup_teardown(test_missing_directory, setup, teardown),
	};

	return cmocka_run_group_tests_name("atomic_file", tests, NULL, NULL);
}
