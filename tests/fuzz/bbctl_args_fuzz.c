// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * bbctl's argument grammar without a kernel: the first byte picks a
 * parser, the rest is cut at NULs and newlines into argv (as a shell
 * would hand words over). stream add's whole parser, the keyword matcher
 * with every kind of spec entry, the runs/report options and each value
 * parser. Messages go to stderr: run with -close_fd_mask=3.
 */
#include <netlink/genl/genl.h>

#include "bbctl.h"
#include "fuzz.h"
#include "runs.h"
#include "stream.h"

#define ARGV_MAX	64

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

/* A spec with each kind of entry args_parse() knows. */
static const struct arg_spec spec[] = {
	ARG("dev", "IFNAME", true),
	ARG("id", "N", false),
	ARGN("range", "LO HI", 2),
	ARGN("dist", "A B C", 3),
	ARG_REPEAT("vlan", "TAG"),
	ARG_REPEAT("ip", "ADDR"),
	ARG_POS("FILE", false),
	{ .key = NULL },
};

static void grammar(int argc, char **argv)
{
	struct arg_val v[sizeof(spec) / sizeof(spec[0])];
	const char *one[sizeof(spec) / sizeof(spec[0])];
	unsigned int i, k;

	if (args_parse("fuzz", argc, argv, spec, v))
		return;
	for (i = 0; spec[i].key; i++)
		for (k = 0; k < v[i].n; k++)
			if (!v[i].at[k][0] || v[i].at[k] < argv || v[i].at[k] >= argv + argc)
				abort();	/* values must point into argv */
	args_collect("fuzz", argc, argv, spec, one);
}

static void runs(int argc, char **argv)
{
	struct runs_args a;
	long long id;

	if (!runs_parse("report", "RUN", true, argc, argv, &a) && a.pos)
		runs_id("report", a.pos, &id);
	runs_parse("runs import", "FILE", false, argc, argv, &a);
	runs_parse("runs", NULL, false, argc, argv, &a);
}

/* Each value parser on the first word. */
static void values(const char *s)
{
	uint32_t ids[16], u32;
	unsigned int n;
	struct bb_vlan vlan;
	struct bb_ip ip;
	uint8_t mac[BB_MAC_LEN];
	uint64_t u64;
	uint16_t u16;
	bool on;

	arg_id(s, &u32);
	arg_port("dport", s, &u16);
	arg_ip("src", s, &ip);
	arg_mac("dst-mac", s, mac);
	arg_count(s, &u64);
	arg_uint("ttl", s, 1, 255, &u64);
	arg_on_off("latency", s, &on);
	arg_seconds("duration", s, false, &u64);
	arg_seconds("delay", s, true, &u64);
	arg_vlan_tag(s, &vlan);
	arg_tpid(s, &u16);
	if (!arg_id_list(s, ids, 16, &n) && n > 16)
		abort();
}

static int split(char *buf, size_t len, char **argv)
{
	int argc = 0;
	size_t i, start = 0;

	for (i = 0; i <= len && argc < ARGV_MAX; i++)
		if (i == len || buf[i] == '\0' || buf[i] == '\n') {
			buf[i] = '\0';
			argv[argc++] = buf + start;
			start = i + 1;
		}
	argv[argc] = NULL;
	return argc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf, *argv[ARGV_MAX + 1];
	struct stream_req req;
	int argc;

	if (!size)
		return 0;
	buf = malloc(size);
	if (!buf)
		return 0;
	memcpy(buf, data + 1, size - 1);
	argc = split(buf, size - 1, argv);
	switch (data[0] % 4) {
	case 0:
		memset(&req, 0, sizeof(req));
		stream_parse_add(argc, argv, &req);
		break;
	case 1:
		grammar(argc, argv);
		break;
	case 2:
		runs(argc, argv);
		break;
	default:
		values(argv[0]);
		break;
	}
	free(buf);
	return 0;
}
