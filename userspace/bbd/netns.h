/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Network namespaces of a run. Each scenario port gets one, named
 * bb-<bbd pid>-<port name> and pinned under /run/netns like `ip netns
 * add` does (so `ip netns exec` reaches it), plus a marker file under
 * /run/bb/netns that says bbd made it and what to give back (a device
 * moved in for exclusive use). bbd is single-threaded, so it enters a
 * namespace with setns() just long enough to open a socket there: the
 * socket stays bound to that namespace.
 */
#ifndef BBD_NETNS_H
#define BBD_NETNS_H

#include <stdbool.h>

#include "addr.h"

#define BBD_NETNS_RUN_DIR	"/run/netns"
#define BBD_NETNS_MARK_DIR	"/run/bb/netns"
#define BBD_NETNS_PREFIX	"bb-"

/* What the marker records: a device to move back to bbd's namespace. */
struct bbd_netns_mark {
	bool exclusive;
	char ifname[16];	/* name of the device inside and outside */
	bool has_mac;
	uint8_t mac[BB_MAC_LEN];	/* its address before the run */
	bool was_up;
};

/* bbd's own namespace, opened once at start: 0 or -errno. */
int bbd_netns_init(void);
int bbd_netns_self(void);

/* Make and pin the namespace name; *fd is an fd of it. 0 or -errno
 * (-EEXIST if one of that name exists). */
int bbd_netns_create(const char *name, const struct bbd_netns_mark *mark,
		     int *fd);
/* Rewrite the marker (once an exclusive device's old state is known). */
int bbd_netns_mark_write(const char *name, const struct bbd_netns_mark *mark);

/* Enter fd's namespace / go back to bbd's own. 0 or -errno. */
int bbd_netns_enter(int fd);
int bbd_netns_leave(void);

/* A socket(domain, type, proto) inside the namespace fd: fd or -errno. */
int bbd_netns_socket(int fd, int domain, int type, int proto);

/* Write value to the sysctl file path (/proc/sys/net/...) of the
 * namespace fd. 0 or -errno. */
int bbd_netns_sysctl(int fd, const char *path, const char *value);

/* Give back the exclusive device (if the marker names one), unpin the
 * namespace and remove the marker. Returns 0 or the first -errno; goes on
 * after errors so as much as possible is removed. */
int bbd_netns_destroy(const char *name);

/* Destroy every bb- namespace with a marker whose bbd is gone (a crashed
 * run). Returns how many were removed. */
int bbd_netns_cleanup_stale(void);

/* A namespace name for port of bbd pid: "bb-<pid>-<port>", characters
 * other than [A-Za-z0-9_.-] replaced with '_'. */
void bbd_netns_name(char *buf, size_t len, long pid, const char *port);

#endif
