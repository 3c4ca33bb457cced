/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* Network devices of the caller's network namespace. */
#ifndef BB_NETDEV_H
#define BB_NETDEV_H

#include <stdint.h>

#include "addr.h"

/* ifindex of the device called name, or 0 if there is none. */
unsigned int bb_netdev_index(const char *name);

/*
 * The device's Ethernet address. Returns 0, -ENODEV if there is no such
 * device, -EPFNOSUPPORT if it is not an Ethernet device, or -errno.
 */
int bb_netdev_mac(const char *name, uint8_t mac[BB_MAC_LEN]);

#endif
