// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* Addresses, the default route and host routes of a port. */
#include <linux/if_addr.h>
#include <linux/rtnetlink.h>
#include <sys/socket.h>

#include "rtnl.h"

static size_t ip_len(const struct bb_ip *ip)
{
	return ip->family == AF_INET ? sizeof(ip->v4) : sizeof(ip->v6);
}

static int addr_add(struct bbd_rtnl *r, unsigned int ifindex,
		    const struct bb_ip *ip, unsigned int prefix, uint32_t flags)
{
	char buf[BBD_RTNL_BUF];
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct ifaddrmsg *ifa;

	nlh->nlmsg_type = RTM_NEWADDR;
	nlh->nlmsg_flags = NLM_F_CREATE | NLM_F_REPLACE;
	ifa = mnl_nlmsg_put_extra_header(nlh, sizeof(*ifa));
	ifa->ifa_family = (unsigned char)ip->family;
	ifa->ifa_prefixlen = (unsigned char)prefix;
	ifa->ifa_index = ifindex;
	ifa->ifa_flags = (unsigned char)flags;
	mnl_attr_put(nlh, IFA_LOCAL, ip_len(ip), &ip->v6);
	mnl_attr_put(nlh, IFA_ADDRESS, ip_len(ip), &ip->v6);
	mnl_attr_put_u32(nlh, IFA_FLAGS, flags);
	return bbd_rtnl_talk(r, nlh, NULL, NULL);
}

int bbd_addr_add(struct bbd_rtnl *r, unsigned int ifindex,
		 const struct bb_ip *ip, unsigned int prefix)
{
	return addr_add(r, ifindex, ip, prefix, IFA_F_NODAD);
}

int bbd_addr_add_dad(struct bbd_rtnl *r, unsigned int ifindex,
		     const struct bb_ip *ip, unsigned int prefix)
{
	return addr_add(r, ifindex, ip, prefix, 0);
}

int bbd_route_default(struct bbd_rtnl *r, unsigned int ifindex,
		      const struct bb_ip *gw)
{
	char buf[BBD_RTNL_BUF];
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct rtmsg *rtm;

	nlh->nlmsg_type = RTM_NEWROUTE;
	nlh->nlmsg_flags = NLM_F_CREATE | NLM_F_REPLACE;
	rtm = mnl_nlmsg_put_extra_header(nlh, sizeof(*rtm));
	rtm->rtm_family = (unsigned char)gw->family;
	rtm->rtm_table = RT_TABLE_MAIN;
	rtm->rtm_protocol = RTPROT_STATIC;
	rtm->rtm_scope = RT_SCOPE_UNIVERSE;
	rtm->rtm_type = RTN_UNICAST;
	mnl_attr_put(nlh, RTA_GATEWAY, ip_len(gw), &gw->v6);
	mnl_attr_put_u32(nlh, RTA_OIF, ifindex);
	return bbd_rtnl_talk(r, nlh, NULL, NULL);
}

int bbd_route_ssthresh(struct bbd_rtnl *r, unsigned int ifindex,
		       const struct bb_ip *dst, const struct bb_ip *gw,
		       uint32_t ssthresh)
{
	char buf[BBD_RTNL_BUF];
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct nlattr *metrics;
	struct rtmsg *rtm;

	nlh->nlmsg_type = RTM_NEWROUTE;
	nlh->nlmsg_flags = NLM_F_CREATE | NLM_F_REPLACE;
	rtm = mnl_nlmsg_put_extra_header(nlh, sizeof(*rtm));
	rtm->rtm_family = (unsigned char)dst->family;
	rtm->rtm_dst_len = dst->family == AF_INET ? 32 : 128;
	rtm->rtm_table = RT_TABLE_MAIN;
	rtm->rtm_protocol = RTPROT_STATIC;
	rtm->rtm_scope = gw ? RT_SCOPE_UNIVERSE : RT_SCOPE_LINK;
	rtm->rtm_type = RTN_UNICAST;
	mnl_attr_put(nlh, RTA_DST, ip_len(dst), &dst->v6);
	if (gw)
		mnl_attr_put(nlh, RTA_GATEWAY, ip_len(gw), &gw->v6);
	mnl_attr_put_u32(nlh, RTA_OIF, ifindex);
	/* locked: TCP's metrics cache keeps it instead of learning its own */
	metrics = mnl_attr_nest_start(nlh, RTA_METRICS);
	mnl_attr_put_u32(nlh, RTAX_LOCK, 1u << RTAX_SSTHRESH);
	mnl_attr_put_u32(nlh, RTAX_SSTHRESH, ssthresh);
	mnl_attr_nest_end(nlh, metrics);
	return bbd_rtnl_talk(r, nlh, NULL, NULL);
}
