// SPDX-License-Identifier: GPL-2.0-only OR MIT
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

#include "loop.h"

/* Watches: the socket, a signalfd, timers, clients, and two or three
 * sockets per HTTP flow, found by their fd: a slot per possible fd
 * (bbd raises its RLIMIT_NOFILE to this). */
#define WATCH_MAX	BBD_FD_MAX

struct watch {
	int fd;
	uint32_t events;	/* what epoll has: a mod to the same is skipped */
	bbd_loop_cb cb;
	void *arg;
};

static int epfd = -1;
static bool quit;
static struct watch watches[WATCH_MAX];

int bbd_loop_init(void)
{
	int i;

	for (i = 0; i < WATCH_MAX; i++)
		watches[i].fd = -1;
	epfd = epoll_create1(EPOLL_CLOEXEC);
	return epfd < 0 ? -errno : 0;
}

int bbd_loop_add(int fd, uint32_t events, bbd_loop_cb cb, void *arg)
{
	struct epoll_event ev = { .events = events };

	if (fd < 0 || fd >= WATCH_MAX)
		return -EMFILE;
	watches[fd] = (struct watch){ fd, events, cb, arg };
	ev.data.ptr = &watches[fd];
	if (epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &ev) < 0) {
		watches[fd].fd = -1;
		return -errno;
	}
	return 0;
}

int bbd_loop_mod(int fd, uint32_t events)
{
	struct epoll_event ev = { .events = events };

	if (fd < 0 || fd >= WATCH_MAX || watches[fd].fd != fd)
		return -ENOENT;
	if (watches[fd].events == events)
		return 0;	/* a busy socket asks for the same after every read */
	ev.data.ptr = &watches[fd];
	if (epoll_ctl(epfd, EPOLL_CTL_MOD, fd, &ev) < 0)
		return -errno;
	watches[fd].events = events;
	return 0;
}

void bbd_loop_del(int fd)
{
	if (fd < 0 || fd >= WATCH_MAX)
		return;
	watches[fd].fd = -1;
	epoll_ctl(epfd, EPOLL_CTL_DEL, fd, NULL);
}

int bbd_loop_run(void)
{
	struct epoll_event ev[16];
	int n, i;

	while (!quit) {
		n = epoll_wait(epfd, ev, 16, -1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		for (i = 0; i < n; i++) {
			struct watch *w = ev[i].data.ptr;

			/* an earlier callback of this batch may have removed it */
			if (w->fd >= 0)
				w->cb(w->fd, ev[i].events, w->arg);
		}
	}
	return 0;
}

void bbd_loop_quit(void)
{
	quit = true;
}

void bbd_loop_close(int *fd)
{
	if (*fd < 0)
		return;
	bbd_loop_del(*fd);
	close(*fd);
	*fd = -1;
}

int bbd_timer_new(unsigned int period_ms)
{
	struct itimerspec its = {
		.it_interval = { period_ms / 1000, (long)(period_ms % 1000) * 1000000 },
	};
	int fd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);

	if (fd < 0)
		return -errno;
	its.it_value = its.it_interval;
	if (timerfd_settime(fd, 0, &its, NULL) < 0) {
		close(fd);
		return -errno;
	}
	return fd;
}

int bbd_timer_set(int fd, unsigned int period_ms)
{
	struct itimerspec its = {
		.it_interval = { period_ms / 1000, (long)(period_ms % 1000) * 1000000 },
	};

	its.it_value = its.it_interval;
	return timerfd_settime(fd, 0, &its, NULL) < 0 ? -errno : 0;
}

uint64_t bbd_timer_read(int fd)
{
	uint64_t n = 0;

	if (read(fd, &n, sizeof(n)) != sizeof(n))
		return 0;
	return n;
}

static uint64_t now(clockid_t c)
{
	struct timespec ts;

	clock_gettime(c, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

uint64_t bbd_now_mono(void)
{
	return now(CLOCK_MONOTONIC);
}

uint64_t bbd_now_tai(void)
{
	return now(CLOCK_TAI);
}

uint64_t bbd_now_real(void)
{
	return now(CLOCK_REALTIME);
}

void bbd_iso_time(uint64_t ns, char *out, size_t len)
{
	time_t s = (time_t)(ns / 1000000000ull);
	char buf[40];
	struct tm tm;

	gmtime_r(&s, &tm);
	strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(out, len, "%s.%03uZ", buf, (unsigned int)(ns % 1000000000ull / 1000000));
}
