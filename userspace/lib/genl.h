/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * A small generic netlink client on libnl-genl-3: resolve a family, send a
 * request with NLM_F_ACK, walk the replies (one for a do, many for a dump)
 * through a callback, and keep the kernel's extack message on failure.
 */
#ifndef BB_GENL_H
#define BB_GENL_H

#include <stdbool.h>
#include <stdint.h>

#include <netlink/attr.h>
#include <netlink/msg.h>

#include "addr.h"

#define BB_GENL_MSG_LEN 256
/* Room for a request: a jumbo frame template plus the other attributes. */
#define BB_GENL_MSG_SIZE 16384
/* The largest request: the socket's send buffer is raised to hold it, and
 * stays within the default net.core.wmem_max (212992) that caps that. */
#define BB_GENL_REQ_MAX 196608

struct bb_genl {
	struct nl_sock *sk;
	int family;
	uint8_t version;
	char msg[BB_GENL_MSG_LEN];	/* extack text of the last failure */
};

/* One reply: tb[0..maxattr] holds the last attribute of each type (or
 * NULL); the len bytes at attrs hold them all, repeated types included. */
struct bb_reply {
	uint8_t cmd;		/* the message's command (a notification's kind) */
	struct nlattr **tb;
	struct nlattr *attrs;
	int len;
};

/* Called for each reply. Return 0 to go on, or a negative errno to stop;
 * that errno is then returned. */
typedef int (*bb_genl_cb)(const struct bb_reply *r, void *arg);

/* 0, -ENOENT if the family is not registered, or another -errno. */
int bb_genl_open(struct bb_genl *g, const char *family, uint8_t version);
void bb_genl_close(struct bb_genl *g);

/* A request for cmd, as a dump if dump is set; NULL on allocation failure. */
struct nl_msg *bb_genl_msg(struct bb_genl *g, uint8_t cmd, bool dump);
/* The same with room for size bytes (at most BB_GENL_REQ_MAX). */
struct nl_msg *bb_genl_msg_size(struct bb_genl *g, uint8_t cmd, bool dump,
				size_t size);

/*
 * Send msg (consumed) and process the replies until the ACK, the end of
 * the dump or an error. cb may be NULL. Returns 0 or a negative errno;
 * on a kernel error g->msg holds its extack message ("" if none).
 */
/* @ip as attribute @attr4 (IPv4) or @attr6 (IPv6); nothing if unset. */
int bb_genl_put_ip(struct nl_msg *msg, int attr4, int attr6,
		   const struct bb_ip *ip);
int bb_genl_talk(struct bb_genl *g, struct nl_msg *msg, int maxattr,
		 bb_genl_cb cb, void *arg);

/* Join multicast group @group of the family: 0 or -errno (-EPERM without
 * the capability the group asks for). */
int bb_genl_join(struct bb_genl *g, const char *family, const char *group);
/* Wait for notifications and give each to cb (r->cmd says which): one
 * read's worth, then return 0, cb's negative errno, or -errno (-ENOMEM:
 * the socket overflowed, libnl's word for ENOBUFS, and some were lost;
 * listening goes on). */
int bb_genl_listen(struct bb_genl *g, int maxattr, bb_genl_cb cb, void *arg);

/* Typed attribute readers that check the payload length. */
bool bb_nla_u16(const struct nlattr *a, uint16_t *v);
bool bb_nla_u32(const struct nlattr *a, uint32_t *v);
bool bb_nla_u64(const struct nlattr *a, uint64_t *v);
/* A NUL-terminated string attribute, or NULL. */
const char *bb_nla_str(const struct nlattr *a);

#endif
