// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* Scenario parsing: a table of bad documents with the exact error line,
 * then good documents and what they parse to (defaults, expansion, rates). */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <cmocka.h>

#include "scenario_check.h"

#define P1 "{\"name\":\"p1\",\"port_group\":[\"a\"],\"interface\":\"veth0\",\"ipv4\":\"10.0.0.1\"}"
#define P2 "{\"name\":\"p2\",\"port_group\":[\"b\"],\"interface\":\"veth1\",\"ipv4\":\"10.0.0.2\"}"
#define PORTS "\"ports\":[" P1 "," P2 "]"
#define FB "\"name\":\"f\",\"type\":\"frame_blasting\",\"source\":{\"port_group\":[\"a\"]}," \
	   "\"destination\":{\"port_group\":[\"b\"]}"
#define FB_NAMED(n) "\"name\":\"" n "\",\"type\":\"frame_blasting\",\"source\":{\"port_group\":[\"a\"]}," \
	   "\"destination\":{\"port_group\":[\"b\"]}"
/* a document with the two ports and one frame_blasting flow + extra keys */
#define DOC(flow_extra) "{" PORTS ",\"flows\":[{" FB flow_extra "}]}"
/* the same with port p1 replaced */
#define DOC_P1(port) "{\"ports\":[" port "," P2 "],\"flows\":[{" FB "}]}"
#define PORT1(extra) "{\"name\":\"p1\",\"port_group\":[\"a\"],\"interface\":\"veth0\"" extra "}"
#define FLOW_OF(type, extra) "{" PORTS ",\"flows\":[{\"name\":\"f\",\"type\":\"" type "\"," \
	"\"source\":{\"port_group\":[\"a\"]},\"destination\":{\"port_group\":[\"b\"]}" extra "}]}"

