/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * bbgen's "monitor" group in each port's namespace: bbd hears when a
 * stream sends its last frame and when a trigger's interval closes, as it
 * happens, instead of asking every second. The counters of the progress
 * line are still read once a second (that is a display, not a wait).
 */
#ifndef BBD_MONITOR_H
#define BBD_MONITOR_H

struct bbd_run;

/* Join the group in every port's namespace and watch the sockets. A port
 * whose socket cannot join is logged and polled as before. */
void bbd_monitor_start(struct bbd_run *r);
void bbd_monitor_stop(struct bbd_run *r);

#endif
