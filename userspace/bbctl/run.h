/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* bbctl run: the parts of the command (run*.c). */
#ifndef BBCTL_RUN_H
#define BBCTL_RUN_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

#include <jansson.h>

#include "bbd_proto.h"

/* run_client.c: the connection to bbd (lib/bbd_proto.h: its socket,
 * framing, messages and exit codes, BBD_EXIT_*). */
struct run_conn {
	int fd;
	pid_t child;		/* the bbd we started, or 0 */
	struct bbd_lines in;
};

/* Connect to bbd at path, starting one (next to bbctl) if none answers.
 * 0 or BBD_EXIT_SYSTEM (printed). */
int run_connect(struct run_conn *c, const char *path);
/* bbd's socket unless --socket names one: $BBD_SOCKET, else the default. */
const char *run_socket_path(void);
/* The bbd beside this bbctl (bbctl run starts that one). */
void bbd_path(char *buf, size_t len);
/* Connect to a bbd that runs, never starting one: 0, or -errno. */
int run_attach(struct run_conn *c, const char *path);
int run_send(struct run_conn *c, json_t *msg);
/* The next message; NULL at EOF/error. -EINTR in *err when a signal
 * interrupted the wait (the caller checks its flag and calls again). */
json_t *run_recv(struct run_conn *c, int *err);
/* Close; stop the bbd we started and wait for it. */
void run_disconnect(struct run_conn *c);

/* scenario_input.c: a scenario file in either dialect. */
struct bb_scenario;
struct bb_fw_result;
struct scenario_input {
	const char *maps[8];	/* ARGS_REPEAT_MAX: map NAME=IFNAME[,...], in order */
	unsigned int nmaps;
	const char *map_file;	/* map-file; NULL: /etc/bb/interfaces.json if any */
};
/* From the map (repeatable) and map-file keywords of args_parse. */
struct arg_val;
void scenario_input_set(struct scenario_input *in, const struct arg_val *map,
			const struct arg_val *map_file);
/* Read, translate (the framework's dialect) and parse FILE: 0, or
 * BBD_EXIT_INPUT / BBD_EXIT_SYSTEM with its one line printed. r may be
 * NULL; else free it with bb_fw_result_free. */
int scenario_input_load(const struct scenario_input *in, const char *file,
			struct bb_scenario **sc, struct bb_fw_result *r);
/* One line per notice: "PREFIXpath: notice (action)". */
void scenario_print_notes(FILE *f, const json_t *notes, const char *prefix);

/* run_show.c: what the user sees. */
void run_show_progress(json_t *ev, bool tty);
void run_show_result(json_t *record, json_t *reports, int code);

#endif
