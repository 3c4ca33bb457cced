// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* The HTTP/1.1 reader: what a device under test or a stock server sends
 * bb's client and server goes through bb_http_head_parse(), the target's
 * query and bb_http_chunks_feed(). The body is fed in pieces whose sizes
 * come from the input, as a socket would deliver it. */
#include <errno.h>
#include <stdbool.h>

#include "fuzz.h"
#include "http1.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

/* skip: take chunk data the way a MSG_TRUNC reader does, unread */
static void body(const char *p, size_t n, unsigned int step, bool skip)
{
	struct bb_http_chunks c = { 0 };
	uint64_t payload, total = 0, d;
	size_t off = 0, k;
	long used;

	while (off < n && !c.done) {
		k = n - off < step ? n - off : step;
		d = bb_http_chunks_data(&c);
		if (skip && d) {
			k = d < k ? (size_t)d : k;
			bb_http_chunks_skip(&c, k);
			total += k;
			off += k;
			continue;
		}
		used = bb_http_chunks_feed(&c, p + off, k, &payload);
		if (used < 0)
			return;
		if ((size_t)used > k || payload > (uint64_t)used || (!c.done && (size_t)used != k))
			abort();
		total += payload;
		off += (size_t)used;
	}
	if (total > n)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *why = "";
	struct bb_http_head h;
	uint64_t n;
	double s;
	int len;

	if (!size)
		return 0;
	len = bb_http_head_parse((const char *)data + 1, size - 1, &h, &why);
	if (len == -EINVAL)
		fuzz_one_line("http head", why);
	if (len <= 0)
		return 0;
	if ((size_t)len > size - 1 || !memchr(h.target, '\0', sizeof(h.target)) ||
	    !memchr(h.method, '\0', sizeof(h.method)) || (!h.request && h.status > 999))
		abort();
	if (h.request && (bb_http_target_size(h.target, &n) + bb_http_target_duration(h.target, &s)) > 2)
		abort();
	body((const char *)data + 1 + len, size - 1 - (size_t)len, data[0] % 16 + 1,
	     data[0] & 0x80);
	return 0;
}
