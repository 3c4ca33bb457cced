/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The Prometheus text exposition format (version 0.0.4), written into a
 * growing buffer: a family's # HELP and # TYPE, then its samples, each
 * with labels whose values are escaped (\\, \", \n) as the format asks.
 * Families must be written whole, one after the other: the format wants
 * a family's samples together.
 */
#ifndef BB_PROM_H
#define BB_PROM_H

#include <stdbool.h>
#include <stddef.h>

#define BB_PROM_LABELS_MAX	8

struct bb_prom {
	char *buf;
	size_t len, cap;
	bool oom;		/* an allocation failed: the text is cut */
};

/* A label set: names and values, n of them. */
struct bb_prom_labels {
	const char *name[BB_PROM_LABELS_MAX];
	const char *value[BB_PROM_LABELS_MAX];
	unsigned int n;
};

void bb_prom_init(struct bb_prom *p);
void bb_prom_free(struct bb_prom *p);
/* # HELP and # TYPE (counter, gauge, summary, info is not in 0.0.4). */
void bb_prom_family(struct bb_prom *p, const char *name, const char *type,
		    const char *help);
/* name{labels} value; extra, if not NULL, is one more label (quantile). */
void bb_prom_sample(struct bb_prom *p, const char *name,
		    const struct bb_prom_labels *l, const char *extra_name,
		    const char *extra_value, double v);
/* Add a label to a set (ignored past BB_PROM_LABELS_MAX). */
void bb_prom_label(struct bb_prom_labels *l, const char *name, const char *value);

#endif
