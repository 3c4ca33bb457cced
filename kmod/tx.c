// SPDX-License-Identifier: GPL-2.0
/*
 * TX engine. Each worker is a kthread bound to one CPU with a list of the
 * streams it sends, sorted by the time their next frame is due. Frame n of
 * a stream is due at start + n * interval (an absolute schedule, so errors
 * never accumulate). The worker sleeps on an hrtimer until SPIN_NS before
 * the first due frame, spins the rest, and when it is behind sends every
 * frame already due in bursts of up to BURST_MAX.
 *
 * Every frame is a fresh skb: one copy of the template, then the sequence
 * tag written in place, so no skb a driver may still hold is ever changed.
 *
 * A worker holds its mutex while it picks a stream and sends a burst; stop
 * takes the same mutex, so once stop returns the stream is never sent again.
 *
 * Counting: a frame counts in tx_frames once it left bbgen. In QUEUE mode
 * that is when dev_queue_xmit() took it, even if the qdisc then dropped it
 * (NET_XMIT_DROP/CN: tx_frames counts frames handed to the stack, and the
 * qdisc's own drop counter tells the rest). A frame refused before it was
 * taken (device down or without carrier, a negative error from
 * dev_queue_xmit, NETDEV_TX_BUSY or a stopped queue in DIRECT mode) counts
 * in tx_busy and is built again with the same sequence number after
 * RETRY_NS, so tx_frames stays exact.
 *
 * Scheduling uses CLOCK_MONOTONIC (no jumps); the first/last TX times are
 * CLOCK_TAI, read immediately before each frame is handed over.
 */
#include <linux/bbgen.h>
#include <linux/cpumask.h>
#include <linux/hrtimer.h>
#include <linux/kthread.h>
#include <linux/math64.h>
#include <linux/netdevice.h>
#include <linux/overflow.h>
#include <linux/sched.h>
#include <linux/skbuff.h>
#include <linux/slab.h>

#include "core/tag.h"
#include "stream.h"
#include "tx.h"

#define SPIN_NS		20000	/* busy-wait this close to a due frame */
#define SLEEP_SLACK_NS	5000
#define RETRY_NS	20000	/* back-off after a refused frame */
#define DOWN_RETRY_NS	1000000	/* back-off while the device is down */
#define BURST_MAX	32

struct bbgen_tx_worker {
	struct task_struct *task;
	struct mutex lock;		/* streams, and the sending of them */
	struct list_head streams;	/* RUNNING, sorted by due_ns */
};

static struct bbgen_tx_worker *workers;
static unsigned int n_workers;
static atomic_t next_worker = ATOMIC_INIT(0);

/* When frame tx_frames is due; U64_MAX if beyond the range of time. */
static u64 stream_due(const struct bbgen_stream *s)
{
	u64 offset, due;

	if (check_mul_overflow(s->tx_frames, s->interval_ns, &offset) ||
	    check_add_overflow(s->start_ns, offset, &due))
		return U64_MAX;
	return max(due, s->retry_ns);
}

/*
 * Queue @s by when it is due; a stream that is behind queues as due @now,
 * behind the others already due, so a stream that can never catch up (sent
 * flat out) does not starve the rest of the worker's streams.
 */
static void worker_queue(struct bbgen_tx_worker *w, struct bbgen_stream *s,
			 u64 now)
{
	struct bbgen_stream *pos;

	s->due_ns = max(stream_due(s), now);
	list_for_each_entry(pos, &w->streams, tx_node) {
		if (pos->due_ns > s->due_ns) {
			list_add_tail(&s->tx_node, &pos->tx_node);
			return;
		}
	}
	list_add_tail(&s->tx_node, &w->streams);
}

static struct sk_buff *build_frame(struct bbgen_stream *s, u64 seq)
{
	struct net_device *dev = s->port->dev;
	unsigned int headroom = LL_RESERVED_SPACE(dev);
	struct sk_buff *skb;

