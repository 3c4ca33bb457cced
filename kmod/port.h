/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Ports: a netdev bound to bbgen. A port holds the device's rx_handler
 * (which feeds its triggers) and owns the streams and triggers made on it.
 */
#ifndef _BBGEN_PORT_H
#define _BBGEN_PORT_H

#include <linux/list.h>
#include <linux/netdevice.h>
#include <linux/types.h>

#include "netns.h"

#define BBGEN_TRIGGER_HASH_BITS	8

struct bbgen_port {
	struct net_device *dev;
	netdevice_tracker dev_tracker;
	struct bbgen_net *bn;
	u32 owner;			/* netlink portid, 0: no owner */
	u32 timestamping;		/* enum bbgen_timestamping */
	struct list_head streams;	/* bbgen_stream.port_node */
	struct list_head triggers;	/* bbgen_trigger.port_node */
	u32 n_streams;
	u32 n_triggers;
	/* triggers by UDP destination port, read under RCU by the RX path */
	struct hlist_head trigger_hash[1 << BBGEN_TRIGGER_HASH_BITS];
	struct rcu_head rcu;
};

/* Under RTNL and bbgen_lock. */
int bbgen_port_add(struct bbgen_net *bn, struct net_device *dev, u32 owner,
		   u32 timestamping, struct netlink_ext_ack *extack);
void bbgen_port_del(struct bbgen_port *port);
void bbgen_port_del_all(struct bbgen_net *bn);

/* Under bbgen_lock. */
struct bbgen_port *bbgen_port_find(struct bbgen_net *bn, int ifindex);

int bbgen_port_init(void);
void bbgen_port_exit(void);

#endif /* _BBGEN_PORT_H */