static const struct bad bad_docs[] = {
	/* conflicts */
	{ DOC(",\"frame_rate\":10,\"bitrate\":5"), "flows[0].bitrate: conflicts with flows[0].frame_rate" },
	{ DOC(",\"frame_size\":100,\"imix\":true"), "flows[0].imix: conflicts with flows[0].frame_size" },
	{ DOC(",\"number_of_frames\":10,\"duration\":5"), "flows[0].duration: conflicts with flows[0].number_of_frames" },
	{ FLOW_OF("voice", ",\"analysis\":{\"minimum_mos\":3,\"mos\":{\"minimum_mos\":4}}"),
	  "flows[0].analysis.minimum_mos: conflicts with flows[0].analysis.mos.minimum_mos" },
	{ DOC_P1(PORT1(",\"ipv4\":\"10.0.0.1/24\",\"netmask\":\"255.255.255.0\"")),
	  "ports[0].netmask: conflicts with ports[0].ipv4 (it has a prefix)" },
	{ DOC_P1(PORT1(",\"ipv4\":\"dhcp\",\"gateway\":\"10.0.0.254\"")),
	  "ports[0].gateway: conflicts with ports[0].ipv4 (dhcp gives the gateway)" },
	/* unknown keys */
	{ "{" PORTS ",\"bogus\":1,\"flows\":[{" FB "}]}",
	  "bogus: unknown key in the scenario (allowed: ports, flows, report, maximum_run_time, layer2_speed, wait_for_finish)" },
	{ DOC(",\"packetization\":20"),
	  "flows[0].packetization: unknown key in a frame_blasting flow (allowed: name, type, source, destination, add_reverse_direction, initial_time_to_wait, dscp, ecn, udp_src, udp_dest, number_of_frames, duration, analysis, flow_group, reverse_flow_group, nat_keep_alive, ip, frame_size, imix, frame_rate, bitrate)" },
	{ FLOW_OF("voice", ",\"frame_size\":100"),
	  "flows[0].frame_size: unknown key in a voice flow (allowed: name, type, source, destination, add_reverse_direction, initial_time_to_wait, dscp, ecn, udp_src, udp_dest, number_of_frames, duration, analysis, flow_group, reverse_flow_group, nat_keep_alive, ip, packetization, codec)" },
	{ FLOW_OF("gaming", ",\"analysis\":{\"quantile\":99}"),
	  "flows[0].analysis.quantile: unknown key in the analysis of this flow type (allowed: max_loss_percentage, max_threshold_latency)" },
	{ DOC_P1(PORT1(",\"ipv4\":\"10.0.0.1\",\"speed\":1")),
	  "ports[0].speed: unknown key in a port (allowed: name, port_group, interface, exclusive, ipv4, netmask, gateway, ipv6, gateway_ipv6, mac, nat, vlans, tags, capture)" },
	{ DOC_P1(PORT1(",\"ipv4\":\"10.0.0.1\",\"vlans\":[{\"id\":5,\"pcp\":1}]")),
	  "ports[0].vlans[0].pcp: unknown key in a VLAN tag (allowed: id, priority, drop_eligible, protocol_id)" },
	{ DOC(",\"source\":{\"port_group\":[\"a\"],\"port\":\"p1\"}"),
	  "flows[0].source.port: unknown key in source (allowed: port_group)" },
	/* wrong types */
	{ "[1]", "the scenario must be a JSON object" },
	{ "{" PORTS ",\"flows\":{}}", "flows: must be an array" },
	{ DOC_P1(PORT1(",\"ipv4\":\"10.0.0.1\",\"exclusive\":1")), "ports[0].exclusive: must be true or false" },
	{ DOC(",\"dscp\":\"ef\""), "flows[0].dscp: must be an integer from 0 to 63" },
	{ DOC(",\"number_of_frames\":1.5"), "flows[0].number_of_frames: must be an integer from 1 to 281474976710656" },
	{ DOC(",\"analysis\":{\"latency\":\"yes\"}"), "flows[0].analysis.latency: must be true or false" },
	{ DOC(",\"imix\":\"default\""), "flows[0].imix: must be true, false or a list of 1 to 64 {\"size\", \"weight\"} objects" },
	{ DOC(",\"name\":7"), "flows[0].name: must be a string of 1 to 63 characters" },
	{ "{" PORTS ",\"report\":[],\"flows\":[{" FB "}]}", "report: must be an object" },
	/* out of range */
	{ DOC(",\"dscp\":64"), "flows[0].dscp: must be an integer from 0 to 63" },
	{ DOC(",\"ecn\":4"), "flows[0].ecn: must be an integer from 0 to 3" },
	{ DOC(",\"udp_src\":0"), "flows[0].udp_src: must be an integer from 1 to 65535" },
	{ DOC(",\"frame_rate\":0"), "flows[0].frame_rate: must be a number above 0 and at most 1e+09" },
	{ DOC(",\"frame_rate\":1e-9"), "flows[0].frame_rate: gives a frame rate below what the generator allows (1 frame per hour to 1e9 frames/s)" },
	{ DOC(",\"frame_size\":60,\"bitrate\":1e12"), "flows[0].bitrate: gives a frame rate above what the generator allows (1 frame per hour to 1e9 frames/s)" },
	{ DOC(",\"frame_size\":10"), "flows[0].frame_size: must be an integer from 60 to 9600" },
	{ DOC(",\"duration\":0"), "flows[0].duration: must be a number above 0 and at most 3.1536e+07" },
	{ DOC(",\"analysis\":{\"quantile\":101}"), "flows[0].analysis.quantile: must be a number above 0 and at most 100" },
	{ DOC(",\"analysis\":{\"max_loss_percentage\":-1}"), "flows[0].analysis.max_loss_percentage: must be a number from 0 to 100" },
	{ FLOW_OF("voice", ",\"packetization\":1189"), "flows[0].packetization: must be an integer from 1 to 1188" },
	{ FLOW_OF("voice", ",\"packetization\":0"), "flows[0].packetization: must be an integer from 1 to 1188" },
	{ FLOW_OF("voice", ",\"packetization\":20.5"), "flows[0].packetization: must be an integer from 1 to 1188" },
	{ FLOW_OF("voice", ",\"codec\":\"g729\""), "flows[0].codec: must be \"pcmu\" (G.711 mu-law, RTP payload type 0) or \"pcma\" (G.711 A-law, 8)" },
	{ FLOW_OF("voice", ",\"codec\":8"), "flows[0].codec: must be a string of 1 to 15 characters" },
	{ DOC(",\"codec\":\"pcma\""),
	  "flows[0].codec: unknown key in a frame_blasting flow (allowed: name, type, source, destination, add_reverse_direction, initial_time_to_wait, dscp, ecn, udp_src, udp_dest, number_of_frames, duration, analysis, flow_group, reverse_flow_group, nat_keep_alive, ip, frame_size, imix, frame_rate, bitrate)" },
	{ FLOW_OF("voice", ",\"analysis\":{\"minimum_mos\":5}"), "flows[0].analysis.minimum_mos: must be a number from 1 to 4.5" },
	{ DOC(",\"imix\":[{\"size\":64}]"), "flows[0].imix[0].weight: missing (required)" },
	{ DOC(",\"imix\":[{\"size\":64,\"weight\":1},{\"size\":64,\"weight\":2}]"),
	  "flows[0].imix[1].size: 64 is also the size of flows[0].imix[0]" },
	{ DOC_P1(PORT1(",\"ipv4\":\"10.0.0.1\",\"vlans\":[{\"id\":4095}]")), "ports[0].vlans[0].id: must be an integer from 1 to 4094" },
	{ DOC_P1(PORT1(",\"ipv4\":\"10.0.0.1\",\"vlans\":[{\"id\":5,\"protocol_id\":1}]")),
	  "ports[0].vlans[0].protocol_id: must be 33024 (0x8100), 34984 (0x88a8) or 37120 (0x9100)" },
	{ "{" PORTS ",\"wait_for_finish\":-1,\"flows\":[{" FB "}]}", "wait_for_finish: must be a number from 0 to 3600" },
	{ "{" PORTS ",\"layer2_speed\":\"bits\",\"flows\":[{" FB "}]}", "layer2_speed: must be one of frame, frame_with_fcs, physical" },
	{ "{" PORTS ",\"report\":{\"formats\":[\"pdf\"]},\"flows\":[{" FB "}]}", "report.formats[0]: must be one of \"html\", \"json\", \"junit\"" },
	/* these two once walked an uninitialised pointer (SIGSEGV) */
	{ "{" PORTS ",\"report\":{\"html\":true},\"flows\":[{" FB "}]}",
	  "report.html: unknown key in report (allowed: formats, output_dir)" },
	{ "{" PORTS ",\"report\":{\"formats\":\"html\"},\"flows\":[{" FB "}]}", "report.formats: must be an array" },
	/* bad values */
	{ DOC_P1(PORT1(",\"ipv4\":\"10.0.0.300\"")), "ports[0].ipv4: \"10.0.0.300\" is not an IPv4 address or \"dhcp\"" },
	{ DOC_P1(PORT1(",\"ipv6\":\"fd00::1/129\"")), "ports[0].ipv6: \"fd00::1/129\" is not an IPv6 address (with an optional /prefix), \"dhcp\" or \"slaac\"" },
	{ DOC_P1(PORT1(",\"ipv6\":\"slaac\",\"gateway_ipv6\":\"fe80::1\"")),
	  "ports[0].gateway_ipv6: conflicts with ports[0].ipv6 (slaac: the router's advertisement gives the gateway)" },
	{ DOC_P1(PORT1(",\"ipv6\":\"dhcp\",\"gateway_ipv6\":\"fe80::1\"")),
	  "ports[0].gateway_ipv6: conflicts with ports[0].ipv6 (dhcp: the router's advertisement gives the gateway)" },
	{ DOC(",\"ip\":\"ipv5\""), "flows[0].ip: must be \"ipv4\" or \"ipv6\"" },
	{ DOC(",\"ip\":6"), "flows[0].ip: must be \"ipv4\" or \"ipv6\"" },
	{ DOC(",\"ip\":\"ipv6\""), "flows[0].ip: \"ipv6\" but port \"p1\" has no ipv6 (an address or \"dhcp\" or \"slaac\")" },
	{ DOC_P1(PORT1(",\"ipv6\":\"slaac\"")), "flows[0]: ports \"p1\" and \"p2\" share no address family (both need ipv4 or both ipv6)" },
	{ DOC_P1(PORT1(",\"ipv4\":\"10.0.0.1\",\"netmask\":\"255.0.255.0\"")), "ports[0].netmask: \"255.0.255.0\" is not a contiguous IPv4 netmask" },
	{ DOC_P1(PORT1(",\"ipv4\":\"10.0.0.1\",\"mac\":\"01:00:00:00:00:01\"")),
	  "ports[0].mac: \"01:00:00:00:00:01\" is not a unicast MAC address (like 02:00:00:00:00:01)" },
	{ DOC_P1(PORT1("")), "ports[0]: needs ipv4 or ipv6 (an address, \"dhcp\", or \"slaac\" for ipv6), or a capture alone" },
	{ DOC_P1("{\"name\":\"p1\",\"port_group\":[\"a\"],\"ipv4\":\"10.0.0.1\"}"), "ports[0].interface: missing (required)" },
	{ "{" PORTS ",\"flows\":[{}]}", "flows[0].type: missing (required): one of frame_blasting, voice, gaming, http, video" },
	{ FLOW_OF("dash", ""), "flows[0].type: \"dash\" is not one of frame_blasting, voice, gaming, http, video" },
	{ "{" PORTS ",\"flows\":[]}", "flows: at least one flow is needed" },
	{ "{\"ports\":[],\"flows\":[{" FB "}]}", "ports: at least one port is needed" },
	/* frame sizes that need the ports' family */
	{ "{\"ports\":[" PORT1(",\"ipv6\":\"fd00::1\"") ",{\"name\":\"p2\",\"port_group\":[\"b\"],\"interface\":\"veth1\",\"ipv6\":\"fd00::2\"}],"
	  "\"flows\":[{" FB ",\"frame_size\":70,\"analysis\":{\"latency\":true}}]}",
	  "flows[0].frame_size: 70 is below 78, the smallest IPv6 frame with latency" },
	/* groups, ports, names */
	{ DOC(",\"destination\":{\"port_group\":[\"zz\"]}"), "flows[0].destination.port_group[0]: no port is in group \"zz\"" },
	{ DOC(",\"destination\":{\"port_group\":[\"a\"]}"), "flows[0]: source and destination both resolve to port \"p1\"" },
	{ DOC_P1(PORT1(",\"ipv6\":\"fd00::1\"")), "flows[0]: ports \"p1\" and \"p2\" share no address family (both need ipv4 or both ipv6)" },
	{ "{" PORTS ",\"flows\":[{" FB "},{" FB "}]}", "flows[1].name: \"f\" is already the name of flows[0]" },
	{ "{\"ports\":[" P1 "," P1 "],\"flows\":[{" FB "}]}", "ports[1].name: \"p1\" is already the name of ports[0]" },
	{ "{\"ports\":[" PORT1(",\"ipv4\":\"10.0.0.1\",\"exclusive\":true") ",{\"name\":\"p2\",\"port_group\":[\"b\"],\"interface\":\"veth0\",\"ipv4\":\"10.0.0.2\"}],\"flows\":[{" FB "}]}",
	  "ports[1].interface: \"veth0\" is also used by ports[0]; an exclusive port needs its interface alone" },
	/* addresses no frame reaches */
	{ DOC_P1(PORT1(",\"ipv4\":\"255.255.255.255\"")),
	  "ports[0].ipv4: \"255.255.255.255\" is the broadcast address; a port needs a unicast host address" },
	{ DOC_P1(PORT1(",\"ipv4\":\"0.0.0.0\"")),
	  "ports[0].ipv4: \"0.0.0.0\" is the unspecified address; a port needs a unicast host address" },
	{ DOC_P1(PORT1(",\"ipv4\":\"239.1.2.3/8\"")),
	  "ports[0].ipv4: \"239.1.2.3/8\" is a multicast address; a port needs a unicast host address" },
	{ DOC_P1(PORT1(",\"ipv4\":\"127.0.0.2\"")),
	  "ports[0].ipv4: \"127.0.0.2\" is a loopback address; a port needs a unicast host address" },
	{ DOC_P1(PORT1(",\"ipv4\":\"10.0.0.0\"")),
	  "ports[0].ipv4: \"10.0.0.0\" is the network address of its subnet; a port needs a unicast host address" },
	{ DOC_P1(PORT1(",\"ipv4\":\"10.0.1.255\",\"netmask\":\"255.255.254.0\"")),
	  "ports[0].ipv4: \"10.0.1.255\" is the broadcast address of its subnet; a port needs a unicast host address" },
	{ DOC_P1(PORT1(",\"ipv6\":\"::\"")),
	  "ports[0].ipv6: \"::\" is the unspecified address; a port needs a unicast host address" },
	{ DOC_P1(PORT1(",\"ipv6\":\"::1/128\"")),
	  "ports[0].ipv6: \"::1/128\" is the loopback address; a port needs a unicast host address" },
	{ DOC_P1(PORT1(",\"ipv6\":\"ff02::1\"")),
	  "ports[0].ipv6: \"ff02::1\" is a multicast address; a port needs a unicast host address" },
	{ DOC_P1(PORT1(",\"ipv4\":\"10.0.0.1\",\"mac\":\"00:00:00:00:00:00\"")),
	  "ports[0].mac: \"00:00:00:00:00:00\" is the all-zero address; a port needs a unicast MAC address (like 02:00:00:00:00:01)" },
	/* gateways */
	{ DOC_P1(PORT1(",\"ipv4\":\"10.0.0.1\",\"gateway\":\"10.0.1.1\"")),
	  "ports[0].gateway: \"10.0.1.1\" is not in the port's subnet 10.0.0.0/24" },
	{ DOC_P1(PORT1(",\"ipv4\":\"10.0.0.1/30\",\"gateway\":\"10.0.0.1\"")),
	  "ports[0].gateway: \"10.0.0.1\" is the port's own address; the gateway is another host of 10.0.0.0/30" },
	{ DOC_P1(PORT1(",\"ipv4\":\"10.0.0.1\",\"gateway\":\"10.0.0.255\"")),
	  "ports[0].gateway: \"10.0.0.255\" is the broadcast address of its subnet; a port needs a unicast host address" },
	{ DOC_P1(PORT1(",\"ipv6\":\"fd00::1\",\"gateway_ipv6\":\"fd00:0:0:1::1\"")),
	  "ports[0].gateway_ipv6: \"fd00:0:0:1::1\" is not in the port's subnet fd00::/64 nor link-local (fe80::/10)" },
	{ DOC_P1(PORT1(",\"ipv6\":\"fd00::1\",\"gateway_ipv6\":\"ff02::2\"")),
	  "ports[0].gateway_ipv6: \"ff02::2\" is a multicast address; a port needs a unicast host address" },
	{ DOC_P1(PORT1(",\"ipv6\":\"fd00::1\",\"gateway\":\"10.0.0.254\"")), "ports[0].gateway: needs ports[0].ipv4" },
	{ DOC_P1(PORT1(",\"ipv6\":\"fd00::1\",\"netmask\":\"255.0.0.0\"")), "ports[0].netmask: needs ports[0].ipv4" },
	/* interface names no Linux device can have */
	{ DOC_P1("{\"name\":\"p1\",\"port_group\":[\"a\"],\"interface\":\"a/b\",\"ipv4\":\"10.0.0.1\"}"),
	  "ports[0].interface: \"a/b\" is not a Linux interface name (not \".\" or \"..\", no '/', ':' or blanks)" },
	{ DOC_P1("{\"name\":\"p1\",\"port_group\":[\"a\"],\"interface\":\"..\",\"ipv4\":\"10.0.0.1\"}"),
	  "ports[0].interface: \"..\" is not a Linux interface name (not \".\" or \"..\", no '/', ':' or blanks)" },
	{ DOC_P1("{\"name\":\"p1\",\"port_group\":[\"a\"],\"interface\":\"eth0:1\",\"ipv4\":\"10.0.0.1\"}"),
	  "ports[0].interface: \"eth0:1\" is not a Linux interface name (not \".\" or \"..\", no '/', ':' or blanks)" },
	{ DOC_P1("{\"name\":\"p1\",\"port_group\":[\"a\"],\"interface\":\"eth 0\",\"ipv4\":\"10.0.0.1\"}"),
	  "ports[0].interface: \"eth 0\" is not a Linux interface name (not \".\" or \"..\", no '/', ':' or blanks)" },
	{ DOC_P1("{\"name\":\"p1\",\"port_group\":[\"a\"],\"interface\":\"0123456789abcdef\",\"ipv4\":\"10.0.0.1\"}"),
	  "ports[0].interface: must be a string of 1 to 15 characters" },
	/* control characters in names; quoted values print them as '?' */
	{ DOC_P1("{\"name\":\"p\\u0001\",\"port_group\":[\"a\"],\"interface\":\"veth0\",\"ipv4\":\"10.0.0.1\"}"),
	  "ports[0].name: has control character U+0001 at byte 1; names and groups must be printable text" },
	{ DOC_P1("{\"name\":\"p1\",\"port_group\":[\"a\\n\"],\"interface\":\"veth0\",\"ipv4\":\"10.0.0.1\"}"),
	  "ports[0].port_group[0]: has control character U+000A at byte 1; names and groups must be printable text" },
	{ DOC(",\"name\":\"\\u009b2J\""),
	  "flows[0].name: has control character U+009B at byte 0; names and groups must be printable text" },
	{ DOC_P1(PORT1(",\"ipv4\":\"10.0.0.1\\u001b[2J\"")),
	  "ports[0].ipv4: \"10.0.0.1?[2J\" is not an IPv4 address or \"dhcp\"" },
	/* found by tests/fuzz/scenario: a framework flow without source and
	 * scouting flows on gave -ENOMEM with no message */
	{ "{\"$schema\":\"x\",\"enable_scouting_flows\":true," PORTS ",\"flows\":[{\"name\":\"f\",\"type\":\"frame_blasting\","
	  "\"destination\":{\"port_group\":[\"b\"]}}]}", "flows[0].source: missing (required)" },
	/* found by tests/fuzz/scenario: the framework translator's errors
	 * quoted values with their newlines (two lines) */
	{ "{\"$schema\":\"x\"," PORTS ",\"flows\":[{" FB ",\"dscp\":\"0x\\n2e\"}]}",
	  "flows[0].dscp: \"0x?2e\" is not a code point (an integer, or a string like \"0x2e\", \"46\" or \"0b101110\")" },
	/* rates below what the generator can send, and limits */
	{ DOC(",\"frame_rate\":1e-300"), "flows[0].frame_rate: gives a frame rate below what the generator allows (1 frame per hour to 1e9 frames/s)" },
	{ DOC(",\"frame_size\":1500,\"bitrate\":1e-300"), "flows[0].bitrate: gives a frame rate below what the generator allows (1 frame per hour to 1e9 frames/s)" },
	{ DOC(",\"destination\":{\"port_group\":[\"b\",\"b\",\"b\",\"b\",\"b\",\"b\",\"b\",\"b\",\"b\",\"b\",\"b\",\"b\",\"b\",\"b\",\"b\",\"b\","
	      "\"b\",\"b\",\"b\",\"b\",\"b\",\"b\",\"b\",\"b\",\"b\",\"b\",\"b\",\"b\",\"b\",\"b\",\"b\",\"b\",\"b\",\"b\",\"b\",\"b\",\"b\",\"b\",\"b\",\"b\","
	      "\"b\",\"b\",\"b\",\"b\",\"b\",\"b\",\"b\",\"b\",\"b\",\"b\",\"b\",\"b\",\"b\",\"b\",\"b\",\"b\",\"b\",\"b\",\"b\",\"b\",\"b\",\"b\",\"b\",\"b\",\"b\"]}"),
	  "flows[0].destination.port_group: must list 1 to 64 group names" },
};

