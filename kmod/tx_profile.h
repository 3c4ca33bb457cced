/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Phase timers of the TX engine, for a profiling build only
 * (make -C kmod TX_PROFILE=1, which builds build/<KVER>-profile/bbgen.ko):
 * where a burst's time goes, read from debugfs bbgen/tx_profile. Sampling
 * profilers do not see the TX worker under qemu TCG (see
 * Documentation/performance.md), so the worker times itself.
 *
 * One burst in BBGEN_PROF_EVERY is timed (local_clock() between phases),
 * the others only counted, so the timers cost little beside what they
 * time. In a normal build every function here is empty and the struct has
 * no members.
 */
#ifndef BBGEN_TX_PROFILE_H
#define BBGEN_TX_PROFILE_H

#include <linux/types.h>

enum bbgen_prof_phase {
	BBGEN_PH_PICK,		/* send_burst: frames due, device state */
	BBGEN_PH_BUILD,		/* the burst's skbs (pool or fresh) */
	BBGEN_PH_LOCK,		/* BHs off, the TX queue lock */
	BBGEN_PH_TIMER,		/* nothing but a timer read: what each mark costs */
	BBGEN_PH_CLOCK,		/* the TX time (CLOCK_TAI) */
	BBGEN_PH_TAG,		/* sequence, time, checksum fix, RTP */
	BBGEN_PH_XMIT,		/* the driver's ndo_start_xmit */
	BBGEN_PH_UNLOCK,	/* the lock and BHs back */
	BBGEN_PH_COUNT,		/* counters, requeue of the stream */
	BBGEN_PH_N
};

#define BBGEN_PROF_EVERY	16

#ifdef BBGEN_TX_PROFILE
#include <linux/sched/clock.h>

struct bbgen_prof {
	bool on;
	u64 t;
	u64 ns[BBGEN_PH_N];
};

void bbgen_prof_begin(struct bbgen_prof *p);
void bbgen_prof_end(struct bbgen_prof *p, unsigned int frames);
void bbgen_prof_init(void);
void bbgen_prof_exit(void);

static inline void bbgen_prof_mark(struct bbgen_prof *p,
				   enum bbgen_prof_phase ph)
{
	u64 now;

	if (!p->on)
		return;
	now = local_clock();
	p->ns[ph] += now - p->t;
	p->t = now;
}
#else
struct bbgen_prof {
};

static inline void bbgen_prof_begin(struct bbgen_prof *p) { }
static inline void bbgen_prof_end(struct bbgen_prof *p, unsigned int frames) { }
static inline void bbgen_prof_init(void) { }
static inline void bbgen_prof_exit(void) { }
static inline void bbgen_prof_mark(struct bbgen_prof *p,
				   enum bbgen_prof_phase ph) { }
#endif

#endif
