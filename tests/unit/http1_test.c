// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* HTTP/1.1 heads and chunked bodies: what parses to what, and every
 * rejection with its reason. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "http1.h"

static int parse(const char *s, struct bb_http_head *h, const char **why)
{
	*why = "";
	return bb_http_head_parse(s, strlen(s), h, why);
}

static void test_request(void **state)
{
	const char *req = "PUT /bb?size=42&x=1 HTTP/1.1\r\nHost: a:80\r\n"
			  "content-length:  4194304 \r\nExpect: 100-continue\r\n\r\nBODY";
	struct bb_http_head h;
	const char *why;
	(void)state;

	assert_int_equal(parse(req, &h, &why), (int)(strlen(req) - 4));
	assert_true(h.request);
	assert_string_equal(h.method, "PUT");
	assert_string_equal(h.target, "/bb?size=42&x=1");
	assert_int_equal(h.minor, 1);
	assert_true(h.has_length);
	assert_int_equal(h.length, 4194304);
	assert_true(h.expect_continue);
	assert_false(h.chunked);
}

static void test_response(void **state)
{
	struct bb_http_head h;
	const char *why;
	(void)state;

	assert_int_equal(parse("HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6\r\n\r\n", &h, &why), 43);
	assert_false(h.request);
	assert_int_equal(h.status, 200);
	assert_int_equal(h.minor, 0);
	assert_false(h.has_length);
	assert_true(parse("HTTP/1.1 404 Not Found\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", &h, &why) > 0);
	assert_int_equal(h.status, 404);
	assert_true(h.chunked);
	/* a status line without a reason phrase is allowed */
	assert_true(parse("HTTP/1.1 204\r\n\r\n", &h, &why) > 0);
	assert_int_equal(h.status, 204);
}

static void test_incomplete(void **state)
{
	char big[BB_HTTP_HEAD_MAX + 10];
	struct bb_http_head h;
	const char *why;
	(void)state;

	assert_int_equal(parse("GET / HTTP/1.1\r\nHost: x\r\n", &h, &why), 0);
	assert_int_equal(parse("", &h, &why), 0);
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	assert_int_equal(parse(big, &h, &why), -E2BIG);
}

struct bad {
	const char *head;
	const char *why;
};

static const struct bad bad_heads[] = {
	{ "GET /\r\n\r\n", "bad request line" },
	{ "GET x HTTP/1.1\r\n\r\n", "bad request line" },
	{ "GET / HTTP/2.0\r\n\r\n", "bad request line" },
	{ "G(T / HTTP/1.1\r\n\r\n", "bad method" },
	{ "GET /a\x01 HTTP/1.1\r\n\r\n", "bad request target" },
	{ "\r\nGET / HTTP/1.1\r\n\r\n", "no request line" },
	{ "HTTP/1.1 2x0 OK\r\n\r\n", "bad status code" },
	{ "HTTP/1.1  200 OK\r\n\r\n", "bad status line" },
	{ "HTTP/1.1 200 OK\r\nno colon\r\n\r\n", "bad header line" },
	{ "HTTP/1.1 200 OK\r\nBad Name: x\r\n\r\n", "bad header name" },
	{ "HTTP/1.1 200 OK\r\nContent-Length: 1x\r\n\r\n", "bad Content-Length" },
	{ "HTTP/1.1 200 OK\r\nContent-Length:\r\n\r\n", "empty Content-Length" },
	{ "HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999\r\n\r\n", "bad Content-Length" },
	{ "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", "bad Content-Length" },
	{ "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n", "unsupported Transfer-Encoding" },
	{ "HTTP/1.1 200 OK\r\nA: b\nC: d\r\n\r\n", "bare LF or NUL in the head" },
	{ "HTTP/1.1 200 OK\r\nA: b\rC: d\r\n\r\n", "bare CR in the head" },
};

static void test_bad(void **state)
{
	struct bb_http_head h;
	const char *why;
	size_t i;
	(void)state;

	for (i = 0; i < sizeof(bad_heads) / sizeof(bad_heads[0]); i++) {
		if (parse(bad_heads[i].head, &h, &why) != -EINVAL)
			fail_msg("case %zu parsed", i);
		if (strcmp(why, bad_heads[i].why))
			fail_msg("case %zu: want '%s', got '%s'", i, bad_heads[i].why, why);
	}
}

static void test_target(void **state)
{
	uint64_t n;
	double s;
	(void)state;

	assert_true(bb_http_target_size("/bb?size=123", &n));
	assert_int_equal(n, 123);
	assert_true(bb_http_target_size("/x?a=1&size=7&b", &n));
	assert_int_equal(n, 7);
	assert_false(bb_http_target_size("/x?nosize=7", &n));
	assert_false(bb_http_target_size("/x?size=-1", &n));
	assert_false(bb_http_target_size("/x?size=12z", &n));
	assert_true(bb_http_target_duration("/bb?duration=2.500", &s));
	assert_float_equal(s, 2.5, 1e-12);
	assert_false(bb_http_target_duration("/bb?duration=0", &s));
	assert_false(bb_http_target_duration("/bb?duration=1e9", &s));
}

/* Feed body in pieces of step bytes; payload and end as one feed would. */
static void chunks(const char *body, size_t step, uint64_t want, long rest)
{
	struct bb_http_chunks c = { 0 };
	size_t len = strlen(body), off = 0, n;
	uint64_t total = 0, p;
	long used = 0;

	while (off < len && !c.done) {
		n = len - off < step ? len - off : step;
		used = bb_http_chunks_feed(&c, body + off, n, &p);
		assert_true(used >= 0);
		total += p;
		off += (size_t)used;
	}
	assert_true(c.done);
	assert_int_equal(total, want);
	assert_int_equal((long)(len - off), rest);
}

static void test_chunked(void **state)
{
	const char *b = "5\r\nhello\r\n1A;ext=1\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\nTrailer: x\r\n\r\nNEXT";
	struct bb_http_chunks c = { 0 };
	uint64_t p;
	size_t step;
	(void)state;

	for (step = 1; step < 12; step++)
		chunks(b, step, 31, 4);
	chunks("0\r\n\r\n", 100, 0, 0);
	assert_int_equal(bb_http_chunks_feed(&c, "5\r\nhelloXX", 10, &p), -EINVAL);
	memset(&c, 0, sizeof(c));
	assert_int_equal(bb_http_chunks_feed(&c, "g\r\n", 3, &p), -EINVAL);
	memset(&c, 0, sizeof(c));
	assert_int_equal(bb_http_chunks_feed(&c, "1111111111111111\r\n", 18, &p), -EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_request),
		cmocka_unit_test(test_response),
		cmocka_unit_test(test_incomplete),
		cmocka_unit_test(test_bad),
		cmocka_unit_test(test_target),
		cmocka_unit_test(test_chunked),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