static void test_bad(void **state)
{
	(void)state;
	check_bad(bad_docs, sizeof(bad_docs) / sizeof(bad_docs[0]));
}

/* One minimal flow: ByteBlower's defaults everywhere. */
static void test_defaults(void **state)
{
	struct bb_scenario *sc = good(DOC(""));
	const struct bb_scenario_flow *f = &sc->flows[0];
	json_t *n = bb_scenario_json(sc);

	(void)state;
	assert_int_equal(sc->nports, 2);
	assert_int_equal(sc->nflows, 1);
	assert_int_equal(sc->layer2_speed, BB_L2_FRAME);
	assert_true(sc->wait_for_finish_s == 5.0);
	assert_true(sc->maximum_run_time_s == 0);
	assert_int_equal(sc->report_formats, BB_REPORT_HTML | BB_REPORT_JSON);
	assert_int_equal(sc->ports[0].prefix4, 24);
	assert_int_equal(f->family, AF_INET);
	assert_int_equal(f->frame_size, 60);
	assert_true(f->frame_rate == 100.0);
	assert_int_equal(f->number_of_frames, 10000);
	assert_int_equal(f->udp_src, 49152);
	assert_int_equal(f->udp_dest, 49152);
	assert_false(f->analysis.latency);
	assert_true(f->analysis.max_loss_percentage == 1.0);
	/* the normalized document carries the defaults */
	assert_true(json_real_value(json_object_get(json_object_get(json_array_get(
		json_object_get(n, "flows"), 0), "analysis"), "max_loss_percentage")) == 1.0);
	assert_int_equal(json_integer_value(json_object_get(json_array_get(
		json_object_get(n, "flows"), 0), "number_of_frames")), 10000);
	assert_string_equal(json_string_value(json_object_get(n, "layer2_speed")), "frame");
	json_decref(n);
	bb_scenario_free(sc);
}

