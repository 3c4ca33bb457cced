/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The generic netlink family "bbgen" (include/uapi/linux/bbgen.h).
 */
#ifndef _BBGEN_NETLINK_H
#define _BBGEN_NETLINK_H

int bbgen_genl_init(void);
void bbgen_genl_exit(void);

#endif /* _BBGEN_NETLINK_H */
