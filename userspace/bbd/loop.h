/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* bbd's event loops: the main one (epoll over the listening socket,
 * clients, the signalfd, the run's timers and the HTTP clients) and, while
 * a run has HTTP flows, the one of the HTTP server ends on their own
 * thread (http_srv.h). Callbacks run to completion. */
#ifndef BBD_LOOP_H
#define BBD_LOOP_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

/* The highest fd + 1 bbd uses (main raises RLIMIT_NOFILE to it). */
#define BBD_FD_MAX	16384

typedef void (*bbd_loop_cb)(int fd, uint32_t events, void *arg);

/* The main loop. */
int bbd_loop_init(void);
/* Watch fd for events (EPOLLIN...); 0 or -errno. */
int bbd_loop_add(int fd, uint32_t events, bbd_loop_cb cb, void *arg);
/* Wait for other events on a watched fd; 0 or -errno. */
int bbd_loop_mod(int fd, uint32_t events);
void bbd_loop_del(int fd);
/* Stop watching *fd (if it is open), close it, set it to -1. */
void bbd_loop_close(int *fd);
/* Run until bbd_loop_quit(); 0 or -errno. */
int bbd_loop_run(void);
void bbd_loop_quit(void);

/* Another loop, for another thread: the same calls on it. */
struct bbd_loop;
struct bbd_loop *bbd_loop_new(void);
void bbd_loop_free(struct bbd_loop *l);
int bbd_loop_add_on(struct bbd_loop *l, int fd, uint32_t events,
		    bbd_loop_cb cb, void *arg);
int bbd_loop_mod_on(struct bbd_loop *l, int fd, uint32_t events);
void bbd_loop_del_on(struct bbd_loop *l, int fd);
void bbd_loop_close_on(struct bbd_loop *l, int *fd);
/* Run l until a callback calls bbd_loop_quit_on(l); each callback runs
 * with lock held, so another thread holding it sees no callback midway
 * and may add, change or close l's watches. 0 or -errno. */
int bbd_loop_run_locked(struct bbd_loop *l, pthread_mutex_t *lock);
void bbd_loop_quit_on(struct bbd_loop *l);

/* A periodic timerfd every period_ms, first expiry after period_ms. */
int bbd_timer_new(unsigned int period_ms);
/* Re-arm a timerfd every period_ms (0: stop it); 0 or -errno. */
int bbd_timer_set(int fd, unsigned int period_ms);
/* Consume a timerfd's expirations; returns how many. */
uint64_t bbd_timer_read(int fd);

/* Clocks in ns. */
uint64_t bbd_now_mono(void);
uint64_t bbd_now_tai(void);
uint64_t bbd_now_real(void);

#endif