/* Groups of two ports on each side, and the reverse: 2 x 2 x 2 flows with
 * their own UDP ports, given ones swapped in the reverse direction. */
static void test_expand(void **state)
{
	struct bb_scenario *sc = good("{\"ports\":["
		"{\"name\":\"s1\",\"port_group\":[\"src\"],\"interface\":\"e0\",\"ipv4\":\"10.0.0.1\"},"
		"{\"name\":\"s2\",\"port_group\":[\"src\"],\"interface\":\"e0\",\"ipv4\":\"10.0.0.2\"},"
		"{\"name\":\"d1\",\"port_group\":[\"dst\"],\"interface\":\"e1\",\"ipv4\":\"10.0.0.3\"},"
		"{\"name\":\"d2\",\"port_group\":[\"dst\"],\"interface\":\"e1\",\"ipv4\":\"10.0.0.4\"}],"
		"\"flows\":[{\"name\":\"x\",\"type\":\"frame_blasting\",\"source\":{\"port_group\":[\"src\"]},"
		"\"destination\":{\"port_group\":[\"dst\"]},\"add_reverse_direction\":true,\"udp_dest\":5000}]}");

	(void)state;
	assert_int_equal(sc->nflows, 8);
	assert_string_equal(sc->flows[0].name, "x");
	assert_string_equal(sc->flows[1].name, "x (reverse)");
	assert_int_equal(sc->flows[0].src, 0);
	assert_int_equal(sc->flows[0].dst, 2);
	assert_int_equal(sc->flows[1].src, 2);
	assert_int_equal(sc->flows[1].dst, 0);
	assert_true(sc->flows[1].reverse);
	assert_int_equal(sc->flows[0].udp_src, 49152);
	assert_int_equal(sc->flows[0].udp_dest, 5000);
	assert_int_equal(sc->flows[1].udp_src, 5000);
	assert_int_equal(sc->flows[1].udp_dest, 49153);
	assert_int_equal(sc->flows[7].src, 3);
	assert_int_equal(sc->flows[7].dst, 1);
	bb_scenario_free(sc);
}

