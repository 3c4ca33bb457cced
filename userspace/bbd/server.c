// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* Clients of the UNIX socket and the one run they may start. */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <arpa/inet.h>
#include <unistd.h>

#include <jansson.h>

#include "bbd_request.h"
#include "clients.h"
#include "log.h"
#include "loop.h"
#include "metrics.h"
#include "outputs.h"
#include "port.h"
#include "port_capture.h"
#include "run.h"
#include "server.h"

static const struct bbd_options *opt;
static int listen_fd = -1;
static struct bbd_run run;
static struct bbd_client *runner;	/* who started the run, or NULL */
static bool running, quitting;
static bool activated;			/* the socket is systemd's */
static json_t *run_options;		/* options of the current run */
/* who asked for it, when the request named report_dir (else unknown:
 * bbd's own directories, written as bbd) */
static struct bbd_peer writer;

static void send_error(struct bbd_client *c, int code, const char *msg)
{
	json_t *o = json_pack("{s:s,s:i,s:s}", "event", bbd_event_name(BBD_EV_ERROR), "exit", code,
			      "message", msg);

	bbd_client_send(c, o);
	json_decref(o);
}

static void on_progress(struct bbd_run *r, json_t *ev)
{
	(void)r;
	if (runner)
		bbd_client_send(runner, ev);
}

static void on_done(struct bbd_run *r, json_t *record, int code,
		    const char *msg)
{
	json_t *ev;

	struct bbd_peer_saved as;
	json_t *reports;

	if (record) {
		r->id = bbd_outputs_store(opt, record, run_options);
		/* as the user who named the directory (peer.h); the archive is
		 * bbd's own */
		if (bbd_peer_begin(&writer, &as))
			reports = json_array();	/* none written: not as root */
		else
			reports = bbd_outputs_reports(opt, record, run_options);
		bbd_peer_end(&as);
		ev = json_pack("{s:s,s:i,s:O,s:o}", "event", bbd_event_name(BBD_EV_RESULT), "exit", code,
			       "record", record, "reports", reports);
	} else {
		ev = json_pack("{s:s,s:i,s:s}", "event", bbd_event_name(BBD_EV_ERROR), "exit", code,
			       "message", msg);
	}
	bbd_metrics_run_done(record ? json_string_value(json_object_get(record, "verdict")) : NULL);
	bbd_log_info("run %s: %s", r->plan.name, record ?
		     json_string_value(json_object_get(record, "verdict")) : msg);
	/* over before the result is sent: a client dropped while it is
	 * sent (it did not read) has no run left to stop */
	running = false;	/* freed on the next run or at exit */
	if (runner) {
		bbd_client_keep(runner, false);
		if (ev)
			bbd_client_send(runner, ev);
	}
	json_decref(ev);
	if (quitting)
		bbd_loop_quit();
}

static const struct bbd_run_ops run_ops = { on_progress, on_done };

/* Captures go beside the reports: the run's report_dir, bbd's, or
 * BBD_CAPTURE_DIR_DEFAULT when neither names one. */
static const char *capture_dir(const struct bbd_request *req)
{
	const char *d = json_string_value(json_object_get(req->options, "report_dir"));

	return d ? d : opt->report_dir ? opt->report_dir : BBD_CAPTURE_DIR_DEFAULT;
}

static void cmd_run(struct bbd_client *c, const struct bbd_request *req)
{
	const char *name = req->name;
	json_t *sc = req->scenario, *ev;
	const char *dir = json_string_value(json_object_get(req->options, "report_dir"));
	char err[600];
	int code;

	if (running)
		return send_error(c, BBD_EXIT_SYSTEM, "a run is already in progress (bbctl status, bbctl stop)");
	/* before anything is made: the user may write there, or no run */
	if (dir && bbd_peer_check_dir(bbd_client_peer(c), "options.report_dir", dir,
				      err, sizeof(err)))
		return send_error(c, BBD_EXIT_INPUT, err);
	memset(&writer, 0, sizeof(writer));
	if (dir)
		writer = *bbd_client_peer(c);
	bbd_run_free(&run);
	json_decref(run_options);
	run_options = json_incref(req->options);
	runner = c;
	bbd_client_keep(c, true);	/* quiet for the whole run, never idle */
	running = true;
	if (bbd_run_start(&run, sc, name ? name : "scenario", capture_dir(req), &writer,
			  &run_ops, NULL, &code)) {
		running = false;
		runner = NULL;
		bbd_client_keep(c, false);
		bbd_log_err("run %s: %s", name ? name : "scenario", run.err);
		return send_error(c, code, run.err);
	}
	ev = json_pack("{s:s,s:s,s:i}", "event", bbd_event_name(BBD_EV_STARTED), "name",
		       run.plan.name, "flows", run.plan.nflows);
	bbd_client_send(c, ev);
	json_decref(ev);
}

