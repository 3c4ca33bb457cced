/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* The first line of a small file (/proc/sys, /sys/module): a sysctl, a
 * module parameter, the kernel's list of congestion controls. */
#ifndef BB_FILE_LINE_H
#define BB_FILE_LINE_H

#include <stddef.h>

/* Its first line into buf (len bytes), newline cut; 0, or -errno with
 * buf "". */
int bb_read_line(const char *path, char *buf, size_t len);

#endif