/* bitrate -> frames/s in the layer-2 speed mode: 1 Mb/s of 100-byte
 * frames is 1e6 / 800 = 1250 fps counting the frame, 1e6 / (8 * 124) =
 * 1008.06 fps counting preamble, SFD, FCS and gap (physical, +24). */
static void test_bitrate(void **state)
{
	struct bb_scenario *sc = good(DOC(",\"frame_size\":100,\"bitrate\":1e6"));
	struct bb_scenario *ph = good("{\"layer2_speed\":\"physical\"," PORTS ",\"flows\":[{" FB
				      ",\"frame_size\":100,\"bitrate\":1e6}]}");

	(void)state;
	assert_true(sc->flows[0].frame_rate == 1250.0);
	assert_int_equal(ph->layer2_speed, BB_L2_PHYSICAL);
	assert_true(ph->flows[0].frame_rate > 1008.064 && ph->flows[0].frame_rate < 1008.065);
	bb_scenario_free(sc);
	bb_scenario_free(ph);
}

/* IMIX true is ByteBlower's 7 sizes; with bitrate the mean frame counts:
 * weights sum 100, sum of weight * size = 72*34 + 124*6 + 252*4 + 508*4 +
 * 1020*9 + 1276*25 + 1510*18 = 74492 bytes, so 1 Mb/s is
 * 1e6 * 100 / (8 * 74492) = 167.8033 fps in frame mode. */
