/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * bbd's socket protocol, what both ends share: where the socket is, how a
 * message is framed (one compact JSON object a line, both ways), the
 * commands a client sends, the events bbd answers with, and the exit
 * codes. bbd (bbd/server.c, bbd/clients.c) and bbctl (bbctl/run*.c,
 * bbctl/daemon.c) use these and spell none of it themselves;
 * Documentation/bbd.md describes the messages.
 */
#ifndef BB_BBD_PROTO_H
#define BB_BBD_PROTO_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#define BBD_SOCKET_DEFAULT	"/run/bb/bbd.sock"

/* How a run ended: bbctl run's exit status, and "exit" in bbd's result
 * and error events. */
enum bbd_exit {
	BBD_EXIT_PASS = 0,	/* every flow passed its analysis */
	BBD_EXIT_INPUT = 1,	/* the scenario or the request was wrong */
	BBD_EXIT_SYSTEM = 2,	/* bbd, the module or the host failed */
	BBD_EXIT_FAIL = 3,	/* the run ran and a flow failed */
};

/* The code in words ("a flow failed its analysis"), for people. */
const char *bbd_exit_meaning(int code);

enum bbd_cmd {
	BBD_CMD_RUN,
	BBD_CMD_STATUS,
	BBD_CMD_STOP,
	BBD_CMD_N,
};

/* "run", "status", "stop"; BBD_CMD_N for any other name. */
const char *bbd_cmd_name(enum bbd_cmd c);
enum bbd_cmd bbd_cmd_of(const char *name);
/* {"cmd": NAME}, the request of status and stop. */
json_t *bbd_cmd_new(enum bbd_cmd c);

enum bbd_event {
	BBD_EV_STARTED,		/* a run began: name, flows */
	BBD_EV_PROGRESS,	/* every second of a run */
	BBD_EV_RESULT,		/* the run's end: exit, record, reports */
	BBD_EV_ERROR,		/* a request or a run failed: exit, message */
	BBD_EV_STATUS,		/* the answer to status */
	BBD_EV_STOPPING,	/* the answer to stop */
	BBD_EV_N,		/* none of these */
};

const char *bbd_event_name(enum bbd_event e);
/* The event a message is (its "event" member). */
enum bbd_event bbd_event_of(const json_t *msg);

/* Framing: the message as one line, '\n' included (malloc'd), or NULL. */
char *bbd_frame(const json_t *msg, size_t *len);

/* Lines arriving on a stream socket, kept until complete. */
struct bbd_lines {
	char *buf;
	size_t len, off, cap;	/* unread: buf[off..len) */
};

/* Add n bytes read from the socket; 0, -ENOMEM, or -E2BIG when the line
 * being read would pass max bytes. Lines handed out before are gone. */
int bbd_lines_add(struct bbd_lines *l, const char *p, size_t n, size_t max);
/* The next complete line, without its '\n' and NUL-terminated in place,
 * or NULL until one is complete. */
char *bbd_lines_next(struct bbd_lines *l);
void bbd_lines_free(struct bbd_lines *l);

#endif
