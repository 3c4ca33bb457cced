/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The HTML report's scripts and styles, compiled in: userspace/Makefile
 * turns every lib/report_assets/<file> into the NUL-terminated array
 * bb_asset_<file, non-alphanumerics as _>, so a report written years later
 * from the archive needs no file beside bbctl.
 */
#ifndef BB_REPORT_ASSETS_H
#define BB_REPORT_ASSETS_H

/* uPlot (MIT, lib/report_assets/uPlot.LICENSE), vendored from npm */
extern const char bb_asset_uPlot_iife_min_js[];
extern const char bb_asset_uPlot_min_css[];
/* ours: the page's layout and the script that draws it from the record */
extern const char bb_asset_report_js[];
extern const char bb_asset_report_css[];

#endif
