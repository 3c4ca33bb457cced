// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* The HTTP server ends' thread and its loop (http_srv.h). */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "http_srv.h"
#include "log.h"

static void on_quit(int fd, uint32_t events, void *arg)
{
	struct bbd_http_srv *s = arg;

	(void)events;
	bbd_timer_read(fd);	/* an eventfd reads like a timerfd */
	bbd_loop_quit_on(s->loop);
}

static void *run(void *arg)
{
	struct bbd_http_srv *s = arg;
	int ret = bbd_loop_run_locked(s->loop, &s->lock);

	if (ret)
		bbd_log_err("HTTP server thread: epoll: %s", strerror(-ret));
	return NULL;
}

/* Signals stay with the main thread's signalfd: the thread blocks all. */
static int spawn(struct bbd_http_srv *s)
{
	sigset_t all, old;
	int ret;

	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	ret = pthread_create(&s->thread, NULL, run, s);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return -ret;
}

struct bbd_http_srv *bbd_http_srv_start(bbd_loop_cb news, void *arg)
{
	struct bbd_http_srv *s = calloc(1, sizeof(*s));
	int ret = -ENOMEM;

	if (!s)
		return NULL;
	s->quit_fd = s->news_fd = -1;
	pthread_mutex_init(&s->lock, NULL);
	s->loop = bbd_loop_new();
	if (s->loop) {
		s->quit_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
		s->news_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
		ret = s->quit_fd < 0 || s->news_fd < 0 ? -errno : 0;
	}
	if (!ret)
		ret = bbd_loop_add_on(s->loop, s->quit_fd, EPOLLIN, on_quit, s);
	if (!ret)
		ret = bbd_loop_add(s->news_fd, EPOLLIN, news, arg);
	if (!ret)
		ret = spawn(s);
	if (ret) {
		bbd_http_srv_free(s);
		errno = -ret;
		return NULL;
	}
	s->running = true;
	return s;
}

void bbd_http_srv_news(struct bbd_http_srv *s)
{
	uint64_t one = 1;

	/* a full counter (never, at 2^64 - 1) would still wake the loop */
	if (write(s->news_fd, &one, sizeof(one)) < 0 && errno != EAGAIN)
		bbd_log_err("HTTP server thread: news: %s", strerror(errno));
}

void bbd_http_srv_stop(struct bbd_http_srv *s)
{
	uint64_t one = 1;

	if (!s || !s->running)
		return;
	if (write(s->quit_fd, &one, sizeof(one)) != sizeof(one))
		abort();	/* never free what the thread may still touch */
	pthread_join(s->thread, NULL);
	s->running = false;
}

void bbd_http_srv_free(struct bbd_http_srv *s)
{
	if (!s)
		return;
	bbd_http_srv_stop(s);
	if (s->loop)
		bbd_loop_close_on(s->loop, &s->quit_fd);
	bbd_loop_close(&s->news_fd);
	bbd_loop_free(s->loop);
	pthread_mutex_destroy(&s->lock);
	free(s);
}
