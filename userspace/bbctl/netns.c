// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Entering a named network namespace, as ip netns names them
 * (/run/netns/NAME): for "bbctl -n NAME ..." (ip -n's habit) and
 * "bbctl capture ... netns NAME". setns() in this process instead of
 * "ip netns exec" or nsenter in front of bbctl: one process less per
 * command, which scripts that drive hundreds of commands feel.
 */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "bbctl.h"

int netns_enter(const char *what, const char *name)
{
	char path[300];
	int fd, ret;

	if (!*name || strchr(name, '/') || !strcmp(name, ".") || !strcmp(name, ".."))
		return usage_err("%s: \"%s\" is not a namespace name (as ip netns list shows them)",
				 what, name);
	snprintf(path, sizeof(path), "/run/netns/%s", name);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ENOENT)
			return usage_err("%s: no such network namespace \"%s\" (ip netns list shows them)",
					 what, name);
		fprintf(stderr, "bbctl: %s \"%s\": %s\n", what, name, strerror(errno));
		return EXIT_KERNEL;
	}
	ret = setns(fd, CLONE_NEWNET);
	close(fd);
	if (ret) {
		fprintf(stderr, "bbctl: %s \"%s\": %s\n", what, name, strerror(errno));
		return EXIT_KERNEL;
	}
	return 0;
}
