// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * bbctl support-bundle [out FILE.tar.gz] [archive DB] [runs N]
 * What a maintainer asks for first, in one archive: versions (kernel,
 * module, bbctl, bbd, libraries), the module's parameters and objects,
 * bbgen's kernel log lines, bbd's log, the last runs of the archive, and
 * links, addresses, routes and ethtool's view of every namespace bbd or
 * ip netns made. It works without bbd and without the module (a member
 * then says what was missing). Nothing secret: the environment is not
 * read, commands run with a fixed one, and no file outside /proc/sys,
 * /sys/module/bbgen and the archive is opened.
 */
#include <errno.h>
#include <dirent.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>
#include <netlink/version.h>
#include <pcap/pcap.h>
#include <sqlite3.h>

#include "archive.h"
#include "atomic_file.h"
#include "bbctl.h"
#include "file_line.h"
#include "print.h"
#include "run.h"

#ifndef BB_VERSION
#define BB_VERSION "unknown"
#endif

#define TOPDIR		"bb-support"
#define RUNS_DFLT	5
#define RUNS_MAX	100
#define NETNS_MAX	256

/* Commands see this and nothing of the caller's environment. */
static char *const clean_env[] = {
	"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
	"LC_ALL=C", NULL,
};

struct bundle {
	char dir[PATH_MAX];	/* the staging directory's TOPDIR */
	char self[PATH_MAX];	/* this bbctl, for its own commands */
	unsigned int members;
};

static void member_path(const struct bundle *b, const char *name, char *buf,
			size_t len)
{
	snprintf(buf, len, "%s/%s", b->dir, name);
}

static FILE *member_open(struct bundle *b, const char *name)
{
	char path[PATH_MAX + 256];
	FILE *f;

	member_path(b, name, path, sizeof(path));
	bb_make_parents(path, 0700);	/* module/, net/NS/ */
	f = fopen(path, "we");
	if (f)
		b->members++;
	return f;
}

/* The member NAME is what argv prints (stdout and stderr); a command
 * that could not run leaves a line that says so. */
static void member_cmd(struct bundle *b, const char *name, char *const argv[])
{
	posix_spawn_file_actions_t fa;
	FILE *f = member_open(b, name);
	pid_t pid;
	int st = 0, ret;

	if (!f)
		return;
	fflush(f);
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, fileno(f), STDOUT_FILENO);
	posix_spawn_file_actions_adddup2(&fa, fileno(f), STDERR_FILENO);
	posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
	ret = posix_spawnp(&pid, argv[0], &fa, NULL, argv, clean_env);
	posix_spawn_file_actions_destroy(&fa);
	if (ret)
		fprintf(f, "(not available: %s: %s)\n", argv[0], strerror(ret));
	else if (waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st))
		fprintf(f, "(%s exited with status %d)\n", argv[0], WEXITSTATUS(st));
	fclose(f);
}

/* One line of a file (a sysctl, a module parameter), or why not. */
static void read_value(const char *path, char *buf, size_t len)
{
	int ret = bb_read_line(path, buf, len);

	if (ret)
		snprintf(buf, len, "(unreadable: %s)", strerror(-ret));
}

static void versions(struct bundle *b)
{
	char bbd[PATH_MAX], mod[256], src[256];
	struct utsname u;
	FILE *f = member_open(b, "versions.txt");

	if (!f)
		return;
	uname(&u);
	read_value("/sys/module/bbgen/version", mod, sizeof(mod));
	read_value("/sys/module/bbgen/srcversion", src, sizeof(src));
	fprintf(f, "kernel: %s %s %s %s\n", u.sysname, u.release, u.version, u.machine);
	fprintf(f, "bbgen module: %s\n", access("/sys/module/bbgen", F_OK) ?
		"not loaded" : mod);
	fprintf(f, "bbgen srcversion: %s\n", src);
	fprintf(f, "bbctl: %s\n", BB_VERSION);
	fprintf(f, "libraries: %s, jansson %s, sqlite %s, %s\n", LIBNL_STRING,
		JANSSON_VERSION, sqlite3_libversion(), pcap_lib_version());
	fclose(f);
	bbd_path(bbd, sizeof(bbd));
	member_cmd(b, "bbd-version.txt", (char *[]){ bbd, "--version", NULL });
}

