/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* bbd's log: one line per event on stderr ("bbd: error: ..."). */
#ifndef BBD_LOG_H
#define BBD_LOG_H

#include <stdbool.h>

void bbd_log_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void bbd_log_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Keep info lines out (errors still go through). */
void bbd_log_quiet(bool quiet);

#endif
