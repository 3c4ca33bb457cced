// SPDX-License-Identifier: GPL-2.0
/*
 * Generic netlink family "bbgen": per-op policies (each lists only the
 * attributes its op accepts, everything strictly validated), handlers that
 * turn attributes into calls on ports, streams and triggers, replies and
 * dumps, and the cleanup of objects whose owning socket closed.
 *
 * Every rejection carries an extack message; the texts are stable because
 * userspace and tests match them (kmod/MESSAGES lists them all).
 *
 * The ops run in parallel (parallel_ops): bbgen_lock serialises them, with
 * the RTNL taken first where a port's rx_handler changes.
 */
#include <linux/bbgen.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <net/genetlink.h>
#include <net/netlink.h>
#include <net/sock.h>

#include "compat.h"
#include "netlink.h"
#include "netns.h"
#include "notify.h"
#include "port.h"
#include "stream.h"
#include "trigger.h"

struct netlink_range_validation bbgen_nl_id_range BBGEN_POLICY_RANGE = {
	.min = 1,
	.max = BBGEN_ID_MAX,
};

static const struct nla_policy port_add_policy[BBGEN_A_PORT_MAX + 1] = {
	BBGEN_DEV_POLICY(BBGEN_A_PORT),
	[BBGEN_A_PORT_SOCKET_OWNER] = { .type = NLA_FLAG },
	[BBGEN_A_PORT_TIMESTAMPING] =
		NLA_POLICY_MAX(NLA_U32, BBGEN_TIMESTAMPING_HARDWARE),
};

static const struct nla_policy port_dev_policy[BBGEN_A_PORT_MAX + 1] = {
	BBGEN_DEV_POLICY(BBGEN_A_PORT),
};

u32 bbgen_nl_owner(struct genl_info *info, int attr)
{
	return info->attrs[attr] ? info->snd_portid : 0;
}

/* The ifindex of the device named by IFINDEX or DEV in the caller's netns. */
static int lookup_ifindex(struct genl_info *info, int a_ifindex, int a_dev)
{
	struct nlattr *ifi = info->attrs[a_ifindex], *name = info->attrs[a_dev];
	struct net *net = genl_info_net(info);
	struct net_device *dev;
	int ifindex = -ENODEV;

	if (ifi && name) {
		NL_SET_ERR_MSG_ATTR(info->extack, name,
				    "give the device by IFINDEX or DEV, not both");
		return -EINVAL;
	}
	if (!ifi && !name) {
		NL_SET_ERR_MSG(info->extack, "missing device (IFINDEX or DEV)");
		return -EINVAL;
	}
	rcu_read_lock();
	if (ifi)
		dev = dev_get_by_index_rcu(net, nla_get_u32(ifi));
	else
		dev = dev_get_by_name_rcu(net, nla_data(name));
	if (dev)
		ifindex = dev->ifindex;
	rcu_read_unlock();
	if (ifindex < 0)
		NL_SET_ERR_MSG_ATTR(info->extack, ifi ?: name, "device not found");
	return ifindex;
}

/* Under bbgen_lock: the port of the device the attributes name. */
struct bbgen_port *bbgen_nl_lookup_port(struct genl_info *info, int a_ifindex,
					int a_dev)
{
	struct bbgen_port *port;
	int ifindex;

	ifindex = lookup_ifindex(info, a_ifindex, a_dev);
	if (ifindex < 0)
		return ERR_PTR(ifindex);
	port = bbgen_port_find(bbgen_net(genl_info_net(info)), ifindex);
	if (!port) {
		NL_SET_ERR_MSG(info->extack, "device is not a bbgen port");
		return ERR_PTR(-ENODEV);
	}
	return port;
}

