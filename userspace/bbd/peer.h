/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Who asked: the user at the other end of a bbd socket (SO_PEERCRED,
 * SO_PEERGROUPS), and files written as that user. bbd runs as root; a run
 * asked for by a member of --group that names a report_dir gets its
 * reports and captures written with that user's file system identity
 * (fsuid, fsgid, groups), so the kernel allows exactly what the user could
 * write, and the files are theirs.
 */
#ifndef BBD_PEER_H
#define BBD_PEER_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#define BBD_PEER_GROUPS_MAX	64

struct bbd_peer {
	bool known;
	uid_t uid;
	gid_t gid;
	int ngroups;
	gid_t groups[BBD_PEER_GROUPS_MAX];
};

/* bbd's own identity while it acts as a peer. */
struct bbd_peer_saved {
	bool changed;
	int ngroups;
	gid_t groups[BBD_PEER_GROUPS_MAX];
};

/* The credentials of a connected UNIX socket's peer; 0 or -errno. */
int bbd_peer_read(int fd, struct bbd_peer *p);
/* Root, or not known (then bbd acts as itself). */
bool bbd_peer_is_root(const struct bbd_peer *p);
/* Until bbd_peer_end(), files are opened and made as p (no-op for root). */
int bbd_peer_begin(const struct bbd_peer *p, struct bbd_peer_saved *s);
void bbd_peer_end(struct bbd_peer_saved *s);
/* May p make files in dir? 0, or -errno with one line in err naming the
 * key, the directory, the user and what is wrong. */
int bbd_peer_check_dir(const struct bbd_peer *p, const char *key, const char *dir,
		       char *err, size_t errlen);

#endif
