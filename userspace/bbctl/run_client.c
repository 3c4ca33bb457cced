// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* bbctl run <-> bbd: the UNIX socket, and a bbd of our own when none
 * runs (started for this run only, stopped at its end). */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "archive.h"
#include "run.h"

#define START_WAIT_MS	10000

static int try_connect(const char *path)
{
	struct sockaddr_un a = { .sun_family = AF_UNIX };
	int fd;

	if (strlen(path) >= sizeof(a.sun_path))
		return -ENAMETOOLONG;
	memcpy(a.sun_path, path, strlen(path));
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	if (connect(fd, (struct sockaddr *)&a, sizeof(a)) < 0) {
		int err = -errno;

		close(fd);
		return err;
	}
	return fd;
}

/* bbd next to this bbctl (build/bin, or the install's sbin). */
void bbd_path(char *buf, size_t len)
{
	char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);

	if (n <= 0) {
		snprintf(buf, len, "bbd");
		return;
	}
	self[n] = '\0';
	snprintf(buf, len, "%s/bbd", dirname(self));
}

static pid_t spawn(const char *sock)
{
	char exe[PATH_MAX];
	pid_t pid;
	int null;

	bbd_path(exe, sizeof(exe));
	pid = fork();
	if (pid)
		return pid;
	/* its own process group: the terminal's Ctrl-C is for bbctl, which
	 * turns it into a stop request */
	setpgid(0, 0);
	null = open("/dev/null", O_RDWR);
	if (null >= 0) {
		dup2(null, STDIN_FILENO);
		dup2(null, STDOUT_FILENO);
		if (!getenv("BBCTL_BBD_LOG"))
			dup2(null, STDERR_FILENO);
	}
	execl(exe, "bbd", "--foreground", "--quiet", "--socket", sock, (char *)NULL);
	fprintf(stderr, "bbctl: cannot start %s: %s\n", exe, strerror(errno));
	_exit(127);
}

int run_connect(struct run_conn *c, const char *path)
{
	struct timespec ts = { 0, 50000000 };
	int fd, waited;

	memset(c, 0, sizeof(*c));
	fd = try_connect(path);
	if (fd < 0 && (fd == -ENOENT || fd == -ECONNREFUSED)) {
		c->child = spawn(path);
		for (waited = 0; c->child > 0 && fd < 0 && waited < START_WAIT_MS;
		     waited += 50) {
			nanosleep(&ts, NULL);
			if (waitpid(c->child, NULL, WNOHANG) == c->child) {
				c->child = 0;
				break;
			}
			fd = try_connect(path);
		}
	}
	if (fd < 0) {
		fprintf(stderr, "bbctl: cannot reach bbd at %s: %s\n", path,
			c->child || fd != -ENOENT ? strerror(-fd)
			: "it did not start (run bbd --foreground to see why)");
		run_disconnect(c);
		return BBD_EXIT_SYSTEM;
	}
	c->fd = fd;
	if (c->child > 0 && isatty(STDERR_FILENO)) {
		char exe[PATH_MAX];

		/* a user at a terminal learns that this is not the daemon they
		 * may think runs (scripts are not told: their stderr stays as is) */
		bbd_path(exe, sizeof(exe));
		fprintf(stderr, "bbctl: no bbd was running at %s: started %s for this run "
			"(archive %s); it stops when the run ends\n", path, exe,
			BB_ARCHIVE_DEFAULT);
	}
	return 0;
}

const char *run_socket_path(void)
{
	const char *env = getenv("BBD_SOCKET");

	return env ? env : BBD_SOCKET_DEFAULT;
}

int run_attach(struct run_conn *c, const char *path)
{
	int fd;

	memset(c, 0, sizeof(*c));
	c->fd = -1;
	fd = try_connect(path);
	if (fd < 0)
		return fd;
	c->fd = fd;
	return 0;
}

int run_send(struct run_conn *c, json_t *msg)
{
	size_t len, off = 0;
	char *s = bbd_frame(msg, &len);
	ssize_t n;

	if (!s)
		return -ENOMEM;
	while (off < len) {
		n = send(c->fd, s + off, len - off, MSG_NOSIGNAL);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			free(s);
			return -EPIPE;
		}
		off += (size_t)n;
	}
	free(s);
	return 0;
}

/* bbd's answers have no size limit of their own (a run's record); this
 * only stops a runaway peer. */
#define ANSWER_MAX	(1ull << 32)

json_t *run_recv(struct run_conn *c, int *err)
{
	struct pollfd p = { .fd = c->fd, .events = POLLIN };
	char tmp[262144], *line;
	json_t *o;
	ssize_t n;

	*err = 0;
	while (!(line = bbd_lines_next(&c->in))) {
		if (poll(&p, 1, -1) < 0) {
			*err = -errno;
			return NULL;
		}
		n = read(c->fd, tmp, sizeof(tmp));
		if (n < 0 && errno == EINTR) {
			*err = -EINTR;
			return NULL;
		}
		if (n <= 0 || bbd_lines_add(&c->in, tmp, (size_t)n, ANSWER_MAX))
			return NULL;
	}
	o = json_loads(line, 0, NULL);
	return o ? o : json_null();
}

void run_disconnect(struct run_conn *c)
{
	if (c->fd > 0)
		close(c->fd);
	c->fd = -1;
	bbd_lines_free(&c->in);
	if (c->child > 0) {
		kill(c->child, SIGTERM);
		waitpid(c->child, NULL, 0);
		c->child = 0;
	}
}