static void test_imix(void **state)
{
	struct bb_scenario *sc = good(DOC(",\"imix\":true,\"bitrate\":1e6"));
	const struct bb_scenario_flow *f = &sc->flows[0];

	(void)state;
	assert_int_equal(f->nimix, 7);
	assert_int_equal(f->frame_size, 0);
	assert_int_equal(f->imix[0].size, 72);
	assert_int_equal(f->imix[0].weight, 34);
	assert_int_equal(f->imix[6].size, 1510);
	assert_true(f->frame_rate > 167.8032 && f->frame_rate < 167.8034);
	bb_scenario_free(sc);
}

/* voice: 20 ms -> 50 fps of 14 + 20 + 8 + 12 + 160 + 16 (time tag) = 230
 * bytes, mu-law; IPv6 and 10 ms: 100 fps of 14 + 40 + 8 + 12 + 80 + 16 =
 * 170; the longest packetization fills the largest frame. Gaming: 30 fps,
 * normal sizes, 10 s, P99 limit 1 ms. */
static void test_voice_gaming(void **state)
{
	struct bb_scenario *v = good(FLOW_OF("voice", ""));
	struct bb_scenario *v6 = good("{\"ports\":[" PORT1(",\"ipv6\":\"fd00::1\"")
		",{\"name\":\"p2\",\"port_group\":[\"b\"],\"interface\":\"veth1\",\"ipv6\":\"fd00::2\"}],"
		"\"flows\":[{\"name\":\"f\",\"type\":\"voice\",\"packetization\":10,"
		"\"source\":{\"port_group\":[\"a\"]},\"destination\":{\"port_group\":[\"b\"]},"
		"\"analysis\":{\"mos\":{\"minimum_mos\":3.5}}}]}");
	struct bb_scenario *g = good(FLOW_OF("gaming", ""));
	struct bb_scenario *a = good(FLOW_OF("voice", ",\"codec\":\"pcma\",\"packetization\":1"));
	struct bb_scenario *big = good("{\"ports\":[" PORT1(",\"ipv6\":\"fd00::1\"")
		",{\"name\":\"p2\",\"port_group\":[\"b\"],\"interface\":\"veth1\",\"ipv6\":\"fd00::2\"}],"
		"\"flows\":[{\"name\":\"f\",\"type\":\"voice\",\"packetization\":1188,"
		"\"source\":{\"port_group\":[\"a\"]},\"destination\":{\"port_group\":[\"b\"]}}]}");
	json_t *cfg;

	(void)state;
	assert_int_equal(v->flows[0].rtp_pt, 0);
	assert_int_equal(a->flows[0].rtp_pt, 8);
	assert_int_equal(a->flows[0].frame_size, 14 + 20 + 8 + 12 + 8 + 16);
	assert_true(a->flows[0].frame_rate == 1000.0);
	assert_int_equal(big->flows[0].frame_size, 9594);
	cfg = bb_scenario_flow_config(&a->flows[0]);
	assert_string_equal(json_string_value(json_object_get(cfg, "codec")), "pcma");
	json_decref(cfg);
	cfg = bb_scenario_flow_config(&v->flows[0]);
	assert_string_equal(json_string_value(json_object_get(cfg, "codec")), "pcmu");
	json_decref(cfg);
	cfg = bb_scenario_flow_config(&g->flows[0]);
	assert_true(json_is_null(json_object_get(cfg, "codec")));
	json_decref(cfg);
	assert_int_equal(v->flows[0].frame_size, 230);
	assert_true(v->flows[0].frame_rate == 50.0);
	assert_true(v->flows[0].duration_s == 10.0);
	assert_true(v->flows[0].analysis.mos);
	assert_true(v->flows[0].analysis.minimum_mos == 4.0);
	assert_int_equal(v6->flows[0].frame_size, 170);
	assert_true(v6->flows[0].frame_rate == 100.0);
	assert_true(v6->flows[0].analysis.minimum_mos == 3.5);
	assert_true(g->flows[0].has_size_dist);
	assert_true(g->flows[0].frame_rate == 30.0);
	assert_true(g->flows[0].size_dist.mean == 110);
	assert_int_equal(g->flows[0].size_dist.min, 60);	/* 22 clamped */
	assert_true(g->flows[0].analysis.max_threshold_latency_ms == 1.0);
	assert_true(g->flows[0].analysis.latency);
	bb_scenario_free(v);
	bb_scenario_free(v6);
	bb_scenario_free(g);
	bb_scenario_free(a);
	bb_scenario_free(big);
}

