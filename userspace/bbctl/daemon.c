// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * bbctl status and bbctl stop: ask the bbd that runs (never start one)
 * what it is doing, or to stop the run in progress. The requests and
 * answers are bbd's protocol (Documentation/bbd.md).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "bbctl.h"
#include "print.h"
#include "run.h"

/* socket PATH (or $BBD_SOCKET, or the default): 0 or EXIT_USAGE. */
static int socket_arg(const char *what, int argc, char **argv, const char **path)
{
	static const struct arg_spec spec[] = {
		ARG("socket", "PATH", false), { NULL },
	};
	int ret = args_collect(what, argc, argv, spec, path);

	if (!ret && !*path)
		*path = run_socket_path();
	return ret;
}

/*
 * Send {"cmd": CMD} (with "name": NAME unless NULL) to the bbd at PATH and
 * read its one answer: the answer, or NULL with *err -errno (no bbd there:
 * -ENOENT/-ECONNREFUSED).
 */
static json_t *ask(const char *path, enum bbd_cmd cmd, const char *name,
		   int *err)
{
	struct run_conn c;
	json_t *req, *ans = NULL;

	*err = run_attach(&c, path);
	if (*err)
		return NULL;
	req = bbd_cmd_new(cmd);
	if (req && name)
		json_object_set_new(req, "name", json_string(name));
	*err = req ? run_send(&c, req) : -ENOMEM;
	json_decref(req);
	if (!*err) {
		ans = run_recv(&c, err);
		if (!ans && !*err)
			*err = -ECONNRESET;
	}
	run_disconnect(&c);
	return ans;
}

static bool no_daemon(int err)
{
	return err == -ENOENT || err == -ECONNREFUSED;
}

static const char *str_or_dash(const json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));

	return s ? s : "-";
}

/* The run's ports: in JSON an array in the status object, in text a line
 * each after the status line ("  port NAME: DEV in netns NETNS ipv4 A");
 * addresses null until the port has one. */
static void show_ports(const json_t *ports)
{
	const json_t *p;
	size_t i;

	if (pr_is_json())
		pr_open_array_key("ports", NULL);
	json_array_foreach(ports, i, p) {
		pr_open_object();
		pr_string(PR_TEXT, NULL, "%s", "  port");
		pr_string(PR_ANY, "name", "%s:", str_or_dash(p, "name"));
		pr_string(PR_ANY, "dev", "%s", str_or_dash(p, "dev"));
		pr_string(PR_ANY, "netns", "in netns %s", str_or_dash(p, "netns"));
		if (json_is_string(json_object_get(p, "ipv4")))
			pr_string(PR_ANY, "ipv4", "ipv4 %s", str_or_dash(p, "ipv4"));
		else
			pr_null(PR_JSON, "ipv4", NULL);
		if (json_is_string(json_object_get(p, "ipv6")))
			pr_string(PR_ANY, "ipv6", "ipv6 %s", str_or_dash(p, "ipv6"));
		else
			pr_null(PR_JSON, "ipv6", NULL);
		pr_close_object();
	}
	if (pr_is_json())
		pr_close_array();
}

static int cmd_status(int argc, char **argv)
{
	const char *path;
	json_t *ans;
	int err, ret;

	ret = socket_arg("status", argc, argv, &path);
	if (ret)
		return ret;
	ans = ask(path, BBD_CMD_STATUS, NULL, &err);
	if (!ans && !no_daemon(err)) {
		fprintf(stderr, "bbctl: status: bbd at %s: %s\n", path, strerror(-err));
		return EXIT_KERNEL;
	}
	pr_open_object();
	pr_string(PR_ANY, "socket", "bbd at %s:", path);
	pr_bool(PR_JSON, "daemon", NULL, ans != NULL);
	if (!ans) {
		pr_string(PR_TEXT, NULL, "%s", "not running");
	} else if (json_is_true(json_object_get(ans, "running"))) {
		pr_bool(PR_JSON, "running", NULL, true);
		pr_string(PR_ANY, "name", "run \"%s\"",
			  json_string_value(json_object_get(ans, "name")));
		pr_string(PR_ANY, "phase", "in phase %s",
			  json_string_value(json_object_get(ans, "phase")));
		if (pr_is_json())
			show_ports(json_object_get(ans, "ports"));
	} else {
		pr_bool(PR_JSON, "running", NULL, false);
		pr_string(PR_TEXT, NULL, "%s", "idle, no run in progress");
	}
	pr_close_object();
	if (!pr_is_json() && ans)
		show_ports(json_object_get(ans, "ports"));
	json_decref(ans);
	return pr_flush() ? EXIT_KERNEL : EXIT_OK;
}

static int cmd_stop(int argc, char **argv)
{
	static const struct arg_spec spec[] = {
		ARG_POS("RUN", false), ARG("socket", "PATH", false), { NULL },
	};
	const char *v[2], *path;
	json_t *ans;
	bool running;
	int err, ret;

	ret = args_collect("stop", argc, argv, spec, v);
	if (ret)
		return ret;
	path = v[1] ? v[1] : run_socket_path();
	ans = ask(path, BBD_CMD_STOP, v[0], &err);
	if (!ans) {
		fprintf(stderr, "bbctl: stop: %s at %s%s%s\n",
			no_daemon(err) ? "no bbd runs" : "bbd", path,
			no_daemon(err) ? "" : ": ", no_daemon(err) ? "" : strerror(-err));
		return EXIT_KERNEL;
	}
	if (!strcmp(str_or_dash(ans, "event"), "error")) {	/* no such run */
		fprintf(stderr, "bbctl: stop: %s\n", str_or_dash(ans, "message"));
		json_decref(ans);
		return EXIT_INPUT;	/* exit 1, no usage: the line said it */
	}
	running = json_is_true(json_object_get(ans, "running"));
	json_decref(ans);
	pr_open_object();
	pr_string(PR_JSON, "socket", NULL, path);
	pr_bool(PR_JSON, "stopping", NULL, running);
	pr_string(PR_TEXT, NULL, "%s", running ?
		  "stopping the run in progress (its client gets the result, marked interrupted)" :
		  "no run in progress");
	pr_close_object();
	return pr_flush() ? EXIT_KERNEL : EXIT_OK;
}

const struct object status_object = {
	.name = "status",
	.direct = cmd_status,
	.usage = "bbctl status [socket PATH]\n",
};

const struct object stop_object = {
	.name = "stop",
	.direct = cmd_stop,
	.usage = "bbctl stop [RUN] [socket PATH]\n",
};
