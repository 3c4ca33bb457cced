/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * bbd's Prometheus exporter: GET /metrics in the text format, served by
 * libmicrohttpd on bbd's event loop (Documentation/metrics.md lists every
 * metric). Default 127.0.0.1:8123, the port ByteBlower's exporter uses.
 */
#ifndef BBD_METRICS_H
#define BBD_METRICS_H

#include <stddef.h>

#define BBD_METRICS_DEFAULT	"127.0.0.1:8123"

struct bb_prom;

/* Is spec "off" or ADDR:PORT ([IPv6]:PORT)? 0, or -EINVAL with one line. */
int bbd_metrics_check(const char *spec, char *err, size_t errlen);
/* Listen on spec ("off": nothing); 0 or -errno with one line in err. */
int bbd_metrics_start(const char *spec, char *err, size_t errlen);
void bbd_metrics_stop(void);
/* A run ended: its verdict ("PASS", "FAIL"), or NULL if it failed to run. */
void bbd_metrics_run_done(const char *verdict);
/* The exposition text of now (the current or the last run). */
void bbd_metrics_render(struct bb_prom *p);

#endif
