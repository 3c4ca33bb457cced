/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The captures of a run's ports (a scenario port's "capture"): libpcap
 * inside the port's namespace from the moment the port is up to the end
 * of the run, read on bbd's event loop, into
 * <dir>/<run>-<started>-<port>.pcap beside the reports. The record says
 * where each went and what it held or lost (lib/capture.h).
 */
#ifndef BBD_PORT_CAPTURE_H
#define BBD_PORT_CAPTURE_H

#include <stddef.h>

#include <jansson.h>

#include "capture.h"

/* Where captures go when a run names no report directory. */
#define BBD_CAPTURE_DIR_DEFAULT	"/var/lib/bb/captures"

struct bbd_run;

struct bbd_port_capture {
	struct bb_capture cap;
	int fd;				/* watched; -1 once stopped */
	char path[4096];
	struct bb_capture_stats st;	/* at the stop */
	char err[BB_CAPTURE_ERR_MAX];	/* a failure while reading */
};

/* Open every port's capture (after the ports are up); 0, or -errno with
 * one line in err (the port and libpcap's text). */
int bbd_captures_start(struct bbd_run *r, const char *dir, char *err, size_t errlen);
/* Write what is left, take the counts, close the files. Safe twice. */
void bbd_captures_stop(struct bbd_run *r);
/* ports[i].capture of the record, or JSON null. */
json_t *bbd_capture_record(const struct bbd_run *r, unsigned int i);

#endif