const struct bbd_run *bbd_server_run(bool *is_running)
{
	*is_running = running;
	return run.plan.name[0] || running ? &run : NULL;
}

static json_t *ip_or_null(bool has, const struct bb_ip *ip)
{
	char buf[INET6_ADDRSTRLEN];

	if (!has || !inet_ntop(ip->family, ip->family == AF_INET ?
			       (const void *)&ip->v4 : (const void *)&ip->v6,
			       buf, sizeof(buf)))
		return json_null();
	return json_string(buf);
}

/* The run's ports as they are now: name, namespace, device, addresses
 * (null until DHCP, SLAAC or DHCPv6 gave one). */
static json_t *ports_status(void)
{
	json_t *a = json_array();
	unsigned int i;

	for (i = 0; run.ports && i < run.plan.nports; i++) {
		const struct bbd_port *p = &run.ports[i];

		json_array_append_new(a, json_pack("{s:s,s:s,s:s,s:o,s:o}",
			"name", run.plan.ports[i].name, "netns", p->netns,
			"dev", p->top, "ipv4", ip_or_null(p->has_ip4, &p->ip4),
			"ipv6", ip_or_null(p->has_ip6, &p->ip6)));
	}
	return a;
}

static void cmd_status(struct bbd_client *c)
{
	json_t *o = running ?
		json_pack("{s:s,s:b,s:s,s:s,s:o}", "event", bbd_event_name(BBD_EV_STATUS),
			  "running", 1, "name", run.plan.name,
			  "phase", bbd_run_phase_name(run.phase), "ports", ports_status()) :
		json_pack("{s:s,s:b}", "event", bbd_event_name(BBD_EV_STATUS), "running", 0);

	bbd_client_send(c, o);
	json_decref(o);
}

static void cmd_stop(struct bbd_client *c, const struct bbd_request *req)
{
	json_t *o;
	char msg[700];

	/* bbctl stop RUN: that run, or none (another may have begun) */
	if (req->name && (!running || strcmp(req->name, run.plan.name))) {
		snprintf(msg, sizeof(msg), "name: no run \"%s\" in progress%s%s%s",
			 req->name, running ? " (the run in progress is \"" : "",
			 running ? run.plan.name : "", running ? "\")" : "");
		send_error(c, BBD_EXIT_INPUT, msg);
		return;
	}
	o = json_pack("{s:s,s:b}", "event", bbd_event_name(BBD_EV_STOPPING), "running", running);
	if (running)
		bbd_run_stop(&run);
	bbd_client_send(c, o);
	json_decref(o);
}

static void handle_line(struct bbd_client *c, const char *line)
{
	struct bbd_request req;
	char err[512];

	if (bbd_request_decode(line, &req, err, sizeof(err)))
		return send_error(c, BBD_EXIT_INPUT, err);
	if (req.cmd == BBD_CMD_RUN)
		cmd_run(c, &req);
	else if (req.cmd == BBD_CMD_STATUS)
		cmd_status(c);
	else
		cmd_stop(c, &req);
	bbd_request_free(&req);
}

/* A client that goes away while its run is on stops it: nobody would
 * see the result otherwise (it is still archived). */
static void client_gone(struct bbd_client *c)
{
	if (c != runner)
		return;
	runner = NULL;
	if (running)
		bbd_run_stop(&run);
}

static const struct bbd_clients_ops client_ops = { handle_line, client_gone };

/* Another bbd answering on path? Then do not take its socket away. */
static bool in_use(const struct sockaddr_un *a)
{
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	bool used;

	if (fd < 0)
		return false;
	used = !connect(fd, (const struct sockaddr *)a, sizeof(*a));
	close(fd);
	return used;
}

/* The socket's group: --group's, or root's. 0 or -EINVAL. */
static int socket_gid(gid_t *gid)
{
	struct group *g;

	*gid = 0;
	if (!opt->group)
		return 0;
	g = getgrnam(opt->group);
	if (!g) {
		fprintf(stderr, "bbd: --group %s: no such group\n", opt->group);
		return -EINVAL;
	}
	*gid = g->gr_gid;
	return 0;
}

