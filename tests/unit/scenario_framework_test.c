// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* lib/scenario_framework: the framework's dialect translated into bb's
 * (tables of documents and the one line or the keys they give). */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "scenario_framework.h"
#include "scenario_check.h"

#define SRV "\"server\":\"bb\""
#define P1 "{\"name\":\"p1\",\"port_group\":[\"a\"],\"interface\":\"veth0\",\"ipv4\":\"10.0.0.1\"}"
#define P2 "{\"name\":\"p2\",\"port_group\":[\"b\"],\"interface\":\"veth1\",\"ipv4\":\"10.0.0.2\"}"
#define FB "\"name\":\"f\",\"type\":\"frame_blasting\",\"source\":{\"port_group\":[\"a\"]}," \
	   "\"destination\":{\"port_group\":[\"b\"]}"
#define DOC(flow) "{" SRV ",\"ports\":[" P1 "," P2 "],\"flows\":[{" FB flow "}]}"

static json_t *load(const char *text)
{
	json_error_t jerr;
	json_t *doc = json_loads(text, 0, &jerr);

	if (!doc)
		fail_msg("not JSON: %s: %s", text, jerr.text);
	return doc;
}

static const struct bad bad[] = {
	{ DOC(",\"ip_dscp\":64"), "flows[0].ip_dscp: must be an integer from 0 to 63" },
	{ DOC(",\"ip_dscp\":1,\"dscp\":2"), "flows[0].ip_dscp: conflicts with flows[0].dscp (give one of them)" },
	{ DOC(",\"ip_traffic_class\":256"), "flows[0].ip_traffic_class: must be an integer from 0 to 255 (or a string like \"0xb8\")" },
	{ DOC(",\"ip_traffic_class\":4,\"ecn\":1"), "flows[0].ip_traffic_class: conflicts with flows[0].dscp and flows[0].ecn (give ip_traffic_class, or dscp and ecn)" },
	{ DOC(",\"dscp\":\"0x\""), "flows[0].dscp: \"0x\" is not a code point (an integer, or a string like \"0x2e\", \"46\" or \"0b101110\")" },
	{ DOC(",\"ecn\":\"-1\""), "flows[0].ecn: \"-1\" is not a code point (an integer, or a string like \"0x2e\", \"46\" or \"0b101110\")" },
	{ "{" SRV ",\"ports\":[" P1 "," P2 "],\"flows\":[{\"name\":\"x\",\"type\":\"l4s_frame_blasting\"}]}",
	  "flows[0].type: flow \"x\" is of type \"l4s_frame_blasting\", which bb does not support yet (bb runs frame_blasting, voice, gaming, http, video)" },
	{ "{" SRV ",\"ports\":[{\"name\":\"q\",\"port_group\":[\"a\"],\"interface\":\"nontrunk-1\",\"ipv4\":\"10.0.0.1\"}," P2 "],\"flows\":[{" FB "}]}",
	  "ports[0].interface: \"nontrunk-1\" is a ByteBlower interface that is not in the interface map (give --map nontrunk-1=IFNAME, or add it to /etc/bb/interfaces.json)" },
	{ "{" SRV ",\"ports\":[" P1 "," P2 "],\"flows\":[{" FB "}],\"report\":{\"html\":1}}", "report.html: must be true or false" },
	{ "{" SRV ",\"ports\":[" P1 "," P2 "],\"flows\":[{" FB "}],\"report\":{\"html\":true,\"html_report\":true}}",
	  "report.html_report: conflicts with report.html (give one of them)" },
	{ "{" SRV ",\"ports\":[" P1 "," P2 "],\"flows\":[{" FB "}],\"report\":{\"filename_prefix\":\"a/b\"}}",
	  "report.filename_prefix: must be a file name of 1 to 127 characters without '/'" },
	{ "{" SRV ",\"ports\":[" P1 "," P2 "],\"flows\":[{" FB "}],\"enable_scouting_flows\":1}", "enable_scouting_flows: must be true or false" },
	{ "{" SRV ",\"ports\":[" P1 "," P2 "],\"flows\":[{\"name\":\"g\",\"type\":\"gaming\",\"source\":{\"port_group\":[\"a\"]},"
	  "\"destination\":{\"port_group\":[\"b\"]},\"packet_length_min\":500,\"packet_length_max\":100}]}",
	  "flows[0]: packet_length_min 500 is above packet_length_max 100" },
	/* the whole document, as bb_scenario_parse sees it */
	{ "[1]", "the scenario must be a JSON object" },
};

/* No interface map: a host's /etc/bb/interfaces.json changes nothing. */
static int parse_unmapped(json_t *doc, struct bb_scenario **out, char *err,
			  size_t errlen)
{
	return bb_scenario_parse_map(doc, NULL, out, NULL, err, errlen);
}

static void test_bad(void **state)
{
	(void)state;
	check_bad_with(bad, sizeof(bad) / sizeof(bad[0]), parse_unmapped);
}

static json_t *translate(const char *text, const struct bb_ifmap *m,
			 struct bb_fw_result *r)
{
	char err[BB_SCENARIO_ERR_MAX];
	json_t *doc = load(text);