static void module_params(struct bundle *b)
{
	const char *dir = "/sys/module/bbgen/parameters";
	char path[PATH_MAX], val[256];
	FILE *f = member_open(b, "module/parameters.txt");
	DIR *d = opendir(dir);
	struct dirent *e;

	if (!f) {
		if (d)
			closedir(d);
		return;
	}
	if (!d)
		fprintf(f, "(bbgen not loaded or without parameters: %s)\n", strerror(errno));
	while (d && (e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		read_value(path, val, sizeof(val));
		fprintf(f, "%s = %s\n", e->d_name, val);
	}
	if (d)
		closedir(d);
	fclose(f);
}

static void module_objects(struct bundle *b)
{
	static const char *const objs[] = { "port", "stream", "trigger" };
	char name[64];
	size_t i;

	for (i = 0; i < sizeof(objs) / sizeof(objs[0]); i++) {
		snprintf(name, sizeof(name), "module/%ss.json", objs[i]);
		member_cmd(b, name, (char *[]){ b->self, "-j", (char *)objs[i], "show", NULL });
	}
}

/* The kernel's and bbd's logs: bbgen's lines, bbd's journal. */
static void logs(struct bundle *b)
{
	member_cmd(b, "dmesg-bbgen.txt", (char *[]){ "sh", "-c",
		   "dmesg 2>&1 | grep -i bbgen || echo '(no bbgen lines in the kernel log)'",
		   NULL });
	member_cmd(b, "bbd.log", (char *[]){ "sh", "-c",
		   "journalctl -u bbd -n 2000 --no-pager -o short-precise 2>&1 || "
		   "echo '(no journal of bbd: it logs to its standard error, see bbd(8))'",
		   NULL });
}

static const char *const sysctls[] = {
	"kernel/osrelease", "kernel/tainted",
	"net/core/rmem_max", "net/core/wmem_max", "net/core/rmem_default",
	"net/core/wmem_default", "net/core/netdev_max_backlog",
	"net/core/default_qdisc", "net/ipv4/tcp_congestion_control",
	"net/ipv4/tcp_available_congestion_control", "net/ipv4/tcp_ecn",
	"net/ipv4/tcp_rmem", "net/ipv4/tcp_wmem", "net/ipv4/ip_forward",
	"net/ipv4/ip_local_port_range", "net/ipv4/conf/all/rp_filter",
	"net/ipv6/conf/all/disable_ipv6", "net/ipv6/conf/all/forwarding",
	"net/netfilter/nf_conntrack_udp_timeout",
};

static void sysctl_values(struct bundle *b)
{
	char path[PATH_MAX], val[512];
	FILE *f = member_open(b, "sysctl.txt");
	size_t i;

	if (!f)
		return;
	for (i = 0; i < sizeof(sysctls) / sizeof(sysctls[0]); i++) {
		snprintf(path, sizeof(path), "/proc/sys/%s", sysctls[i]);
		read_value(path, val, sizeof(val));
		fprintf(f, "%s = %s\n", sysctls[i], val);
	}
	fclose(f);
}

/* ethtool -i/-k/-T of every link but lo in the namespace the command
 * runs in (sysfs shows bbctl's namespace, so the names come from ip). */
#define ETHTOOL_ALL \
	"for d in $(ip -o link show | sed -n 's/^[0-9]*: \\([^:@]*\\).*/\\1/p'); do " \
	"[ \"$d\" = lo ] && continue; for o in -i -k -T; do " \
	"echo \"== ethtool $o $d\"; ethtool $o \"$d\" 2>&1; done; done"

/* net/LABEL/: the namespace at nspath (NULL: bbctl's own). */
static void netns_members(struct bundle *b, const char *label, const char *nspath)
{
	static const char *const what[][2] = {
		{ "link.txt", "ip -d -s link show" }, { "addr.txt", "ip -d addr show" },
		{ "route.txt", "ip route show table all; ip -6 route show table all" },
		{ "neigh.txt", "ip neigh show" }, { "ethtool.txt", ETHTOOL_ALL },
	};
	char name[PATH_MAX], nsarg[PATH_MAX + 8];
	size_t i;

	snprintf(nsarg, sizeof(nsarg), "--net=%s", nspath ? nspath : "/proc/self/ns/net");
	for (i = 0; i < sizeof(what) / sizeof(what[0]); i++) {
		snprintf(name, sizeof(name), "net/%s/%s", label, what[i][0]);
		member_cmd(b, name, (char *[]){ "nsenter", nsarg, "sh", "-c",
			   (char *)what[i][1], NULL });
	}
}

/* Every namespace of a directory of bind mounts (bbd's, ip netns'). */
static void netns_dir(struct bundle *b, const char *dir, const char *prefix)
{
	char path[PATH_MAX], label[300];
	DIR *d = opendir(dir);
	struct dirent *e;
	unsigned int n = 0;

	while (d && (e = readdir(d)) && n < NETNS_MAX) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		snprintf(label, sizeof(label), "%s%s", prefix, e->d_name);
		netns_members(b, label, path);
		n++;
	}
	if (d)
		closedir(d);
}