/* Reply to an add with the id given or allocated. */
int bbgen_nl_reply_id(struct genl_info *info, u8 cmd, int attr, u32 id)
{
	struct sk_buff *msg;
	void *hdr;

	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	hdr = genlmsg_put_reply(msg, info, &bbgen_family, 0, cmd);
	if (!hdr || nla_put_u32(msg, attr, id)) {
		nlmsg_free(msg);
		return -EMSGSIZE;
	}
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);
}

void *bbgen_nl_fill_begin(struct bbgen_fill_ctx *c, u8 cmd)
{
	void *hdr = genlmsg_put(c->skb, c->portid, c->seq, &bbgen_family,
				c->flags, cmd);

	if (hdr && c->cb)
		genl_dump_check_consistent(c->cb, hdr);
	return hdr;
}

int bbgen_nl_fill_end(struct bbgen_fill_ctx *c, void *hdr, int err)
{
	if (err) {
		genlmsg_cancel(c->skb, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(c->skb, hdr);
	return 0;
}

static int port_fill(struct bbgen_fill_ctx *c, void *obj)
{
	struct bbgen_port *port = obj;
	void *hdr = bbgen_nl_fill_begin(c, BBGEN_CMD_PORT_GET);

	if (!hdr)
		return -EMSGSIZE;
	return bbgen_nl_fill_end(c, hdr,
			nla_put_u32(c->skb, BBGEN_A_PORT_IFINDEX, port->dev->ifindex) ||
			nla_put_string(c->skb, BBGEN_A_PORT_DEV, port->dev->name) ||
			nla_put_u32(c->skb, BBGEN_A_PORT_STREAMS, port->n_streams) ||
			nla_put_u32(c->skb, BBGEN_A_PORT_TRIGGERS, port->n_triggers) ||
			nla_put_u32(c->skb, BBGEN_A_PORT_TIMESTAMPING, port->timestamping));
}

/* Reply to a get (do) with one object; under bbgen_lock. */
int bbgen_nl_reply_object(struct genl_info *info, bbgen_fill_fn fill, void *obj)
{
	struct bbgen_fill_ctx c = { .portid = info->snd_portid, .seq = info->snd_seq };
	int err;

	c.skb = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!c.skb)
		return -ENOMEM;
	err = fill(&c, obj);
	if (err) {
		nlmsg_free(c.skb);
		return err;
	}
	return genlmsg_reply(c.skb, info);
}

/*
 * Dump the objects of one table from the cursor in cb->args[0] (an id or
 * ifindex), as many as fit; the next call resumes where this one stopped.
 * Under bbgen_lock.
 */
int bbgen_nl_dump(struct sk_buff *skb, struct netlink_callback *cb,
		  struct xarray *xa, bbgen_fill_fn fill)
{
	struct bbgen_fill_ctx c = {
		.skb = skb,
		.portid = NETLINK_CB(cb->skb).portid,
		.seq = cb->nlh->nlmsg_seq,
		.flags = NLM_F_MULTI,
		.cb = cb,
	};
	unsigned long idx;
	void *obj;
	int err;

	xa_for_each_start(xa, idx, obj, cb->args[0]) {
		err = fill(&c, obj);
		if (err)
			return skb->len ?: err;
		/* ids and ifindexes stay far below ULONG_MAX */
		cb->args[0] = idx + 1;
	}
	return skb->len;
}

static int port_add_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct bbgen_net *bn = bbgen_net(genl_info_net(info));
	struct nlattr *ts = info->attrs[BBGEN_A_PORT_TIMESTAMPING];
	struct net_device *dev;
	int ifindex, err;

	rtnl_lock();
	mutex_lock(&bbgen_lock);
	ifindex = lookup_ifindex(info, BBGEN_A_PORT_IFINDEX, BBGEN_A_PORT_DEV);
	err = ifindex;
	if (ifindex > 0) {
		dev = __dev_get_by_index(genl_info_net(info), ifindex);
		err = bbgen_port_add(bn, dev,
				     bbgen_nl_owner(info, BBGEN_A_PORT_SOCKET_OWNER),
				     ts ? nla_get_u32(ts) : BBGEN_TIMESTAMPING_SOFTWARE,
				     info->extack);
	}
	mutex_unlock(&bbgen_lock);
	rtnl_unlock();
	return err;
}

