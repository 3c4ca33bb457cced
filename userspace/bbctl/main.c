// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * bbctl: drive the bbgen kernel module (ports, streams, triggers) over
 * generic netlink. The object and command tables below are the program.
 */
#include <string.h>

#include "bbctl.h"
#include "print.h"

#ifndef BB_VERSION
#define BB_VERSION "unknown"
#endif

static const struct object *const objects[] = {
	&port_object, &stream_object, &trigger_object, &scenario_run_object,
	&scenario_object, &runs_object, &report_object, &http_object,
	&status_object, &stop_object, &capture_object,
	&support_object, &monitor_object, NULL,
};

/* "port, stream, ..." (sep ", ") or "port | stream | ..." (sep " | "):
 * every object of the table, so usage and errors never leave one out. */
static const char *object_names(const char *sep)
{
	static char buf[256];
	size_t n = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; objects[i] && n < sizeof(buf); i++)
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%s%s",
				      i ? sep : "", objects[i]->name);
	return buf;
}

/* iproute2 style: any prefix of a word selects it, first match wins. */
static bool matches(const char *arg, const char *word)
{
	return *arg && !strncmp(arg, word, strlen(arg));
}

static void usage_all(FILE *f)
{
	int i, col;

	fputs("Usage: bbctl [OPTIONS] OBJECT COMMAND [ARGS]\n"
	      "       bbctl { help | -h | --help | -V | --version }\n"
	      "where  OPTIONS := { -j | --json | -p | --pretty | -n NETNS | --netns NETNS }\n", f);
	/* OBJECT := { port | stream | ... }, wrapped to fit 80 columns */
	col = fprintf(f, "       OBJECT := {");
	for (i = 0; objects[i]; i++) {
		if (col + (int)strlen(objects[i]->name) + 4 > 78)
			col = fprintf(f, "\n                  ");
		col += fprintf(f, " %s%s", objects[i]->name, objects[i + 1] ? " |" : " }\n\n");
	}
	for (i = 0; objects[i]; i++)
		fprintf(f, "       %s", objects[i]->usage);
	fputs("\nSee bbctl(8) for defaults and output keys.\n", f);
}

/* Parse one option word; returns -1 to go on, else the exit code. */
static int global_opt(const char *arg, bool *json, bool *pretty)
{
	const char *c;

	if (!strcmp(arg, "--json") || !strcmp(arg, "-json"))
		return *json = true, -1;
	if (!strcmp(arg, "--pretty") || !strcmp(arg, "-pretty"))
		return *pretty = true, -1;
	if (!strcmp(arg, "--help") || !strcmp(arg, "-h"))
		return usage_all(stdout), EXIT_OK;
	if (!strcmp(arg, "--version") || !strcmp(arg, "-V"))
		return puts("bbctl " BB_VERSION), EXIT_OK;
	/* a cluster of flags: -jp */
	for (c = arg + 1; *c == 'j' || *c == 'p'; c++)
		*(*c == 'j' ? json : pretty) = true;
	if (c > arg + 1 && !*c)
		return -1;
	usage_err("unknown option \"%s\"", arg);
	usage_all(stderr);
	return EXIT_USAGE;
}

/* ip's spelling: -n NAME, -netns NAME, --netns NAME */
static bool is_netns_opt(const char *arg)
{
	return !strcmp(arg, "-n") || !strcmp(arg, "-netns") || !strcmp(arg, "--netns");
}

static const struct object *find_object(const char *arg)
{
	int i;

	for (i = 0; objects[i]; i++)
		if (matches(arg, objects[i]->name))
			return objects[i];
	return NULL;
}

static const struct cmd *find_cmd(const struct object *obj, const char *arg)
{
	const struct cmd *c;

	for (c = obj->cmds; c->name; c++)
		if (matches(arg, c->name))
			return c;
	return NULL;
}

static int unknown_cmd(const struct object *obj, const char *arg)
{
	char list[128] = "";
	const struct cmd *c;

	for (c = obj->cmds; c->name; c++)
		if (!c->alias)
			snprintf(list + strlen(list), sizeof(list) - strlen(list),
				 "%s%s", list[0] ? ", " : "", c->name);
	return usage_err("%s: unknown command \"%s\" (one of %s)", obj->name,
			 arg, list);
}

/* OBJECT [COMMAND [ARGS]]; no command means the first one (show). */
static int run_object(const struct object *obj, int argc, char **argv)
{
	const struct cmd *cmd = obj->cmds;
	int ret;

	if (argc && matches(argv[0], "help")) {
		printf("Usage: %s", obj->usage);
		return EXIT_OK;
	}
	if (obj->direct) {
		ret = obj->direct(argc, argv);
		if (ret == EXIT_USAGE)
			fprintf(stderr, "Usage: %s", obj->usage);
		return ret == EXIT_INPUT ? EXIT_USAGE : ret;
	}
	if (argc && !(cmd = find_cmd(obj, argv[0]))) {
		ret = unknown_cmd(obj, argv[0]);
	} else {
		ret = argc ? cmd->fn(argc - 1, argv + 1) : cmd->fn(0, argv);
	}
	if (ret == EXIT_USAGE)
		fprintf(stderr, "Usage: %s", obj->usage);
	return ret == EXIT_INPUT ? EXIT_USAGE : ret;
}

int main(int argc, char **argv)
{
	const struct object *obj;
	bool json = false, pretty = false;
	int i, ret;

	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		}
		if (is_netns_opt(argv[i])) {
			if (++i >= argc)
				return usage_err("%s: missing namespace name", argv[i - 1]);
			ret = netns_enter(argv[i - 1], argv[i]);
			if (ret)
				return ret;
			continue;
		}
		ret = global_opt(argv[i], &json, &pretty);
		if (ret >= 0)
			return ret;
	}
	if (i >= argc) {
		usage_err("missing object (one of %s)", object_names(", "));
		usage_all(stderr);
		return EXIT_USAGE;
	}
	if (matches(argv[i], "help")) {
		usage_all(stdout);
		return EXIT_OK;
	}
	obj = find_object(argv[i]);
	if (!obj) {
		usage_err("unknown object \"%s\" (one of %s)", argv[i],
			  object_names(", "));
		usage_all(stderr);
		return EXIT_USAGE;
	}
	pr_init(stdout, json, pretty);
	return run_object(obj, argc - i - 1, argv + i + 1);
}
