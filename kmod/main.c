// SPDX-License-Identifier: GPL-2.0
/*
 * bbgen: the kernel half of the bb network traffic tester. Module init and
 * exit, and the per network namespace state.
 *
 * Teardown order matters: first no new requests (family gone), then no
 * socket-owner callbacks, then every namespace's objects (streams stopped,
 * rx_handlers unregistered), then the device notifier, then the TX workers.
 */
#include <linux/bbgen.h>
#include <linux/module.h>
#include <linux/rtnetlink.h>
#include <net/genetlink.h>
#include <net/netns/generic.h>

#include "netlink.h"
#include "netns.h"
#include "port.h"
#include "tx.h"

/* serialises configuration and table reads in all namespaces (netns.h) */
DEFINE_MUTEX(bbgen_lock);

static unsigned int bbgen_net_id __read_mostly;

struct bbgen_net *bbgen_net(const struct net *net)
{
	return net_generic(net, bbgen_net_id);
}

static int __net_init bbgen_net_init(struct net *net)
{
	struct bbgen_net *bn = bbgen_net(net);

	xa_init(&bn->ports);
	xa_init_flags(&bn->streams, XA_FLAGS_ALLOC1);
	xa_init_flags(&bn->triggers, XA_FLAGS_ALLOC1);
	return 0;
}

static void __net_exit bbgen_net_exit(struct net *net)
{
	struct bbgen_net *bn = bbgen_net(net);

	rtnl_lock();
	mutex_lock(&bbgen_lock);
	/* streams and triggers all live on some port */
	bbgen_port_del_all(bn);
	WARN_ON(!xa_empty(&bn->streams) || !xa_empty(&bn->triggers));
	mutex_unlock(&bbgen_lock);
	rtnl_unlock();
	xa_destroy(&bn->ports);
	xa_destroy(&bn->streams);
	xa_destroy(&bn->triggers);
}

static struct pernet_operations bbgen_net_ops = {
	.init = bbgen_net_init,
	.exit = bbgen_net_exit,
	.id = &bbgen_net_id,
	.size = sizeof(struct bbgen_net),
};

static int __init bbgen_init(void)
{
	int err;

	err = bbgen_tx_init();
	if (err)
		return err;
	err = bbgen_port_init();
	if (err)
		goto err_tx;
	err = register_pernet_device(&bbgen_net_ops);
	if (err)
		goto err_port;
	err = bbgen_genl_init();
	if (err)
		goto err_pernet;
	pr_info("loaded (generic netlink family \"%s\")\n", BBGEN_GENL_NAME);
	return 0;

err_pernet:
	unregister_pernet_device(&bbgen_net_ops);
err_port:
	bbgen_port_exit();
err_tx:
	bbgen_tx_exit();
	return err;
}

static void __exit bbgen_exit(void)
{
	bbgen_genl_exit();
	unregister_pernet_device(&bbgen_net_ops);
	bbgen_port_exit();
	bbgen_tx_exit();
	/* the RCU-deferred frees of ports and triggers */
	rcu_barrier();
	pr_info("unloaded\n");
}

module_init(bbgen_init);
module_exit(bbgen_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("bb traffic generator and analyser: UDP test frames");
MODULE_ALIAS_GENL_FAMILY(BBGEN_GENL_NAME);
