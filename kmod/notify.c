// SPDX-License-Identifier: GPL-2.0
/*
 * The monitor group's notifications (notify.h). The messages carry the
 * attributes the spec's *-ntf operations name, read the same way as the
 * GET replies.
 */
#include <linux/netdevice.h>
#include <linux/rcupdate.h>
#include <net/genetlink.h>

#include <linux/bbgen.h>

#include "netlink.h"
#include "notify.h"
#include "port.h"
#include "stream.h"
#include "trigger.h"

static bool ntf_live = true;

/* Every sender checks ntf_live and sends inside one RCU read section. */
void bbgen_notify_stop(void)
{
	WRITE_ONCE(ntf_live, false);
	synchronize_net();	/* every sender that saw it true is done */
}

/* A message for @cmd if anyone in @net listens, else NULL. */
static struct sk_buff *ntf_new(struct net *net, u8 cmd, void **hdr)
{
	struct sk_buff *skb;

	if (!READ_ONCE(ntf_live) ||
	    !genl_has_listeners(&bbgen_family, net, BBGEN_NLGRP_MONITOR))
		return NULL;
	skb = genlmsg_new(NLMSG_GOODSIZE, GFP_ATOMIC);
	if (!skb)
		return NULL;
	*hdr = genlmsg_put(skb, 0, 0, &bbgen_family, 0, cmd);
	if (!*hdr) {
		nlmsg_free(skb);
		return NULL;
	}
	return skb;
}

/* Send what @fill_err says was filled (0), or drop the message. */
static void ntf_send(struct net *net, struct sk_buff *skb, void *hdr,
		     int fill_err)
{
	if (fill_err) {
		nlmsg_free(skb);
		return;
	}
	genlmsg_end(skb, hdr);
	genlmsg_multicast_netns(&bbgen_family, net, skb, 0,
				BBGEN_NLGRP_MONITOR, GFP_ATOMIC);
}

void bbgen_notify_port_gone(struct bbgen_port *port)
{
	struct net *net = dev_net(port->dev);
	struct sk_buff *skb;
	void *hdr;

	rcu_read_lock();
	skb = ntf_new(net, BBGEN_CMD_PORT_GONE_NTF, &hdr);
	if (skb)
		ntf_send(net, skb, hdr,
			 nla_put_u32(skb, BBGEN_A_PORT_IFINDEX, port->dev->ifindex) ||
			 nla_put_string(skb, BBGEN_A_PORT_DEV, port->dev->name));
	rcu_read_unlock();
}

void bbgen_notify_stream_state(struct bbgen_stream *s, u32 state)
{
	const int pad = BBGEN_A_STREAM_PAD;
	struct net *net = dev_net(s->port->dev);
	struct bbgen_stream_stats st;
	struct sk_buff *skb;
	void *hdr;

	rcu_read_lock();
	skb = ntf_new(net, BBGEN_CMD_STREAM_STATE_NTF, &hdr);
	if (!skb)
		goto out;
	bbgen_stream_read(s, &st);
	ntf_send(net, skb, hdr,
		 nla_put_u32(skb, BBGEN_A_STREAM_ID, s->id) ||
		 nla_put_u32(skb, BBGEN_A_STREAM_STATE, state) ||
		 bbgen_nl_put_u64(skb, BBGEN_A_STREAM_TX_FRAMES, st.tx_frames, pad) ||
		 bbgen_nl_put_u64(skb, BBGEN_A_STREAM_TX_BYTES, st.tx_bytes, pad) ||
		 bbgen_nl_put_u64(skb, BBGEN_A_STREAM_FIRST_TX_NS, st.first_tx_ns, pad) ||
		 bbgen_nl_put_u64(skb, BBGEN_A_STREAM_LAST_TX_NS, st.last_tx_ns, pad));
out:
	rcu_read_unlock();
}

void bbgen_notify_snapshot(struct bbgen_trigger *t, const struct bbgen_snap *snap,
			   u64 idx)
{
	struct net *net = dev_net(t->port->dev);
	struct sk_buff *skb;
	void *hdr;

	rcu_read_lock();
	skb = ntf_new(net, BBGEN_CMD_TRIGGER_SNAPSHOT_NTF, &hdr);
	if (skb)
		ntf_send(net, skb, hdr,
			 nla_put_u32(skb, BBGEN_A_TRIGGER_ID, t->id) ||
			 bbgen_nl_put_snapshot(skb, snap, idx));
	rcu_read_unlock();
}