static int port_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct bbgen_port *port;

	rtnl_lock();
	mutex_lock(&bbgen_lock);
	port = bbgen_nl_lookup_port(info, BBGEN_A_PORT_IFINDEX, BBGEN_A_PORT_DEV);
	if (!IS_ERR(port))
		bbgen_port_del(port);
	mutex_unlock(&bbgen_lock);
	rtnl_unlock();
	return PTR_ERR_OR_ZERO(port);
}

static int port_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct bbgen_port *port;
	int err;

	mutex_lock(&bbgen_lock);
	port = bbgen_nl_lookup_port(info, BBGEN_A_PORT_IFINDEX, BBGEN_A_PORT_DEV);
	err = IS_ERR(port) ? PTR_ERR(port) : bbgen_nl_reply_object(info, port_fill, port);
	mutex_unlock(&bbgen_lock);
	return err;
}

static int port_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct bbgen_net *bn = bbgen_net(sock_net(skb->sk));
	int ret;

	mutex_lock(&bbgen_lock);
	cb->seq = bn->gen;
	ret = bbgen_nl_dump(skb, cb, &bn->ports, port_fill);
	mutex_unlock(&bbgen_lock);
	return ret;
}

#define OP(_cmd, _doit, _dumpit, _policy, _max) {			\
	.cmd = _cmd, .doit = _doit, .dumpit = _dumpit,			\
	.policy = _policy, .maxattr = _max, .flags = GENL_ADMIN_PERM,	\
}

static const struct genl_ops bbgen_ops[] = {
	OP(BBGEN_CMD_PORT_ADD, port_add_doit, NULL, port_add_policy,
	   BBGEN_A_PORT_MAX),
	OP(BBGEN_CMD_PORT_DEL, port_del_doit, NULL, port_dev_policy,
	   BBGEN_A_PORT_MAX),
	OP(BBGEN_CMD_PORT_GET, port_get_doit, port_get_dumpit, port_dev_policy,
	   BBGEN_A_PORT_MAX),
	OP(BBGEN_CMD_STREAM_ADD, bbgen_nl_stream_add_doit, NULL, bbgen_nl_stream_add_policy,
	   BBGEN_A_STREAM_MAX),
	OP(BBGEN_CMD_STREAM_DEL, bbgen_nl_stream_del_doit, NULL, bbgen_nl_stream_id_policy,
	   BBGEN_A_STREAM_MAX),
	OP(BBGEN_CMD_STREAM_START, bbgen_nl_stream_start_doit, NULL,
	   bbgen_nl_stream_start_policy, BBGEN_A_STREAM_MAX),
	OP(BBGEN_CMD_STREAM_STOP, bbgen_nl_stream_stop_doit, NULL, bbgen_nl_stream_id_policy,
	   BBGEN_A_STREAM_MAX),
	OP(BBGEN_CMD_STREAM_GET, bbgen_nl_stream_get_doit, bbgen_nl_stream_get_dumpit,
	   bbgen_nl_stream_id_policy, BBGEN_A_STREAM_MAX),
	OP(BBGEN_CMD_TRIGGER_ADD, bbgen_nl_trigger_add_doit, NULL, bbgen_nl_trigger_add_policy,
	   BBGEN_A_TRIGGER_MAX),
	OP(BBGEN_CMD_TRIGGER_DEL, bbgen_nl_trigger_del_doit, NULL, bbgen_nl_trigger_id_policy,
	   BBGEN_A_TRIGGER_MAX),
	OP(BBGEN_CMD_TRIGGER_GET, bbgen_nl_trigger_get_doit, bbgen_nl_trigger_get_dumpit,
	   bbgen_nl_trigger_id_policy, BBGEN_A_TRIGGER_MAX),
	OP(BBGEN_CMD_TRIGGER_HISTORY, NULL, bbgen_nl_trigger_history_dumpit,
	   bbgen_nl_trigger_history_policy, BBGEN_A_TRIGGER_MAX),
	OP(BBGEN_CMD_TRIGGER_HISTOGRAM, NULL, bbgen_nl_trigger_histogram_dumpit,
	   bbgen_nl_trigger_id_policy, BBGEN_A_TRIGGER_MAX),
};

