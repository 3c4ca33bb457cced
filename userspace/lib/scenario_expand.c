// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* A flow of the file -> one flow per (source port, destination port) pair
 * and direction: the ports' address family decides the smallest frame and
 * the default size, and with them the frame rate of a bitrate. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <linux/bbgen.h>

#include "decimal.h"
#include "scenario_int.h"

/* First UDP port of flows that name none (ByteBlower's dynamic port
 * start); the k-th expanded flow takes this + k, so no two flows to one
 * port share a destination UDP port. */
#define UDP_PORT_BASE	49152

/* G.711 voice: Ethernet, UDP and RTP headers + 8 bytes per ms of audio,
 * then the tag (ByteBlower's VoiceFlow sends 8 bytes per ms in the UDP
 * payload; bb keeps them whole, so that the audio a CPE sees is a real
 * G.711 payload of the size the packetization gives, and puts its tag
 * behind them). */
#define VOICE_HDR	(BB_ETH_HLEN + BB_UDP_HLEN + BB_RTP_HLEN)

/* The ports of each group, and room for one flow's selections. */
struct sc_groups {
	json_t *ports;		/* group name -> [port index, ...] */
	unsigned int *mark;	/* per port: the stamp of the last selection */
	unsigned int stamp;
	unsigned int *src, *dst;	/* a flow's selected ports, ascending */
};

static int index_port(json_t *ports, const struct bb_scenario_port *p,
		      unsigned int idx)
{
	json_t *arr;
	unsigned int i;

	for (i = 0; i < p->ngroups; i++) {
		arr = json_object_get(ports, p->group[i]);
		if (!arr && json_object_set_new_nocheck(ports, p->group[i], arr = json_array()))
			return -ENOMEM;
		/* a group listed twice in one port gives its index twice:
		 * the stamps in select_ports() take it once */
		if (json_array_append_new(arr, json_integer(idx)))
			return -ENOMEM;
	}
	return 0;
}

int sc_groups_build(struct sc_ctx *c, const struct bb_scenario *sc)
{
	struct sc_groups *g = calloc(1, sizeof(*g));
	unsigned int p;
	int ret = 0;

	c->groups = g;
	if (!g)
		return -ENOMEM;
	g->ports = json_object();
	g->mark = calloc(sc->nports, sizeof(*g->mark));
	g->src = calloc(sc->nports, sizeof(*g->src));
	g->dst = calloc(sc->nports, sizeof(*g->dst));
	if (!g->ports || !g->mark || !g->src || !g->dst)
		return -ENOMEM;
	for (p = 0; p < sc->nports && !ret; p++)
		ret = index_port(g->ports, &sc->ports[p], p);
	return ret;
}

void sc_groups_free(struct sc_ctx *c)
{
	struct sc_groups *g = c->groups;

	if (!g)
		return;
	json_decref(g->ports);
	free(g->mark);
	free(g->src);
	free(g->dst);
	free(g);
	c->groups = NULL;
}

static int by_index(const void *a, const void *b)
{
	unsigned int x = *(const unsigned int *)a, y = *(const unsigned int *)b;

	return x < y ? -1 : x > y;
}

/* The ports of one group name (the value at gpath) into list[*n], each
 * port once per selection. */
static int select_group(struct sc_ctx *c, struct sc_groups *gr, json_t *g,
			const char *gpath, unsigned int *list, unsigned int *n)
{
	json_t *arr, *v;
	size_t i;

	if (!json_is_string(g))
		return sc_fail(c, gpath, "must be a string");
	/* a NUL inside the value is no group name: looked up with it */
	arr = json_object_getn(gr->ports, json_string_value(g), json_string_length(g));
	if (!arr)
		return sc_fail(c, gpath, "no port is in group \"%s\"", json_string_value(g));
	json_array_foreach(arr, i, v) {
		unsigned int p = (unsigned int)json_integer_value(v);

		if (gr->mark[p] != gr->stamp) {
			gr->mark[p] = gr->stamp;
			list[(*n)++] = p;
		}
	}
	return 0;
}

