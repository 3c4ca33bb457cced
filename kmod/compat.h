/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Every difference between the kernel lines bbgen supports (6.1 and 6.12)
 * lives here, so the rest of the module is written against one API.
 * Feature tests check for the symbol itself where a macro allows it, so a
 * distribution backport is picked up without a version number.
 */
#ifndef _BBGEN_COMPAT_H
#define _BBGEN_COMPAT_H

#include <linux/ethtool.h>
#include <linux/netlink.h>
#include <net/genetlink.h>

/*
 * Formatted extack messages came in 6.2. 6.1's extack has no buffer to
 * format into, so the fallback reports the format string itself: still a
 * precise message, only without the numbers.
 */
#ifndef NL_SET_ERR_MSG_FMT
#define NL_SET_ERR_MSG_FMT(extack, fmt, args...) NL_SET_ERR_MSG(extack, fmt)
#endif
#ifndef NL_SET_ERR_MSG_ATTR_FMT
#define NL_SET_ERR_MSG_ATTR_FMT(extack, attr, fmt, args...) \
	NL_SET_ERR_MSG_ATTR(extack, attr, fmt)
#endif

/*
 * 6.1's struct nla_policy points to its range through a non-const pointer
 * (const since 6.2), so ranges cannot be const data: they are made
 * read-only once the module is initialised instead.
 */
#define BBGEN_POLICY_RANGE __ro_after_init

/* Both lines have it (6.1 got it late in its cycle); keep 6.0-era safe. */
#ifndef GENL_REQ_ATTR_CHECK
#define GENL_REQ_ATTR_CHECK(info, attr) ({				\
	struct genl_info *__info = (info);				\
	bool __miss = !__info->attrs[(attr)];				\
	if (__miss)							\
		NL_SET_ERR_MSG(__info->extack, "missing attribute");	\
	__miss;								\
})
#endif

/*
 * BBGEN_HAVE_* come from feature tests on the target's headers in Kbuild.
 *
 * The SO_TIMESTAMPING capabilities of a device (under RTNL). 6.11 brought
 * kernel_ethtool_ts_info and exported ethtool_get_ts_info_by_layer(), which
 * also asks the PHY; 6.1 exports neither, so there only the driver's own
 * get_ts_info op is asked (PHY time stamping is not seen).
 */
static inline int bbgen_ts_caps(struct net_device *dev, u32 *so_timestamping)
{
#ifdef BBGEN_HAVE_TS_INFO_BY_LAYER
	struct kernel_ethtool_ts_info info = {
		.cmd = ETHTOOL_GET_TS_INFO, .phc_index = -1,
	};
	int err = ethtool_get_ts_info_by_layer(dev, &info);
#else
	struct ethtool_ts_info info = {
		.cmd = ETHTOOL_GET_TS_INFO, .phc_index = -1,
	};
	const struct ethtool_ops *ops = dev->ethtool_ops;
	int err = ops && ops->get_ts_info ? ops->get_ts_info(dev, &info) :
					    -EOPNOTSUPP;
#endif
	*so_timestamping = err ? 0 : info.so_timestamping;
	return err;
}

/* The request attributes of a dump: 6.6 moved them into a genl_info. */
static inline struct nlattr **bbgen_dump_attrs(struct netlink_callback *cb)
{
#ifdef BBGEN_HAVE_GENL_INFO_DUMP
	return genl_info_dump(cb)->attrs;
#else
	return genl_dumpit_info(cb)->attrs;
#endif
}

#endif /* _BBGEN_COMPAT_H */
