/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* bbctl run: the parts of the command (run*.c). */
#ifndef BBCTL_RUN_H
#define BBCTL_RUN_H

#include <stdbool.h>
#include <sys/types.h>

#include <jansson.h>

/* Exit codes of bbctl run (beyond 0 PASS, 1 bad input, 2 system). */
#define RUN_EXIT_PASS	0
#define RUN_EXIT_INPUT	1
#define RUN_EXIT_SYSTEM	2
#define RUN_EXIT_FAIL	3

#define RUN_SOCKET_DEFAULT	"/run/bb/bbd.sock"

/* run_client.c: the connection to bbd. */
struct run_conn {
	int fd;
	pid_t child;		/* the bbd we started, or 0 */
	char *buf;
	size_t len, cap;
};

/* Connect to bbd at path, starting one (next to bbctl) if none answers.
 * 0 or RUN_EXIT_SYSTEM (printed). */
int run_connect(struct run_conn *c, const char *path);
int run_send(struct run_conn *c, json_t *msg);
/* The next message; NULL at EOF/error. -EINTR in *err when a signal
 * interrupted the wait (the caller checks its flag and calls again). */
json_t *run_recv(struct run_conn *c, int *err);
/* Close; stop the bbd we started and wait for it. */
void run_disconnect(struct run_conn *c);

/* run_show.c: what the user sees. */
void run_show_progress(json_t *ev, bool tty);
void run_show_result(json_t *record, json_t *reports);

#endif
