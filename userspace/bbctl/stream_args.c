// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* bbctl stream add: the command line into a checked struct stream_req.
 * Structure first (which keywords go together), then each value. */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>

#include <linux/bbgen.h>

#include "bbctl.h"
#include "netdev.h"
#include "stream.h"

static const struct arg_spec add_args[S_NUM + 1] = {
	[S_DEV] = ARG("dev", "IFNAME", true),
	[S_ID] = ARG("id", "N", false),
	[S_DST_MAC] = ARG("dst-mac", "MAC", true),
	[S_SRC_MAC] = ARG("src-mac", "MAC", false),
	[S_SRC] = ARG("src", "IP", true),
	[S_DST] = ARG("dst", "IP", true),
	[S_SPORT] = ARG("sport", "N", false),
	[S_DPORT] = ARG("dport", "N", false),
	[S_SIZE] = ARG("size", "BYTES", false),
	[S_SIZES] = ARG("sizes", "B1,B2,...", false),
	[S_IMIX] = ARG("imix", "default|SIZE:WEIGHT,...", false),
	[S_IMIX_ORDER] = ARG("imix-order", "fixed|shuffle", false),
	[S_SIZE_DIST] = ARGN("size-dist", "normal MEAN STDDEV MIN MAX", 5),
	[S_RATE] = ARG("rate", "FPS", false),
	[S_BITRATE] = ARG("bitrate", "BPS", false),
	[S_L2_SPEED] = ARG("l2-speed", "frame|frame_with_fcs|physical", false),
	[S_COUNT] = ARG("count", "N", false),
	[S_DURATION] = ARG("duration", "SECS", false),
	[S_DELAY] = ARG("delay", "SECS", false),
	[S_VLAN] = ARG_REPEAT("vlan", "ID[:PCP[:DEI]]"),
	[S_TPID] = ARG("tpid", "0x8100|0x88a8|0x9100", false),
	[S_DSCP] = ARG("dscp", "N", false),
	[S_ECN] = ARG("ecn", "N", false),
	[S_TOS] = ARG("tos", "N", false),
	[S_LATENCY] = ARG("latency", "on|off", false),
	[S_XMIT] = ARG("xmit", "queue|direct", false),
	[S_CPU] = ARG("cpu", "N", false),
};

/* At most one of keys[] given; else "<2nd>: cannot be used with <1st>". */
static int one_of(const struct arg_val *v, const int *keys, int n,
		  const char *allowed)
{
	int i, first = -1;

	for (i = 0; i < n; i++) {
		if (!v[keys[i]].n)
			continue;
		if (first >= 0)
			return usage_err("%s: cannot be used with %s (%s)",
					 add_args[keys[i]].key,
					 add_args[first].key, allowed);
		first = keys[i];
	}
	return 0;
}

/* key needs need: "<key>: needs <need> (<why>)". */
static int needs(const struct arg_val *v, int key, int need, const char *why)
{
	if (v[key].n && !v[need].n)
		return usage_err("%s: needs %s (%s)", add_args[key].key,
				 add_args[need].key, why);
	return 0;
}

/* Which keywords go together, before any value is looked at. */
static int check_structure(const struct arg_val *v)
{
	static const int sizes[] = { S_SIZE, S_SIZES, S_IMIX, S_SIZE_DIST };
	static const int rates[] = { S_RATE, S_BITRATE };
	static const int ends[] = { S_COUNT, S_DURATION };
	static const int tos_dscp[] = { S_DSCP, S_TOS }, tos_ecn[] = { S_ECN, S_TOS };
	int ret;

	ret = one_of(v, sizes, 4, "give one of size, sizes, imix, size-dist");
	if (!ret)
		ret = one_of(v, rates, 2, "give one of rate FPS, bitrate BPS");
	if (!ret && !v[S_RATE].n && !v[S_BITRATE].n)
		ret = usage_err("stream add: missing rate FPS or bitrate BPS");
	if (!ret)
		ret = one_of(v, ends, 2, "give one of count N, duration SECS");
	if (!ret)
		ret = one_of(v, tos_dscp, 2, "give tos N, or dscp N and ecn N");
	if (!ret)
		ret = one_of(v, tos_ecn, 2, "give tos N, or dscp N and ecn N");
	if (!ret)
		ret = needs(v, S_IMIX_ORDER, S_IMIX, "it orders an IMIX's frames");
	if (!ret)
		ret = needs(v, S_L2_SPEED, S_BITRATE, "it sets what a bit rate counts");
	if (!ret)
		ret = needs(v, S_TPID, S_VLAN, "it sets the outer tags' TPID");
	return ret;
}

static const char *family_name(int family)
{
	return family == AF_INET ? "IPv4" : "IPv6";
}

static int src_mac_of(const char *dev, uint8_t mac[BB_MAC_LEN])
{
	int ret = bb_netdev_mac(dev, mac);

	if (ret == -EPFNOSUPPORT)
		return usage_err("src-mac: device \"%s\" has no Ethernet address (give src-mac MAC)",
				 dev);
	if (ret)
		return usage_err("src-mac: cannot read the address of \"%s\": %s (give src-mac MAC)",
				 dev, strerror(-ret));
	return 0;
}

static int parse_macs(const struct arg_val *v, struct bb_frame_spec *f)
{
	const char *src = arg_str(&v[S_SRC_MAC]);
	int ret = arg_mac("dst-mac", arg_str(&v[S_DST_MAC]), f->dst_mac);

	if (ret)
		return ret;
	if (!src)
		return src_mac_of(arg_str(&v[S_DEV]), f->src_mac);
	ret = arg_mac("src-mac", src, f->src_mac);
	/* a group address as source is never a valid frame */
	if (!ret && f->src_mac[0] & 1)
		ret = usage_err("src-mac: must be a unicast MAC address (got \"%s\")",
				src);
	return ret;
}

