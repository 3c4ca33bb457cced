/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* plan*.c internals. */
#ifndef BBD_PLAN_INT_H
#define BBD_PLAN_INT_H

#include <stddef.h>

#include "plan.h"
#include "scenario.h"

/* Write a message naming the field into err; returns -EINVAL. */
int plan_fail(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The expanded flows of sc into p->flows. */
int plan_flows(const struct bb_scenario *sc, struct bbd_plan *p, char *err,
	       size_t errlen);

#endif
