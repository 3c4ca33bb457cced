/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* A run's record as text (record_show.c): one renderer for bbctl run and
 * bbctl runs show; -j prints the record itself. */
#ifndef BBCTL_RECORD_SHOW_H
#define BBCTL_RECORD_SHOW_H

#include <jansson.h>

/* Each flow: its ports, counts or HTTP/video results, latency, MOS, and
 * every analyser's verdict with its reason. */
void record_show_flows(json_t *record);
/* The run (id, name, verdict, times) and then its flows. */
void record_show_summary(json_t *record);

#endif