	if (bb_fw_translate(doc, m, r, err, sizeof(err)))
		fail_msg("%s", err);
	json_decref(doc);
	return r->doc;
}

static void test_detect(void **state)
{
	json_t *bb = load("{\"ports\":[" P1 "],\"flows\":[{" FB ",\"dscp\":\"0x2e\"}],\"report\":{\"html\":true}}");
	json_t *fw = load(DOC(""));
	json_t *flow = load("{\"ports\":[" P1 "],\"flows\":[{" FB ",\"ip_dscp\":46}]}");
	struct bb_fw_result r;

	(void)state;
	assert_false(bb_fw_detect(bb));	/* bb's own errors for those */
	assert_true(bb_fw_detect(fw));
	assert_true(bb_fw_detect(flow));
	/* a translation is never the framework's dialect again */
	translate(DOC(",\"ip_traffic_class\":\"0xb8\",\"napt_keep_alive\":false"), NULL, &r);
	assert_true(r.framework);
	assert_false(bb_fw_detect(r.doc));
	assert_int_equal(json_integer_value(json_object_get(json_array_get(json_object_get(r.doc, "flows"), 0), "dscp")), 46);
	bb_fw_result_free(&r);
	json_decref(bb);
	json_decref(fw);
	json_decref(flow);
}

static void test_map(void **state)
{
	char err[BB_SCENARIO_ERR_MAX];
	struct bb_ifmap m = { 0 };
	struct bb_fw_result r;
	json_t *p;

	(void)state;
	assert_int_equal(bb_ifmap_parse(&m, "trunk-1-3=eth1,trunk-1-4=eth2", err, sizeof(err)), 0);
	assert_int_equal(bb_ifmap_parse(&m, "trunk-1-3=eth3", err, sizeof(err)), 0);
	assert_int_equal(m.n, 2);
	assert_string_equal(bb_ifmap_get(&m, "trunk-1-3"), "eth3");
	assert_int_equal(bb_ifmap_parse(&m, "x=", err, sizeof(err)), -EINVAL);
	assert_int_equal(bb_ifmap_load(&m, "/nonexistent/bb.json", true, err, sizeof(err)), 0);
	assert_int_equal(bb_ifmap_load(&m, "/nonexistent/bb.json", false, err, sizeof(err)), -EINVAL);
	translate("{" SRV ",\"ports\":[{\"name\":\"q\",\"port_group\":[\"a\"],\"interface\":\"trunk-1-4\"}],\"flows\":[]}",
		  &m, &r);
	p = json_array_get(json_object_get(r.doc, "ports"), 0);
	assert_string_equal(json_string_value(json_object_get(p, "interface")), "eth2");
	/* no address at all: the framework's default, DHCP */
	assert_string_equal(json_string_value(json_object_get(p, "ipv4")), "dhcp");
	bb_fw_result_free(&r);
	/* ipv6 true: an address from the network, SLAAC; "dhcp" stays */
	translate("{" SRV ",\"ports\":[{\"name\":\"q\",\"port_group\":[\"a\"],\"interface\":\"eth1\",\"ipv6\":true},"
		  "{\"name\":\"r\",\"port_group\":[\"b\"],\"interface\":\"eth2\",\"ipv6\":\"dhcp\"}],\"flows\":[]}",
		  &m, &r);
	p = json_array_get(json_object_get(r.doc, "ports"), 0);
	assert_string_equal(json_string_value(json_object_get(p, "ipv6")), "slaac");
	assert_null(json_object_get(p, "ipv4"));
	p = json_array_get(json_object_get(r.doc, "ports"), 1);
	assert_string_equal(json_string_value(json_object_get(p, "ipv6")), "dhcp");
	bb_fw_result_free(&r);
}

/* gaming: UDP lengths 110 +- 20 are IPv4 frames around 144; the IMIX has
 * imix_number_of_frames sizes, symmetric around the mean. */
static void test_gaming(void **state)
{
	struct bb_fw_result r;
	json_t *f, *imix;
	size_t n;

	(void)state;
	translate("{" SRV ",\"ports\":[" P1 "," P2 "],\"flows\":[{\"name\":\"g\",\"type\":\"gaming\","
		  "\"source\":{\"port_group\":[\"a\"]},\"destination\":{\"port_group\":[\"b\"]},"
		  "\"imix_number_of_frames\":3,\"packet_length_deviation\":0}]}", NULL, &r);
	f = json_array_get(json_object_get(r.doc, "flows"), 0);
	imix = json_object_get(f, "imix");
	n = json_array_size(imix);
	assert_string_equal(json_string_value(json_object_get(f, "type")), "frame_blasting");
	assert_int_equal(n, 1);	/* no deviation: one size, three times */
	assert_int_equal(json_integer_value(json_object_get(json_array_get(imix, 0), "size")), 144);
	assert_int_equal(json_integer_value(json_object_get(json_array_get(imix, 0), "weight")), 3);
	assert_int_equal(json_integer_value(json_object_get(json_object_get(f, "analysis"), "quantile")), 99);
	bb_fw_result_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bad),
		cmocka_unit_test(test_detect),
		cmocka_unit_test(test_map),
		cmocka_unit_test(test_gaming),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
