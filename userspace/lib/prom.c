// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* The Prometheus text format (prom.h). */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "prom.h"

void bb_prom_init(struct bb_prom *p)
{
	memset(p, 0, sizeof(*p));
}

void bb_prom_free(struct bb_prom *p)
{
	free(p->buf);
	bb_prom_init(p);
}

static bool room(struct bb_prom *p, size_t more)
{
	size_t cap = p->cap ? p->cap : 4096;
	char *b;

	if (p->oom)
		return false;
	while (cap < p->len + more + 1)
		cap *= 2;
	if (cap == p->cap)
		return true;
	b = realloc(p->buf, cap);
	if (!b) {
		p->oom = true;
		return false;
	}
	p->buf = b;
	p->cap = cap;
	return true;
}

static void put(struct bb_prom *p, const char *s, size_t n)
{
	if (!room(p, n))
		return;
	memcpy(p->buf + p->len, s, n);
	p->len += n;
	p->buf[p->len] = '\0';
}

static void puts_(struct bb_prom *p, const char *s)
{
	put(p, s, strlen(s));
}

static void printf_(struct bb_prom *p, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void printf_(struct bb_prom *p, const char *fmt, ...)
{
	char buf[64];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n > 0)
		put(p, buf, (size_t)n < sizeof(buf) ? (size_t)n : sizeof(buf) - 1);
}

/* A label value: backslash, double quote and line feed escaped. */
static void value(struct bb_prom *p, const char *v)
{
	for (; *v; v++) {
		if (*v == '\\')
			puts_(p, "\\\\");
		else if (*v == '"')
			puts_(p, "\\\"");
		else if (*v == '\n')
			puts_(p, "\\n");
		else
			put(p, v, 1);
	}
}

void bb_prom_family(struct bb_prom *p, const char *name, const char *type,
		    const char *help)
{
	printf_(p, "# HELP %s ", name);
	/* HELP text escapes backslash and line feed only */
	for (; *help; help++)
		puts_(p, *help == '\\' ? "\\\\" : *help == '\n' ? "\\n" :
		      (char[]){ *help, '\0' });
	printf_(p, "\n# TYPE %s %s\n", name, type);
}

static void label(struct bb_prom *p, bool *first, const char *name, const char *v)
{
	puts_(p, *first ? "{" : ",");
	*first = false;
	puts_(p, name);
	puts_(p, "=\"");
	value(p, v ? v : "");
	puts_(p, "\"");
}

void bb_prom_sample(struct bb_prom *p, const char *name,
		    const struct bb_prom_labels *l, const char *extra_name,
		    const char *extra_value, double v)
{
	bool first = true;
	unsigned int i;

	puts_(p, name);
	for (i = 0; l && i < l->n; i++)
		label(p, &first, l->name[i], l->value[i]);
	if (extra_name)
		label(p, &first, extra_name, extra_value);
	if (!first)
		puts_(p, "}");
	if (isnan(v))
		puts_(p, " NaN\n");
	else if (v == floor(v) && fabs(v) < 9007199254740992.0)
		printf_(p, " %.0f\n", v);	/* integers exact up to 2^53 */
	else
		printf_(p, " %.9g\n", v);
}

void bb_prom_label(struct bb_prom_labels *l, const char *name, const char *value)
{
	if (l->n >= BB_PROM_LABELS_MAX)
		return;
	l->name[l->n] = name;
	l->value[l->n] = value;
	l->n++;
}
