/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * One call prints a value as text or as JSON, in the spirit of iproute2's
 * json_print: pr_u64(PR_ANY, "tx_frames", "tx-frames %" PRIu64, v).
 * Text items on a line are separated by one space.
 * In text mode the format is printed at once; in JSON mode the value is
 * added under key to the open object, and pr_flush() writes the document.
 */
#ifndef BB_PRINT_H
#define BB_PRINT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

enum pr_mode {
	PR_ANY,		/* both: text uses fmt, JSON uses key */
	PR_TEXT,	/* text mode only */
	PR_JSON,	/* JSON mode only */
};

/* Start output to out; json selects JSON, pretty indents it. */
void pr_init(FILE *out, bool json, bool pretty);
bool pr_is_json(void);

/* JSON containers: an array holds objects; an object outside any array
 * is the document itself. In text mode closing an object ends the line. */
void pr_open_array(void);
void pr_close_array(void);
void pr_open_object(void);
void pr_close_object(void);

void pr_u64(enum pr_mode m, const char *key, const char *fmt, uint64_t v);
void pr_uint(enum pr_mode m, const char *key, const char *fmt, unsigned int v);
/* v == NULL prints JSON null (and fmt with "-" in text mode). */
void pr_string(enum pr_mode m, const char *key, const char *fmt,
	       const char *v);
void pr_null(enum pr_mode m, const char *key, const char *fmt);
/* JSON true/false; text prints fmt with "on" or "off". */
void pr_bool(enum pr_mode m, const char *key, const char *fmt, bool v);
/* A JSON number with a fraction (fmt is a printf double conversion). */
void pr_double(enum pr_mode m, const char *key, const char *fmt, double v);

/* Containers under key in the open object (in text mode: fmt, if not
 * NULL, is printed as a label before the contents, on the same line). */
void pr_open_object_key(const char *key, const char *fmt);
void pr_open_array_key(const char *key, const char *fmt);

/* Write the JSON document, if any, and reset. Returns 0 or -1. */
int pr_flush(void);
/* Drop the JSON document unwritten (after an error) and reset. */
void pr_discard(void);

#endif