static int parse_l3l4(const struct arg_val *v, struct bb_frame_spec *f)
{
	int ret;

	f->sport = BBCTL_SPORT;
	f->dport = BBCTL_DPORT;
	ret = arg_ip("src", arg_str(&v[S_SRC]), &f->src);
	if (!ret)
		ret = arg_ip("dst", arg_str(&v[S_DST]), &f->dst);
	if (!ret && f->src.family != f->dst.family)
		ret = usage_err("dst: must be the same family as src (src is %s, dst is %s)",
				family_name(f->src.family),
				family_name(f->dst.family));
	if (!ret && v[S_SPORT].n)
		ret = arg_port("sport", arg_str(&v[S_SPORT]), &f->sport);
	if (!ret && v[S_DPORT].n)
		ret = arg_port("dport", arg_str(&v[S_DPORT]), &f->dport);
	return ret;
}

/* vlan tags, outer first; tpid is for every tag but the innermost (with
 * one tag, for that one). */
static int parse_vlans(const struct arg_val *v, struct bb_frame_spec *f)
{
	uint16_t tpid = BB_TPID_8021Q;
	unsigned int i;
	int ret = 0;

	if (v[S_TPID].n)
		ret = arg_tpid(arg_str(&v[S_TPID]), &tpid);
	for (i = 0; !ret && i < v[S_VLAN].n; i++)
		ret = arg_vlan_tag(v[S_VLAN].at[i][0], &f->vlan[i]);
	if (ret)
		return ret;
	f->nvlan = v[S_VLAN].n;
	for (i = 0; i < f->nvlan; i++)
		if (i + 1 < f->nvlan || f->nvlan == 1)
			f->vlan[i].tpid = tpid;
	return 0;
}

/* tos, or dscp and ecn, into the TOS / traffic class byte. */
static int parse_qos(const struct arg_val *v, struct bb_frame_spec *f)
{
	uint64_t tos = 0, dscp = 0, ecn = 0;
	int ret = 0;

	if (v[S_TOS].n)
		ret = arg_uint("tos", arg_str(&v[S_TOS]), 0, 255, &tos);
	if (!ret && v[S_DSCP].n)
		ret = arg_uint("dscp", arg_str(&v[S_DSCP]), 0, 63, &dscp);
	if (!ret && v[S_ECN].n)
		ret = arg_uint("ecn", arg_str(&v[S_ECN]), 0, 3, &ecn);
	f->tos = (uint8_t)(tos | dscp << 2 | ecn);
	return ret;
}

static int parse_xmit(const char *s, uint32_t *mode)
{
	*mode = BBGEN_XMIT_MODE_QUEUE;
	if (!s || !strcmp(s, "queue"))
		return 0;
	if (!strcmp(s, "direct")) {
		*mode = BBGEN_XMIT_MODE_DIRECT;
		return 0;
	}
	return usage_err("xmit: must be queue or direct (got \"%s\")", s);
}

/* The CPU whose TX worker sends it; whether it has one, the kernel says. */
static int parse_cpu(const char *s, struct stream_req *r)
{
	uint64_t cpu = 0;
	int ret = arg_uint("cpu", s, 0, BBGEN_CPU_MAX, &cpu);

	r->has_cpu = !ret;
	r->cpu = (uint32_t)cpu;
	return ret;
}

/* The headers: addresses, ports, tags, QoS, the tag layout. */
static int parse_frame(const struct arg_val *v, struct stream_req *r)
{
	int ret;

	ret = parse_macs(v, &r->frame);
	if (!ret)
		ret = parse_l3l4(v, &r->frame);
	if (!ret)
		ret = parse_vlans(v, &r->frame);
	if (!ret)
		ret = parse_qos(v, &r->frame);
	if (!ret && v[S_LATENCY].n)
		ret = arg_on_off("latency", arg_str(&v[S_LATENCY]),
				 &r->frame.latency);
	return ret;
}

/* When the stream ends and when it begins. */
static int parse_limits(const struct arg_val *v, struct stream_req *r)
{
	int ret = 0;

	if (v[S_COUNT].n)
		ret = arg_count(arg_str(&v[S_COUNT]), &r->count);
	if (!ret && v[S_DURATION].n)
		ret = arg_seconds("duration", arg_str(&v[S_DURATION]), false,
				  &r->duration_ns);
	if (!ret && v[S_DELAY].n)
		ret = arg_seconds("delay", arg_str(&v[S_DELAY]), true,
				  &r->delay_ns);
	return ret;
}

int stream_parse_add(int argc, char **argv, struct stream_req *r)
{
	struct arg_val v[S_NUM];
	int ret;

	memset(r, 0, sizeof(*r));
	ret = args_parse("stream add", argc, argv, add_args, v);
	if (!ret)
		ret = check_structure(v);
	if (!ret)
		ret = arg_dev(arg_str(&v[S_DEV]), &r->ifindex);
	if (!ret && v[S_ID].n)
		ret = arg_id(arg_str(&v[S_ID]), &r->id);
	if (!ret)
		ret = parse_frame(v, r);
	if (!ret)
		ret = stream_parse_sizes(v, r);
	if (!ret)
		ret = parse_xmit(arg_str(&v[S_XMIT]), &r->xmit_mode);
	if (!ret && v[S_CPU].n)
		ret = parse_cpu(arg_str(&v[S_CPU]), r);
	if (!ret)
		ret = stream_parse_rate(v, r);
	if (!ret)
		ret = parse_limits(v, r);
	return ret;
}
