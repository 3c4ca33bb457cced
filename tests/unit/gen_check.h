/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* Shared by the bbgen client tests: build a reply as the kernel would
 * (nlmsg_alloc, nla_put...), parse it as bb_genl_talk does, and read back
 * the requests the client builds. */
#ifndef GEN_CHECK_H
#define GEN_CHECK_H

#include <stdlib.h>

#include <netlink/genl/genl.h>
#include <netlink/msg.h>

#include "genl.h"

#define GEN_MAXATTR 48

struct reply {
	struct nl_msg *msg;
	struct nlattr *tb[GEN_MAXATTR + 1];
	struct bb_reply r;
};

static inline int reply_setup(void **state)
{
	struct reply *o = calloc(1, sizeof(*o));

	o->msg = nlmsg_alloc();
	*state = o;
	return o->msg ? 0 : -1;
}

static inline int reply_teardown(void **state)
{
	struct reply *o = *state;

	nlmsg_free(o->msg);
	free(o);
	return 0;
}

/* The attributes put so far, parsed into o->r. */
static inline const struct bb_reply *reply_parsed(struct reply *o, int maxattr,
						  uint8_t cmd)
{
	struct nlmsghdr *h = nlmsg_hdr(o->msg);

	assert_true(maxattr <= GEN_MAXATTR);
	assert_int_equal(nla_parse(o->tb, maxattr, nlmsg_attrdata(h, 0),
				   nlmsg_attrlen(h, 0), NULL), 0);
	o->r.cmd = cmd;
	o->r.tb = o->tb;
	o->r.attrs = nlmsg_attrdata(h, 0);
	o->r.len = nlmsg_attrlen(h, 0);
	return &o->r;
}

/* A family that needs no socket: the builders only stamp its id. */
static inline struct bb_genl fake_family(void)
{
	struct bb_genl g = { .family = 0x1234, .version = 1 };

	return g;
}

/* A request's command, dump flag and attributes (tb[0..maxattr]). */
static inline uint8_t request_parse(struct nl_msg *msg, int maxattr,
				    struct nlattr **tb, bool *dump)
{
	struct nlmsghdr *h = nlmsg_hdr(msg);

	assert_int_equal(h->nlmsg_type, 0x1234);
	*dump = (h->nlmsg_flags & NLM_F_DUMP) == NLM_F_DUMP;
	assert_int_equal(genlmsg_parse(h, 0, tb, maxattr, NULL), 0);
	return genlmsg_hdr(h)->cmd;
}

#endif
