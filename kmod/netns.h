/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per network namespace state: every object lives in the namespace of the
 * socket that created it, and ids are per namespace.
 *
 * Locking: bbgen_lock (a mutex) serialises every configuration change and
 * every read of the object tables, in all namespaces. Paths that also need
 * the RTNL (port add/del, device notifier, namespace exit) take the RTNL
 * first. The data paths never take bbgen_lock: RX runs under RCU and a
 * per-trigger spinlock, TX under its worker's mutex (see tx.c).
 */
#ifndef _BBGEN_NETNS_H
#define _BBGEN_NETNS_H

#include <linux/mutex.h>
#include <linux/xarray.h>
#include <net/net_namespace.h>

struct bbgen_net {
	struct xarray ports;		/* bbgen_port by ifindex */
	struct xarray streams;		/* bbgen_stream by id */
	struct xarray triggers;		/* bbgen_trigger by id */
	u32 next_stream_id;		/* cursors of the cyclic id allocators */
	u32 next_trigger_id;
	unsigned int gen;		/* bumped on every change: torn dumps */
	unsigned int owned;		/* objects with a socket owner */
};

extern struct mutex bbgen_lock;

struct bbgen_net *bbgen_net(const struct net *net);

static inline void bbgen_net_changed(struct bbgen_net *bn)
{
	bn->gen++;
}

#endif /* _BBGEN_NETNS_H */