/* Ports selected by o[key].port_group into list (ascending, as the ports
 * are listed); every group must name at least one port. */
static int select_ports(struct sc_ctx *c, json_t *o, const char *path,
			const char *key, unsigned int *list, unsigned int *n)
{
	json_t *arr = json_object_get(json_object_get(o, key), "port_group"), *g;
	char gpath[SC_PATH_MAX];
	size_t i;
	int ret;

	if (json_array_size(arr) > SC_SELECT_MAX) {
		sc_path(gpath, "%s.%s", path, key);
		return sc_fail_key(c, gpath, "port_group", "must list 1 to %d group names",
				   SC_SELECT_MAX);
	}
	c->groups->stamp++;
	*n = 0;
	json_array_foreach(arr, i, g) {
		sc_path(gpath, "%s.%s.port_group[%zu]", path, key, i);
		ret = select_group(c, c->groups, g, gpath, list, n);
		if (ret)
			return ret;
	}
	qsort(list, *n, sizeof(*list), by_index);
	return 0;
}

static bool has_v4(const struct bb_scenario_port *p)
{
	return p->has_ip4 || p->dhcp4;
}

static bool has_v6(const struct bb_scenario_port *p)
{
	return p->has_ip6 || p->dhcp6 || p->slaac6;
}

/* The flow's "ip", else IPv4 when both ends have it, else IPv6. */
static int family(struct sc_ctx *c, const char *path, int ip,
		  const struct bb_scenario_port *a,
		  const struct bb_scenario_port *b, int *fam)
{
	const struct bb_scenario_port *lacking;

	lacking = !has_v4(a) && !has_v6(a) ? a : !has_v4(b) && !has_v6(b) ? b : NULL;
	if (lacking)
		return sc_fail(c, path, "port \"%s\" only captures (it has no ipv4 or ipv6): it cannot send or receive a flow",
			       lacking->name);
	if (ip) {
		lacking = ip == AF_INET ? (!has_v4(a) ? a : !has_v4(b) ? b : NULL)
					: (!has_v6(a) ? a : !has_v6(b) ? b : NULL);
		*fam = ip;
		if (!lacking)
			return 0;
		return sc_fail_key(c, path, "ip", "\"%s\" but port \"%s\" has no %s (an address or \"dhcp\"%s)",
				   ip == AF_INET ? "ipv4" : "ipv6", lacking->name,
				   ip == AF_INET ? "ipv4" : "ipv6",
				   ip == AF_INET ? "" : " or \"slaac\"");
	}
	if (has_v4(a) && has_v4(b))
		*fam = AF_INET;
	else if (has_v6(a) && has_v6(b))
		*fam = AF_INET6;
	else
		return sc_fail(c, path, "ports \"%s\" and \"%s\" share no address family (both need ipv4 or both ipv6)",
			       a->name, b->name);
	return 0;
}

/* Sizes against the family's smallest frame; default size if none. */
static int sizes(struct sc_ctx *c, const char *path, struct bb_scenario_flow *f)
{
	bool lat = f->analysis.latency;
	uint32_t min = (uint32_t)bb_frame_min_size(f->family, 0, lat);
	const char *fam = f->family == AF_INET ? "IPv4" : "IPv6";
	char ipath[SC_PATH_MAX];
	unsigned int i;

	if (f->type == BB_FLOW_VOICE)
		f->frame_size = VOICE_HDR + (f->family == AF_INET ? BB_IPV4_HLEN : BB_IPV6_HLEN) +
				BB_G711_BYTES_PER_MS * f->packetization_ms +
				(uint32_t)bb_frame_tag_len(lat);
	else if (f->has_size_dist && f->size_dist.min < min)
		f->size_dist.min = min;	/* 22 bytes cannot hold the headers */
	else if (!f->frame_size && !f->nimix && !f->has_size_dist)
		f->frame_size = (uint32_t)bb_frame_default_size(f->family, 0, lat);
	if (f->frame_size && f->frame_size < min)
		return sc_fail_key(c, path, "frame_size", "%u is below %u, the smallest %s frame%s",
			       f->frame_size, min, fam, lat ? " with latency" : "");
	for (i = 0; i < f->nimix; i++) {
		sc_path(ipath, "%s.imix[%u]", path, i);
		if (f->imix[i].size < min)
			return sc_fail_key(c, ipath, "size", "%u is below %u, the smallest %s frame%s",
					   f->imix[i].size, min, fam, lat ? " with latency" : "");
	}
	return 0;
}

