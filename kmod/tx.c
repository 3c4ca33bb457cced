// SPDX-License-Identifier: GPL-2.0
/*
 * TX engine. Each worker is a kthread bound to one CPU with a list of the
 * streams it sends, sorted by the time their next frame is due. Frame n of
 * a stream is due at start + n * period / frames (core/rate.c: an absolute
 * schedule, so errors never accumulate). The worker sleeps on an hrtimer
 * until SPIN_NS before the first due frame, spins the rest, and when it is
 * behind sends every frame already due in bursts of up to BURST_MAX.
 *
 * Frames: QUEUE mode builds a fresh skb per frame (one copy of the
 * template), since a qdisc may hold and even change it. DIRECT mode on a
 * device that takes shared skbs (IFF_TX_SKB_SHARING, like pktgen's
 * clone_skb) keeps a pool of skbs per stream and sends one again only once
 * the driver has released it (users back to 1, not cloned): then only the
 * tag is rewritten, or the template copied when the cycle moved on to
 * another template. On other devices (veth, most NICs), which may change
 * the skb they are given, DIRECT mode sends a clone of a pool skb: a fresh
 * skb (the fast-clone twin, no allocation) sharing the pool skb's data,
 * which no driver may change; a slot is written again only once no clone
 * shares its data. Frames too big for a page are built fresh before BHs
 * go off. No skb or data a driver may still hold is ever changed.
 *
 * The tag is written last, just before the frame is handed over. With
 * latency on it carries the TX time (CLOCK_TAI): in QUEUE mode read for
 * every frame; in DIRECT mode read inside the TX queue lock before the
 * first frame of a burst and before every BBGEN_TXTIME_GROUP-th, each
 * frame carrying the latest read. A frame that goes alone (a stream on its
 * schedule) so has its own exact TX time; in a burst (a stream behind its
 * schedule: flat out, or catching up) the frames after a read carry a time
 * a little early, never late, and the stream's txtime keeps the
 * bound (core/txtime.h). Under qemu TCG a clock read costs about what a
 * frame's xmit does (Documentation/performance.md); on hardware, a little:
 * either way it is 17 reads a burst of 256 instead of 256.
 *
 * The DIRECT-mode send loop is written for qemu TCG as much as for
 * hardware: there every branch ends a translation block and every call
 * returns through a lookup, so the loop is specialised on the stream's
 * frame source and tags (no frame tests them), and tests a pool skb's
 * state in one branch; the commonest stream (pool frames of one template)
 * has a loop of its own that keeps its state out of memory
 * (Documentation/performance.md has the figures).
 *
 * A worker holds its mutex while it picks streams and sends bursts, for up
 * to HOLD_NS at a time; stop takes the same mutex, so once stop returns
 * the stream is never sent again.
 *
 * Counting: a frame counts in tx_frames once it left bbgen. In QUEUE mode
 * that is when dev_queue_xmit() took it, even if the qdisc then dropped it
 * (NET_XMIT_DROP/CN: tx_frames counts frames handed to the stack, and the
 * qdisc's own drop counter tells the rest). A frame refused before it was
 * taken (device down or without carrier, a negative error from
 * dev_queue_xmit, NETDEV_TX_BUSY or a stopped queue in DIRECT mode, no
 * memory) counts in tx_busy and is built again with the same sequence
 * number after RETRY_NS, so tx_frames stays exact.
 *
 * Duration: the frames due within it are counted up front (limit) and
 * all sent, late if the worker ran late (a busy host) and can catch up
 * within END_GRACE_NS at the rate it has shown. A stream that was never
 * fast enough for its rate (sent flat out, or refused by the device) ends
 * at the end of its duration without them: it does not run on for more
 * than it was given.
 *
 * Scheduling uses CLOCK_MONOTONIC (no jumps); the TX times are CLOCK_TAI.
 */
#include <linux/bbgen.h>
#include <linux/cpumask.h>
#include <linux/hrtimer.h>
#include <linux/kthread.h>
#include <linux/netdevice.h>
#include <linux/overflow.h>
#include <linux/sched.h>
#include <linux/skbuff.h>
#include <linux/slab.h>

#include "core/rate.h"
#include "core/tag.h"
#include "core/txtime.h"
#include "notify.h"
#include "stream.h"
#include "tx.h"
#include "tx_profile.h"

#define SPIN_NS		20000	/* busy-wait this close to a due frame */
#define SLEEP_SLACK_NS	5000
#define RETRY_NS	20000	/* back-off after a refused frame */
#define DOWN_RETRY_NS	1000000	/* back-off while the device is down */
#define HOLD_NS		200000	/* let go of the worker lock this often */
/*
 * Frames a burst, xmit_more set for all but the last: what a stream that is
 * behind sends before the worker turns to its other streams (a stream due
 * meanwhile waits up to one burst: 256 frames take some 15 us on hardware,
 * 60 us under TCG). The per-burst work (due count, lock, clock reads,
 * counters, requeue) spread over 256 frames: 1.05x of 128, 1.04x 128 of 64.
 */
