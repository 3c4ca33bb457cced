/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The generic netlink family "bbgen" (include/uapi/linux/bbgen.h).
 *
 * The family, its op table, the port ops and the helpers below are in one
 * file; the stream and the trigger ops each have a file of their own. All
 * ops run under bbgen_lock (see netns.h), the RTNL first where a port's
 * rx_handler changes.
 */
#ifndef _BBGEN_NETLINK_H
#define _BBGEN_NETLINK_H

#include <net/genetlink.h>

struct bbgen_port;

extern struct genl_family bbgen_family;
extern struct netlink_range_validation bbgen_nl_id_range;

/* The device of an object: by ifindex or by name, in the caller's netns. */
#define BBGEN_DEV_POLICY(prefix)					\
	[prefix##_IFINDEX] = NLA_POLICY_MIN(NLA_U32, 1),		\
	[prefix##_DEV] = { .type = NLA_NUL_STRING, .len = IFNAMSIZ - 1 }

/* GENL_REQ_ATTR_CHECK() marks the missing attribute; say it in words too. */
#define bbgen_nl_missing(info, attr, msg) ({				\
	struct genl_info *__bb_info = (info);				\
	bool __miss = GENL_REQ_ATTR_CHECK(__bb_info, attr);		\
	if (__miss)							\
		NL_SET_ERR_MSG(__bb_info->extack, msg);			\
	__miss;								\
})

/* Where a fill function writes: a reply to a do, or a part of a dump. */
struct bbgen_fill_ctx {
	struct sk_buff *skb;
	u32 portid, seq;
	int flags;
	struct netlink_callback *cb;	/* NULL for a do */
};

typedef int (*bbgen_fill_fn)(struct bbgen_fill_ctx *c, void *obj);

static inline int bbgen_nl_put_u64(struct sk_buff *skb, int attr, u64 v,
				   int pad)
{
	return nla_put_u64_64bit(skb, attr, v, pad);
}

u32 bbgen_nl_owner(struct genl_info *info, int attr);
struct bbgen_port *bbgen_nl_lookup_port(struct genl_info *info, int a_ifindex,
					int a_dev);
int bbgen_nl_reply_id(struct genl_info *info, u8 cmd, int attr, u32 id);
void *bbgen_nl_fill_begin(struct bbgen_fill_ctx *c, u8 cmd);
int bbgen_nl_fill_end(struct bbgen_fill_ctx *c, void *hdr, int err);
int bbgen_nl_reply_object(struct genl_info *info, bbgen_fill_fn fill,
			  void *obj);
int bbgen_nl_dump(struct sk_buff *skb, struct netlink_callback *cb,
		  struct xarray *xa, bbgen_fill_fn fill);

/* stream ops */
extern const struct nla_policy bbgen_nl_stream_add_policy[BBGEN_A_STREAM_MAX + 1];
extern const struct nla_policy bbgen_nl_stream_id_policy[BBGEN_A_STREAM_MAX + 1];
extern const struct nla_policy bbgen_nl_stream_start_policy[BBGEN_A_STREAM_MAX + 1];
int bbgen_nl_stream_add_doit(struct sk_buff *skb, struct genl_info *info);
int bbgen_nl_stream_del_doit(struct sk_buff *skb, struct genl_info *info);
int bbgen_nl_stream_start_doit(struct sk_buff *skb, struct genl_info *info);
int bbgen_nl_stream_stop_doit(struct sk_buff *skb, struct genl_info *info);
int bbgen_nl_stream_get_doit(struct sk_buff *skb, struct genl_info *info);
int bbgen_nl_stream_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb);

/* trigger ops */
extern const struct nla_policy bbgen_nl_trigger_add_policy[BBGEN_A_TRIGGER_MAX + 1];
extern const struct nla_policy bbgen_nl_trigger_id_policy[BBGEN_A_TRIGGER_MAX + 1];
extern const struct nla_policy bbgen_nl_trigger_history_policy[BBGEN_A_TRIGGER_MAX + 1];
int bbgen_nl_trigger_add_doit(struct sk_buff *skb, struct genl_info *info);
int bbgen_nl_trigger_del_doit(struct sk_buff *skb, struct genl_info *info);
int bbgen_nl_trigger_get_doit(struct sk_buff *skb, struct genl_info *info);
int bbgen_nl_trigger_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb);
int bbgen_nl_trigger_history_dumpit(struct sk_buff *skb, struct netlink_callback *cb);
struct bbgen_snap;
/* One SNAPSHOT nest (with its INDEX): the history dump and its notification */
int bbgen_nl_put_snapshot(struct sk_buff *skb, const struct bbgen_snap *s,
			  u64 idx);
int bbgen_nl_trigger_histogram_dumpit(struct sk_buff *skb, struct netlink_callback *cb);

int bbgen_genl_init(void);
void bbgen_genl_exit(void);

#endif /* _BBGEN_NETLINK_H */
