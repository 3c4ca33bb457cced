// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* Next-hop MACs from a namespace's neighbour table (the kernel did the
 * ARP/ND; bbd only reads the outcome). */
#include <errno.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>
#include <string.h>
#include <sys/socket.h>

#include "rtnl.h"

/* States with a usable link-layer address (the kernel's NUD_VALID less
 * NOARP, which has none). */
#define RESOLVED (NUD_PERMANENT | NUD_REACHABLE | NUD_STALE | NUD_DELAY | \
		  NUD_PROBE)

struct lookup {
	unsigned int ifindex;
	const struct bb_ip *ip;
	uint8_t *mac;
	int result;
};

static bool same_ip(const struct nlattr *a, const struct bb_ip *ip)
{
	size_t len = ip->family == AF_INET ? 4 : 16;

	return mnl_attr_get_payload_len(a) == len &&
	       !memcmp(mnl_attr_get_payload(a), &ip->v6, len);
}

static int on_neigh(const struct nlmsghdr *nlh, void *data)
{
	const struct ndmsg *nd = mnl_nlmsg_get_payload(nlh);
	struct lookup *l = data;
	const struct nlattr *a, *dst = NULL, *lladdr = NULL;

	if (nd->ndm_ifindex != (int)l->ifindex || nd->ndm_family != l->ip->family)
		return MNL_CB_OK;
	mnl_attr_for_each(a, nlh, sizeof(*nd)) {
		if (mnl_attr_get_type(a) == NDA_DST)
			dst = a;
		else if (mnl_attr_get_type(a) == NDA_LLADDR)
			lladdr = a;
	}
	if (!dst || !same_ip(dst, l->ip))
		return MNL_CB_OK;
	if (nd->ndm_state & NUD_FAILED) {
		l->result = -EHOSTUNREACH;
	} else if ((nd->ndm_state & RESOLVED) && lladdr &&
		   mnl_attr_get_payload_len(lladdr) == BB_MAC_LEN) {
		memcpy(l->mac, mnl_attr_get_payload(lladdr), BB_MAC_LEN);
		l->result = 0;
	}
	return MNL_CB_OK;
}

int bbd_neigh_get(struct bbd_rtnl *r, unsigned int ifindex,
		  const struct bb_ip *ip, uint8_t mac[BB_MAC_LEN])
{
	char buf[BBD_RTNL_BUF];
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct lookup l = { ifindex, ip, mac, -EAGAIN };
	struct ndmsg *nd;
	int ret;

	nlh->nlmsg_type = RTM_GETNEIGH;
	nlh->nlmsg_flags = NLM_F_DUMP;
	nd = mnl_nlmsg_put_extra_header(nlh, sizeof(*nd));
	nd->ndm_family = (unsigned char)ip->family;
	ret = bbd_rtnl_talk(r, nlh, on_neigh, &l);
	return ret ? ret : l.result;
}
