// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* The HTML report: a page skeleton around compiled-in assets and the
 * record; the drawing is done by report_assets/report.js in the browser. */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "report_assets.h"
#include "report_html.h"

/*
 * The record inside <script type="application/json">: the HTML parser
 * ends the block at the first "</script" and treats "<!--" specially, so
 * no '<' may appear. JSON has '<' only inside strings, where \u003c
 * means the same character.
 */
static int put_record(FILE *out, json_t *record)
{
	char *text = json_dumps(record, JSON_COMPACT | JSON_SORT_KEYS |
					JSON_REAL_PRECISION(15));
	char *s;

	if (!text)
		return -ENOMEM;
	fputs("<script type=\"application/json\" id=\"bb-record\">", out);
	for (s = text; *s; s++) {
		if (*s == '<')
			fputs("\\u003c", out);
		else
			fputc(*s, out);
	}
	fputs("</script>\n", out);
	free(text);
	return 0;
}

static const char *str(json_t *o, const char *key, const char *dflt)
{
	const char *s = json_string_value(json_object_get(o, key));

	return s ? s : dflt;
}

static void put_head(FILE *out, const char *name, const char *verdict)
{
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	      "<meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	      "<meta name=\"generator\" content=\"bb\">\n<title>", out);
	bb_report_put_text(out, verdict);
	fputs(": ", out);
	bb_report_put_text(out, name);
	fputs(" (bb report)</title>\n<style>\n", out);
	fputs(bb_asset_uPlot_min_css, out);
	fputs("\n</style>\n<style>\n", out);
	fputs(bb_asset_report_css, out);
	fputs("\n</style>\n</head>\n", out);
}

/* The verdict in plain HTML: what a reader must see even if scripts are
 * off (the page's script adds the rest). */
static void put_banner(FILE *out, json_t *record, const char *name,
		       const char *verdict)
{
	json_t *run = json_object_get(record, "run");
	bool pass = !strcmp(verdict, "PASS");

	fprintf(out, "<body class=\"%s\">\n<header id=\"banner\" class=\"verdict %s\">"
		"<span class=\"word\">", pass ? "pass" : "fail", pass ? "pass" : "fail");
	bb_report_put_text(out, verdict);
	fputs("</span> <span class=\"name\">", out);
	bb_report_put_text(out, name);
	fputs("</span> <span class=\"started\">", out);
	bb_report_put_text(out, str(run, "started", ""));
	fputs("</span>", out);
	if (json_is_true(json_object_get(run, "interrupted")))
		fputs(" <span class=\"interrupted\">interrupted</span>", out);
	fputs("</header>\n<noscript><p>The tables and charts of this report "
	      "are drawn by its script; enable JavaScript to see them.</p>"
	      "</noscript>\n<main id=\"report\"></main>\n", out);
}

int bb_report_html_write(FILE *out, json_t *record)
{
	json_t *run = json_object_get(record, "run");
	const char *name = str(run, "name", "unnamed run");
	/* anything but an explicit PASS is shown as a failure */
	const char *verdict = str(record, "verdict", "FAIL");
	int err;

	if (strcmp(verdict, "PASS"))
		verdict = "FAIL";
	put_head(out, name, verdict);
	put_banner(out, record, name, verdict);
	err = put_record(out, record);
	if (err)
		return err;
	fputs("<script>\n", out);
	fputs(bb_asset_uPlot_iife_min_js, out);
	fputs("\n</script>\n<script>\n", out);
	fputs(bb_asset_report_js, out);
	fputs("\n</script>\n</body>\n</html>\n", out);
	return ferror(out) ? -EIO : 0;
}
