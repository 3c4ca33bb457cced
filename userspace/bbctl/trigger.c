// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* bbctl trigger: RX classifiers that count and sequence-check frames. */
#include <inttypes.h>
#include <string.h>
#include <sys/socket.h>

#include <linux/bbgen.h>

#include "bbctl.h"
#include "frame.h"
#include "gen_history.h"
#include "gen_trigger.h"
#include "parse.h"
#include "print.h"

enum {
	A_DEV, A_ID, A_SRC, A_DST, A_SPORT, A_DPORT, A_VLAN, A_LATENCY,
	A_RANGE, A_INTERVAL, A_NUM
};

static const struct arg_spec add_args[A_NUM + 1] = {
	[A_DEV] = ARG("dev", "IFNAME", true),
	[A_ID] = ARG("id", "N", false),
	[A_SRC] = ARG("src", "IP", false),
	[A_DST] = ARG("dst", "IP", false),
	[A_SPORT] = ARG("sport", "N", false),
	[A_DPORT] = ARG("dport", "N", true),
	[A_VLAN] = ARG("vlan", "ID", false),
	[A_LATENCY] = ARG("latency", "on|off", false),
	[A_RANGE] = ARGN("range", "MIN_NS MAX_NS", 2),
	[A_INTERVAL] = ARG("interval", "MS", false),
};

/* range MIN_NS MAX_NS: only with latency on, MIN_NS <= MAX_NS. */
static int parse_range(char **a, struct bb_gen_trigger_add *r)
{
	if (!r->latency)
		return usage_err("range: needs latency on (it bounds the latency statistics)");
	if (bb_parse_u64(a[0], 0, BBGEN_LATENCY_MAX_NS, &r->range_min_ns))
		return usage_err("range: MIN_NS must be an integer from 0 to %llu (got \"%s\")",
				 BBGEN_LATENCY_MAX_NS, a[0]);
	if (bb_parse_u64(a[1], r->range_min_ns, BBGEN_LATENCY_MAX_NS,
			 &r->range_max_ns))
		return usage_err("range: MAX_NS must be an integer from MIN_NS (%" PRIu64 ") to %llu (got \"%s\")",
				 r->range_min_ns, BBGEN_LATENCY_MAX_NS, a[1]);
	r->has_range = true;
	return 0;
}

/* vlan, latency [range], interval */
static int parse_measure(const struct arg_val *v, struct bb_gen_trigger_add *r)
{
	uint64_t n;
	int ret = 0;

	if (v[A_VLAN].n && !(ret = arg_uint("vlan", arg_str(&v[A_VLAN]), 1,
					    BB_VLAN_ID_MAX, &n)))
		r->vlan_id = (uint16_t)n;
	if (!ret && v[A_LATENCY].n)
		ret = arg_on_off("latency", arg_str(&v[A_LATENCY]), &r->latency);
	if (!ret && v[A_RANGE].n)
		ret = parse_range(v[A_RANGE].at[0], r);
	if (!ret && v[A_INTERVAL].n &&
	    !(ret = arg_uint("interval", arg_str(&v[A_INTERVAL]),
			     BBGEN_TRIGGER_INTERVAL_MIN_MS,
			     BBGEN_TRIGGER_INTERVAL_MAX_MS, &n)))
		r->interval_ms = (uint32_t)n;
	return ret;
}

static int parse_ips(const struct arg_val *v, struct bb_gen_trigger_add *r)
{
	int ret = 0;

	if (v[A_SRC].n)
		ret = arg_ip("src", arg_str(&v[A_SRC]), &r->src);
	if (!ret && v[A_DST].n)
		ret = arg_ip("dst", arg_str(&v[A_DST]), &r->dst);
	if (!ret && v[A_SRC].n && v[A_DST].n && r->src.family != r->dst.family)
		ret = usage_err("dst: must be the same family as src (src is %s, dst is %s)",
				r->src.family == AF_INET ? "IPv4" : "IPv6",
				r->dst.family == AF_INET ? "IPv4" : "IPv6");
	return ret;
}

