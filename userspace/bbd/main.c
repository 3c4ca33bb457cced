// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * bbd: runs scenarios for bbctl. One process, one epoll loop (UNIX
 * socket, signalfd, the run's timerfd), no thread per flow. See
 * Documentation/bbd.md.
 */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/signalfd.h>
#include <sys/resource.h>
#include <unistd.h>

#include "log.h"
#include "metrics.h"
#include "loop.h"
#include "netns.h"
#include "server.h"

static void usage(FILE *f)
{
	fputs("Usage: bbd [--foreground] [--socket PATH] [--group GROUP]\n"
	      "           [--archive DB] [--report-dir DIR] [--idle-timeout SECS]\n"
	      "           [--metrics ADDR:PORT|off] [--quiet] [--version]\n", f);
}

/* --idle-timeout: whole seconds, 1 to a day. */
static int idle_arg(const char *s, unsigned int *v)
{
	char *end;
	unsigned long n;

	errno = 0;
	n = strtoul(s, &end, 10);
	if (errno || end == s || *end || *s == '-' || n < 1 || n > 86400) {
		fprintf(stderr, "bbd: --idle-timeout: must be whole seconds from 1 to 86400 (got \"%s\")\n",
			s);
		return -1;
	}
	*v = (unsigned int)n;
	return 0;
}

#ifndef BB_VERSION
#define BB_VERSION "unknown"
#endif

static int metrics_arg(const char *spec)
{
	char err[200];

	if (!bbd_metrics_check(spec, err, sizeof(err)))
		return 0;
	fprintf(stderr, "bbd: %s\n", err);
	return -1;
}

/* An address asked for must be had; the default may be taken (another
 * bbd, ByteBlower's exporter): then bbd runs without metrics and says so. */
static int metrics_start(const struct bbd_options *o)
{
	char err[200];
	int ret = bbd_metrics_start(o->metrics ? o->metrics : BBD_METRICS_DEFAULT,
				    err, sizeof(err));

	if (!ret)
		return 0;
	if (!o->metrics) {
		bbd_log_err("%s: no metrics (give --metrics ADDR:PORT or off)", err);
		return 0;
	}
	fprintf(stderr, "bbd: %s\n", err);
	return 2;
}

static int parse(int argc, char **argv, struct bbd_options *o)
{
	static const struct option lo[] = {
		{ "foreground", no_argument, NULL, 'f' },
		{ "socket", required_argument, NULL, 's' },
		{ "group", required_argument, NULL, 'g' },
		{ "archive", required_argument, NULL, 'a' },
		{ "report-dir", required_argument, NULL, 'r' },
		{ "idle-timeout", required_argument, NULL, 'i' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "metrics", required_argument, NULL, 'm' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	o->socket = BBD_SOCKET_DEFAULT;
	while ((c = getopt_long(argc, argv, "fs:g:a:r:i:m:qhV", lo, NULL)) != -1) {
		switch (c) {
		case 'f': o->foreground = true; break;
		case 's': o->socket = optarg; break;
		case 'g': o->group = optarg; break;
		case 'a': o->archive = optarg; break;
		case 'r': o->report_dir = optarg; break;
		case 'i':
			if (idle_arg(optarg, &o->idle_s))
				return -1;
			break;
		case 'm': o->metrics = optarg; break;
		case 'q': bbd_log_quiet(true); break;
		case 'h': usage(stdout); exit(0);
		case 'V': puts("bbd " BB_VERSION); exit(0);
		default: usage(stderr); return -1;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "bbd: unexpected argument \"%s\"\n", argv[optind]);
		usage(stderr);
		return -1;
	}
	return metrics_arg(o->metrics);
}

static void on_signal(int fd, uint32_t events, void *arg)
{
	struct signalfd_siginfo si;

	(void)events;
	(void)arg;
	if (read(fd, &si, sizeof(si)) != sizeof(si))
		return;
	bbd_log_info("signal %u: stopping", si.ssi_signo);
	bbd_server_shutdown();
}

/* SIGINT/SIGTERM/SIGHUP through the loop; SIGPIPE ignored (a client
 * that goes away is noticed by send). */
static int signals(void)
{
	sigset_t set;
	int fd;

	signal(SIGPIPE, SIG_IGN);
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	sigprocmask(SIG_BLOCK, &set, NULL);
	fd = signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);
	return fd < 0 ? -1 : bbd_loop_add(fd, EPOLLIN, on_signal, NULL);
}

/* Each HTTP flow holds two or three sockets: lift the soft fd limit as
 * far as the loop's table and the hard limit allow. */
static void fd_limit(void)
{
	struct rlimit rl;

	if (getrlimit(RLIMIT_NOFILE, &rl))
		return;
	rl.rlim_cur = rl.rlim_max < BBD_FD_MAX ? rl.rlim_max : BBD_FD_MAX;
	if (setrlimit(RLIMIT_NOFILE, &rl))
		bbd_log_err("RLIMIT_NOFILE: %s", strerror(errno));
}

int main(int argc, char **argv)
{
	struct bbd_options o = { 0 };
	int n, ret;

	if (parse(argc, argv, &o))
		return 1;
	if (geteuid() != 0) {
		fprintf(stderr, "bbd: must run as root (it makes network namespaces)\n");
		return 2;
	}
	fd_limit();
	if (bbd_netns_init() || bbd_loop_init() || signals()) {
		perror("bbd: setup");
		return 2;
	}
	ret = bbd_server_start(&o);
	if (ret)
		return ret == -EINVAL ? 1 : 2;
	ret = metrics_start(&o);
	if (ret) {
		bbd_server_close();
		return ret;
	}
	n = bbd_netns_cleanup_stale();
	if (n)
		bbd_log_info("removed %d namespaces of a bbd that died", n);
	if (!o.foreground && daemon(0, 0) < 0) {
		perror("bbd: daemon");
		return 2;
	}
	if (bbd_server_activated())
		bbd_log_info("listening on the socket systemd passed (bbd.socket)");
	else
		bbd_log_info("listening on %s", o.socket);
	ret = bbd_loop_run();
	bbd_metrics_stop();
	bbd_server_close();
	return ret ? 2 : 0;
}
