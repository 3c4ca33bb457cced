/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The thread of a run's HTTP server ends: one more event loop (loop.h)
 * that every HTTP flow's listening socket and accepted connection is
 * watched on, whatever the number of flows; the clients stay on bbd's
 * main loop. Why, and how the two hand data over: http_flow.h.
 *
 * The lock: the thread holds it while any of its callbacks runs; the main
 * thread holds it whenever it reads or changes a server end, a listening
 * socket or this loop's watches. The thread wakes the main loop through
 * news_fd (an eventfd) when a server end changed state in a way the main
 * thread must act on.
 */
#ifndef BBD_HTTP_SRV_H
#define BBD_HTTP_SRV_H

#include <pthread.h>
#include <stdbool.h>

#include "loop.h"

struct bbd_http_srv {
	struct bbd_loop *loop;
	pthread_mutex_t lock;
	pthread_t thread;
	bool running;
	int quit_fd;	/* eventfd: the main thread asks the thread to end */
	int news_fd;	/* eventfd: the thread wakes the main loop */
};

/* Make the loop and start its thread; news runs on the main loop when
 * the thread calls bbd_http_srv_news(). NULL (errno set) on failure. */
struct bbd_http_srv *bbd_http_srv_start(bbd_loop_cb news, void *arg);
/* Thread side: wake the main loop's news callback. */
void bbd_http_srv_news(struct bbd_http_srv *s);
/* End the thread and wait for it: its callbacks run no more, the loop's
 * watches stay for their owners to close. Idempotent. */
void bbd_http_srv_stop(struct bbd_http_srv *s);
/* After stop, once the owners closed their fds: the rest. */
void bbd_http_srv_free(struct bbd_http_srv *s);

#endif
