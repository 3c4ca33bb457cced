// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* Links: look up, create (macvlan, VLAN), move between namespaces, set. */
#include <errno.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <string.h>
#include <arpa/inet.h>

#include "rtnl.h"

static struct nlmsghdr *link_msg(char *buf, uint16_t type, uint16_t flags,
				 unsigned int ifindex)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct ifinfomsg *ifi;

	nlh->nlmsg_type = type;
	nlh->nlmsg_flags = flags;
	ifi = mnl_nlmsg_put_extra_header(nlh, sizeof(*ifi));
	ifi->ifi_family = AF_UNSPEC;
	ifi->ifi_index = (int)ifindex;
	return nlh;
}

static int on_link(const struct nlmsghdr *nlh, void *data)
{
	const struct ifinfomsg *ifi = mnl_nlmsg_get_payload(nlh);
	struct bbd_link *l = data;
	const struct nlattr *a;

	l->ifindex = (unsigned int)ifi->ifi_index;
	l->up = ifi->ifi_flags & IFF_UP;
	mnl_attr_for_each(a, nlh, sizeof(*ifi)) {
		if (mnl_attr_get_type(a) == IFLA_ADDRESS &&
		    mnl_attr_get_payload_len(a) == BB_MAC_LEN)
			memcpy(l->mac, mnl_attr_get_payload(a), BB_MAC_LEN);
		else if (mnl_attr_get_type(a) == IFLA_MTU)
			l->mtu = mnl_attr_get_u32(a);
	}
	return MNL_CB_OK;
}

int bbd_link_get(struct bbd_rtnl *r, const char *name, struct bbd_link *l)
{
	char buf[BBD_RTNL_BUF];
	struct nlmsghdr *nlh = link_msg(buf, RTM_GETLINK, 0, 0);
	int ret;

	if (strlen(name) >= IFNAMSIZ)
		return -ENODEV;
	mnl_attr_put_strz(nlh, IFLA_IFNAME, name);
	memset(l, 0, sizeof(*l));
	ret = bbd_rtnl_talk(r, nlh, on_link, l);
	return ret == -ENOENT ? -ENODEV : ret;
}

/* RTM_NEWLINK of a new device name on parent, its IFLA_LINKINFO of
 * kind opened with IFLA_INFO_DATA: the caller puts the kind's data, then
 * link_new_end() closes the nests (top-level attributes may follow). */
struct new_link {
	struct nlmsghdr *nlh;
	struct nlattr *info, *data;
};

static void link_new(struct new_link *n, char *buf, unsigned int parent,
		     const char *name, const char *kind)
{
	n->nlh = link_msg(buf, RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL, 0);
	mnl_attr_put_u32(n->nlh, IFLA_LINK, parent);
	mnl_attr_put_strz(n->nlh, IFLA_IFNAME, name);
	n->info = mnl_attr_nest_start(n->nlh, IFLA_LINKINFO);
	mnl_attr_put_strz(n->nlh, IFLA_INFO_KIND, kind);
	n->data = mnl_attr_nest_start(n->nlh, IFLA_INFO_DATA);
}

static void link_new_end(struct new_link *n)
{
	mnl_attr_nest_end(n->nlh, n->data);
	mnl_attr_nest_end(n->nlh, n->info);
}

int bbd_link_add_macvlan(struct bbd_rtnl *r, unsigned int parent,
			 const char *name, int target_fd, uint32_t mode,
			 const uint8_t *mac)
{
	char buf[BBD_RTNL_BUF];
	struct new_link n;

	link_new(&n, buf, parent, name, "macvlan");
	mnl_attr_put_u32(n.nlh, IFLA_MACVLAN_MODE, mode);
	link_new_end(&n);
	mnl_attr_put_u32(n.nlh, IFLA_NET_NS_FD, (uint32_t)target_fd);
	if (mac)
		mnl_attr_put(n.nlh, IFLA_ADDRESS, BB_MAC_LEN, mac);
	return bbd_rtnl_talk(r, n.nlh, NULL, NULL);
}

int bbd_link_add_vlan(struct bbd_rtnl *r, unsigned int parent,
		      const char *name, uint16_t id, uint16_t tpid)
{
	char buf[BBD_RTNL_BUF];
	struct new_link n;

	link_new(&n, buf, parent, name, "vlan");
	mnl_attr_put_u16(n.nlh, IFLA_VLAN_ID, id);
	mnl_attr_put_u16(n.nlh, IFLA_VLAN_PROTOCOL, htons(tpid));
	link_new_end(&n);
	return bbd_rtnl_talk(r, n.nlh, NULL, NULL);
}

int bbd_link_move(struct bbd_rtnl *r, unsigned int ifindex, int target_fd)
{
	char buf[BBD_RTNL_BUF];
	struct nlmsghdr *nlh = link_msg(buf, RTM_NEWLINK, 0, ifindex);

	mnl_attr_put_u32(nlh, IFLA_NET_NS_FD, (uint32_t)target_fd);
	return bbd_rtnl_talk(r, nlh, NULL, NULL);
}

int bbd_link_set(struct bbd_rtnl *r, unsigned int ifindex, const uint8_t *mac,
		 bool up)
{
	char buf[BBD_RTNL_BUF];
	struct nlmsghdr *nlh = link_msg(buf, RTM_NEWLINK, 0, ifindex);
	struct ifinfomsg *ifi = mnl_nlmsg_get_payload(nlh);

	ifi->ifi_change = IFF_UP;
	ifi->ifi_flags = up ? IFF_UP : 0;
	if (mac)
		mnl_attr_put(nlh, IFLA_ADDRESS, BB_MAC_LEN, mac);
	return bbd_rtnl_talk(r, nlh, NULL, NULL);
}

int bbd_link_del(struct bbd_rtnl *r, unsigned int ifindex)
{
	char buf[BBD_RTNL_BUF];

	return bbd_rtnl_talk(r, link_msg(buf, RTM_DELLINK, 0, ifindex), NULL,
			     NULL);
}

int bbd_link_rename(struct bbd_rtnl *r, unsigned int ifindex, const char *name)
{
	char buf[BBD_RTNL_BUF];
	struct nlmsghdr *nlh = link_msg(buf, RTM_NEWLINK, 0, ifindex);

	mnl_attr_put_strz(nlh, IFLA_IFNAME, name);
	return bbd_rtnl_talk(r, nlh, NULL, NULL);
}