/* The record's config of a latency flow carries its limits. */
static void test_flow_config(void **state)
{
	struct bb_scenario *sc = good(DOC(",\"analysis\":{\"max_threshold_latency\":2}"));
	json_t *cfg = bb_scenario_flow_config(&sc->flows[0]);
	json_t *an = json_object_get(cfg, "analysis");

	(void)state;
	assert_true(json_is_true(json_object_get(cfg, "latency")));
	assert_int_equal(json_integer_value(json_object_get(cfg, "frame_size")), 60);
	assert_true(json_is_null(json_object_get(cfg, "imix")));
	assert_true(json_real_value(json_object_get(an, "max_threshold_latency")) == 2.0);
	assert_true(json_real_value(json_object_get(an, "quantile")) == 99.9);
	assert_true(json_is_null(json_object_get(an, "minimum_mos")));
	json_decref(cfg);
	bb_scenario_free(sc);
}

/* Addresses with prefixes, netmasks, dhcp, VLANs. */
static void test_ports(void **state)
{
	struct bb_scenario *sc = good("{\"ports\":["
		PORT1(",\"ipv4\":\"10.1.0.1\",\"netmask\":\"255.255.0.0\",\"gateway\":\"10.1.0.254\","
		      "\"ipv6\":\"fd00::1/48\",\"mac\":\"02:00:00:00:00:01\","
		      "\"vlans\":[{\"id\":10,\"protocol_id\":34984},{\"id\":20,\"priority\":5}]") ","
		"{\"name\":\"p2\",\"port_group\":[\"b\",\"c\"],\"interface\":\"veth1\",\"ipv4\":\"dhcp\",\"exclusive\":true}],"
		"\"flows\":[{" FB "}]}");
	const struct bb_scenario_port *p = &sc->ports[0], *q = &sc->ports[1];

	(void)state;
	assert_int_equal(p->prefix4, 16);
	assert_true(p->has_gw4);
	assert_int_equal(p->prefix6, 48);
	assert_true(p->has_mac);
	assert_int_equal(p->mac[5], 1);
	assert_int_equal(p->nvlan, 2);
	assert_int_equal(p->vlan[0].tpid, 0x88a8);
	assert_int_equal(p->vlan[1].tpid, 0x8100);
	assert_int_equal(p->vlan[1].pcp, 5);
	assert_true(q->dhcp4);
	assert_false(q->has_ip4);
	assert_true(q->exclusive);
	assert_int_equal(q->ngroups, 2);
	assert_string_equal(q->group[1], "c");
	bb_scenario_free(sc);
}

/* ipv6 "slaac" and "dhcp"; a dual-stack pair takes IPv4 unless the flow
 * says "ip": "ipv6". */
static void test_ipv6_auto(void **state)
{
	struct bb_scenario *sc = good("{\"ports\":["
		PORT1(",\"ipv4\":\"dhcp\",\"ipv6\":\"slaac\"") ","
		"{\"name\":\"p2\",\"port_group\":[\"b\"],\"interface\":\"veth1\",\"ipv4\":\"10.0.0.2\",\"ipv6\":\"dhcp\"}],"
		"\"flows\":[{" FB "},{" FB_NAMED("g") ",\"ip\":\"ipv6\"},{" FB_NAMED("h") ",\"ip\":\"ipv4\"}]}");

	(void)state;
	assert_true(sc->ports[0].slaac6);
	assert_false(sc->ports[0].dhcp6);
	assert_false(sc->ports[0].has_ip6);
	assert_true(sc->ports[1].dhcp6);
	assert_false(sc->ports[1].has_gw6);
	assert_int_equal(sc->nflows, 3);
	assert_int_equal(sc->flows[0].family, AF_INET);
	assert_int_equal(sc->flows[1].family, AF_INET6);
	assert_int_equal(sc->flows[2].family, AF_INET);
	bb_scenario_free(sc);
}

/* What the address checks let through: both ends of a /31 (RFC 3021), a
 * /32, an IPv6 gateway on the link-local prefix, a gateway on a /16. */
static void test_good_addresses(void **state)
{
	struct bb_scenario *sc = good("{\"ports\":["
		PORT1(",\"ipv4\":\"10.0.0.0/31\",\"gateway\":\"10.0.0.1\","
		      "\"ipv6\":\"fd00::1\",\"gateway_ipv6\":\"fe80::1\"") ","
		"{\"name\":\"p2\",\"port_group\":[\"b\"],\"interface\":\"veth1\",\"ipv4\":\"10.1.255.255/32\"},"
		"{\"name\":\"p3\",\"port_group\":[\"c\"],\"interface\":\"veth1\",\"ipv4\":\"10.2.0.255/16\",\"gateway\":\"10.2.255.1\"}],"
		"\"flows\":[{" FB "}]}");

	(void)state;
	assert_int_equal(sc->ports[0].prefix4, 31);
	assert_true(sc->ports[0].has_gw4);
	assert_true(sc->ports[0].has_gw6);
	assert_int_equal(sc->ports[1].prefix4, 32);
	assert_true(sc->ports[2].has_gw4);
	bb_scenario_free(sc);
}

