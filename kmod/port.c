// SPDX-License-Identifier: GPL-2.0
/*
 * Ports: binding a netdev (rx_handler registration) and tearing it down,
 * including when the device goes away or leaves the namespace.
 */
#include <linux/bbgen.h>
#include <linux/if_arp.h>
#include <linux/net_tstamp.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>

#include "compat.h"
#include "notify.h"
#include "port.h"
#include "stream.h"
#include "trigger.h"

struct bbgen_port *bbgen_port_find(struct bbgen_net *bn, int ifindex)
{
	lockdep_assert_held(&bbgen_lock);
	return xa_load(&bn->ports, ifindex);
}

/*
 * Hardware stamps need a device that says it stamps received frames. The
 * user enables them on the device (e.g. hwstamp_ctl -r 1) and keeps its PHC
 * on TAI (phc2sys): bbgen only reads skb_hwtstamps().
 */
static int check_timestamping(struct net_device *dev, u32 timestamping,
			      struct netlink_ext_ack *extack)
{
	u32 caps = 0;

	if (timestamping != BBGEN_TIMESTAMPING_HARDWARE)
		return 0;
	if (bbgen_ts_caps(dev, &caps) || !(caps & SOF_TIMESTAMPING_RX_HARDWARE)) {
		NL_SET_ERR_MSG(extack,
			       "device has no hardware RX timestamping (see ethtool -T); use software timestamping");
		return -EOPNOTSUPP;
	}
	return 0;
}

int bbgen_port_add(struct bbgen_net *bn, struct net_device *dev, u32 owner,
		   u32 timestamping, struct netlink_ext_ack *extack)
{
	struct bbgen_port *port;
	int err;

	ASSERT_RTNL();
	lockdep_assert_held(&bbgen_lock);
	if (bbgen_port_find(bn, dev->ifindex)) {
		NL_SET_ERR_MSG(extack, "port already exists");
		return -EEXIST;
	}
	if (dev->type != ARPHRD_ETHER) {
		NL_SET_ERR_MSG(extack, "device is not an Ethernet device");
		return -EOPNOTSUPP;
	}
	err = check_timestamping(dev, timestamping, extack);
	if (err)
		return err;
	port = kzalloc(sizeof(*port), GFP_KERNEL);
	if (!port)
		return -ENOMEM;
	port->dev = dev;
	port->bn = bn;
	port->owner = owner;
	port->timestamping = timestamping;
	INIT_LIST_HEAD(&port->streams);
	INIT_LIST_HEAD(&port->triggers);

	err = xa_insert(&bn->ports, dev->ifindex, port, GFP_KERNEL);
	if (err)
		goto err_free;
	err = netdev_rx_handler_register(dev, bbgen_trigger_rx, port);
	if (err) {
		NL_SET_ERR_MSG(extack,
			       "device already has an rx_handler (bridge, bond or other user?)");
		goto err_erase;
	}
	netdev_hold(dev, &port->dev_tracker, GFP_KERNEL);
	if (owner)
		bn->owned++;
	bbgen_net_changed(bn);
	return 0;

err_erase:
	xa_erase(&bn->ports, dev->ifindex);
err_free:
	kfree(port);
	return err;
}

void bbgen_port_del(struct bbgen_port *port)
{
	struct bbgen_net *bn = port->bn;
	struct bbgen_stream *s, *s_next;
	struct bbgen_trigger *t, *t_next;

	ASSERT_RTNL();
	lockdep_assert_held(&bbgen_lock);
	/* After this no RX handler runs on the port (it syncs the net). */
	netdev_rx_handler_unregister(port->dev);
	list_for_each_entry_safe(s, s_next, &port->streams, port_node)
		bbgen_stream_del(s);
	list_for_each_entry_safe(t, t_next, &port->triggers, port_node)
		bbgen_trigger_del(t);
	xa_erase(&bn->ports, port->dev->ifindex);
	if (port->owner)
		bn->owned--;
	bbgen_net_changed(bn);
	bbgen_notify_port_gone(port);
	netdev_put(port->dev, &port->dev_tracker);
	kfree_rcu(port, rcu);
}

void bbgen_port_del_all(struct bbgen_net *bn)
{
	struct bbgen_port *port;
	unsigned long ifindex;

	xa_for_each(&bn->ports, ifindex, port)
		bbgen_port_del(port);
}

/*
 * A device that is unregistered, or moved to another namespace (which sends
 * NETDEV_UNREGISTER in the old one), takes its port with it: the port must
 * drop its device reference for the unregistration to finish.
 */
static int port_netdev_event(struct notifier_block *nb, unsigned long event,
			     void *ptr)
{
	struct net_device *dev = netdev_notifier_info_to_dev(ptr);
	struct bbgen_port *port;

	if (event != NETDEV_UNREGISTER ||
	    rcu_access_pointer(dev->rx_handler) != bbgen_trigger_rx)
		return NOTIFY_DONE;
	mutex_lock(&bbgen_lock);
	port = bbgen_port_find(bbgen_net(dev_net(dev)), dev->ifindex);
	if (port && port->dev == dev)
		bbgen_port_del(port);
	mutex_unlock(&bbgen_lock);
	return NOTIFY_DONE;
}

static struct notifier_block port_netdev_notifier = {
	.notifier_call = port_netdev_event,
};

int bbgen_port_init(void)
{
	return register_netdevice_notifier(&port_netdev_notifier);
}

void bbgen_port_exit(void)
{
	unregister_netdevice_notifier(&port_netdev_notifier);
}
