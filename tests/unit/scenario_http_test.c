// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* http flows in scenario files: every key's rejection with its exact line,
 * then defaults, GET/PUT/AUTO sides and the record's config. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "scenario_check.h"

#define PA(extra) "{\"name\":\"a\",\"port_group\":[\"a\"],\"interface\":\"veth0\",\"ipv4\":\"10.0.0.1\"" extra "}"
#define PB "{\"name\":\"b\",\"port_group\":[\"b\"],\"interface\":\"veth1\",\"ipv4\":\"10.0.0.2\"}"
#define HTTP(extra) "{\"ports\":[" PA("") "," PB "],\"flows\":[{\"name\":\"h\",\"type\":\"http\"," \
	"\"source\":{\"port_group\":[\"a\"]},\"destination\":{\"port_group\":[\"b\"]}" extra "}]}"
#define HTTP_NAT(extra) "{\"ports\":[" PA(",\"nat\":true") "," PB "],\"flows\":[{\"name\":\"h\",\"type\":\"http\"," \
	"\"source\":{\"port_group\":[\"a\"]},\"destination\":{\"port_group\":[\"b\"]}" extra "}]}"

static const struct bad bad_docs[] = {
	{ HTTP(",\"frame_size\":100"),
	  "flows[0].frame_size: unknown key in an http flow (allowed: name, type, source, destination, add_reverse_direction, initial_time_to_wait, dscp, ecn, analysis, http_method, tcp_server_port, tcp_client_port, request_size, request_duration, maximum_bitrate, rate_limit, receive_window_scaling, slow_start_threshold, enable_tcp_prague, tcp_congestion_control, flow_group, reverse_flow_group, ip)" },
	{ HTTP(",\"http_method\":\"POST\""), "flows[0].http_method: must be one of \"GET\", \"PUT\", \"AUTO\"" },
	{ HTTP(",\"request_size\":10,\"request_duration\":1"), "flows[0].request_duration: conflicts with flows[0].request_size" },
	{ HTTP(",\"request_size\":0"), "flows[0].request_size: must be an integer from 1 to 281474976710656" },
	{ HTTP(",\"request_duration\":0"), "flows[0].request_duration: must be a number above 0 and at most 86400" },
	{ HTTP(",\"maximum_bitrate\":1,\"rate_limit\":1"), "flows[0].rate_limit: conflicts with flows[0].maximum_bitrate" },
	{ HTTP(",\"maximum_bitrate\":-5"), "flows[0].maximum_bitrate: must be a number above 0 and at most 1e+12" },
	{ HTTP(",\"receive_window_scaling\":15"), "flows[0].receive_window_scaling: must be an integer from 0 to 14" },
	{ HTTP(",\"slow_start_threshold\":1"),
	  "flows[0].slow_start_threshold: must be an integer from 2 to 2147483648" },
	{ HTTP(",\"tcp_congestion_control\":\"Cubic\""), "flows[0].tcp_congestion_control: \"Cubic\" is not a congestion control name (a-z, 0-9, _)" },
	{ HTTP(",\"tcp_congestion_control\":\"a_name_that_is_too_long\""),
	  "flows[0].tcp_congestion_control: must be the name of a Linux congestion control (1 to 15 characters, like \"cubic\")" },
	{ HTTP(",\"tcp_congestion_control\":\"bbr\",\"enable_tcp_prague\":true"),
	  "flows[0].tcp_congestion_control: conflicts with flows[0].enable_tcp_prague (which uses \"prague\")" },
	{ HTTP(",\"ecn\":2"), "flows[0].ecn: must be true or false for an http flow (negotiate ECN; the kernel's TCP sets the ECN bits)" },
	{ HTTP(",\"tcp_server_port\":0"), "flows[0].tcp_server_port: must be an integer from 1 to 65535" },
	{ HTTP(",\"analysis\":{\"max_loss_percentage\":1}"),
	  "flows[0].analysis.max_loss_percentage: unknown key in the analysis of an http flow (allowed: minimum_goodput, max_rtt)" },
	{ HTTP(",\"analysis\":{\"max_rtt\":0}"), "flows[0].analysis.max_rtt: must be a number above 0 and at most 3.6e+06" },
	{ HTTP_NAT(",\"http_method\":\"GET\""),
	  "flows[0]: the HTTP server would run on NATed port \"a\" (http_method GET): its SYN cannot get in; use PUT or AUTO" },
	{ HTTP(",\"destination\":{\"port_group\":[\"a\"]}"),
	  "flows[0]: source and destination both resolve to port \"a\"" },
	{ "{\"ports\":[" PA("") "," PB "],\"flows\":[{\"name\":\"h\",\"type\":\"http\",\"tcp_server_port\":80,"
	  "\"source\":{\"port_group\":[\"a\"]},\"destination\":{\"port_group\":[\"b\"]}},"
	  "{\"name\":\"g\",\"type\":\"http\",\"tcp_server_port\":80,"
	  "\"source\":{\"port_group\":[\"a\"]},\"destination\":{\"port_group\":[\"b\"]}}]}",
	  "flows[1]: tcp_server_port 80 on port \"a\" is also the server port of flow \"h\"" },
};

static void test_bad(void **state)
{
	(void)state;
	check_bad(bad_docs, sizeof(bad_docs) / sizeof(bad_docs[0]));
}

static void test_defaults(void **state)
{
	struct bb_scenario *sc = good(HTTP(""));
	const struct bb_scenario_http *h = &sc->flows[0].http;
	(void)state;

	assert_int_equal(sc->nflows, 1);
	assert_int_equal(sc->flows[0].type, BB_FLOW_HTTP);
	assert_int_equal(h->method, BB_HTTP_GET);	/* AUTO, no NAT */
	assert_int_equal(h->server_port, 49152);
	assert_int_equal(h->client_port, 0);
	assert_int_equal(h->request_size, 0);
	assert_float_equal(h->request_duration_s, 10, 0);
	assert_int_equal(h->receive_window_scaling, -1);
	assert_string_equal(h->congestion, "");
	assert_false(h->ecn);
	bb_scenario_free(sc);
}

static void test_sides_and_knobs(void **state)
{
	struct bb_scenario *sc = good(HTTP_NAT(",\"rate_limit\":1000,\"enable_tcp_prague\":true,"
		"\"request_size\":5,\"add_reverse_direction\":true,\"dscp\":46,\"tcp_client_port\":4000"));
	json_t *cfg;
	(void)state;

	/* AUTO with a NATed source: PUT, so the server is on b; the reverse
	 * direction (b -> a, data into the NATed port) is a GET from a */
	assert_int_equal(sc->nflows, 2);
	assert_int_equal(sc->flows[0].http.method, BB_HTTP_PUT);
	assert_int_equal(sc->flows[1].http.method, BB_HTTP_GET);
	assert_float_equal(sc->flows[0].http.maximum_bitrate, 8000, 0);
	assert_string_equal(sc->flows[0].http.congestion, "prague");
	assert_true(sc->flows[0].http.ecn);
	cfg = bb_scenario_flow_config(&sc->flows[0]);
	assert_string_equal(json_string_value(json_object_get(cfg, "http_method")), "PUT");
	assert_int_equal(json_integer_value(json_object_get(cfg, "request_size")), 5);
	assert_int_equal(json_integer_value(json_object_get(cfg, "dscp")), 46);
	assert_int_equal(json_integer_value(json_object_get(cfg, "tcp_client_port")), 4000);
	assert_true(json_is_null(json_object_get(cfg, "request_duration_s")));
	json_decref(cfg);
	bb_scenario_free(sc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bad),
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_sides_and_knobs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
