// SPDX-License-Identifier: GPL-2.0-only OR MIT
#include <errno.h>
#include <linux/netlink.h>
#include <string.h>
#include <sys/socket.h>

#include <netlink/errno.h>
#include <netlink/genl/ctrl.h>
#include <netlink/genl/genl.h>

#include "genl.h"

#ifndef SOL_NETLINK
#define SOL_NETLINK 270
#endif

/* State of one request while its replies are read. */
struct talk {
	struct bb_genl *g;
	int maxattr;
	bb_genl_cb cb;
	void *arg;
	int err;	/* first error: kernel's or the callback's */
	bool done;
};

/* libnl reports its own codes; give callers an errno. */
static int nl_to_errno(int nlerr)
{
	switch (-nlerr) {
	case NLE_NOMEM:
		return -ENOMEM;
	case NLE_PERM:
		return -EPERM;
	case NLE_OBJ_NOTFOUND:
		return -ENOENT;
	case NLE_AGAIN:
		return -EAGAIN;
	default:
		return -EIO;
	}
}

int bb_genl_open(struct bb_genl *g, const char *family, uint8_t version)
{
	int one = 1, ret;

	memset(g, 0, sizeof(*g));
	g->version = version;
	g->sk = nl_socket_alloc();
	if (!g->sk)
		return -ENOMEM;
	ret = genl_connect(g->sk);
	if (ret < 0)
		goto fail;
	/* Ask for the kernel's error messages, without an echo of our
	 * request in every error (CAP_ACK). */
	setsockopt(nl_socket_get_fd(g->sk), SOL_NETLINK, NETLINK_EXT_ACK,
		   &one, sizeof(one));
	setsockopt(nl_socket_get_fd(g->sk), SOL_NETLINK, NETLINK_CAP_ACK,
		   &one, sizeof(one));
	/* dump replies can exceed a page: peek at each message's size */
	nl_socket_enable_msg_peek(g->sk);
	/* requests with many templates exceed libnl's 32 KiB default */
	nl_socket_set_buffer_size(g->sk, 0, BB_GENL_REQ_MAX + 4096);
	ret = genl_ctrl_resolve(g->sk, family);
	if (ret < 0)
		goto fail;
	g->family = ret;
	return 0;
fail:
	nl_socket_free(g->sk);
	g->sk = NULL;
	return nl_to_errno(ret);
}

void bb_genl_close(struct bb_genl *g)
{
	nl_socket_free(g->sk);
	g->sk = NULL;
}

struct nl_msg *bb_genl_msg(struct bb_genl *g, uint8_t cmd, bool dump)
{
	return bb_genl_msg_size(g, cmd, dump, BB_GENL_MSG_SIZE);
}

struct nl_msg *bb_genl_msg_size(struct bb_genl *g, uint8_t cmd, bool dump,
				size_t size)
{
	struct nl_msg *msg = nlmsg_alloc_size(size);

	if (msg && !genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, g->family, 0,
				dump ? NLM_F_DUMP : 0, cmd, g->version)) {
		nlmsg_free(msg);
		msg = NULL;
	}
	return msg;
}

/* Copy NLMSGERR_ATTR_MSG from an error message's extack TLVs, if any. */
static void extack_msg(struct nlmsgerr *e, char *buf, size_t len)
{
	struct nlmsghdr *nlh = (struct nlmsghdr *)((char *)e - NLMSG_HDRLEN);
	size_t off = sizeof(*e), total = nlh->nlmsg_len - NLMSG_HDRLEN;
	struct nlattr *a;

	buf[0] = '\0';
	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS))
		return;
	/* without CAP_ACK the kernel echoes our request before the TLVs */
	if (!(nlh->nlmsg_flags & NLM_F_CAPPED))
		off += NLMSG_ALIGN(e->msg.nlmsg_len - NLMSG_HDRLEN);
	if (off >= total)
		return;
	a = nla_find((struct nlattr *)((char *)e + off), (int)(total - off),
		     NLMSGERR_ATTR_MSG);
	if (a && nla_len(a) > 0)
		snprintf(buf, len, "%.*s", nla_len(a), (char *)nla_data(a));
}

static int on_error(struct sockaddr_nl *who, struct nlmsgerr *e, void *arg)
{
	struct talk *t = arg;

	(void)who;
	extack_msg(e, t->g->msg, sizeof(t->g->msg));
	if (!t->err)
		t->err = e->error < 0 ? e->error : -EPROTO;
	t->done = true;
	return NL_STOP;
}

static int on_done(struct nl_msg *msg, void *arg)
{
	struct talk *t = arg;

	(void)msg;
	t->done = true;
	return NL_STOP;
}

