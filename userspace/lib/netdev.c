// SPDX-License-Identifier: GPL-2.0-only OR MIT
#include <errno.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "netdev.h"

unsigned int bb_netdev_index(const char *name)
{
	/* longer names cannot exist; if_nametoindex would truncate them */
	if (strlen(name) >= IFNAMSIZ)
		return 0;
	return if_nametoindex(name);
}

int bb_netdev_mac(const char *name, uint8_t mac[BB_MAC_LEN])
{
	struct ifreq ifr;
	int fd, ret = 0;

	if (strlen(name) >= IFNAMSIZ)
		return -ENODEV;
	/* any socket will do for the ioctl; a UDP one needs no privilege */
	fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	memset(&ifr, 0, sizeof(ifr));
	memcpy(ifr.ifr_name, name, strlen(name));
	if (ioctl(fd, SIOCGIFHWADDR, &ifr) < 0)
		ret = -errno;
	else if (ifr.ifr_hwaddr.sa_family != ARPHRD_ETHER)
		ret = -EPFNOSUPPORT;
	else
		memcpy(mac, ifr.ifr_hwaddr.sa_data, BB_MAC_LEN);
	close(fd);
	return ret;
}
