#!/usr/bin/env bats
# HTTP flows' bytes and times: bbd's HTTP/1.1 client and server (GET and
# PUT of 4 MB) count every payload byte on both ends, and keep the
# ByteBlower timestamps T1 < T2 < T3 on each end with the derived times in
# the KB's order. bbd's userspace, the same on every kernel: once; the
# kernel's TCP under the flows is 63-http.bats and 67, on both lines.
# kernel-lines: 6.12

load http-lib

@test "GET 4 MB: exact payload both ends, T1 < T2 < T3 on each, derived times in the KB's order" {
	run_scenario "$(scenario "$(http get '"http_method":"GET","request_size":4194304')")"
	[ "$RC" = 0 ]
	assert_eq status finished "$(flow 0 .results.status)"
	assert_eq "client rx payload" $MB4 "$(flow 0 .results.client.rx_payload_bytes)"
	assert_eq "server tx payload" $MB4 "$(flow 0 .results.server.tx_payload_bytes)"
	assert_eq "server port" a "$(flow 0 .results.server.port)"
	assert_eq "http status" 200 "$(flow 0 .results.http_status)"
	ordered $(flow 0 '.results.client | "\(.t1_ns) \(.t2_ns) \(.t3_ns)"')
	ordered $(flow 0 '.results.server | "\(.t1_ns) \(.t2_ns) \(.t3_ns)"')
	# GET: request start < request packet first (server T1) < response
	# packet first (client T2) < response packet last (client T3)
	ordered $(flow 0 '.results.timing | "\(.request_start_ns) \(.request_packet_first_ns) \(.response_packet_first_ns) \(.response_packet_last_ns)"')
	[ "$(flow 0 '.results.goodput_bps > 0')" = true ]
	assert_eq verdict PASS "$(echo "$REC" | jq -r .verdict)"
	# the session: SYN, ESTABLISHED, the server's FIN after its response
	# head, no RST
	ordered $(flow 0 '.results.client.session | "\(.syn_ns) \(.established_ns) \(.fin_sent_ns)"')
	ordered $(flow 0 '"\(.results.server.t2_ns) \(.results.server.session.fin_sent_ns)"')
	assert_eq reset false "$(flow 0 '.results.client.session.reset or .results.server.session.reset')"
}

@test "PUT 4 MB: exact payload both ends, T1 < T2 < T3 on each, derived times in the KB's order" {
	run_scenario "$(scenario "$(http put '"http_method":"PUT","request_size":4194304')")"
	[ "$RC" = 0 ]
	assert_eq status finished "$(flow 0 .results.status)"
	assert_eq "server rx payload" $MB4 "$(flow 0 .results.server.rx_payload_bytes)"
	assert_eq "client tx payload" $MB4 "$(flow 0 .results.client.tx_payload_bytes)"
	assert_eq "client port" a "$(flow 0 .results.client.port)"
	# the client's T2 (last ACK) and T3 (first response byte) are one
	# event when the ACK rides on the response, as it mostly does
	ordered $(flow 0 '.results.client | "\(.t1_ns) \(.t2_ns)"')
	[ "$(flow 0 '.results.client.t3_ns >= .results.client.t2_ns')" = true ]
	ordered $(flow 0 '.results.server | "\(.t1_ns) \(.t2_ns) \(.t3_ns)"')
	# PUT: request start (A) < first request packet at the server (D) <
	# last one (E) < response start (E') <= ... < response first at the
	# client (C)
	ordered $(flow 0 '.results.timing | "\(.request_start_ns) \(.request_packet_first_ns) \(.request_packet_last_ns) \(.response_packet_first_ns)"')
	[ "$(flow 0 '.results.timing.response_start_ns >= .results.timing.request_packet_last_ns')" = true ]
}