static int on_valid(struct nl_msg *msg, void *arg)
{
	struct talk *t = arg;
	struct nlattr *tb[t->maxattr + 1];
	struct bb_reply r = { .tb = tb };
	int ret;

	if (!t->cb || t->err)
		return NL_SKIP;
	r.cmd = genlmsg_hdr(nlmsg_hdr(msg))->cmd;
	ret = genlmsg_parse(nlmsg_hdr(msg), 0, tb, t->maxattr, NULL);
	r.attrs = genlmsg_attrdata(nlmsg_data(nlmsg_hdr(msg)), 0);
	r.len = genlmsg_attrlen(nlmsg_data(nlmsg_hdr(msg)), 0);
	if (ret < 0)
		ret = -EPROTO;
	else
		ret = t->cb(&r, t->arg);
	/* keep reading to the ACK/DONE so the socket stays in step */
	if (ret < 0)
		t->err = ret;
	return NL_OK;
}

int bb_genl_talk(struct bb_genl *g, struct nl_msg *msg, int maxattr,
		 bb_genl_cb cb, void *arg)
{
	struct talk t = { .g = g, .maxattr = maxattr, .cb = cb, .arg = arg };
	struct nl_cb *nlcb = nl_cb_alloc(NL_CB_DEFAULT);
	int ret;

	g->msg[0] = '\0';
	if (!nlcb) {
		nlmsg_free(msg);
		return -ENOMEM;
	}
	nl_cb_err(nlcb, NL_CB_CUSTOM, on_error, &t);
	nl_cb_set(nlcb, NL_CB_VALID, NL_CB_CUSTOM, on_valid, &t);
	nl_cb_set(nlcb, NL_CB_ACK, NL_CB_CUSTOM, on_done, &t);
	nl_cb_set(nlcb, NL_CB_FINISH, NL_CB_CUSTOM, on_done, &t);

	ret = nl_send_auto(g->sk, msg);	/* adds NLM_F_ACK */
	nlmsg_free(msg);
	while (ret >= 0 && !t.done)
		ret = nl_recvmsgs(g->sk, nlcb);
	nl_cb_put(nlcb);
	if (t.err)
		return t.err;
	return ret < 0 ? nl_to_errno(ret) : 0;
}

int bb_genl_join(struct bb_genl *g, const char *family, const char *group)
{
	int ret = genl_ctrl_resolve_grp(g->sk, family, group);

	if (ret >= 0)
		ret = nl_socket_add_membership(g->sk, ret);
	return ret < 0 ? nl_to_errno(ret) : 0;
}

/* Notifications come with sequence number 0, not ours. */
static int any_seq(struct nl_msg *msg, void *arg)
{
	(void)msg;
	(void)arg;
	return NL_OK;
}

int bb_genl_listen(struct bb_genl *g, int maxattr, bb_genl_cb cb, void *arg)
{
	struct talk t = { .g = g, .maxattr = maxattr, .cb = cb, .arg = arg };
	struct nl_cb *nlcb = nl_cb_alloc(NL_CB_DEFAULT);
	int ret;

	if (!nlcb)
		return -ENOMEM;
	nl_cb_set(nlcb, NL_CB_SEQ_CHECK, NL_CB_CUSTOM, any_seq, NULL);
	nl_cb_set(nlcb, NL_CB_VALID, NL_CB_CUSTOM, on_valid, &t);
	ret = nl_recvmsgs(g->sk, nlcb);
	nl_cb_put(nlcb);
	if (t.err)
		return t.err;
	return ret < 0 ? nl_to_errno(ret) : 0;
}

bool bb_nla_u16(const struct nlattr *a, uint16_t *v)
{
	if (!a || nla_len(a) != sizeof(*v))
		return false;
	*v = nla_get_u16((struct nlattr *)a);
	return true;
}

bool bb_nla_u32(const struct nlattr *a, uint32_t *v)
{
	if (!a || nla_len(a) != sizeof(*v))
		return false;
	*v = nla_get_u32((struct nlattr *)a);
	return true;
}

bool bb_nla_u64(const struct nlattr *a, uint64_t *v)
{
	if (!a || nla_len(a) != sizeof(*v))
		return false;
	*v = nla_get_u64((struct nlattr *)a);
	return true;
}

const char *bb_nla_str(const struct nlattr *a)
{
	const char *s;
	int len;

	if (!a)
		return NULL;
	s = nla_data(a);
	len = nla_len(a);
	return len > 0 && memchr(s, '\0', len) ? s : NULL;
}

int bb_genl_put_ip(struct nl_msg *msg, int attr4, int attr6,
		   const struct bb_ip *ip)
{
	if (ip->family == AF_INET)
		return nla_put(msg, attr4, sizeof(ip->v4), &ip->v4);
	if (ip->family == AF_INET6)
		return nla_put(msg, attr6, sizeof(ip->v6), &ip->v6);
	return 0;
}