#define BURST_MAX	256
/*
 * Frames that are fresh skbs (clones, frames built first, QUEUE mode) go
 * in bursts of up to 32: each clone holds its pool slot until the driver
 * frees it, on veth when the peer's RX of the burst runs as BHs come back
 * on, so a burst takes half the pool. Bursts of 64 were no faster (0.99x).
 */
#define BURST_MAX_FRESH	32
/*
 * Past its duration, a stream still sends the frames due in it for up to
 * this long, if its rate so far lets it: a worker that ran late sends them
 * late, not never.
 */
#define END_GRACE_NS	1000000000ULL

/*
 * The frames of one burst built before BHs go off (BBGEN_FRAMES_BUILT),
 * in send order.
 */
struct burst {
	struct sk_buff *skb[BURST_MAX];
};

struct bbgen_tx_worker {
	struct task_struct *task;
	unsigned int cpu;		/* the one it is bound to */
	struct mutex lock;		/* streams, and the sending of them */
	struct list_head streams;	/* RUNNING, sorted by due_ns */
	/* under the lock; not on the stack, which would be zeroed per burst */
	struct burst burst;
};

static struct bbgen_tx_worker *workers;
static unsigned int n_workers;
static atomic_t next_worker = ATOMIC_INIT(0);

static u64 add_sat(u64 a, u64 b)
{
	u64 sum;

	return check_add_overflow(a, b, &sum) ? U64_MAX : sum;
}

