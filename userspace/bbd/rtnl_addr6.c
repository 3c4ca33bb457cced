// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* What the kernel made of the network's IPv6 configuration on a port:
 * its addresses with their DAD state (SLAAC's, or DHCPv6's) and the
 * routes router advertisements installed. */
#include <errno.h>
#include <linux/if_addr.h>
#include <linux/rtnetlink.h>
#include <string.h>
#include <sys/socket.h>

#include "rtnl.h"

struct addr_walk {
	unsigned int ifindex;
	const struct in6_addr *want;
	struct bbd_addr6 *out;
	bool found;
};

static int on_addr(const struct nlmsghdr *nlh, void *data)
{
	const struct ifaddrmsg *ifa = mnl_nlmsg_get_payload(nlh);
	struct addr_walk *w = data;
	const struct nlattr *a, *addr = NULL;
	uint32_t flags = ifa->ifa_flags;

	if (w->found || ifa->ifa_family != AF_INET6 ||
	    ifa->ifa_index != w->ifindex || ifa->ifa_scope != RT_SCOPE_UNIVERSE)
		return MNL_CB_OK;
	mnl_attr_for_each(a, nlh, sizeof(*ifa)) {
		if (mnl_attr_get_type(a) == IFA_ADDRESS &&
		    mnl_attr_get_payload_len(a) == 16)
			addr = a;
		else if (mnl_attr_get_type(a) == IFA_FLAGS &&
			 mnl_attr_get_payload_len(a) == 4)
			flags = mnl_attr_get_u32(a);
	}
	if (!addr || (w->want && memcmp(mnl_attr_get_payload(addr), w->want, 16)))
		return MNL_CB_OK;
	memcpy(&w->out->addr, mnl_attr_get_payload(addr), 16);
	w->out->prefix = ifa->ifa_prefixlen;
	w->out->flags = flags;
	w->found = true;
	return MNL_CB_OK;
}

int bbd_addr6_find(struct bbd_rtnl *r, unsigned int ifindex,
		   const struct in6_addr *want, struct bbd_addr6 *out)
{
	char buf[BBD_RTNL_BUF];
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct addr_walk w = { ifindex, want, out, false };
	struct ifaddrmsg *ifa;
	int ret;

	nlh->nlmsg_type = RTM_GETADDR;
	nlh->nlmsg_flags = NLM_F_DUMP;
	ifa = mnl_nlmsg_put_extra_header(nlh, sizeof(*ifa));
	ifa->ifa_family = AF_INET6;
	ret = bbd_rtnl_talk(r, nlh, on_addr, &w);
	return ret ? ret : w.found ? 0 : -ENOENT;
}

struct route_walk {
	unsigned int ifindex;
	const struct in6_addr *addr;
	bool *has_gw;
	struct in6_addr *gw;
	unsigned int *onlink;
};

/* Do a and b share their first prefix bits? */
static bool in_prefix(const uint8_t *a, const uint8_t *b, unsigned int prefix)
{
	unsigned int full = prefix / 8, rest = prefix % 8;

	if (memcmp(a, b, full))
		return false;
	return !rest || !((a[full] ^ b[full]) & (0xff << (8 - rest)));
}

static int on_route(const struct nlmsghdr *nlh, void *data)
{
	const struct rtmsg *rtm = mnl_nlmsg_get_payload(nlh);
	struct route_walk *w = data;
	const struct nlattr *a, *dst = NULL, *gw = NULL;
	uint32_t oif = 0;

	if (rtm->rtm_family != AF_INET6 || rtm->rtm_table != RT_TABLE_MAIN ||
	    rtm->rtm_type != RTN_UNICAST)
		return MNL_CB_OK;
	mnl_attr_for_each(a, nlh, sizeof(*rtm)) {
		if (mnl_attr_get_type(a) == RTA_DST && mnl_attr_get_payload_len(a) == 16)
			dst = a;
		else if (mnl_attr_get_type(a) == RTA_GATEWAY &&
			 mnl_attr_get_payload_len(a) == 16)
			gw = a;
		else if (mnl_attr_get_type(a) == RTA_OIF &&
			 mnl_attr_get_payload_len(a) == 4)
			oif = mnl_attr_get_u32(a);
	}
	if (oif != w->ifindex)
		return MNL_CB_OK;
	if (!rtm->rtm_dst_len && gw && !*w->has_gw) {
		memcpy(w->gw, mnl_attr_get_payload(gw), 16);
		*w->has_gw = true;
	} else if (rtm->rtm_dst_len && rtm->rtm_dst_len < 128 && dst && !gw &&
		   w->addr &&
		   in_prefix(mnl_attr_get_payload(dst), w->addr->s6_addr,
			     rtm->rtm_dst_len) && rtm->rtm_dst_len > *w->onlink) {
		*w->onlink = rtm->rtm_dst_len;
	}
	return MNL_CB_OK;
}

int bbd_route6_ra(struct bbd_rtnl *r, unsigned int ifindex,
		  const struct in6_addr *addr, bool *has_gw,
		  struct in6_addr *gw, unsigned int *onlink)
{
	char buf[BBD_RTNL_BUF];
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct route_walk w = { ifindex, addr, has_gw, gw, onlink };
	struct rtmsg *rtm;

	*has_gw = false;
	*onlink = 0;
	nlh->nlmsg_type = RTM_GETROUTE;
	nlh->nlmsg_flags = NLM_F_DUMP;
	rtm = mnl_nlmsg_put_extra_header(nlh, sizeof(*rtm));
	rtm->rtm_family = AF_INET6;
	return bbd_rtnl_talk(r, nlh, on_route, &w);
}
