// SPDX-License-Identifier: GPL-2.0-only OR MIT
#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

#include "loop.h"

/* Watches: the socket, a signalfd, timers, clients, and two or three
 * sockets per HTTP flow, found by their fd: a slot per possible fd
 * (bbd raises its RLIMIT_NOFILE to this). An event carries the fd and
 * the slot's generation: one that epoll_wait() returned before its fd
 * was closed (by an earlier callback of the batch, or by another thread
 * holding the lock) and reused is dropped, not given to the new watch. */
#define WATCH_MAX	BBD_FD_MAX

struct watch {
	int fd;
	uint32_t gen;
	bbd_loop_cb cb;
	void *arg;
};

struct bbd_loop {
	int epfd;
	bool quit;
	struct watch watches[WATCH_MAX];
};

static struct bbd_loop main_loop = { .epfd = -1 };

static void loop_reset(struct bbd_loop *l)
{
	int i;

	for (i = 0; i < WATCH_MAX; i++)
		l->watches[i].fd = -1;
	l->quit = false;
}

int bbd_loop_init(void)
{
	loop_reset(&main_loop);
	main_loop.epfd = epoll_create1(EPOLL_CLOEXEC);
	return main_loop.epfd < 0 ? -errno : 0;
}

struct bbd_loop *bbd_loop_new(void)
{
	struct bbd_loop *l = calloc(1, sizeof(*l));

	if (!l)
		return NULL;
	loop_reset(l);
	l->epfd = epoll_create1(EPOLL_CLOEXEC);
	if (l->epfd < 0) {
		free(l);
		return NULL;
	}
	return l;
}

/* The watches' fds are their owners' to close. */
void bbd_loop_free(struct bbd_loop *l)
{
	if (!l)
		return;
	close(l->epfd);
	free(l);
}

static uint64_t tag(const struct watch *w)
{
	return (uint64_t)w->gen << 32 | (uint32_t)w->fd;
}

int bbd_loop_add_on(struct bbd_loop *l, int fd, uint32_t events,
		    bbd_loop_cb cb, void *arg)
{
	struct epoll_event ev = { .events = events };
	struct watch *w;

	if (fd < 0 || fd >= WATCH_MAX)
		return -EMFILE;
	w = &l->watches[fd];
	*w = (struct watch){ fd, w->gen + 1, cb, arg };
	ev.data.u64 = tag(w);
	if (epoll_ctl(l->epfd, EPOLL_CTL_ADD, fd, &ev) < 0) {
		w->fd = -1;
		return -errno;
	}
	return 0;
}

int bbd_loop_mod_on(struct bbd_loop *l, int fd, uint32_t events)
{
	struct epoll_event ev = { .events = events };

	if (fd < 0 || fd >= WATCH_MAX || l->watches[fd].fd != fd)
		return -ENOENT;
	ev.data.u64 = tag(&l->watches[fd]);
	return epoll_ctl(l->epfd, EPOLL_CTL_MOD, fd, &ev) < 0 ? -errno : 0;
}

void bbd_loop_del_on(struct bbd_loop *l, int fd)
{
	if (fd < 0 || fd >= WATCH_MAX)
		return;
	l->watches[fd].fd = -1;
	epoll_ctl(l->epfd, EPOLL_CTL_DEL, fd, NULL);
}

void bbd_loop_close_on(struct bbd_loop *l, int *fd)
{
	if (*fd < 0)
		return;
	bbd_loop_del_on(l, *fd);
	close(*fd);
	*fd = -1;
}

/* The event's watch if it is still the one the event was for. */
static struct watch *live(struct bbd_loop *l, uint64_t t)
{
	int fd = (int)(uint32_t)t;
	struct watch *w = &l->watches[fd];

	return w->fd == fd && w->gen == (uint32_t)(t >> 32) ? w : NULL;
}

int bbd_loop_run_locked(struct bbd_loop *l, pthread_mutex_t *lock)
{
	struct epoll_event ev[16];
	struct watch *w;
	int n, i;

	/* only callbacks of this thread set quit */
	while (!l->quit) {
		n = epoll_wait(l->epfd, ev, 16, -1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		for (i = 0; i < n; i++) {
			if (lock)
				pthread_mutex_lock(lock);
			w = live(l, ev[i].data.u64);
			if (w)
				w->cb(w->fd, ev[i].events, w->arg);
			if (lock)
				pthread_mutex_unlock(lock);
		}
	}
	return 0;
}

void bbd_loop_quit_on(struct bbd_loop *l)
{
	l->quit = true;
}

int bbd_loop_add(int fd, uint32_t events, bbd_loop_cb cb, void *arg)
{
	return bbd_loop_add_on(&main_loop, fd, events, cb, arg);
}

int bbd_loop_mod(int fd, uint32_t events)
{
	return bbd_loop_mod_on(&main_loop, fd, events);
}

void bbd_loop_del(int fd)
{
	bbd_loop_del_on(&main_loop, fd);
}

void bbd_loop_close(int *fd)
{
	bbd_loop_close_on(&main_loop, fd);
}

int bbd_loop_run(void)
{
	return bbd_loop_run_locked(&main_loop, NULL);
}

void bbd_loop_quit(void)
{
	bbd_loop_quit_on(&main_loop);
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