/* v (> 0, at most 1e12) as a decimal of 9 decimals at most, and of 18
 * significant digits at most, which bb_dec holds. */
static int dec_of(double v, struct bb_dec *d)
{
	int prec = v >= 1 ? 17 - (int)floor(log10(v)) : 9;
	char buf[64], *e;

	snprintf(buf, sizeof(buf), "%.*f", prec < 0 ? 0 : prec > 9 ? 9 : prec, v);
	e = buf + strlen(buf) - 1;
	while (*e == '0')
		*e-- = '\0';
	if (*e == '.')
		*e = '\0';
	return bb_dec_parse(buf, d);
}

/* frames/s of the flow as an exact ratio; a bitrate counts the layer-2
 * speed mode's overhead on every frame. */
static int rate(struct sc_ctx *c, const char *path, struct bb_scenario_flow *f,
		enum bb_l2_speed l2)
{
	uint64_t bytes = 0, weight = 0, over = bb_l2_overhead(l2);
	struct bb_dec d;
	unsigned int i;
	int ret;

	if (f->bitrate > 0) {
		if (f->nimix)
			for (i = 0; i < f->nimix; i++) {
				bytes += f->imix[i].weight * (f->imix[i].size + over);
				weight += f->imix[i].weight;
			}
		else
			bytes = f->frame_size + over, weight = 1;
		ret = dec_of(f->bitrate, &d);
		if (!ret)
			ret = bb_rate_from_bitrate(&d, bytes, weight, &f->rate);
	} else {
		ret = dec_of(f->frame_rate, &d);
		if (!ret)
			ret = bb_rate_from_fps(&d, &f->rate);
	}
	if (ret)
		return sc_fail_key(c, path, f->bitrate > 0 ? "bitrate" : "frame_rate",
				   "gives a frame rate %s what the generator allows (1 frame per hour to 1e9 frames/s)",
				   ret == -ERANGE ? "above" : "below");
	f->frame_rate = bb_rate_fps(&f->rate);
	return 0;
}

/* The port running the HTTP server of an http flow: the source for GET
 * (data flows from the response), the destination for PUT. */
static unsigned int http_server(const struct bb_scenario_flow *f)
{
	return f->http.method == BB_HTTP_GET ? f->src : f->dst;
}

/*
 * GET or PUT for AUTO as the framework decides it: a NATed source cannot
 * take the SYN of a GET's client, so it sends with PUT. Each server needs
 * its own TCP port in its namespace (an explicit tcp_server_port may
 * clash); clients may share a port (SO_REUSEADDR: their peers differ).
 */
static int http_sides(struct sc_ctx *c, const char *path,
		      const struct bb_scenario *sc, struct bb_scenario_flow *f,
		      uint16_t dflt_port)
{
	const struct bb_scenario_flow *o;
	unsigned int i;

	if (f->http.method == BB_HTTP_AUTO)
		f->http.method = sc->ports[f->src].nat ? BB_HTTP_PUT : BB_HTTP_GET;
	if (sc->ports[http_server(f)].nat)
		return sc_fail(c, path, "the HTTP server would run on NATed port \"%s\" (http_method %s): its SYN cannot get in; use %s",
			       sc->ports[http_server(f)].name, bb_http_method_name(f->http.method),
			       f->http.method == BB_HTTP_GET ? "PUT or AUTO" : "GET or AUTO");
	if (!f->http.server_port)
		f->http.server_port = dflt_port;
	for (i = 0; i < sc->nflows; i++) {
		o = &sc->flows[i];
		if (o->type != BB_FLOW_HTTP && o->type != BB_FLOW_VIDEO)
			continue;
		if (http_server(o) == http_server(f) && o->http.server_port == f->http.server_port)
			return sc_fail(c, path, "tcp_server_port %u on port \"%s\" is also the server port of flow \"%s\"",
				       f->http.server_port, sc->ports[http_server(f)].name, o->name);
	}
	return 0;
}