/* When frame tx_frames is due; U64_MAX if beyond the range of time. */
static u64 stream_due(const struct bbgen_stream *s)
{
	u64 due = add_sat(s->start_ns, bbgen_rate_due(&s->rate, s->tx_frames));

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

/* Copy template @t into @skb, whose data starts @headroom into its head. */
static void fill_frame(struct sk_buff *skb, const struct bbgen_tmpl *t,
		       u32 headroom)
{
	skb->data = skb->head + headroom;
	skb->len = 0;
	skb_reset_tail_pointer(skb);
	skb_put_data(skb, t->data, t->len);
	skb->protocol = t->protocol;
	skb_reset_mac_header(skb);
	skb_set_network_header(skb, t->l3_off);
	skb->ip_summed = CHECKSUM_NONE;
}

/*
 * A fresh skb of @size bytes' room holding template @t; @flags 0, or
 * SKB_ALLOC_FCLONE for a fast-clone pair.
 */
static struct sk_buff *new_frame(struct bbgen_stream *s,
				 const struct bbgen_tmpl *t, u32 size, gfp_t gfp,
				 int flags)
{
	struct net_device *dev = s->port->dev;
	struct sk_buff *skb;

	skb = __alloc_skb(s->headroom + size + dev->needed_tailroom, gfp,
			  flags, NUMA_NO_NODE);
	if (!skb)
		return NULL;
	skb->dev = dev;
	fill_frame(skb, t, s->headroom);
	return skb;
}

/* The data of @s's largest frame with its headroom and shared info. */
static unsigned int max_frame_size(const struct bbgen_stream *s)
{
	return SKB_DATA_ALIGN(s->headroom + s->max_len +
			      s->port->dev->needed_tailroom) +
	       SKB_DATA_ALIGN(sizeof(struct skb_shared_info));
}

/*
 * A fresh skb for pool slot @slot, holding template @t (@flags as for
 * new_frame): the driver, or a clone sharing its data, still holds the
 * slot's old one and frees it when done. BHs are off, hence GFP_ATOMIC; a
 * frame it cannot get is refused and retried.
 */
static noinline struct sk_buff *slot_refill(struct bbgen_stream *s, u32 slot,
					    const struct bbgen_tmpl *t,
					    int flags)
{
	struct sk_buff *skb = new_frame(s, t, s->max_len, GFP_ATOMIC, flags);

	if (!skb)
		return NULL;
	if (s->pool[slot])
		consume_skb(s->pool[slot]);
	s->pool[slot] = skb;
	return skb;
}

/* BBGEN_FRAMES_POOL: slot_refill(), and the reference the driver takes. */
static noinline struct sk_buff *pool_refill(struct bbgen_stream *s, u32 slot,
					    u16 ti, const struct bbgen_tmpl *t)
{
	struct sk_buff *skb = slot_refill(s, slot, t, 0);

	if (!skb)
		return NULL;
	s->pool_tmpl[slot] = ti;
	return skb_get(skb);
}

/*
 * Can pool skb @skb go again as it is: the driver let go of it (only the
 * pool's reference left, data not shared with a clone) and it holds
 * template @ti as fill_frame() left it? All tested at once with no branch
 * between (under qemu TCG each branch ends a translation block). The
 * cloned bit stays set once a clone was made, so such an skb takes the
 * slow path's full skb_cloned() test.
 */
static __always_inline bool pool_ready(const struct bbgen_stream *s, u32 slot,
				       const struct sk_buff *skb, u16 ti,
				       const struct bbgen_tmpl *t, const bool one)
{
	unsigned long diff;

	diff = (refcount_read(&skb->users) ^ 1) | skb->cloned |
	       (skb->len ^ t->len) |
	       (unsigned long)(skb->data - skb->head - s->headroom);
	if (!one)	/* a stream of one template fills every slot with it */
		diff |= s->pool_tmpl[slot] ^ ti;
	return !diff;
}

/*
 * The driver's reference on a released pool skb. The pool's is the only
 * one left, so nobody else can change the count: a store does what
 * skb_get()'s atomic would (an atomic is a helper call under TCG, and
 * refcount_inc() branches twice more). The driver's put, which released
 * it, is ordered before the frame is written again.
 */
static __always_inline struct sk_buff *pool_take(struct sk_buff *skb)
{
	smp_acquire__after_ctrl_dep();
	refcount_set(&skb->users, 2);
	return skb;
}

/*
 * A pool skb holding template @ti, with a reference for the driver. The
 * stream stays on its current slot while the driver lets go of that skb
 * before the next frame (as dummy does, and a NIC that completes at once)
 * and the template is the same: then only the tag is written again, and
 * the stream touches one skb, as pktgen does. Otherwise it moves to the
 * next slot, which it refills (template copied) or, when the driver still
 * holds that one too (or a clone shares it), replaces.
 */
static __always_inline struct sk_buff *
pool_frame(struct bbgen_stream *s, u16 ti, const struct bbgen_tmpl *t)
{
	u32 slot = s->pool_cur;
	struct sk_buff *skb = s->pool[slot];

	if (likely(skb && pool_ready(s, slot, skb, ti, t, false)))
		return pool_take(skb);
	slot = (slot + 1) % BBGEN_TX_POOL;
	s->pool_cur = slot;
	skb = s->pool[slot];
	if (!skb || refcount_read(&skb->users) != 1 || skb_cloned(skb))
		return pool_refill(s, slot, ti, t);
	if (!pool_ready(s, slot, skb, ti, t, false)) {
		fill_frame(skb, t, s->headroom);
		s->pool_tmpl[slot] = ti;
	}
	return pool_take(skb);
}

/*
 * pool_frame() for a stream of one template, @skb its frame before (NULL
 * for none): the skb of the slot the stream is on, so it goes again without
 * a look at the pool while the driver let go of it.
 */
static __always_inline struct sk_buff *
pool_one_frame(struct bbgen_stream *s, struct sk_buff *skb, u16 ti,
	       const struct bbgen_tmpl *t)
{
	if (likely(skb && pool_ready(s, 0, skb, ti, t, true)))
		return pool_take(skb);
	return pool_frame(s, ti, t);
}

/*
 * BBGEN_FRAMES_CLONE: a clone of a pool skb holding template @ti, for a
 * device that may change the skb it is given (veth) but, like every
 * driver, not the data of a clone. A slot's data is written again only
 * once no clone shares it: the stream stays on its slot while the frame
 * sent from it is gone by the next (a stream on schedule), and otherwise
 * takes the next slot (in a burst), which it replaces if its clone is
 * still held. The skbs are fast-clone pairs, so the clone needs no
 * allocation while its twin is free. Only the tag is written again unless
 * the slot held another template.
 */
static __always_inline struct sk_buff *
clone_frame(struct bbgen_stream *s, u16 ti, const struct bbgen_tmpl *t)
{
	u32 slot = s->pool_cur;
	struct sk_buff *skb = s->pool[slot];

	if (!skb || skb_cloned(skb)) {
		slot = (slot + 1) % BBGEN_TX_POOL;
		s->pool_cur = slot;
		skb = s->pool[slot];
	}
	if (unlikely(!skb || skb_cloned(skb))) {
		skb = slot_refill(s, slot, t, SKB_ALLOC_FCLONE);
		if (unlikely(!skb))
			return NULL;
	} else {
		/* the last clone's free is ordered before the data changes */
		smp_acquire__after_ctrl_dep();
		if (s->pool_tmpl[slot] != ti)
			fill_frame(skb, t, s->headroom);
	}
	s->pool_tmpl[slot] = ti;
	return skb_clone(skb, GFP_ATOMIC);
}

static void pool_free(struct bbgen_stream *s)
{
	int i;

	for (i = 0; i < BBGEN_TX_POOL; i++) {
		if (s->pool[i])
			consume_skb(s->pool[i]);
		s->pool[i] = NULL;
	}
}

/*
 * The template of the frame after @pos in the cycle; advances @pos
 * (without a branch).
 */
static __always_inline u16 next_tmpl(const struct bbgen_stream *s, u32 *pos)
{
	u16 ti = s->cycle[*pos];
	u32 next = *pos + 1;

	*pos = next & -(u32)(next != s->cycle_len);
	return ti;
}

/*
 * @latency and @rtp: the stream's (latency on, rtp_samples set), constants
 * where the caller is specialised.
 */
static __always_inline void write_tag(const struct bbgen_stream *s,
				      const struct bbgen_tmpl *t,
				      struct sk_buff *skb, u64 seq, u64 tai_ns,
				      const bool latency, const bool rtp)
{
	u8 *area = skb->data + t->tag_off;
	u16 extra = 0;

	/* the RTP fields first: the tag's checksum fix covers them */
	if (rtp)
		extra = bbgen_rtp_align(bbgen_rtp_write(skb->data + t->rtp_off,
							&t->rtp, seq, s->rtp_samples),
					t->rtp_odd);
	if (latency)
		bbgen_tag_write_time(area, t->tag_sum, seq, tai_ns, extra);
	else
		bbgen_tag_write(area, t->tag_sum, seq, extra);
}

static void count_sent(struct bbgen_stream *s, unsigned int frames, u64 bytes,
		       u64 first_ns, u64 last_ns)
{
	if (!frames)
		return;
	u64_stats_update_begin(&s->syncp);
	if (!s->tx_frames)
		s->first_tx_ns = first_ns;
	s->last_tx_ns = last_ns;
	s->tx_frames += frames;
	s->tx_bytes += bytes;
	u64_stats_update_end(&s->syncp);
	s->cycle_pos = (s->cycle_pos + frames) % s->cycle_len;
}

/*
 * A burst of @frames went in @span_ns (first frame's TX time to after the
 * last): keep the fastest, for catching_up().
 */
static noinline void note_burst(struct bbgen_stream *s,
				unsigned int frames, u64 span_ns)
{
	u64 f;

	if (frames < 2)
		return;
	f = bbgen_rate_frame_ns_x1024(span_ns, frames);
	if (f < s->frame_ns_x1024)
		s->frame_ns_x1024 = f;
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
	u32 pos = s->cycle_pos;
	const struct bbgen_tmpl *t;
	unsigned int sent = 0;
	struct sk_buff *skb;
	u64 tai_ns, first = 0;
	int rc;

	for (; sent < n; sent++) {
		t = &s->tmpls[next_tmpl(s, &pos)];
		skb = new_frame(s, t, t->len, GFP_KERNEL, 0);
		if (!skb) {
			count_refused(s, RETRY_NS);
			break;
		}
		tai_ns = ktime_get_clocktai_ns();
		write_tag(s, t, skb, s->tx_frames, tai_ns, s->latency,
			  s->rtp_samples);
		rc = dev_queue_xmit(skb);
		if (rc < 0) {
			count_refused(s, RETRY_NS);
			break;
		}
		count_sent(s, 1, t->len, tai_ns, tai_ns);
		if (!sent)
			first = tai_ns;
	}
	if (sent > 1)
		note_burst(s, sent, ktime_get_clocktai_ns() - first);
}

/*
 * BBGEN_FRAMES_BUILT: the burst's frames, too big for a page, built
 * before BHs go off (GFP_KERNEL). Returns how many were built.
 */
static unsigned int build_burst(struct bbgen_stream *s, struct burst *b,
				unsigned int n)
{
	const struct bbgen_tmpl *t;
	u32 pos = s->cycle_pos;
	unsigned int i;

	for (i = 0; i < n; i++) {
		t = &s->tmpls[next_tmpl(s, &pos)];
		b->skb[i] = new_frame(s, t, t->len, GFP_KERNEL, 0);
		if (!b->skb[i])
			break;
	}
	return i;
}

/*
 * A group of @frames sent with TX time @t_read, the next read @t_next: the
 * bound is a counter like the others, written under syncp.
 */
static void txtime_group(struct bbgen_stream *s, unsigned int frames,
			 u64 t_read, u64 t_next)
{
	u64_stats_update_begin(&s->syncp);
	bbgen_txtime_group(&s->txtime, frames, t_read, t_next);
	u64_stats_update_end(&s->syncp);
}

/* The same for the largest span of a loop's groups (core/txtime.h). */
static void txtime_span(struct bbgen_stream *s, u64 span_ns)
{
	u64_stats_update_begin(&s->syncp);
	bbgen_txtime_span(&s->txtime, span_ns);
	u64_stats_update_end(&s->syncp);
}

/* One DIRECT-mode burst as the send loop sees it. */
struct burst_ctx {
	struct net_device *dev;
	struct netdev_queue *txq;
	u16 queue;
	unsigned int n;		/* frames to send */
	u32 pos;		/* cycle position of the next frame */
	u64 seq;		/* sequence number of frame 0 */
	u64 bytes;		/* sent so far */
	u64 t0;			/* TX time of frame 0 */
	u64 t_read;		/* the latest clock read */
	unsigned int g_start;	/* first frame stamped with t_read */
};

/*
 * Frame @i of the burst, its template in @t; NULL if the queue stopped or
 * there is no memory. BHs are off. @pool: the stream's frame source is its
 * pool, a constant where the caller is specialised.
 */
static __always_inline struct sk_buff *
burst_frame(struct bbgen_stream *s, struct burst *b, struct burst_ctx *c,
	    unsigned int i, const struct bbgen_tmpl **t,
	    const enum bbgen_frame_src src)
{
	u16 ti;

	if (netif_xmit_frozen_or_drv_stopped(c->txq))
		return NULL;
	ti = next_tmpl(s, &c->pos);
	*t = &s->tmpls[ti];
	if (src == BBGEN_FRAMES_POOL)
		return pool_frame(s, ti, *t);
	if (src == BBGEN_FRAMES_CLONE)
		return clone_frame(s, ti, *t);
	return b->skb[i];
}

/*
 * Tag frame @i and hand it to the driver; false if the driver refused it
 * (then it is freed, or given back to the pool, here).
 */
static __always_inline bool burst_xmit(struct bbgen_stream *s,
				       struct burst *b, struct burst_ctx *c,
				       unsigned int i, struct sk_buff *skb,
				       const struct bbgen_tmpl *t,
				       struct bbgen_prof *prof,
				       const bool latency, const bool rtp)
{
	write_tag(s, t, skb, c->seq + i, c->t_read, latency, rtp);
	skb_set_queue_mapping(skb, c->queue);
	bbgen_prof_mark(prof, BBGEN_PH_TAG);
	if (!dev_xmit_complete(netdev_start_xmit(skb, c->dev, c->txq,
						 i + 1 < c->n))) {
		consume_skb(skb);
		b->skb[i] = NULL;	/* BBGEN_FRAMES_BUILT: freed */
		return false;
	}
	bbgen_prof_mark(prof, BBGEN_PH_XMIT);
	c->bytes += t->len;
	return true;
}

/*
 * The send loop of a burst, in groups of BBGEN_TXTIME_GROUP frames with
 * latency on (one group without): the clock is read for a group's first
 * frame, after that frame is built and just before its tag is written, and
 * the group before is accounted (core/txtime.h). Specialised on @pool,
 * @latency and @rtp, so that no frame tests them. Returns the frames sent.
 */
static __always_inline unsigned int send_frames(struct bbgen_stream *s,
						struct burst *b,
						struct burst_ctx *c,
						struct bbgen_prof *prof,
						const enum bbgen_frame_src src,
						const bool latency,
						const bool rtp)
{
	const unsigned int group = latency ? BBGEN_TXTIME_GROUP : BURST_MAX;
	const struct bbgen_tmpl *t;
	unsigned int g, i, end;
	struct sk_buff *skb;
	u64 now;

	for (g = 0; g < c->n; g = end) {
		end = min(g + group, c->n);
		skb = burst_frame(s, b, c, g, &t, src);
		if (!skb)
			return g;
		bbgen_prof_mark(prof, BBGEN_PH_BUILD);
		bbgen_prof_mark(prof, BBGEN_PH_TIMER);
		now = ktime_get_clocktai_ns();
		if (g)
			txtime_group(s, g - c->g_start, c->t_read, now);
		else
			c->t0 = now;
		c->t_read = now;
		c->g_start = g;
		bbgen_prof_mark(prof, BBGEN_PH_CLOCK);
		if (!burst_xmit(s, b, c, g, skb, t, prof, latency, rtp))
			return g;
		for (i = g + 1; i < end; i++) {
			skb = burst_frame(s, b, c, i, &t, src);
			if (!skb)
				return i;
			bbgen_prof_mark(prof, BBGEN_PH_BUILD);
			bbgen_prof_mark(prof, BBGEN_PH_TIMER);
			if (!burst_xmit(s, b, c, i, skb, t, prof, latency,
					rtp))
				return i;
		}
	}
	return c->n;
}

/*
 * Tag pool frame @skb (tag at @tag_off, checksum base @base: core/tag.h)
 * as frame @seq and hand it to the driver; false if the driver refused it
 * (its reference dropped here).
 */
static __always_inline bool one_xmit(struct sk_buff *skb, u32 tag_off,
				     u32 base, u64 seq, u64 now,
				     struct net_device *dev,
				     struct netdev_queue *txq, u16 queue,
				     bool more, struct bbgen_prof *prof,
				     const bool latency)
{
	u8 *area = skb->data + tag_off;

	if (latency)
		bbgen_tag_put_be64(area + 8, now);
	bbgen_tag_put_seq(area, base, seq);
	skb_set_queue_mapping(skb, queue);
	bbgen_prof_mark(prof, BBGEN_PH_TAG);
	if (!dev_xmit_complete(netdev_start_xmit(skb, dev, txq, more))) {
		consume_skb(skb);
		return false;
	}
	bbgen_prof_mark(prof, BBGEN_PH_XMIT);
	return true;
}

/*
 * send_frames() for the commonest stream: pool frames of one template (a
 * cycle of one: no frame walks the cycle), no RTP. What send_frames()
 * keeps in @c or the template, and reloads after every xmit (the compiler
 * cannot know the driver leaves it alone), is held in locals here, and the
 * part of the tag's checksum fix that the frames of a group share is
 * worked out once a group (Documentation/performance.md has the figures).
 * Frame numbers here are sequence numbers, c->seq the burst's first.
 */
static __always_inline unsigned int send_pool_one(struct bbgen_stream *s,
						  struct burst_ctx *c,
						  struct bbgen_prof *prof,
						  const bool latency)
{
	const unsigned int group = latency ? BBGEN_TXTIME_GROUP : BURST_MAX;
	const u16 ti = s->cycle[0], queue = c->queue;
	const struct bbgen_tmpl *t = &s->tmpls[ti];
	const u32 tag_off = t->tag_off;
	const u16 tag_sum = t->tag_sum;
	struct netdev_queue *txq = c->txq;
	struct net_device *dev = c->dev;
	const u64 first = c->seq, last = first + c->n;
	u64 seq = first, end, now = 0, t_read, span = 0;
	struct sk_buff *skb = NULL;
	u32 base;

	while (seq < last) {
		end = min(seq + group, last);
		if (netif_xmit_frozen_or_drv_stopped(txq))
			break;
		skb = pool_one_frame(s, skb, ti, t);
		if (!skb)
			break;
		bbgen_prof_mark(prof, BBGEN_PH_BUILD);
		bbgen_prof_mark(prof, BBGEN_PH_TIMER);
		t_read = now;
		now = ktime_get_clocktai_ns();
		/* the group before: a full one, its span the bound's candidate */
		span = max(span, now - t_read);
		if (seq == first) {
			c->t0 = now;
			span = 0;
		}
		c->g_start = seq - first;
		base = latency ? bbgen_tag_time_base(tag_sum, now, 0) :
				 bbgen_tag_base(tag_sum, 0);
		bbgen_prof_mark(prof, BBGEN_PH_CLOCK);
		if (!one_xmit(skb, tag_off, base, seq, now, dev, txq, queue,
			      seq + 1 < last, prof, latency))
			break;
		for (seq++; seq < end; seq++) {
			if (netif_xmit_frozen_or_drv_stopped(txq))
				goto out;
			skb = pool_one_frame(s, skb, ti, t);
			if (!skb)
				goto out;
			bbgen_prof_mark(prof, BBGEN_PH_BUILD);
			bbgen_prof_mark(prof, BBGEN_PH_TIMER);
			if (!one_xmit(skb, tag_off, base, seq, now, dev, txq,
				      queue, seq + 1 < last, prof, latency))
				goto out;
		}
	}
out:
	c->t_read = now;
	if (latency && span > s->txtime.err_ns)
		txtime_span(s, span);
	c->bytes = (seq - first) * t->len;
	return seq - first;
}

/*
 * The send loop specialised for @s: a copy each for pool frames of one
 * template, pool frames and clone frames, with latency on and off; one for
 * the rest (RTP, or frames built first).
 */
static __always_inline unsigned int send_frames_of(struct bbgen_stream *s,
						   struct burst *b,
						   struct burst_ctx *c,
						   struct bbgen_prof *prof)
{
	const enum bbgen_frame_src P = BBGEN_FRAMES_POOL,
				   C = BBGEN_FRAMES_CLONE;

	if (!s->rtp_samples && s->frame_src == P && s->cycle_len == 1)
		return s->latency ? send_pool_one(s, c, prof, true) :
				    send_pool_one(s, c, prof, false);
	if (!s->rtp_samples && s->frame_src == P)
		return s->latency ? send_frames(s, b, c, prof, P, true, false) :
				    send_frames(s, b, c, prof, P, false, false);
	if (!s->rtp_samples && s->frame_src == C)
		return s->latency ? send_frames(s, b, c, prof, C, true, false) :
				    send_frames(s, b, c, prof, C, false, false);
	return send_frames(s, b, c, prof, s->frame_src, s->latency,
			   s->rtp_samples);
}

/*
 * DIRECT mode: the driver's xmit under the TX queue lock, like pktgen, with
 * xmit_more set for all but the last frame of the burst. The frames are
 * the stream's pool skbs (devices that take shared skbs), clones of them
 * (other devices), or, too big for a page, built before BHs go off. The
 * clock is read before the first frame and after the last, and with
 * latency on before every BBGEN_TXTIME_GROUP-th frame (core/txtime.h).
 */
static void send_direct(struct bbgen_stream *s, struct burst *b,
			unsigned int n, struct bbgen_prof *prof)
{
	struct burst_ctx c = {
		.dev = s->port->dev,
		.n = n,
		.pos = s->cycle_pos,
		.seq = s->tx_frames,
	};
	unsigned int i, cpu;
	u64 end;

	if (s->frame_src == BBGEN_FRAMES_BUILT)
		c.n = build_burst(s, b, n);
	local_bh_disable();
	cpu = smp_processor_id();
	c.queue = cpu % c.dev->real_num_tx_queues;
	c.txq = netdev_get_tx_queue(c.dev, c.queue);
	HARD_TX_LOCK(c.dev, c.txq, cpu);
	bbgen_prof_mark(prof, BBGEN_PH_LOCK);
	i = send_frames_of(s, b, &c, prof);
	end = i ? ktime_get_clocktai_ns() : 0;
	HARD_TX_UNLOCK(c.dev, c.txq);
	local_bh_enable();
	bbgen_prof_mark(prof, BBGEN_PH_UNLOCK);
	if (s->latency && i > c.g_start)	/* the frames of the last group */
		txtime_group(s, i - c.g_start, c.t_read, end);
	count_sent(s, i, c.bytes, c.t0, end);
	note_burst(s, i, end - c.t0);
	if (i < n)
		count_refused(s, RETRY_NS);
	if (s->frame_src == BBGEN_FRAMES_BUILT)
		for (; i < c.n; i++)
			consume_skb(b->skb[i]);	/* unsent, built again later */
}

static void stream_done(struct bbgen_stream *s)
{
	WRITE_ONCE(s->state, BBGEN_STREAM_STATE_DONE);
	pool_free(s);
	bbgen_notify_stream_state(s, BBGEN_STREAM_STATE_DONE);
}

/*
 * Past its duration's end: can @s send the frames still due in it within
 * what is left of END_GRACE_NS, at the speed of its fastest burst? A
 * stream that never went in bursts (never behind until now) is given the
 * grace: it fell behind only at the end.
 */
static noinline bool catching_up(const struct bbgen_stream *s, u64 now)
{
	u64 until = add_sat(s->end_ns, END_GRACE_NS);

	if (now >= until)
		return false;
	if (s->frame_ns_x1024 == U64_MAX)
		return true;
	return bbgen_rate_can_finish(s->limit - s->tx_frames,
				     s->frame_ns_x1024, until - now);
}

/*
 * Send the frames of @s due by @now (at most BURST_MAX), then requeue it.
 * Inline in the worker's loop, and the rare paths beside it (catching_up,
 * note_burst) out of line: when GCC made send_burst a function of its
 * own, flat-out TX on dummy0 was 0.89x as fast (bench/tx-ab; what in the
 * generated loop made the difference was not traced).
 */
static __always_inline void send_burst(struct bbgen_tx_worker *w,
				       struct bbgen_stream *s, u64 now)
{
	struct net_device *dev = s->port->dev;
	u64 due_frames, sent = s->tx_frames;
	struct bbgen_prof prof;
	unsigned int n;

	bbgen_prof_begin(&prof);
	list_del_init(&s->tx_node);
	if (now >= s->end_ns && !catching_up(s, now)) {
		stream_done(s);
		return;
	}
	/* due_ns <= now, and due_ns >= start_ns */
	due_frames = bbgen_rate_count(&s->rate, now - s->start_ns);
	due_frames = min(due_frames, s->limit);
	n = due_frames > s->tx_frames ?
	    min_t(u64, due_frames - s->tx_frames,
		  s->frame_src == BBGEN_FRAMES_POOL ? BURST_MAX :
						      BURST_MAX_FRESH) : 1;

	bbgen_prof_mark(&prof, BBGEN_PH_PICK);
	if (!netif_running(dev) || !netif_carrier_ok(dev)) {
		count_refused(s, DOWN_RETRY_NS);
	} else if (s->xmit_mode == BBGEN_XMIT_MODE_DIRECT) {
		send_direct(s, &w->burst, n, &prof);
	} else {
		send_queue(s, n);
		bbgen_prof_mark(&prof, BBGEN_PH_XMIT);
	}
	sent = s->tx_frames - sent;

	/*
	 * A duration's frames are exact (limit): ended by the count, or, when
	 * they cannot all go, at the end (above) or END_GRACE_NS after it.
	 */
	if (s->tx_frames >= s->limit || now >= add_sat(s->end_ns, END_GRACE_NS))
		stream_done(s);
	else
		worker_queue(w, s, now);
	bbgen_prof_mark(&prof, BBGEN_PH_COUNT);
	bbgen_prof_end(&prof, sent);
}

/*
 * Sleep until @until (CLOCK_MONOTONIC ns; beyond KTIME_MAX: no timeout) or
 * until woken by a start. Releases the lock.
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

/* Is the first stream in @w's queue due by @now? */
static bool head_due(struct bbgen_tx_worker *w, u64 now)
{
	struct bbgen_stream *s = list_first_entry_or_null(&w->streams,
							  struct bbgen_stream,
							  tx_node);

	return s && s->due_ns <= now;
}

/*
 * Under the worker lock: send what is due, for up to HOLD_NS. Returns
 * true if it slept (and so let go of the lock), false with the lock still
 * held when the caller should let others in.
 */
static bool worker_run(struct bbgen_tx_worker *w)
{
	u64 now = ktime_get_ns(), until = now + HOLD_NS;
	struct bbgen_stream *s;

	for (;;) {
		s = list_first_entry_or_null(&w->streams, struct bbgen_stream,
					     tx_node);
		if (!s) {
			worker_sleep(w, U64_MAX);
			return true;
		}
		if (s->due_ns > now + SPIN_NS) {
			worker_sleep(w, s->due_ns - SPIN_NS);
			return true;
		}
		while (s->due_ns > now) {
			cpu_relax();
			now = ktime_get_ns();
		}
		send_burst(w, s, now);
		now = ktime_get_ns();
		if (now >= until || kthread_should_stop())
			return false;
		/*
		 * Yield when the scheduler asks, but not between streams due
		 * at the same instant (one STREAM_START): their first frames
		 * leave together, within HOLD_NS at the most.
		 */
		if (need_resched() && !head_due(w, now))
			return false;
	}
}

static int worker_fn(void *data)
{
	struct bbgen_tx_worker *w = data;

	while (!kthread_should_stop()) {
		mutex_lock(&w->lock);
		if (worker_run(w))
			continue;
		mutex_unlock(&w->lock);
		cond_resched();
	}
	return 0;
}

/* The worker of @cpu, or NULL: workers[] is in CPU order, and short. */
static struct bbgen_tx_worker *cpu_worker(u32 cpu)
{
	unsigned int i;

	for (i = 0; i < n_workers; i++)
		if (workers[i].cpu == cpu)
			return &workers[i];
	return NULL;
}

bool bbgen_tx_has_cpu(u32 cpu)
{
	return cpu_worker(cpu);
}

static struct bbgen_tx_worker *pick_worker(struct bbgen_stream *s)
{
	unsigned int i;

	if (s->cpu_set)
		return cpu_worker(s->cpu);
	i = atomic_inc_return(&next_worker);
	return &workers[i % n_workers];
}

void bbgen_tx_start(struct bbgen_stream *s, u64 start_ns)
{
	struct bbgen_tx_worker *w = pick_worker(s);
	struct net_device *dev = s->port->dev;

	mutex_lock(&w->lock);
	s->worker = w;
	s->cpu = w->cpu;
	s->start_ns = add_sat(start_ns, s->delay_ns);
	s->end_ns = s->duration_ns ? add_sat(s->start_ns, s->duration_ns) :
				     U64_MAX;
	s->limit = s->count ?: U64_MAX;
	/* the frames due before the duration is over: exact, not timed */
	if (s->duration_ns)
		s->limit = min(s->limit,
			       bbgen_rate_count(&s->rate, s->duration_ns - 1));
	s->retry_ns = 0;
	s->headroom = LL_RESERVED_SPACE(dev);
	s->pool_cur = 0;
	s->frame_ns_x1024 = U64_MAX;
	if (s->xmit_mode == BBGEN_XMIT_MODE_DIRECT &&
	    (dev->priv_flags & IFF_TX_SKB_SHARING))
		s->frame_src = BBGEN_FRAMES_POOL;
	else if (max_frame_size(s) <= PAGE_SIZE)
		s->frame_src = BBGEN_FRAMES_CLONE;
	else
		s->frame_src = BBGEN_FRAMES_BUILT;
	WRITE_ONCE(s->state, BBGEN_STREAM_STATE_RUNNING);
	bbgen_notify_stream_state(s, BBGEN_STREAM_STATE_RUNNING);
	worker_queue(w, s, ktime_get_ns());
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
		bbgen_notify_stream_state(s, BBGEN_STREAM_STATE_STOPPED);
	}
	pool_free(s);
	mutex_unlock(&w->lock);
}

int bbgen_tx_init(void)
{
	unsigned int cpu;

	bbgen_prof_init();
	workers = kcalloc(num_online_cpus(), sizeof(*workers), GFP_KERNEL);
	if (!workers) {
		bbgen_prof_exit();
		return -ENOMEM;
	}
	for_each_online_cpu(cpu) {
		struct bbgen_tx_worker *w = &workers[n_workers];

		mutex_init(&w->lock);
		INIT_LIST_HEAD(&w->streams);
		w->cpu = cpu;
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
	bbgen_prof_exit();
}
