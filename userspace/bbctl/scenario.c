// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * bbctl scenario check FILE: validate a scenario file as bbctl run would,
 * without bbd or the module. Prints the normalized scenario (-j) or a
 * short summary; a bad file gives one error line and exit 1.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bbctl.h"
#include "print.h"
#include "scenario.h"

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

static int cmd_check(int argc, char **argv)
{
	char err[BB_SCENARIO_ERR_MAX + 4096];
	struct bb_scenario *sc;
	json_t *doc;

	const char *file = NULL;
	bool json = pr_is_json();
	int i;

	for (i = 0; i < argc; i++) {
		if (!strcmp(argv[i], "-j") || !strcmp(argv[i], "--json"))
			json = true;
		else if (argv[i][0] == '-' || file)
			return usage_err("scenario check: unexpected argument \"%s\"", argv[i]);
		else
			file = argv[i];
	}
	if (!file)
		return usage_err("scenario check: missing the scenario FILE");
	if (bb_scenario_load(file, &sc, err, sizeof(err))) {
		/* one line and exit 1: a bad file is no usage error, so the
		 * object's usage (printed on EXIT_USAGE returns) stays out */
		fprintf(stderr, "bbctl: %s\n", err);
		exit(EXIT_USAGE);
	}
	if (json) {
		doc = bb_scenario_json(sc);
		json_dumpf(doc, stdout, JSON_INDENT(2));
		putchar('\n');
		json_decref(doc);
	} else {
		printf("%s: ok, %u ports, %u flows, layer2_speed %s\n", file,
		       sc->nports, sc->nflows, bb_l2_speed_name(sc->layer2_speed));
		for (i = 0; i < (int)sc->nports; i++)
			print_port(&sc->ports[i]);
		for (i = 0; i < (int)sc->nflows; i++)
			print_flow(sc, &sc->flows[i]);
	}
	bb_scenario_free(sc);
	return EXIT_OK;
}

static const struct cmd scenario_cmds[] = {
	{ "check", cmd_check, false },
	{ NULL },
};

const struct object scenario_object = {
	.name = "scenario",
	.cmds = scenario_cmds,
	.usage = "bbctl scenario check FILE [-j]\n",
};