static int one(struct sc_ctx *c, const char *path, const struct bb_scenario_flow *tmpl,
	       struct bb_scenario *sc, unsigned int s, unsigned int d, bool rev)
{
	uint16_t port = (uint16_t)(UDP_PORT_BASE + sc->nflows), t;
	struct bb_scenario_flow *f;
	int ret;

	/* room doubles when nflows reaches a power of two: appending stays
	 * linear at the flow limit */
	if (!(sc->nflows & (sc->nflows - 1))) {
		f = realloc(sc->flows, (sc->nflows ? 2 * sc->nflows : 1) * sizeof(*f));
		if (!f)
			return -ENOMEM;
		sc->flows = f;
	}
	f = sc->flows;
	f += sc->nflows;
	*f = *tmpl;
	if (rev)	/* names are shorter than BB_SCENARIO_NAME_MAX: room left */
		strcat(f->name, " (reverse)");
	f->src = s;
	f->dst = d;
	f->reverse = rev;
	f->udp_src = tmpl->udp_src ? tmpl->udp_src : port;
	f->udp_dest = tmpl->udp_dest ? tmpl->udp_dest : port;
	if (rev) {
		t = f->udp_src;
		f->udp_src = f->udp_dest;
		f->udp_dest = t;
	}
	ret = family(c, path, tmpl->ip, &sc->ports[s], &sc->ports[d], &f->family);
	if (!ret && f->type == BB_FLOW_VIDEO && !f->video.duration_s && !sc->maximum_run_time_s)
		ret = sc_fail(c, path, "a video flow plays until its duration or the scenario's maximum_run_time: give one");
	if (!ret && (f->type == BB_FLOW_HTTP || f->type == BB_FLOW_VIDEO))
		ret = http_sides(c, path, sc, f, port);
	else if (!ret)
		ret = sizes(c, path, f);
	if (!ret && f->type != BB_FLOW_HTTP && f->type != BB_FLOW_VIDEO)
		ret = rate(c, path, f, sc->layer2_speed);
	if (!ret)
		sc->nflows++;
	return ret;
}

int sc_expand_flow(struct sc_ctx *c, json_t *o, unsigned int idx,
		   const struct bb_scenario_flow *tmpl, struct bb_scenario *sc)
{
	const unsigned int *src = c->groups->src, *dst = c->groups->dst;
	unsigned int i, j, nsrc, ndst, before = sc->nflows, self = 0;
	char path[SC_PATH_MAX];
	int ret;

	sc_path(path, "flows[%u]", idx);
	ret = select_ports(c, o, path, "source", c->groups->src, &nsrc);
	if (!ret)
		ret = select_ports(c, o, path, "destination", c->groups->dst, &ndst);
	/* each pair adds a flow or ends the expansion, but a port paired
	 * with itself, which is skipped (a group that is both source and
	 * destination is a mesh, as the framework makes it): at most
	 * SC_FLOWS_MAX + 1 + nsrc rounds whatever the groups select */
	for (i = 0; i < nsrc && !ret; i++)
		for (j = 0; j < ndst && !ret; j++) {
			if (src[i] == dst[j]) {
				self = src[i] + 1;
				continue;
			}
			if (sc->nflows + (tmpl->reverse ? 2 : 1) > SC_FLOWS_MAX)
				return sc_fail(c, path, "the scenario expands to more than %d flows",
					       SC_FLOWS_MAX);
			ret = one(c, path, tmpl, sc, src[i], dst[j], false);
			if (!ret && tmpl->reverse)
				ret = one(c, path, tmpl, sc, dst[j], src[i], true);
		}
	if (!ret && sc->nflows == before && self)
		return sc_fail(c, path, "source and destination both resolve to port \"%s\"",
			       sc->ports[self - 1].name);
	return ret;
}
