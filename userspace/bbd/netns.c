// SPDX-License-Identifier: GPL-2.0-only OR MIT
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/if_link.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "log.h"
#include "netns.h"
#include "rtnl.h"

static int self_fd = -1;

int bbd_netns_init(void)
{
	self_fd = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
	return self_fd < 0 ? -errno : 0;
}

int bbd_netns_self(void)
{
	return self_fd;
}

void bbd_netns_name(char *buf, size_t len, long pid, const char *port)
{
	size_t i, n;

	snprintf(buf, len, BBD_NETNS_PREFIX "%ld-%s", pid, port);
	n = strlen(BBD_NETNS_PREFIX);
	for (i = n; buf[i]; i++)
		if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
			    "0123456789_.-", buf[i]))
			buf[i] = '_';
}

static void path_of(char *buf, size_t len, const char *dir, const char *name)
{
	snprintf(buf, len, "%s/%s", dir, name);
}

/* mkdir -p for the two levels bbd needs (/run/bb/netns). */
static int make_dir(const char *dir)
{
	char tmp[256], *p;

	snprintf(tmp, sizeof(tmp), "%s", dir);
	for (p = tmp + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(tmp, 0755) && errno != EEXIST)
			return -errno;
		*p = '/';
	}
	return mkdir(tmp, 0755) && errno != EEXIST ? -errno : 0;
}

int bbd_netns_mark_write(const char *name, const struct bbd_netns_mark *m)
{
	char path[512], mac[18];
	json_t *o;
	int ret;

	snprintf(mac, sizeof(mac), "%02x:%02x:%02x:%02x:%02x:%02x", m->mac[0],
		 m->mac[1], m->mac[2], m->mac[3], m->mac[4], m->mac[5]);
	o = json_pack("{s:i, s:b, s:s, s:s?, s:b}", "pid", (int)getpid(),
		      "exclusive", m->exclusive, "ifname", m->ifname,
		      "mac", m->has_mac ? mac : NULL, "was_up", m->was_up);
	if (!o)
		return -ENOMEM;
	path_of(path, sizeof(path), BBD_NETNS_MARK_DIR, name);
	ret = json_dump_file(o, path, JSON_COMPACT) ? -EIO : 0;
	json_decref(o);
	return ret;
}

static int mark_read(const char *name, struct bbd_netns_mark *m)
{
	const char *ifname = "", *mac = NULL;
	char path[512];
	int excl = 0, up = 0;
	json_t *o;

	memset(m, 0, sizeof(*m));
	path_of(path, sizeof(path), BBD_NETNS_MARK_DIR, name);
	o = json_load_file(path, 0, NULL);
	if (!o)
		return -ENOENT;
	json_unpack(o, "{s?b, s?s, s?s, s?b}", "exclusive", &excl, "ifname",
		    &ifname, "mac", &mac, "was_up", &up);
	m->exclusive = excl;
	m->was_up = up;
	snprintf(m->ifname, sizeof(m->ifname), "%s", ifname);
	m->has_mac = mac && sscanf(mac, "%hhx:%hhx:%hhx:%hhx:%hhx:%hhx",
				   &m->mac[0], &m->mac[1], &m->mac[2],
				   &m->mac[3], &m->mac[4], &m->mac[5]) == 6;
	json_decref(o);
	return 0;
}

/* unshare() gives this (single-threaded) process a new namespace; pin it
 * with a bind mount as iproute2 does, then return to bbd's own. */
