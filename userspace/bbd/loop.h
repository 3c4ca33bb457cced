/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* bbd's one event loop: epoll over the listening socket, clients, the
 * signalfd and the run's timerfd. Callbacks run to completion. */
#ifndef BBD_LOOP_H
#define BBD_LOOP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The highest fd + 1 bbd uses (main raises RLIMIT_NOFILE to it). */
#define BBD_FD_MAX	16384

typedef void (*bbd_loop_cb)(int fd, uint32_t events, void *arg);

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
/* A CLOCK_REALTIME instant as the record writes it: UTC ISO-8601 with
 * milliseconds ("2026-12-01T22:23:00.123Z"); out holds 32 bytes or more. */
void bbd_iso_time(uint64_t ns, char *out, size_t len);

#endif