	skb = alloc_skb(headroom + s->len + dev->needed_tailroom, GFP_KERNEL);
	if (!skb)
		return NULL;
	skb_reserve(skb, headroom);
	skb_put_data(skb, s->tmpl, s->len);
	bbgen_tag_write(skb->data + s->seq_offset, s->tag_sum, seq);
	skb->dev = dev;
	skb->protocol = s->protocol;
	skb_reset_mac_header(skb);
	skb_set_network_header(skb, s->l3_offset);
	skb->ip_summed = CHECKSUM_NONE;
	return skb;
}

static void count_sent(struct bbgen_stream *s, u64 tai_ns)
{
	u64_stats_update_begin(&s->syncp);
	if (!s->tx_frames)
		s->first_tx_ns = tai_ns;
	s->last_tx_ns = tai_ns;
	s->tx_frames++;
	s->tx_bytes += s->len;
	u64_stats_update_end(&s->syncp);
}

static void count_refused(struct bbgen_stream *s, u64 backoff_ns)
{
	u64_stats_update_begin(&s->syncp);
	s->tx_busy++;
	u64_stats_update_end(&s->syncp);
	s->retry_ns = ktime_get_ns() + backoff_ns;
}

/* QUEUE mode: through the qdisc, one frame at a time. */
static void send_queue(struct bbgen_stream *s, unsigned int n)
{
	struct sk_buff *skb;
	u64 tai_ns;
	int rc;

	while (n--) {
		skb = build_frame(s, s->tx_frames);
		if (!skb) {
			count_refused(s, RETRY_NS);
			return;
		}
		tai_ns = ktime_get_clocktai_ns();
		rc = dev_queue_xmit(skb);
		if (rc < 0) {
			count_refused(s, RETRY_NS);
			return;
		}
		count_sent(s, tai_ns);
	}
}

/*
 * DIRECT mode: the driver's xmit under the TX queue lock, like pktgen, with
 * xmit_more set for all but the last frame of the burst. The skbs are built
 * first because the lock is taken with BHs off.
 */
static void send_direct(struct bbgen_stream *s, unsigned int n)
{
	struct net_device *dev = s->port->dev;
	struct sk_buff *skbs[BURST_MAX];
	struct netdev_queue *txq;
	unsigned int i, built, cpu;
	netdev_tx_t rc;
	u16 queue;

	for (built = 0; built < n; built++) {
		skbs[built] = build_frame(s, s->tx_frames + built);
		if (!skbs[built])
			break;
	}
	local_bh_disable();
	cpu = smp_processor_id();
	queue = cpu % dev->real_num_tx_queues;
	txq = netdev_get_tx_queue(dev, queue);
	HARD_TX_LOCK(dev, txq, cpu);
	for (i = 0; i < built; i++) {
		if (netif_xmit_frozen_or_drv_stopped(txq))
			break;
		skb_set_queue_mapping(skbs[i], queue);
		rc = netdev_start_xmit(skbs[i], dev, txq, i + 1 < built);
		if (!dev_xmit_complete(rc))
			break;
		count_sent(s, ktime_get_clocktai_ns());
	}
	HARD_TX_UNLOCK(dev, txq);
	local_bh_enable();
	if (i < n)
		count_refused(s, RETRY_NS);
	for (; i < built; i++)
		consume_skb(skbs[i]);	/* refused, built again later */
}

/* Send the frames of @s due by @now (at most BURST_MAX), then requeue it. */
static void send_burst(struct bbgen_tx_worker *w, struct bbgen_stream *s,
		       u64 now)
{
	struct net_device *dev = s->port->dev;
	u64 due_frames;
	unsigned int n;

	list_del_init(&s->tx_node);
	due_frames = div64_u64(now - s->start_ns, s->interval_ns) + 1;
	due_frames = min(due_frames, s->count);
	n = min_t(u64, due_frames - s->tx_frames, BURST_MAX);
	n = max(n, 1U);

	if (!netif_running(dev) || !netif_carrier_ok(dev))
		count_refused(s, DOWN_RETRY_NS);
	else if (s->xmit_mode == BBGEN_XMIT_MODE_DIRECT)
		send_direct(s, n);
	else
		send_queue(s, n);

	if (s->tx_frames >= s->count) {
		WRITE_ONCE(s->state, BBGEN_STREAM_STATE_DONE);
		return;
	}
	worker_queue(w, s, now);
}

