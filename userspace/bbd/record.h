/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* record*.c internals. */
#ifndef BBD_RECORD_H
#define BBD_RECORD_H

#include <jansson.h>

#include "plan.h"

struct bbd_run;
struct bbd_flow_run;

/* flows[].results of the run record. */
json_t *record_results(const struct bbd_run *r, const struct bbd_flow_run *f);
/* "frame_blasting", "voice", ...: the record's and the metrics' name. */
const char *bbd_flow_type_name(enum bbd_flow_type t);

#endif
