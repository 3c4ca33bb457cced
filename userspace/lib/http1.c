// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* HTTP/1.1 heads and chunked bodies (RFC 9112), parsed strictly: a test
 * tool must not guess what a device under test meant. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "http1.h"

#define LENGTH_MAX	(1ull << 62)
#define CHUNK_DIGITS	15		/* < 2^60 per chunk */

static int bad(const char **why, const char *msg)
{
	if (why)
		*why = msg;
	return -EINVAL;
}

/* "HTTP/1.x": the minor version, or -1. */
static int version(const char *p, size_t n)
{
	if (n != 8 || memcmp(p, "HTTP/1.", 7) || p[7] < '0' || p[7] > '9')
		return -1;
	return p[7] - '0';
}

static bool token_char(char ch)
{
	return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
	       (ch >= '0' && ch <= '9') || strchr("!#$%&'*+-.^_`|~", ch);
}

static int request_line(const char *l, size_t n, struct bb_http_head *h,
			const char **why)
{
	const char *sp1 = memchr(l, ' ', n), *sp2;
	size_t mlen, tlen;
	int v;

	if (!sp1)
		return bad(why, "no request line");
	sp2 = memchr(sp1 + 1, ' ', n - (size_t)(sp1 + 1 - l));
	mlen = (size_t)(sp1 - l);
	if (!sp2 || !mlen || mlen >= sizeof(h->method))
		return bad(why, "bad request line");
	tlen = (size_t)(sp2 - sp1 - 1);
	v = version(sp2 + 1, n - (size_t)(sp2 + 1 - l));
	if (v < 0 || !tlen || tlen >= sizeof(h->target) || sp1[1] != '/')
		return bad(why, "bad request line");
	for (size_t i = 0; i < mlen; i++)
		if (!token_char(l[i]))
			return bad(why, "bad method");
	for (size_t i = 0; i < tlen; i++)
		if ((unsigned char)sp1[1 + i] <= ' ' || sp1[1 + i] == 0x7f)
			return bad(why, "bad request target");
	h->request = true;
	memcpy(h->method, l, mlen);
	h->method[mlen] = '\0';
	memcpy(h->target, sp1 + 1, tlen);
	h->target[tlen] = '\0';
	h->minor = (unsigned int)v;
	return 0;
}

static int status_line(const char *l, size_t n, struct bb_http_head *h,
		       const char **why)
{
	int v = n >= 12 ? version(l, 8) : -1;

	if (v < 0 || l[8] != ' ' || (n > 12 && l[12] != ' '))
		return bad(why, "bad status line");
	for (int i = 9; i < 12; i++)
		if (l[i] < '0' || l[i] > '9')
			return bad(why, "bad status code");
	h->status = (unsigned int)((l[9] - '0') * 100 + (l[10] - '0') * 10 + (l[11] - '0'));
	h->minor = (unsigned int)v;
	return 0;
}

/* A decimal Content-Length; a second, different one is an error. */
static int content_length(const char *v, size_t n, struct bb_http_head *h,
			  const char **why)
{
	uint64_t x = 0;

	if (!n)
		return bad(why, "empty Content-Length");
	for (size_t i = 0; i < n; i++) {
		if (v[i] < '0' || v[i] > '9' || x > LENGTH_MAX / 10)
			return bad(why, "bad Content-Length");
		x = x * 10 + (uint64_t)(v[i] - '0');
	}
	if (x > LENGTH_MAX || (h->has_length && h->length != x))
		return bad(why, "bad Content-Length");
	h->has_length = true;
	h->length = x;
	return 0;
}

/* chunked must be the last transfer coding (RFC 9112 6.1). */
static bool ends_chunked(const char *v, size_t n)
{
	while (n && (v[n - 1] == ' ' || v[n - 1] == '\t'))
		n--;
	return n >= 7 && !strncasecmp(v + n - 7, "chunked", 7) &&
	       (n == 7 || v[n - 8] == ',' || v[n - 8] == ' ');
}

static int header(const char *l, size_t n, struct bb_http_head *h,
		  const char **why)
{
	const char *colon = memchr(l, ':', n), *v;
	size_t name, vn;

	if (!colon || colon == l)
		return bad(why, "bad header line");
	name = (size_t)(colon - l);
	for (size_t i = 0; i < name; i++)
		if (!token_char(l[i]))
			return bad(why, "bad header name");
	v = colon + 1;
	vn = n - name - 1;
	while (vn && (*v == ' ' || *v == '\t'))
		v++, vn--;
	while (vn && (v[vn - 1] == ' ' || v[vn - 1] == '\t'))
		vn--;
	if (name == 14 && !strncasecmp(l, "Content-Length", 14))
		return content_length(v, vn, h, why);
	if (name == 6 && !strncasecmp(l, "Expect", 6) && vn == 12 &&
	    !strncasecmp(v, "100-continue", 12))
		h->expect_continue = true;
	if (name == 17 && !strncasecmp(l, "Transfer-Encoding", 17)) {
		if (!ends_chunked(v, vn))
			return bad(why, "unsupported Transfer-Encoding");
		h->chunked = true;
	}
	return 0;
}