/*
 * Sleep until @until (CLOCK_MONOTONIC ns; beyond KTIME_MAX: no timeout) or
 * until woken by a start.
 */
static void worker_sleep(struct bbgen_tx_worker *w, u64 until)
{
	ktime_t t = ns_to_ktime(min_t(u64, until, KTIME_MAX));

	set_current_state(TASK_INTERRUPTIBLE);
	mutex_unlock(&w->lock);
	if (!kthread_should_stop()) {
		if (until >= KTIME_MAX)
			schedule();
		else
			schedule_hrtimeout_range(&t, SLEEP_SLACK_NS,
						 HRTIMER_MODE_ABS);
	}
	__set_current_state(TASK_RUNNING);
}

static int worker_fn(void *data)
{
	struct bbgen_tx_worker *w = data;
	struct bbgen_stream *s;
	u64 now, due;

	while (!kthread_should_stop()) {
		mutex_lock(&w->lock);
		s = list_first_entry_or_null(&w->streams, struct bbgen_stream,
					     tx_node);
		if (!s) {
			worker_sleep(w, U64_MAX);
			continue;
		}
		now = ktime_get_ns();
		due = s->due_ns;
		if (due > now + SPIN_NS) {
			worker_sleep(w, due - SPIN_NS);
			continue;
		}
		if (due > now) {
			/* unlocked: s may be stopped and freed meanwhile */
			mutex_unlock(&w->lock);
			while (ktime_get_ns() < due &&
			       !kthread_should_stop())
				cpu_relax();
			continue;
		}
		send_burst(w, s, now);
		mutex_unlock(&w->lock);
		cond_resched();
	}
	return 0;
}

static struct bbgen_tx_worker *pick_worker(void)
{
	unsigned int i = atomic_inc_return(&next_worker);

	return &workers[i % n_workers];
}

void bbgen_tx_start(struct bbgen_stream *s)
{
	struct bbgen_tx_worker *w = pick_worker();

	mutex_lock(&w->lock);
	s->worker = w;
	s->start_ns = ktime_get_ns();
	s->retry_ns = 0;
	WRITE_ONCE(s->state, BBGEN_STREAM_STATE_RUNNING);
	worker_queue(w, s, s->start_ns);
	mutex_unlock(&w->lock);
	wake_up_process(w->task);
}

void bbgen_tx_stop(struct bbgen_stream *s)
{
	struct bbgen_tx_worker *w = s->worker;

	if (!w)
		return;
	mutex_lock(&w->lock);
	if (s->state == BBGEN_STREAM_STATE_RUNNING) {
		list_del_init(&s->tx_node);
		WRITE_ONCE(s->state, BBGEN_STREAM_STATE_STOPPED);
	}
	mutex_unlock(&w->lock);
}

int bbgen_tx_init(void)
{
	unsigned int cpu;

	workers = kcalloc(num_online_cpus(), sizeof(*workers), GFP_KERNEL);
	if (!workers)
		return -ENOMEM;
	for_each_online_cpu(cpu) {
		struct bbgen_tx_worker *w = &workers[n_workers];

		mutex_init(&w->lock);
		INIT_LIST_HEAD(&w->streams);
		w->task = kthread_create_on_cpu(worker_fn, w, cpu, "bbgen_tx/%u");
		if (IS_ERR(w->task)) {
			int err = PTR_ERR(w->task);

			bbgen_tx_exit();
			return err;
		}
		n_workers++;
		wake_up_process(w->task);
		if (n_workers == num_online_cpus())
			break;
	}
	return 0;
}

/* Every stream is stopped by now: the workers sleep with empty lists. */
void bbgen_tx_exit(void)
{
	while (n_workers)
		kthread_stop(workers[--n_workers].task);
	kfree(workers);
	workers = NULL;
}