static int parse_add(int argc, char **argv, struct bb_gen_trigger_add *r)
{
	struct arg_val v[A_NUM];
	int ret;

	memset(r, 0, sizeof(*r));
	ret = args_parse("trigger add", argc, argv, add_args, v);
	if (!ret)
		ret = arg_dev(arg_str(&v[A_DEV]), &r->ifindex);
	if (!ret && v[A_ID].n)
		ret = arg_id(arg_str(&v[A_ID]), &r->id);
	if (!ret)
		ret = parse_ips(v, r);
	if (!ret && v[A_SPORT].n)
		ret = arg_port("sport", arg_str(&v[A_SPORT]), &r->sport);
	if (!ret)
		ret = arg_port("dport", arg_str(&v[A_DPORT]), &r->dport);
	if (!ret)
		ret = parse_measure(v, r);
	return ret;
}

static int trigger_add(int argc, char **argv)
{
	struct added what = { "trigger", BBGEN_A_TRIGGER_ID };
	struct bb_gen_trigger_add r;
	struct bb_genl g;
	int ret;

	ret = parse_add(argc, argv, &r);
	if (!ret)
		ret = nl_open(&g);
	if (ret)
		return ret;
	ret = nl_run(&g, bb_gen_trigger_add_msg(&g, &r), BBGEN_A_TRIGGER_MAX,
		     show_added_id, &what);
	if (ret)
		pr_discard();
	else if (pr_flush())
		ret = EXIT_KERNEL;
	return ret;
}

static int trigger_del(int argc, char **argv)
{
	return nl_del_cmd("trigger del", BBGEN_CMD_TRIGGER_DEL, BBGEN_A_TRIGGER_ID,
			  argc, argv);
}

static int trigger_show(int argc, char **argv)
{
	return nl_show_cmd("trigger show", bb_gen_trigger_get_msg,
			   BBGEN_A_TRIGGER_MAX, trigger_print, argc, argv);
}

/* trigger history id N [from INDEX]: reads from a cursor, takes nothing */
static int trigger_history(int argc, char **argv)
{
	static const struct arg_spec spec[] = {
		ARG("id", "N", true), ARG("from", "INDEX", false), { NULL },
	};
	const char *v[2];
	struct bb_genl g;
	uint64_t from = 0;
	uint32_t id;
	int ret = args_collect("trigger history", argc, argv, spec, v);

	if (!ret)
		ret = arg_id(v[0], &id);
	if (!ret && v[1])
		ret = arg_uint("from", v[1], 0, UINT64_MAX, &from);
	if (!ret)
		ret = nl_open(&g);
	if (ret)
		return ret;
	ret = nl_show_msg(&g, bb_gen_history_msg(&g, id, from),
			  BBGEN_A_TRIGGER_MAX, trigger_print_history);
	if (!ret && trigger_history_missed())
		fprintf(stderr, "bbctl: trigger history: %llu snapshots from index %llu on were overwritten before this read\n",
			(unsigned long long)trigger_history_missed(),
			(unsigned long long)from);
	return ret;
}

static int trigger_histogram(int argc, char **argv)
{
	struct bb_genl g;
	uint32_t id;
	int ret = args_id("trigger histogram", true, argc, argv, &id);

	if (!ret)
		ret = nl_open(&g);
	if (ret)
		return ret;
	return nl_show_msg(&g, bb_gen_histogram_msg(&g, id),
			   BBGEN_A_TRIGGER_MAX, trigger_print_histogram);
}

static const struct cmd trigger_cmds[] = {
	{ "show", trigger_show, false },
	{ "add", trigger_add, false },
	{ "del", trigger_del, false },
	{ "history", trigger_history, false },
	{ "histogram", trigger_histogram, false },
	{ "delete", trigger_del, true },
	{ "list", trigger_show, true },
	{ NULL },
};

const struct object trigger_object = {
	.name = "trigger",
	.cmds = trigger_cmds,
	.usage =
	"bbctl trigger add dev IFNAME [id N] [src IP] [dst IP] [sport N] dport N\n"
	"                  [vlan ID] [latency { on | off } [range MIN_NS MAX_NS]]\n"
	"                  [interval MS]\n"
	"       bbctl trigger del id N\n"
	"       bbctl trigger show [id N]\n"
	"       bbctl trigger history id N [from INDEX]\n"
	"       bbctl trigger histogram id N\n",
};