static int pin_new(const char *path, int *fd)
{
	int ret = 0, f;

	f = open(path, O_RDONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0444);
	if (f < 0)
		return -errno;
	close(f);
	if (unshare(CLONE_NEWNET) < 0) {
		ret = -errno;
		unlink(path);
		return ret;
	}
	if (mount("/proc/self/ns/net", path, "none", MS_BIND, NULL) < 0)
		ret = -errno;
	else if ((*fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		ret = -errno;
	if (bbd_netns_leave() < 0 && !ret)
		ret = -errno;
	if (ret) {
		umount2(path, MNT_DETACH);
		unlink(path);
	}
	return ret;
}

int bbd_netns_create(const char *name, const struct bbd_netns_mark *mark,
		     int *fd)
{
	char path[512];
	int ret;

	ret = make_dir(BBD_NETNS_RUN_DIR);
	if (!ret)
		ret = make_dir(BBD_NETNS_MARK_DIR);
	if (ret)
		return ret;
	/* the marker first: a crash between the two leaves a marker
	 * without namespace, which cleanup removes */
	ret = bbd_netns_mark_write(name, mark);
	if (ret)
		return ret;
	path_of(path, sizeof(path), BBD_NETNS_RUN_DIR, name);
	ret = pin_new(path, fd);
	if (ret) {
		path_of(path, sizeof(path), BBD_NETNS_MARK_DIR, name);
		unlink(path);
	}
	return ret;
}

int bbd_netns_enter(int fd)
{
	return setns(fd, CLONE_NEWNET) < 0 ? -errno : 0;
}

int bbd_netns_leave(void)
{
	return bbd_netns_enter(self_fd);
}

int bbd_netns_socket(int fd, int domain, int type, int proto)
{
	int ret = bbd_netns_enter(fd), s;

	if (ret)
		return ret;
	s = socket(domain, type | SOCK_CLOEXEC, proto);
	ret = s < 0 ? -errno : s;
	if (bbd_netns_leave() < 0) {
		/* cannot happen with a valid self fd; never run on in the
		 * wrong namespace */
		bbd_log_err("cannot return to bbd's namespace: %s", strerror(errno));
		abort();
	}
	return ret;
}

int bbd_netns_sysctl(int fd, const char *path, const char *value)
{
	int ret = bbd_netns_enter(fd), f;
	size_t n = strlen(value);

	if (ret)
		return ret;
	/* /proc/sys/net shows the namespace of whoever opens it */
	f = open(path, O_WRONLY | O_CLOEXEC);
	ret = f < 0 ? -errno : 0;
	if (bbd_netns_leave() < 0) {
		bbd_log_err("cannot return to bbd's namespace: %s", strerror(errno));
		abort();
	}
	if (ret)
		return ret;
	if (write(f, value, n) != (ssize_t)n)
		ret = -errno;
	close(f);
	return ret;
}

/* Move the exclusive device back out, restoring its address and state. */
static int give_back(int nsfd, const struct bbd_netns_mark *m)
{
	struct bbd_rtnl in, out;
	struct bbd_link l;
	int ret;

	ret = bbd_rtnl_open(&in, nsfd);
	if (ret)
		return ret;
	ret = bbd_link_get(&in, m->ifname, &l);
	if (!ret)
		ret = bbd_link_set(&in, l.ifindex, m->has_mac ? m->mac : NULL,
				   false);
	if (!ret)
		ret = bbd_link_move(&in, l.ifindex, self_fd);
	bbd_rtnl_close(&in);
	if (ret || !m->was_up)
		return ret;
	ret = bbd_rtnl_open(&out, -1);
	if (!ret)
		ret = bbd_link_get(&out, m->ifname, &l);
	if (!ret)
		ret = bbd_link_set(&out, l.ifindex, NULL, true);
	bbd_rtnl_close(&out);
	return ret;
}

int bbd_netns_destroy(const char *name)
{
	struct bbd_netns_mark m;
	char path[512];
	int ret = 0, fd;

	path_of(path, sizeof(path), BBD_NETNS_RUN_DIR, name);
	if (!mark_read(name, &m) && m.exclusive) {
		fd = open(path, O_RDONLY | O_CLOEXEC);
		ret = fd < 0 ? -errno : give_back(fd, &m);
		if (fd >= 0)
			close(fd);
		if (ret)
			bbd_log_err("%s: cannot move %s back: %s", name,
				    m.ifname, strerror(-ret));
	}
	if (umount2(path, MNT_DETACH) < 0 && errno != ENOENT && errno != EINVAL && !ret)
		ret = -errno;
	if (unlink(path) < 0 && errno != ENOENT && !ret)
		ret = -errno;
	path_of(path, sizeof(path), BBD_NETNS_MARK_DIR, name);
	unlink(path);
	return ret;
}

/* Did the bbd that made name die? Its pid is in the name. */
static bool owner_gone(const char *name)
{
	char comm[64] = "", path[64];
	long pid = strtol(name + strlen(BBD_NETNS_PREFIX), NULL, 10);
	FILE *f;

	if (pid <= 0 || pid == getpid())
		return true;
	snprintf(path, sizeof(path), "/proc/%ld/comm", pid);
	f = fopen(path, "r");
	if (!f)
		return true;
	if (!fgets(comm, sizeof(comm), f))
		comm[0] = '\0';
	fclose(f);
	return strcmp(comm, "bbd\n") != 0;
}

int bbd_netns_cleanup_stale(void)
{
	DIR *d = opendir(BBD_NETNS_MARK_DIR);
	struct dirent *e;
	int n = 0;

	if (!d)
		return 0;
	while ((e = readdir(d))) {
		if (strncmp(e->d_name, BBD_NETNS_PREFIX, strlen(BBD_NETNS_PREFIX)) ||
		    !owner_gone(e->d_name))
			continue;
		bbd_log_info("removing namespace %s left by a bbd that is gone",
			     e->d_name);
		bbd_netns_destroy(e->d_name);
		n++;
	}
	closedir(d);
	return n;
}
