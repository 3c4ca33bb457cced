// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* The socket peer's identity, and bbd acting as it (peer.h). bbd is one
 * thread, so setfsuid() and setgroups() cover everything it does between
 * begin and end. */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/fsuid.h>
#include <sys/socket.h>
#include <unistd.h>

#include "peer.h"

int bbd_peer_read(int fd, struct bbd_peer *p)
{
	struct ucred uc;
	socklen_t len = sizeof(uc);

	memset(p, 0, sizeof(*p));
	if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &uc, &len) < 0)
		return -errno;
	p->uid = uc.uid;
	p->gid = uc.gid;
	len = sizeof(p->groups);
	/* more groups than fit: the primary group alone, the safe side */
	if (getsockopt(fd, SOL_SOCKET, SO_PEERGROUPS, p->groups, &len) == 0)
		p->ngroups = (int)(len / sizeof(gid_t));
	p->known = true;
	return 0;
}

bool bbd_peer_is_root(const struct bbd_peer *p)
{
	return !p || !p->known || p->uid == 0;
}

int bbd_peer_begin(const struct bbd_peer *p, struct bbd_peer_saved *s)
{
	s->changed = false;
	if (bbd_peer_is_root(p))
		return 0;
	s->ngroups = getgroups(BBD_PEER_GROUPS_MAX, s->groups);
	if (s->ngroups < 0 || setgroups((size_t)p->ngroups, p->groups) < 0)
		return -errno;
	setfsgid(p->gid);
	setfsuid(p->uid);	/* drops CAP_DAC_OVERRIDE and friends */
	s->changed = true;
	return 0;
}

void bbd_peer_end(struct bbd_peer_saved *s)
{
	if (!s->changed)
		return;
	setfsuid(geteuid());
	setfsgid(getegid());
	if (setgroups((size_t)s->ngroups, s->groups) < 0)
		abort();	/* never go on with another user's groups */
	s->changed = false;
}

static void user_name(const struct bbd_peer *p, char *buf, size_t len)
{
	struct passwd *pw = getpwuid(p->uid);

	if (pw)
		snprintf(buf, len, "%s (uid %u)", pw->pw_name, (unsigned int)p->uid);
	else
		snprintf(buf, len, "uid %u", (unsigned int)p->uid);
}

int bbd_peer_check_dir(const struct bbd_peer *p, const char *key, const char *dir,
		       char *err, size_t errlen)
{
	struct bbd_peer_saved s;
	char who[96];
	int ret = bbd_peer_begin(p, &s);

	if (ret) {
		snprintf(err, errlen, "%s: cannot take the requesting user's identity: %s",
			 key, strerror(-ret));
		return ret;
	}
	/* AT_EACCESS: the check uses the fsuid set above, not the real uid */
	if (faccessat(AT_FDCWD, dir, W_OK | X_OK, AT_EACCESS) < 0)
		ret = -errno;
	bbd_peer_end(&s);
	if (!ret)
		return 0;
	user_name(p, who, sizeof(who));
	if (ret == -ENOENT || ret == -ENOTDIR)
		snprintf(err, errlen, "%s: %s: no such directory", key, dir);
	else
		snprintf(err, errlen, "%s: %s: %s may not write there (%s); give a directory that user may write",
			 key, dir, who, strerror(-ret));
	return ret;
}