int bb_http_head_parse(const char *buf, size_t len, struct bb_http_head *h,
		       const char **why)
{
	size_t end, pos = 0, n;
	const char *eol;
	int ret = 0;

	memset(h, 0, sizeof(*h));
	for (end = 0; end + 3 < len; end++)
		if (!memcmp(buf + end, "\r\n\r\n", 4))
			break;
	if (end + 3 >= len)
		return len >= BB_HTTP_HEAD_MAX ? -E2BIG : 0;
	if (end + 4 > BB_HTTP_HEAD_MAX)
		return -E2BIG;
	while (!ret && pos < end + 2) {
		eol = memchr(buf + pos, '\r', end + 2 - pos);
		n = (size_t)(eol - buf) - pos;
		if (eol[1] != '\n')
			return bad(why, "bare CR in the head");
		if (memchr(buf + pos, '\n', n) || memchr(buf + pos, '\0', n))
			return bad(why, "bare LF or NUL in the head");
		if (!pos)
			ret = len >= 5 && !memcmp(buf, "HTTP/", 5) ?
			      status_line(buf, n, h, why) : request_line(buf, n, h, why);
		else
			ret = header(buf + pos, n, h, why);
		pos += n + 2;
	}
	return ret ? ret : (int)(end + 4);
}

/* The value of key=... in the query of target, or NULL. */
static const char *query(const char *target, const char *key)
{
	const char *q = strchr(target, '?');
	size_t k = strlen(key);

	while (q) {
		q++;
		if (!strncmp(q, key, k) && q[k] == '=')
			return q + k + 1;
		q = strchr(q, '&');
	}
	return NULL;
}

bool bb_http_target_size(const char *target, uint64_t *size)
{
	const char *v = query(target, "size");
	char *end;

	if (!v || *v < '0' || *v > '9')
		return false;
	errno = 0;
	*size = strtoull(v, &end, 10);
	return !errno && (*end == '\0' || *end == '&') && *size <= LENGTH_MAX;
}

bool bb_http_target_duration(const char *target, double *seconds)
{
	const char *v = query(target, "duration");
	char *end;

	if (!v || *v < '0' || *v > '9')
		return false;
	*seconds = strtod(v, &end);
	return (*end == '\0' || *end == '&') && *seconds > 0 && *seconds <= 86400;
}

enum { CH_SIZE, CH_EXT, CH_SIZE_LF, CH_DATA, CH_DATA_CR, CH_DATA_LF,
       CH_TRAILER, CH_TRAILER_LINE, CH_LAST_LF };

static int hexval(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	ch |= 0x20;
	return ch >= 'a' && ch <= 'f' ? ch - 'a' + 10 : -1;
}

/* One byte of framing (everything but chunk data). */
static int chunk_byte(struct bb_http_chunks *c, char ch)
{
	int d;

	switch (c->state) {
	case CH_SIZE:
		d = hexval(ch);
		if (d >= 0 && c->digits < CHUNK_DIGITS) {
			c->left = c->left << 4 | (uint64_t)d;
			c->digits++;
			return 0;
		}
		if (!c->digits || (ch != '\r' && ch != ';' && ch != ' ' && ch != '\t'))
			return -EINVAL;
		c->state = ch == '\r' ? CH_SIZE_LF : CH_EXT;
		return 0;
	case CH_EXT:
		if (ch == '\r')
			c->state = CH_SIZE_LF;
		return ch == '\n' ? -EINVAL : 0;
	case CH_SIZE_LF:
		if (ch != '\n')
			return -EINVAL;
		c->state = c->left ? CH_DATA : CH_TRAILER;
		return 0;
	case CH_DATA_CR:
		c->state = CH_DATA_LF;
		return ch == '\r' ? 0 : -EINVAL;
	case CH_DATA_LF:
		c->state = CH_SIZE;
		c->digits = 0;
		return ch == '\n' ? 0 : -EINVAL;
	case CH_TRAILER:
		c->state = ch == '\r' ? CH_LAST_LF : CH_TRAILER_LINE;
		return ch == '\n' ? -EINVAL : 0;
	case CH_TRAILER_LINE:
		if (ch == '\n')
			c->state = CH_TRAILER;
		return 0;
	case CH_LAST_LF:
		c->done = true;
		return ch == '\n' ? 0 : -EINVAL;
	}
	return -EINVAL;
}

long bb_http_chunks_feed(struct bb_http_chunks *c, const char *p, size_t n,
			 uint64_t *payload)
{
	size_t i = 0, take;

	*payload = 0;
	while (i < n && !c->done) {
		if (c->state == CH_DATA) {
			take = n - i < c->left ? n - i : (size_t)c->left;
			c->left -= take;
			*payload += take;
			i += take;
			if (!c->left)
				c->state = CH_DATA_CR;
			continue;
		}
		if (chunk_byte(c, p[i++]))
			return -EINVAL;
	}
	return (long)i;
}

uint64_t bb_http_chunks_data(const struct bb_http_chunks *c)
{
	return c->state == CH_DATA && !c->done ? c->left : 0;
}

void bb_http_chunks_skip(struct bb_http_chunks *c, uint64_t n)
{
	if (c->state != CH_DATA || n > c->left)
		return;
	c->left -= n;
	if (!c->left)
		c->state = CH_DATA_CR;
}
