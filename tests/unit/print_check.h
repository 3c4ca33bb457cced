/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* Shared by the printer tests: build a reply as the kernel would, print
 * it into memory, compare. */
#ifndef PRINT_CHECK_H
#define PRINT_CHECK_H

#include <stdio.h>
#include <stdlib.h>

#include <netlink/msg.h>

#include "genl.h"
#include "print.h"

#define MAXATTR 48

struct out {
	char *buf;
	size_t len;
	FILE *f;
	struct nl_msg *msg;
	struct nlattr *tb[MAXATTR + 1];
	struct bb_reply reply;
};

static inline int setup(void **state)
{
	struct out *o = calloc(1, sizeof(*o));

	o->msg = nlmsg_alloc();
	*state = o;
	return o->msg ? 0 : -1;
}

static inline int teardown(void **state)
{
	struct out *o = *state;

	nlmsg_free(o->msg);
	free(o->buf);
	free(o);
	return 0;
}

static inline void begin(struct out *o, bool json, bool pretty)
{
	o->f = open_memstream(&o->buf, &o->len);
	assert_non_null(o->f);
	pr_init(o->f, json, pretty);
}

/* Parse the attributes put so far, as bb_genl_talk does for a reply. */
static inline const struct bb_reply *parsed(struct out *o, int maxattr)
{
	struct nlmsghdr *h = nlmsg_hdr(o->msg);

	assert_true(maxattr <= MAXATTR);
	assert_int_equal(nla_parse(o->tb, maxattr, nlmsg_attrdata(h, 0),
				   nlmsg_attrlen(h, 0), NULL), 0);
	o->reply.tb = o->tb;
	o->reply.attrs = nlmsg_attrdata(h, 0);
	o->reply.len = nlmsg_attrlen(h, 0);
	return &o->reply;
}

static inline const char *end(struct out *o)
{
	assert_int_equal(pr_flush(), 0);
	fclose(o->f);
	return o->buf;
}

#endif