/* runs.json, and runs/ID.json of the last n runs. */
static void runs(struct bundle *b, const char *archive, unsigned int n)
{
	char list[PATH_MAX + 64], name[64], id[24];
	json_t *doc, *run;
	size_t i, len;

	member_cmd(b, "runs.json", (char *[]){ b->self, "-j", "runs", "list",
		   "archive", (char *)archive, NULL });
	member_path(b, "runs.json", list, sizeof(list));
	doc = json_load_file(list, JSON_DISABLE_EOF_CHECK, NULL);
	len = json_is_array(doc) ? json_array_size(doc) : 0;
	for (i = len > n ? len - n : 0; i < len; i++) {
		run = json_object_get(json_array_get(doc, i), "id");
		if (!json_is_integer(run))
			continue;
		snprintf(id, sizeof(id), "%lld", (long long)json_integer_value(run));
		snprintf(name, sizeof(name), "runs/%s.json", id);
		member_cmd(b, name, (char *[]){ b->self, "-j", "runs", "show", id,
			   "archive", (char *)archive, NULL });
	}
	json_decref(doc);
}

static int rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static int pack(const char *stage, const char *out)
{
	char *argv[] = { "tar", "-czf", (char *)out, "-C", (char *)stage, TOPDIR, NULL };
	pid_t pid;
	int st, ret = posix_spawnp(&pid, "tar", NULL, NULL, argv, clean_env);

	if (ret) {
		fprintf(stderr, "bbctl: support-bundle: tar: %s\n", strerror(ret));
		return EXIT_KERNEL;
	}
	if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st) || WEXITSTATUS(st)) {
		fprintf(stderr, "bbctl: support-bundle: tar could not write %s\n", out);
		return EXIT_KERNEL;
	}
	return 0;
}

static void default_name(char *buf, size_t len)
{
	char host[64] = "host";
	time_t t = time(NULL);
	struct tm tm;

	gethostname(host, sizeof(host) - 1);
	host[strcspn(host, "/ ")] = '\0';
	gmtime_r(&t, &tm);
	snprintf(buf, len, "bb-support-%s-%04d%02d%02dT%02d%02d%02dZ.tar.gz", host,
		 tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
		 tm.tm_min, tm.tm_sec);
}

static void collect(struct bundle *b, const char *archive, unsigned int nruns)
{
	versions(b);
	module_params(b);
	module_objects(b);
	logs(b);
	sysctl_values(b);
	netns_members(b, "host", NULL);
	netns_dir(b, "/run/bb/netns", "bbd-");
	netns_dir(b, "/run/netns", "");
	runs(b, archive, nruns);
}

/* The output must be writable before minutes are spent collecting. */
static int check_out(const char *out)
{
	int fd = open(out, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

	if (fd < 0) {
		fprintf(stderr, "bbctl: support-bundle: out %s: %s\n", out, strerror(errno));
		return EXIT_KERNEL;
	}
	close(fd);
	return 0;
}

static int cmd_support(int argc, char **argv)
{
	static const struct arg_spec spec[] = {
		ARG("out", "FILE", false), ARG("archive", "DB", false),
		ARG("runs", "N", false), { 0 },
	};
	const char *v[4] = { 0 };
	char out[PATH_MAX], stage[] = "/tmp/bb-support.XXXXXX";
	struct bundle b = { 0 };
	uint64_t nruns = RUNS_DFLT;
	ssize_t n;
	int ret = args_collect("support-bundle", argc, argv, spec, v);

	if (!ret && v[2])
		ret = arg_uint("runs", v[2], 0, RUNS_MAX, &nruns);
	if (ret)
		return ret;
	if (v[0])
		snprintf(out, sizeof(out), "%s", v[0]);
	else
		default_name(out, sizeof(out));
	if ((ret = check_out(out)))
		return ret;
	if (!mkdtemp(stage)) {
		fprintf(stderr, "bbctl: support-bundle: %s: %s\n", stage, strerror(errno));
		return EXIT_KERNEL;
	}
	snprintf(b.dir, sizeof(b.dir), "%s/" TOPDIR, stage);
	mkdir(b.dir, 0700);
	n = readlink("/proc/self/exe", b.self, sizeof(b.self) - 1);
	if (n > 0)
		b.self[n] = '\0';
	else
		snprintf(b.self, sizeof(b.self), "bbctl");
	collect(&b, v[1] ? v[1] : BB_ARCHIVE_DEFAULT, (unsigned int)nruns);
	ret = pack(stage, out);
	nftw(stage, rm_one, 16, FTW_DEPTH | FTW_PHYS);
	if (ret) {
		unlink(out);
		return ret;
	}
	pr_open_object();
	pr_string(PR_ANY, "file", "support bundle %s", out);
	pr_uint(PR_ANY, "members", "(%u members)", b.members);
	pr_string(PR_TEXT, NULL, "%s", "\n");
	pr_close_object();
	pr_flush();
	return EXIT_OK;
}

const struct object support_object = {
	.name = "support-bundle",
	.direct = cmd_support,
	.usage = "bbctl support-bundle [out FILE.tar.gz] [archive DB] [runs N]\n",
};