/* Joining the monitor needs CAP_NET_ADMIN, as every op does. */
static const struct genl_multicast_group bbgen_mcgrps[] = {
	[BBGEN_NLGRP_MONITOR] = { .name = BBGEN_MCGRP_MONITOR,
				  .flags = GENL_MCAST_CAP_NET_ADMIN },
};

/* resv_start_op stays 0: every op is strictly validated. */
struct genl_family bbgen_family __ro_after_init = {
	.name = BBGEN_GENL_NAME,
	.version = BBGEN_GENL_VERSION,
	.module = THIS_MODULE,
	.netnsok = true,
	.parallel_ops = true,
	.ops = bbgen_ops,
	.n_ops = ARRAY_SIZE(bbgen_ops),
	.mcgrps = bbgen_mcgrps,
	.n_mcgrps = ARRAY_SIZE(bbgen_mcgrps),
};

#define DEL_OWNED(xa, type, del, portid) do {				\
	type *__obj;							\
	unsigned long __id;						\
	xa_for_each(xa, __id, __obj)					\
		if (__obj->owner == (portid))				\
			del(__obj);					\
} while (0)

/*
 * A socket closed: delete the objects it owns in its namespace. Ports need
 * the RTNL, which must be taken before bbgen_lock, so they go in a second
 * pass and only when the socket owns one.
 */
static void release_owned(struct net *net, u32 portid)
{
	struct bbgen_net *bn = bbgen_net(net);
	struct bbgen_port *port;
	unsigned long ifindex;
	bool ports = false;

	/* every generic netlink socket closing comes here: be quick */
	if (!READ_ONCE(bn->owned))
		return;
	mutex_lock(&bbgen_lock);
	if (bn->owned) {
		DEL_OWNED(&bn->streams, struct bbgen_stream, bbgen_stream_del, portid);
		DEL_OWNED(&bn->triggers, struct bbgen_trigger, bbgen_trigger_del,
			  portid);
		xa_for_each(&bn->ports, ifindex, port)
			ports |= port->owner == portid;
	}
	mutex_unlock(&bbgen_lock);
	if (!ports)
		return;
	rtnl_lock();
	mutex_lock(&bbgen_lock);
	DEL_OWNED(&bn->ports, struct bbgen_port, bbgen_port_del, portid);
	mutex_unlock(&bbgen_lock);
	rtnl_unlock();
}

static int bbgen_netlink_event(struct notifier_block *nb, unsigned long event,
			       void *ptr)
{
	struct netlink_notify *n = ptr;

	if (event == NETLINK_URELEASE && n->protocol == NETLINK_GENERIC &&
	    n->portid)
		release_owned(n->net, n->portid);
	return NOTIFY_DONE;
}

static struct notifier_block bbgen_netlink_notifier = {
	.notifier_call = bbgen_netlink_event,
};

int bbgen_genl_init(void)
{
	int err;

	err = netlink_register_notifier(&bbgen_netlink_notifier);
	if (err)
		return err;
	err = genl_register_family(&bbgen_family);
	if (err)
		netlink_unregister_notifier(&bbgen_netlink_notifier);
	return err;
}

void bbgen_genl_exit(void)
{
	bbgen_notify_stop();
	genl_unregister_family(&bbgen_family);
	netlink_unregister_notifier(&bbgen_netlink_notifier);
}
