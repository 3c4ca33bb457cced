// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* bbd's socket protocol: names, exit codes, framing (bbd_proto.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "bbd_proto.h"

static const char *const cmd_names[BBD_CMD_N] = {
	[BBD_CMD_RUN] = "run",
	[BBD_CMD_STATUS] = "status",
	[BBD_CMD_STOP] = "stop",
};

static const char *const event_names[BBD_EV_N] = {
	[BBD_EV_STARTED] = "started",
	[BBD_EV_PROGRESS] = "progress",
	[BBD_EV_RESULT] = "result",
	[BBD_EV_ERROR] = "error",
	[BBD_EV_STATUS] = "status",
	[BBD_EV_STOPPING] = "stopping",
};

const char *bbd_exit_meaning(int code)
{
	switch (code) {
	case BBD_EXIT_PASS:
		return "every flow passed its analysis";
	case BBD_EXIT_INPUT:
		return "bad input: the scenario or the request was refused";
	case BBD_EXIT_SYSTEM:
		return "a system error: bbd, the module or the host failed";
	case BBD_EXIT_FAIL:
		return "the run ran and a flow failed its analysis";
	default:
		return "unknown exit code";
	}
}

const char *bbd_cmd_name(enum bbd_cmd c)
{
	return (unsigned int)c < BBD_CMD_N ? cmd_names[c] : "?";
}

enum bbd_cmd bbd_cmd_of(const char *name)
{
	unsigned int i;

	for (i = 0; name && i < BBD_CMD_N; i++)
		if (!strcmp(name, cmd_names[i]))
			return (enum bbd_cmd)i;
	return BBD_CMD_N;
}

json_t *bbd_cmd_new(enum bbd_cmd c)
{
	return json_pack("{s:s}", "cmd", bbd_cmd_name(c));
}

const char *bbd_event_name(enum bbd_event e)
{
	return (unsigned int)e < BBD_EV_N ? event_names[e] : "?";
}

enum bbd_event bbd_event_of(const json_t *msg)
{
	const char *name = json_string_value(json_object_get(msg, "event"));
	unsigned int i;

	for (i = 0; name && i < BBD_EV_N; i++)
		if (!strcmp(name, event_names[i]))
			return (enum bbd_event)i;
	return BBD_EV_N;
}

char *bbd_frame(const json_t *msg, size_t *len)
{
	char *s = json_dumps(msg, JSON_COMPACT), *line;
	size_t n;

	if (!s)
		return NULL;
	n = strlen(s);
	line = realloc(s, n + 2);
	if (!line) {
		free(s);
		return NULL;
	}
	line[n] = '\n';
	line[n + 1] = '\0';
	*len = n + 1;
	return line;
}

int bbd_lines_add(struct bbd_lines *l, const char *p, size_t n, size_t max)
{
	size_t need;
	char *b;

	if (l->off) {	/* what is left of a line, to the front once a read */
		l->len -= l->off;
		memmove(l->buf, l->buf + l->off, l->len);
		l->off = 0;
	}
	if (l->len + n > max)
		return -E2BIG;
	need = l->len + n + 1;
	if (need > l->cap) {	/* grow by doubling */
		size_t cap = l->cap ? l->cap : 65536;

		while (cap < need)
			cap *= 2;
		b = realloc(l->buf, cap);
		if (!b)
			return -ENOMEM;
		l->buf = b;
		l->cap = cap;
	}
	memcpy(l->buf + l->len, p, n);
	l->len += n;
	l->buf[l->len] = '\0';
	return 0;
}

char *bbd_lines_next(struct bbd_lines *l)
{
	char *line, *nl;

	if (!l->buf || l->off == l->len)
		return NULL;
	line = l->buf + l->off;
	nl = memchr(line, '\n', l->len - l->off);
	if (!nl)
		return NULL;
	*nl = '\0';
	l->off = (size_t)(nl + 1 - l->buf);
	return line;
}

void bbd_lines_free(struct bbd_lines *l)
{
	free(l->buf);
	memset(l, 0, sizeof(*l));
}
