/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Notifications of the multicast group "monitor" (BBGEN_MCGRP_MONITOR):
 * a port gone, a stream's state changed, a trigger's interval closed. Each
 * is built only when someone listens in the object's namespace, with
 * GFP_ATOMIC, so any context may send one; a notification that cannot be
 * allocated is not sent (a listener reads the objects as without them).
 */
#ifndef _BBGEN_NOTIFY_H
#define _BBGEN_NOTIFY_H

#include <linux/types.h>

struct bbgen_port;
struct bbgen_stream;
struct bbgen_trigger;
struct bbgen_snap;

/* The family's multicast groups, in bbgen_family.mcgrps order. */
enum bbgen_nlgrp {
	BBGEN_NLGRP_MONITOR,
};

/*
 * Before the family is unregistered (module exit): nothing is sent after
 * this, though the namespaces' ports, streams and triggers go after it.
 * The family's group ids are then free for another family to take.
 */
void bbgen_notify_stop(void);

void bbgen_notify_port_gone(struct bbgen_port *port);
/* After the stream's state changed to @state (enum bbgen_stream_state). */
void bbgen_notify_stream_state(struct bbgen_stream *s, u32 state);
/* Under t->lock: the snapshot of index @idx just closed. */
void bbgen_notify_snapshot(struct bbgen_trigger *t, const struct bbgen_snap *snap,
			   u64 idx);

#endif /* _BBGEN_NOTIFY_H */
