/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The HTML report of a run record: one self-contained file that works
 * offline. The page carries uPlot and its own script and style inline,
 * and the record as a <script type="application/json" id="bb-record">
 * block; the script builds the tables and charts from it and, when done,
 * sets document.body.dataset.chartsRendered to the number of charts it
 * drew. The verdict banner is plain HTML, readable without scripts.
 */
#ifndef BB_REPORT_HTML_H
#define BB_REPORT_HTML_H

#include <stdio.h>

#include <jansson.h>

/* Write the page of @record to @out; 0, -ENOMEM or -EIO. */
int bb_report_html_write(FILE *out, json_t *record);

#endif
