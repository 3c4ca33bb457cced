// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * bbctl scenario check FILE: validate a scenario file as bbctl run would,
 * without bbd or the module. Prints the normalized scenario (-j) or a
 * short summary; a bad file gives one error line and exit 1. A file in the
 * ByteBlower test framework's dialect also lists what bb made of its keys;
 * scenario convert prints it in bb's own dialect.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bbctl.h"
#include "print.h"
#include "run.h"
#include "scenario.h"
#include "scenario_framework.h"

static void print_port(const struct bb_scenario_port *p)
{
	char a[INET6_ADDRSTRLEN];

	printf("port %s interface %s%s", p->name, p->ifname,
	       p->exclusive ? " exclusive" : "");
	if (p->dhcp4)
		printf(" ipv4 dhcp");
	if (p->has_ip4)
		printf(" ipv4 %s/%u", inet_ntop(AF_INET, &p->ip4.v4, a, sizeof(a)),
		       p->prefix4);
	if (p->has_ip6)
		printf(" ipv6 %s/%u", inet_ntop(AF_INET6, &p->ip6.v6, a, sizeof(a)),
		       p->prefix6);
	if (p->nvlan)
		printf(" vlans %u", p->nvlan);
	printf("\n");
}

static void print_flow(const struct bb_scenario *sc,
		       const struct bb_scenario_flow *f)
{
	printf("flow \"%s\" %s %s -> %s", f->name, bb_flow_type_name(f->type),
	       sc->ports[f->src].name, sc->ports[f->dst].name);
	if (f->type == BB_FLOW_VIDEO) {
		printf(" segments %llu bytes of %g s, buffering goal %g s, play goal %g s\n",
		       (unsigned long long)f->video.segment_size, f->video.segment_duration_s,
		       f->video.buffering_goal_s, f->video.play_goal_s);
		return;
	}
	if (f->type == BB_FLOW_HTTP) {
		printf(" %s tcp-port %u", bb_http_method_name(f->http.method),
		       f->http.server_port);
		if (f->http.request_size)
			printf(" size %llu\n", (unsigned long long)f->http.request_size);
		else
			printf(" duration %g s\n", f->http.request_duration_s);
		return;
	}
	if (f->frame_size)
		printf(" size %u", f->frame_size);
	else if (f->nimix)
		printf(" imix %u sizes", f->nimix);
	else
		printf(" size-dist normal %g %g %u %u", f->size_dist.mean,
		       f->size_dist.stddev, f->size_dist.min, f->size_dist.max);
	printf(" rate %.6g fps", f->frame_rate);
	if (f->number_of_frames)
		printf(" count %llu\n", (unsigned long long)f->number_of_frames);
	else
		printf(" duration %g s\n", f->duration_s);
}

struct check_args {
	const char *file;
	bool json;
	struct scenario_input in;
};

enum { C_FILE, C_MAP, C_MAP_FILE, C_NUM };

static int parse_args(const char *what, int argc, char **argv,
		      struct check_args *a)
{
	static const struct arg_spec spec[] = {
		[C_FILE] = ARG_POS("the scenario FILE", true),
		[C_MAP] = ARG_REPEAT("map", "NAME=IFNAME,..."),
		[C_MAP_FILE] = ARG("map-file", "FILE", false),
		{ NULL },
	};
	struct arg_val v[C_NUM];
	int ret = args_parse(what, argc, argv, spec, v);

	if (ret)
		return ret;
	a->json = pr_is_json();
	a->file = arg_str(&v[C_FILE]);
	scenario_input_set(&a->in, &v[C_MAP], &v[C_MAP_FILE]);
	return 0;
}

static void print_json(const struct bb_scenario *sc, const struct bb_fw_result *r)
{
	json_t *doc = bb_scenario_json(sc);

	/* a framework file: what bb made of each key beside the scenario */
	if (r->framework)
		doc = json_pack("{s:s,s:O,s:o}", "dialect", "byteblower-test-framework",
				"notices", r->notes, "scenario", doc);
	json_dumpf(doc, stdout, JSON_INDENT(2));
	putchar('\n');
	json_decref(doc);
}

static void print_text(const char *file, const struct bb_scenario *sc,
		       const struct bb_fw_result *r)
{
	unsigned int i;

	printf("%s: ok, %u ports, %u flows, layer2_speed %s\n", file,
	       sc->nports, sc->nflows, bb_l2_speed_name(sc->layer2_speed));
	if (r->framework)
		printf("dialect: ByteBlower test framework, %zu notices\n",
		       json_array_size(r->notes));
	scenario_print_notes(stdout, r->notes, "notice ");
	for (i = 0; i < sc->nports; i++)
		print_port(&sc->ports[i]);
	for (i = 0; i < sc->nflows; i++)
		print_flow(sc, &sc->flows[i]);
}

/* A bad file is no usage error: one line, exit 1, no usage after it. */
static int load(const struct check_args *a, struct bb_scenario **sc,
		struct bb_fw_result *r)
{
	int ret = scenario_input_load(&a->in, a->file, sc, r);

	return ret == BBD_EXIT_INPUT ? EXIT_INPUT : ret;
}

static int cmd_check(int argc, char **argv)
{
	struct check_args a = { 0 };
	struct bb_fw_result r;
	struct bb_scenario *sc;
	int ret = parse_args("scenario check", argc, argv, &a);

	if (!ret)
		ret = load(&a, &sc, &r);
	if (ret)
		return ret;
	if (a.json)
		print_json(sc, &r);
	else
		print_text(a.file, sc, &r);
	bb_scenario_free(sc);
	bb_fw_result_free(&r);
	return EXIT_OK;
}

/* bbctl scenario convert FILE: the file in bb's own dialect, as bb
 * understood it (a bb file comes out as it is). */
static int cmd_convert(int argc, char **argv)
{
	struct check_args a = { 0 };
	struct bb_fw_result r;
	struct bb_scenario *sc;
	int ret = parse_args("scenario convert", argc, argv, &a);

	if (!ret)
		ret = load(&a, &sc, &r);
	if (ret)
		return ret;
	json_dumpf(r.doc, stdout, JSON_INDENT(2));
	putchar('\n');
	bb_scenario_free(sc);
	bb_fw_result_free(&r);
	return EXIT_OK;
}

static const struct cmd scenario_cmds[] = {
	{ "check", cmd_check, false },
	{ "convert", cmd_convert, false },
	{ NULL },
};

const struct object scenario_object = {
	.name = "scenario",
	.cmds = scenario_cmds,
	.usage = "bbctl scenario { check | convert } FILE [map NAME=IFNAME,...]\n"
		 "                [map-file FILE]\n",
};
