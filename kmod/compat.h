/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Every difference between the kernel lines bbgen supports (6.1 and 6.12)
 * lives here, so the rest of the module is written against one API.
 * Feature tests check for the symbol itself where a macro allows it, so a
 * distribution backport is picked up without a version number.
 */
#ifndef _BBGEN_COMPAT_H
#define _BBGEN_COMPAT_H

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

#endif /* _BBGEN_COMPAT_H */
