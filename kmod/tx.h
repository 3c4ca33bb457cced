/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The TX engine: one bound kthread per CPU online at module load, each
 * sending its running streams in order of when their next frame is due.
 */
#ifndef _BBGEN_TX_H
#define _BBGEN_TX_H

#include <linux/types.h>

struct bbgen_stream;

int bbgen_tx_init(void);
void bbgen_tx_exit(void);

/* Has @cpu a TX worker (was it online at module load)? */
bool bbgen_tx_has_cpu(u32 cpu);

/*
 * Hand an idle/done/stopped stream to a worker, its CPU's if it has one
 * set, else round robin: RUNNING. Frame 0 is due at @start_ns
 * (CLOCK_MONOTONIC) plus the stream's delay.
 */
void bbgen_tx_start(struct bbgen_stream *s, u64 start_ns);

/*
 * Take a stream from its worker: RUNNING becomes STOPPED. When this returns
 * the worker is not sending it and never will again: no more frames leave.
 */
void bbgen_tx_stop(struct bbgen_stream *s);

#endif /* _BBGEN_TX_H */
