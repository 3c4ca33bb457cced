#!/usr/bin/env bats
# HTTP flows (type "http") end to end: bbd's HTTP/1.1 client and server on
# the kernel's TCP inside the ports' namespaces, across a veth pair
# (http-lib.bash). Both kernel lines: every knob is the kernel's TCP
# (pacing, window clamp, ssthresh by route, dctcp, ECN, TCP_INFO's
# fields), and the kernels differ in it; every TCP knob is proven from
# TCP_INFO. bbd's own HTTP (exact payloads, T1 < T2 < T3) is
# 63-http-timestamps.bats. The network's
# effects (delay, loss, a cut link) are in 67-http-network.bats.

load http-lib

@test "maximum_bitrate 20 Mbit/s: goodput within 5 % of 20 Mbit/s less the headers, pacing rate from TCP_INFO" {
	run_scenario "$(scenario "$(http paced '"http_method":"PUT","request_duration":4,"maximum_bitrate":20e6')")"
	[ "$RC" = 0 ]
	assert_eq "max pacing rate (bytes/s)" 2500000 "$(flow 0 .results.tcp.max_pacing_rate_Bps)"
	g=$(flow 0 .results.goodput_bps)
	# 1448 payload bytes in 1500 IP bytes (20 IP + 20 TCP + 12 timestamps)
	echo "goodput $g, expected $(jq -n '20e6 * 1448 / 1500')"
	[ "$(jq -n "($g / (20e6 * 1448 / 1500) - 1) | fabs < 0.05")" = true ] || fail "goodput $g"
}

@test "receive_window_scaling 3 and tcp_congestion_control reno take effect (TCP_INFO)" {
	run_scenario "$(scenario "$(http knobs '"request_size":1000000,"receive_window_scaling":3,"tcp_congestion_control":"reno","dscp":46')")"
	[ "$RC" = 0 ]
	assert_eq "server offered" 3 "$(flow 0 .results.tcp.server_rcv_wscale)"
	assert_eq "client offered" 3 "$(flow 0 .results.tcp.client_rcv_wscale)"
	assert_eq congestion reno "$(flow 0 .results.tcp.congestion_control)"
}

@test "slow_start_threshold 14480 bytes: the sender's session starts with ssthresh 10 (TCP_INFO), clean link keeps it" {
	# reno: cubic's HyStart may end slow start by setting ssthresh itself
	# (6.1 does on this link), which would hide what the test is about
	run_clean "$(scenario "$(http sst '"http_method":"PUT","request_size":3000000,"slow_start_threshold":14480,"tcp_congestion_control":"reno"')")"
	assert_eq status finished "$(flow 0 .results.status)"
	assert_eq "ssthresh (segments)" 10 "$(flow 0 .results.tcp.ssthresh)"
	assert_eq retransmits 0 "$(flow 0 .results.tcp.retransmits)"
	# without it: Linux's unlimited initial ssthresh, kept on a clean link
	run_clean "$(scenario "$(http plain '"http_method":"PUT","request_size":3000000,"tcp_congestion_control":"reno"')")"
	assert_eq "ssthresh unset" 2147483647 "$(flow 0 .results.tcp.ssthresh)"
}

@test "dctcp + ecn through a CE-marking fq_codel: CE marks counted, no retransmissions" {
	tc -batch - <<-EOF
		qdisc add dev bbh0 root handle 1: htb default 1
		class add dev bbh0 parent 1: classid 1:1 htb rate 40mbit
		qdisc add dev bbh0 parent 1:1 handle 10: fq_codel ce_threshold 1ms ecn
	EOF
	run_scenario "$(scenario "$(http dctcp '"http_method":"GET","request_duration":3,"tcp_congestion_control":"dctcp","ecn":true')")"
	[ "$RC" = 0 ]
	assert_eq congestion dctcp "$(flow 0 .results.tcp.congestion_control)"
	assert_eq "ecn negotiated" true "$(flow 0 .results.tcp.ecn_negotiated)"
	assert_gt "CE count" 0 "$(flow 0 .results.tcp.ce_count)"
	# congestion was signalled by marks, not losses: the marking qdisc
	# dropped nothing and marked what the sender counted as CE
	stats=$(tc -s -j qdisc show dev bbh0 | jq -c '.[] | select(.kind == "fq_codel")')
	echo "fq_codel: $stats"
	assert_eq "fq_codel drops" 0 "$(jq .drops <<< "$stats")"
	assert_gt "fq_codel CE marks" 0 "$(jq ".ce_mark + .ecn_mark" <<< "$stats")"
	# with nothing dropped, a retransmission can only be a tail loss
	# probe or a spurious timeout (an ACK late because TCG stalled the
	# guest, seen as 2 on a busy host): a few, never a loss-driven share
	rtx=$(flow 0 .results.tcp.retransmits)
	segs=$(flow 0 .results.tcp.segments_out)
	[ "$rtx" -le $((segs / 100)) ] || fail "retransmits $rtx of $segs segments with no drop on the path"
}

@test "enable_tcp_prague on a kernel without prague: exit 1, one line naming what is there" {
	run "$BBCTL" run "$(scenario "$(http l4s '"enable_tcp_prague":true,"request_size":1000')")" --socket "$SOCK"
	echo "$output"
	assert_eq exit 1 "$status"
	assert_eq lines 1 "${#lines[@]}"
	[[ ${lines[0]} == *'flow l4s: enable_tcp_prague: this kernel has no "prague" congestion control'*'available: '*cubic* ]] || fail "got: ${lines[0]}"
	run "$BBCTL" run "$(scenario "$(http cc '"tcp_congestion_control":"nosuchcc","request_size":1000')")" --socket "$SOCK"
	assert_eq exit 1 "$status"
	[[ $output == *'tcp_congestion_control: "nosuchcc" is not available in this kernel; available: '*reno* ]] || fail "got: $output"
}
