// SPDX-License-Identifier: GPL-2.0-only OR MIT
#include <jansson.h>
#include <stdint.h>

#include "print.h"

#define PR_DEPTH 8

static struct {
	FILE *out;
	bool json;
	bool pretty;
	json_t *root;
	json_t *stack[PR_DEPTH];
	int depth;
	bool mid_line;	/* text: an item is on the line, separate the next */
	int text_depth;	/* text: objects opened under a key, on one line */
} pr = { .out = NULL };

void pr_init(FILE *out, bool json, bool pretty)
{
	pr.out = out;
	pr.json = json;
	pr.pretty = pretty;
	pr.root = NULL;
	pr.depth = 0;
	pr.mid_line = false;
	pr.text_depth = 0;
}

bool pr_is_json(void)
{
	return pr.json;
}

static bool pr_text(enum pr_mode m);

/* Put a new container (or value) where the open container wants it. */
static void pr_attach(const char *key, json_t *v)
{
	json_t *top;

	if (!pr.depth) {
		json_decref(pr.root);
		pr.root = json_incref(v);
		return;
	}
	top = pr.stack[pr.depth - 1];
	if (json_is_array(top))
		json_array_append(top, v);
	else
		json_object_set(top, key, v);
}

static void pr_push_key(const char *key, json_t *c)
{
	pr_attach(key, c);
	if (pr.depth < PR_DEPTH)
		pr.stack[pr.depth++] = c;
	json_decref(c);	/* the parent (or root) holds the reference */
}

static void pr_push(json_t *c)
{
	pr_push_key(NULL, c);
}

/* Text: a nested container is items on the current line. */
static void pr_open_keyed(const char *key, const char *fmt, json_t *c)
{
	if (pr.json) {
		pr_push_key(key, c);
		return;
	}
	json_decref(c);
	pr.text_depth++;
	if (fmt && pr_text(PR_ANY))
		fputs(fmt, pr.out);
}

void pr_open_object_key(const char *key, const char *fmt)
{
	pr_open_keyed(key, fmt, json_object());
}

void pr_open_array_key(const char *key, const char *fmt)
{
	pr_open_keyed(key, fmt, json_array());
}

void pr_open_array(void)
{
	if (pr.json)
		pr_push(json_array());
	else if (pr.text_depth)
		pr.text_depth++;
}

void pr_close_array(void)
{
	if (pr.json && pr.depth)
		pr.depth--;
	else if (!pr.json && pr.text_depth)
		pr.text_depth--;
}

/* In text mode a top-level object is a line; nested ones stay on it. */
void pr_open_object(void)
{
	if (pr.json)
		pr_push(json_object());
	else if (pr.text_depth)
		pr.text_depth++;
}

void pr_close_object(void)
{
	if (!pr.json && pr.text_depth) {
		pr.text_depth--;
	} else if (!pr.json) {
		fputc('\n', pr.out);
		pr.mid_line = false;
	} else if (pr.depth) {
		pr.depth--;
	}
}

/* In text mode items are separated by one space, none at line ends. */
static bool pr_text(enum pr_mode m)
{
	if (pr.json || m == PR_JSON)
		return false;
	if (pr.mid_line)
		fputc(' ', pr.out);
	pr.mid_line = true;
	return true;
}

static bool pr_jsonv(enum pr_mode m)
{
	return pr.json && m != PR_TEXT && pr.depth;
}

static void pr_value(const char *key, json_t *v)
{
	pr_attach(key, v);
	json_decref(v);
}

void pr_u64(enum pr_mode m, const char *key, const char *fmt, uint64_t v)
{
	if (pr_text(m))
		fprintf(pr.out, fmt, v);
	else if (pr_jsonv(m))
		/* json_int_t is signed: beyond its range a double is the best
		 * JSON can do */
		pr_value(key, v <= INT64_MAX ? json_integer((json_int_t)v) :
				json_real((double)v));
}

void pr_uint(enum pr_mode m, const char *key, const char *fmt, unsigned int v)
{
	if (pr_text(m))
		fprintf(pr.out, fmt, v);
	else if (pr_jsonv(m))
		pr_value(key, json_integer(v));
}

void pr_string(enum pr_mode m, const char *key, const char *fmt,
	       const char *v)
{
	if (pr_text(m))
		fprintf(pr.out, fmt, v ? v : "-");
	else if (pr_jsonv(m))
		pr_value(key, v ? json_string(v) : json_null());
}

void pr_null(enum pr_mode m, const char *key, const char *fmt)
{
	pr_string(m, key, fmt, NULL);
}

void pr_bool(enum pr_mode m, const char *key, const char *fmt, bool v)
{
	if (pr_text(m))
		fprintf(pr.out, fmt, v ? "on" : "off");
	else if (pr_jsonv(m))
		pr_value(key, json_boolean(v));
}

void pr_double(enum pr_mode m, const char *key, const char *fmt, double v)
{
	if (pr_text(m))
		fprintf(pr.out, fmt, v);
	else if (pr_jsonv(m))
		pr_value(key, json_real(v));
}

int pr_flush(void)
{
	size_t flags = pr.pretty ? JSON_INDENT(2) : JSON_COMPACT;
	int ret = 0;

	if (pr.json && pr.root) {
		ret = json_dumpf(pr.root, pr.out, flags | JSON_ENSURE_ASCII);
		fputc('\n', pr.out);
	}
	json_decref(pr.root);
	pr.root = NULL;
	pr.depth = 0;
	pr.text_depth = 0;
	return fflush(pr.out) || ret ? -1 : 0;
}

void pr_discard(void)
{
	json_decref(pr.root);
	pr.root = NULL;
	pr.depth = 0;
	pr.text_depth = 0;
}
