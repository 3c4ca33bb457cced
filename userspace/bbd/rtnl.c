// SPDX-License-Identifier: GPL-2.0-only OR MIT
#include <errno.h>
#include <string.h>
#include <time.h>

#include <linux/netlink.h>

#include "netns.h"
#include "rtnl.h"

#ifndef SOL_NETLINK
#define SOL_NETLINK 270
#endif

int bbd_rtnl_open(struct bbd_rtnl *r, int netns_fd)
{
	int one = 1, ret = 0;

	memset(r, 0, sizeof(*r));
	if (netns_fd >= 0 && (ret = bbd_netns_enter(netns_fd)))
		return ret;
	r->nl = mnl_socket_open2(NETLINK_ROUTE, SOCK_CLOEXEC);
	if (!r->nl)
		ret = -errno;
	else if (mnl_socket_bind(r->nl, 0, MNL_SOCKET_AUTOPID) < 0)
		ret = -errno;
	if (netns_fd >= 0 && bbd_netns_leave() && !ret)
		ret = -errno;
	if (ret) {
		if (r->nl)
			mnl_socket_close(r->nl);
		r->nl = NULL;
		return ret;
	}
	mnl_socket_setsockopt(r->nl, NETLINK_EXT_ACK, &one, sizeof(one));
	mnl_socket_setsockopt(r->nl, NETLINK_CAP_ACK, &one, sizeof(one));
	r->portid = mnl_socket_get_portid(r->nl);
	r->seq = (unsigned int)time(NULL);
	return 0;
}

void bbd_rtnl_close(struct bbd_rtnl *r)
{
	if (r->nl)
		mnl_socket_close(r->nl);
	r->nl = NULL;
}

/* The callbacks of one request: libmnl gives data callbacks and control
 * callbacks the same pointer. */
struct talk {
	struct bbd_rtnl *r;
	mnl_cb_t cb;
	void *data;
};

static int on_data(const struct nlmsghdr *nlh, void *data)
{
	struct talk *t = data;

	return t->cb ? t->cb(nlh, t->data) : MNL_CB_OK;
}

/* Keep the extack message of an error reply. */
static int on_error(const struct nlmsghdr *nlh, void *data)
{
	const struct nlmsgerr *e = mnl_nlmsg_get_payload(nlh);
	struct bbd_rtnl *r = ((struct talk *)data)->r;
	const struct nlattr *attr;
	size_t off = sizeof(*e);

	if (nlh->nlmsg_len < mnl_nlmsg_size(sizeof(*e)))
		return MNL_CB_ERROR;
	if (!(nlh->nlmsg_flags & NLM_F_CAPPED))
		off += e->msg.nlmsg_len - sizeof(struct nlmsghdr);
	if (nlh->nlmsg_flags & NLM_F_ACK_TLVS) {
		mnl_attr_for_each_payload((const struct nlattr *)((const char *)e + off),
					  mnl_nlmsg_get_payload_len(nlh) - off) {
			if (mnl_attr_get_type(attr) == NLMSGERR_ATTR_MSG)
				snprintf(r->msg, sizeof(r->msg), "%s",
					 mnl_attr_get_str(attr));
		}
	}
	if (e->error) {
		errno = -e->error;
		return MNL_CB_ERROR;
	}
	return MNL_CB_STOP;
}

static int on_done(const struct nlmsghdr *nlh, void *data)
{
	(void)nlh;
	(void)data;
	return MNL_CB_STOP;
}

int bbd_rtnl_talk(struct bbd_rtnl *r, struct nlmsghdr *nlh, mnl_cb_t cb,
		  void *data)
{
	static char buf[BBD_RTNL_BUF];
	/* libmnl ignores control messages without a callback once an
	 * array is given: DONE must end the dump here */
	mnl_cb_t ctl[NLMSG_MIN_TYPE] = { [NLMSG_ERROR] = on_error,
					 [NLMSG_DONE] = on_done };
	struct talk t = { r, cb, data };
	unsigned int seq = ++r->seq;
	ssize_t n;
	int ret;

	r->msg[0] = '\0';
	nlh->nlmsg_flags |= NLM_F_REQUEST | NLM_F_ACK;
	nlh->nlmsg_seq = seq;
	if (mnl_socket_sendto(r->nl, nlh, nlh->nlmsg_len) < 0)
		return -errno;
	do {
		n = mnl_socket_recvfrom(r->nl, buf, sizeof(buf));
		if (n < 0)
			return -errno;
		errno = 0;
		ret = mnl_cb_run2(buf, (size_t)n, seq, r->portid, on_data, &t,
				  ctl, NLMSG_MIN_TYPE);
		if (ret == MNL_CB_ERROR && errno == 0)
			errno = EPROTO;
	} while (ret > MNL_CB_STOP);
	return ret < 0 ? -errno : 0;
}
