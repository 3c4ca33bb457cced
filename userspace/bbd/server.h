/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * bbd's UNIX socket: clients send one JSON object per line, bbd answers
 * with JSON objects, one per line (Documentation/bbd.md has the messages).
 */
#ifndef BBD_SERVER_H
#define BBD_SERVER_H

#include <stdbool.h>
#include <sys/types.h>

#include "bbd_proto.h"

struct bbd_options {
	const char *socket;
	const char *group;		/* may connect besides root; NULL: root */
	const char *archive;		/* SQLite archive, NULL: none */
	const char *report_dir;		/* default for runs that give none */
	unsigned int idle_s;		/* idle clients closed after; 0: default */
	const char *metrics;		/* ADDR:PORT, "off"; NULL: the default */
	bool foreground;
};

/* Listen on opts->socket (mode 0660, owner root and opts->group). 0 or
 * -errno; a message on stderr says why. */
int bbd_server_start(const struct bbd_options *opts);
/* The listening socket came from systemd (bbd.socket): --socket is not
 * used, and the socket is not bbd's to remove. */
bool bbd_server_activated(void);
/* SIGINT/SIGTERM: stop the run (if any) and quit once it has ended. */
void bbd_server_shutdown(void);
void bbd_server_close(void);
/* The run in progress or the last one (NULL before the first);
 * *running says which. */
struct bbd_run;
const struct bbd_run *bbd_server_run(bool *running);

#endif
