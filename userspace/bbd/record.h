/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* record*.c internals. */
#ifndef BBD_RECORD_H
#define BBD_RECORD_H

#include <jansson.h>

struct bbd_run;
struct bbd_flow_run;

/* flows[].results of the run record. */
json_t *record_results(const struct bbd_run *r, const struct bbd_flow_run *f);

#endif
