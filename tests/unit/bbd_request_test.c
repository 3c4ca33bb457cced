// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* lib/bbd_request: bbd's request lines, and what a client may not ask
 * of a daemon that runs as root (reports outside a plain absolute path,
 * names that are no strings, formats that do not exist). */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "bbd_request.h"

/* A run request with NAME (JSON text, or NULL) and OPTIONS (JSON text, or
 * NULL): the error line, or "" when it is accepted. */
static const char *decode_run(const char *name, const char *options)
{
	static char err[256];
	char line[4096];
	struct bbd_request req;
	int n;

	n = snprintf(line, sizeof(line), "{\"cmd\": \"run\", \"scenario\": {}");
	if (name)
		n += snprintf(line + n, sizeof(line) - n, ", \"name\": %s", name);
	if (options)
		n += snprintf(line + n, sizeof(line) - n, ", \"options\": %s", options);
	snprintf(line + n, sizeof(line) - n, "}");
	err[0] = '\0';
	if (bbd_request_decode(line, &req, err, sizeof(err)) == 0)
		bbd_request_free(&req);
	else
		assert_null(req.doc);
	return err;
}

static void test_commands(void **state)
{
	struct bbd_request req;
	char err[256];

	(void)state;
	assert_int_equal(bbd_request_decode("{\"cmd\": \"status\"}", &req, err, sizeof(err)), 0);
	assert_int_equal(req.cmd, BBD_CMD_STATUS);
	bbd_request_free(&req);
	assert_int_equal(bbd_request_decode("{\"cmd\": \"reboot\"}", &req, err, sizeof(err)),
			 -EINVAL);
	assert_string_equal(err, "cmd: must be one of run, status, stop");
	assert_int_equal(bbd_request_decode("{\"cmd\": \"run\"}", &req, err, sizeof(err)),
			 -EINVAL);
	assert_string_equal(err, "scenario: must be a JSON object");
	/* stop: any run, or the run of that name */
	assert_int_equal(bbd_request_decode("{\"cmd\": \"stop\"}", &req, err, sizeof(err)), 0);
	assert_null(req.name);
	bbd_request_free(&req);
	assert_int_equal(bbd_request_decode("{\"cmd\": \"stop\", \"name\": \"b2b\"}", &req,
					    err, sizeof(err)), 0);
	assert_string_equal(req.name, "b2b");
	bbd_request_free(&req);
	assert_int_equal(bbd_request_decode("{\"cmd\": \"stop\", \"name\": 3}", &req,
					    err, sizeof(err)), -EINVAL);
	assert_string_equal(err, "name: must be a string of 1 to 255 bytes");
}

static void test_run_accepted(void **state)
{
	struct bbd_request req;
	char err[256];

	(void)state;
	assert_string_equal(decode_run(NULL, NULL), "");
	assert_string_equal(decode_run("\"b2b\"", "{\"report_dir\": \"/tmp/r\", "
				       "\"formats\": [\"json\", \"junit\"]}"), "");
	/* a name is any label: the report file name is cleaned (report_path) */
	assert_string_equal(decode_run("\"../../etc/x\"", NULL), "");
	assert_int_equal(bbd_request_decode("{\"cmd\": \"run\", \"scenario\": {}}", &req,
					    err, sizeof(err)), 0);
	assert_string_equal(req.name, "scenario");
	assert_null(req.options);
	bbd_request_free(&req);
}

static void test_run_refused(void **state)
{
	const char *dir_abs = "options.report_dir: must be an absolute path";
	const char *dir_plain = "options.report_dir: must be a plain path "
				"(no '..', no control characters, under 2048 bytes)";
	const char *formats = "options.formats: must be an array of \"json\", "
			      "\"html\", \"junit\"";
	const char *name = "name: must be a string of 1 to 255 bytes";
	char longname[300];

	(void)state;
	assert_string_equal(decode_run("7", NULL), name);
	assert_string_equal(decode_run("\"\"", NULL), name);
	memset(longname, 'x', sizeof(longname) - 1);
	longname[0] = longname[sizeof(longname) - 2] = '"';
	longname[sizeof(longname) - 1] = '\0';
	assert_string_equal(decode_run(longname, NULL), name);
	assert_string_equal(decode_run(NULL, "[]"), "options: must be a JSON object");
	assert_string_equal(decode_run(NULL, "{\"report_dir\": \"reports\"}"), dir_abs);
	assert_string_equal(decode_run(NULL, "{\"report_dir\": 5}"), dir_abs);
	assert_string_equal(decode_run(NULL, "{\"report_dir\": \"\"}"), dir_abs);
	assert_string_equal(decode_run(NULL, "{\"report_dir\": \"/tmp/../etc\"}"), dir_plain);
	assert_string_equal(decode_run(NULL, "{\"report_dir\": \"/tmp/..\"}"), dir_plain);
	assert_string_equal(decode_run(NULL, "{\"report_dir\": \"/tmp/a\\nb\"}"), dir_plain);
	assert_string_equal(decode_run(NULL, "{\"formats\": \"json\"}"), formats);
	assert_string_equal(decode_run(NULL, "{\"formats\": [\"pdf\"]}"), formats);
	assert_string_equal(decode_run(NULL, "{\"formats\": [1]}"), formats);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_commands),
		cmocka_unit_test(test_run_accepted),
		cmocka_unit_test(test_run_refused),
	};

	return cmocka_run_group_tests_name("bbd_request", tests, NULL, NULL);
}