/* nports ports: p0 in group "s", each other pK in its own group "pK";
 * nflows flows from "s" to the other ports in turn (all on one interface,
 * one /24 each). */
static json_t *many(unsigned int nports, unsigned int nflows)
{
	json_t *doc = json_object(), *ports = json_array(), *flows = json_array();
	char name[32], addr[32];
	unsigned int i;

	for (i = 0; i < nports; i++) {
		snprintf(name, sizeof(name), "p%u", i);
		snprintf(addr, sizeof(addr), "10.%u.%u.1/24", i / 256, i % 256);
		json_array_append_new(ports, json_pack("{s:s,s:[s],s:s,s:s}", "name", name,
			"port_group", i ? name : "s", "interface", "veth0", "ipv4", addr));
	}
	for (i = 0; i < nflows; i++) {
		snprintf(name, sizeof(name), "f%u", i);
		snprintf(addr, sizeof(addr), "p%u", i % (nports - 1) + 1);
		json_array_append_new(flows, json_pack("{s:s,s:s,s:{s:[s]},s:{s:[s]}}", "name", name,
			"type", "frame_blasting", "source", "port_group", "s",
			"destination", "port_group", addr));
	}
	json_object_set_new(doc, "ports", ports);
	json_object_set_new(doc, "flows", flows);
	return doc;
}

static void expect_err(json_t *doc, const char *want)
{
	char err[BB_SCENARIO_ERR_MAX] = "";
	struct bb_scenario *sc;

	assert_int_equal(bb_scenario_parse(doc, &sc, err, sizeof(err)), -EINVAL);
	assert_string_equal(err, want);
	json_decref(doc);
}

/* The limits: at them a scenario parses, one past them it is refused
 * before any work; a file over the size limit is not read at all. */
static void test_limits(void **state)
{
	char err[BB_SCENARIO_ERR_MAX] = "", file[] = "/tmp/bb-scenario-XXXXXX";
	json_t *doc = many(4096, 4096);
	struct bb_scenario *sc;
	int fd;

	(void)state;
	if (bb_scenario_parse(doc, &sc, err, sizeof(err)))
		fail_msg("at the limits: %s", err);
	assert_int_equal(sc->nports, 4096);
	assert_int_equal(sc->nflows, 4096);
	assert_int_equal(sc->flows[4095].dst, 4095 % 4095 + 1);
	bb_scenario_free(sc);
	json_decref(doc);
	expect_err(many(4097, 1), "ports: 4097 ports; a scenario has at most 4096");
	expect_err(many(2, 4097), "flows: 4097 flows; a scenario has at most 4096");
	/* 65 x 65 pairs: refused at the 4097th, whatever the rest select */
	doc = many(130, 1);
	for (fd = 0; fd < 130; fd++)
		json_object_set_new(json_array_get(json_object_get(doc, "ports"), (size_t)fd),
				    "port_group", json_pack("[s]", fd < 65 ? "x" : "y"));
	json_object_set_new(json_array_get(json_object_get(doc, "flows"), 0), "source",
			    json_pack("{s:[s]}", "port_group", "x"));
	json_object_set_new(json_array_get(json_object_get(doc, "flows"), 0), "destination",
			    json_pack("{s:[s]}", "port_group", "y"));
	expect_err(doc, "flows[0]: the scenario expands to more than 4096 flows");
	fd = mkstemp(file);
	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, (16 << 20) + 1), 0);
	close(fd);
	assert_int_equal(bb_scenario_load(file, &sc, err, sizeof(err)), -EINVAL);
	assert_null(sc);
	assert_non_null(strstr(err, ": 16777217 bytes; a scenario file has at most 16777216"));
	unlink(file);
}

/* A group that is both source and destination: a mesh without the
 * self pairs, as the framework makes it. */
static void test_mesh(void **state)
{
	struct bb_scenario *sc = good("{\"ports\":["
		"{\"name\":\"p1\",\"port_group\":[\"m\"],\"interface\":\"veth0\",\"ipv4\":\"10.0.0.1\"},"
		"{\"name\":\"p2\",\"port_group\":[\"m\"],\"interface\":\"veth1\",\"ipv4\":\"10.0.0.2\"},"
		"{\"name\":\"p3\",\"port_group\":[\"m\"],\"interface\":\"veth2\",\"ipv4\":\"10.0.0.3\"}],"
		"\"flows\":[{\"name\":\"f\",\"type\":\"frame_blasting\","
		"\"source\":{\"port_group\":[\"m\"]},\"destination\":{\"port_group\":[\"m\"]}}]}");
	unsigned int i;

	(void)state;
	assert_int_equal(sc->nflows, 6);
	for (i = 0; i < sc->nflows; i++)
		assert_int_not_equal(sc->flows[i].src, sc->flows[i].dst);
	assert_int_equal(sc->flows[0].src, 0);
	assert_int_equal(sc->flows[0].dst, 1);
	assert_int_equal(sc->flows[5].src, 2);
	assert_int_equal(sc->flows[5].dst, 1);
	bb_scenario_free(sc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bad),
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_expand),
		cmocka_unit_test(test_bitrate),
		cmocka_unit_test(test_imix),
		cmocka_unit_test(test_voice_gaming),
		cmocka_unit_test(test_flow_config),
		cmocka_unit_test(test_ports),
		cmocka_unit_test(test_mesh),
		cmocka_unit_test(test_good_addresses),
		cmocka_unit_test(test_ipv6_auto),
		cmocka_unit_test(test_limits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
