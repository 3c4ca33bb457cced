/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* plan*.c internals. */
#ifndef BBD_PLAN_INT_H
#define BBD_PLAN_INT_H

#include <stddef.h>

#include "plan.h"

/* First UDP port of flows that name none (ByteBlower's
 * UDP_DYNAMIC_PORT_START); the k-th flow gets this + k so that no two
 * triggers match the same frames. */
#define BBD_UDP_PORT_BASE	49152

/* Write a message naming the field into err; returns -EINVAL. */
int plan_fail(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Seconds under key (a number), default dflt, in ns. */
uint64_t plan_seconds_ns(json_t *o, const char *key, double dflt);
int plan_flows(json_t *flows, struct bbd_plan *p, char *err, size_t errlen);
/* Frame sizes and rate of the flow at path from its scenario object. */
int plan_flow_frames(json_t *o, const struct bbd_plan *p,
		     struct bbd_flow_cfg *f, const char *path, char *err,
		     size_t errlen);

#endif