/* root:group 0660: only root and the group may connect. */
static int restrict_access(const char *path, gid_t gid)
{
	if (chown(path, 0, gid) < 0 || chmod(path, 0660) < 0) {
		fprintf(stderr, "bbd: %s: %s\n", path, strerror(errno));
		return -errno;
	}
	return 0;
}

static int make_parent(const char *path)
{
	char dir[sizeof(((struct sockaddr_un *)0)->sun_path)];

	snprintf(dir, sizeof(dir), "%s", path);
	if (mkdir(dirname(dir), 0755) < 0 && errno != EEXIST) {
		fprintf(stderr, "bbd: %s: %s\n", dir, strerror(errno));
		return -errno;
	}
	return 0;
}

/*
 * Socket activation (systemd's bbd.socket): fd 3, listening, when
 * LISTEN_PID is us and LISTEN_FDS is 1; else -1. The socket, its path,
 * owner and mode are then systemd's: bbd neither makes nor removes it.
 */
static int activated_socket(void)
{
	const char *pid = getenv("LISTEN_PID"), *fds = getenv("LISTEN_FDS");
	int type = 0, listening = 0;
	socklen_t len = sizeof(int);

	if (!pid || !fds || strtol(pid, NULL, 10) != (long)getpid() || strcmp(fds, "1"))
		return -1;
	unsetenv("LISTEN_PID");	/* not for the processes bbd starts */
	unsetenv("LISTEN_FDS");
	unsetenv("LISTEN_FDNAMES");
	if (getsockopt(3, SOL_SOCKET, SO_TYPE, &type, &len) < 0 || type != SOCK_STREAM ||
	    getsockopt(3, SOL_SOCKET, SO_ACCEPTCONN, &listening, &len) < 0 || !listening)
		return -1;
	fcntl(3, F_SETFD, FD_CLOEXEC);
	return 3;
}

/* bbd's own socket at o->socket, root:GROUP 0660 (not socket-activated):
 * the listening fd, or -errno (said on stderr; nothing left behind). */
static int own_socket(const struct bbd_options *o)
{
	struct sockaddr_un a = { .sun_family = AF_UNIX };
	mode_t mask;
	gid_t gid;
	int fd, ret;

	if (strlen(o->socket) >= sizeof(a.sun_path)) {
		fprintf(stderr, "bbd: --socket: path too long\n");
		return -ENAMETOOLONG;
	}
	memcpy(a.sun_path, o->socket, strlen(o->socket));
	if ((ret = socket_gid(&gid)))
		return ret;
	if (in_use(&a)) {
		fprintf(stderr, "bbd: another bbd is listening on %s\n", o->socket);
		return -EADDRINUSE;
	}
	if ((ret = make_parent(o->socket)))
		return ret;
	unlink(o->socket);	/* left by a bbd that died */
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	/* born 0600: nobody else may connect before the chown/chmod below */
	mask = umask(0177);
	ret = fd < 0 || bind(fd, (struct sockaddr *)&a, sizeof(a)) < 0 ||
	      listen(fd, 8) < 0 ? -errno : 0;
	umask(mask);
	if (ret)
		fprintf(stderr, "bbd: %s: %s\n", o->socket, strerror(-ret));
	else
		ret = restrict_access(o->socket, gid);
	if (!ret)
		return fd;
	if (fd >= 0) {
		close(fd);
		unlink(o->socket);
	}
	return ret;
}

int bbd_server_start(const struct bbd_options *o)
{
	opt = o;
	run.timer = -1;
	listen_fd = activated_socket();
	activated = listen_fd >= 0;
	if (!activated)
		listen_fd = own_socket(o);
	if (listen_fd < 0)
		return listen_fd;
	return bbd_clients_start(listen_fd, o->idle_s ? o->idle_s : BBD_IDLE_DEFAULT_S,
				 &client_ops);
}

bool bbd_server_activated(void)
{
	return activated;
}

void bbd_server_shutdown(void)
{
	quitting = true;
	if (running)
		bbd_run_stop(&run);
	else
		bbd_loop_quit();
}

void bbd_server_close(void)
{
	bbd_clients_close();
	bbd_run_free(&run);
	json_decref(run_options);
	if (listen_fd >= 0) {
		close(listen_fd);
		if (!activated)
			unlink(opt->socket);
	}
}
