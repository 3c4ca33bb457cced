#!/usr/bin/env bats
# HTTP flows through a network that delays, loses and is cut (netem on the
# veth pair of http-lib.bash): the transfer ends on time, RTT and
# retransmissions are what netem did, a cut link fails the flow with its
# reason. Once, on 6.12: these are bbd's HTTP flows reading what netem
# did (RTT, retransmissions, the user timeout), not the module; the TCP
# knobs the kernels differ in are 63-http's, on both lines.
# kernel-lines: 6.12

load http-lib

@test "request_duration 3 s under netem delay 20 ms: ends within an RTT of 3 s, RTT min >= 40 ms" {
	netem_both delay 20ms limit 100000
	run_scenario "$(scenario "$(http dur '"http_method":"GET","request_duration":3')")"
	[ "$RC" = 0 ]
	assert_eq status finished "$(flow 0 .results.status)"
	# data at the client from its T2 to its T3: 3 s within one RTT, the
	# RTT as it was then (queueing in netem's long queue lifts it above
	# 40 ms; the largest sample bounds it), + 30 ms of TCG margin. Either
	# way: the last byte's trip lengthens the span, a first byte that a
	# TCG stall held back shortens it (2957 ms seen on a busy host)
	span=$(flow 0 '(.results.client.t3_ns - .results.client.t2_ns) / 1e6 | floor')
	rtt=$(flow 0 '.results.tcp.rtt_max_us / 1000 | floor')
	echo "data span $span ms, largest RTT $rtt ms"
	[ "$span" -ge $((3000 - rtt - 30)) ] && [ "$span" -le $((3000 + rtt + 30)) ] ||
		fail "data span $span ms, want 3000 ms within one RTT ($rtt ms)"
	rmin=$(flow 0 .results.tcp.rtt_min_us)
	echo "rtt min $rmin us"
	[ "$rmin" -ge 40000 ] && [ "$rmin" -le 50000 ] || fail "rtt_min_us $rmin, want 40-50 ms"
	[ "$(flow 0 '.results.client.rx_payload_bytes == .results.server.tx_payload_bytes')" = true ]
}

@test "netem loss 1%: retransmissions counted, goodput below the clean run's" {
	# a queue long enough that slow start never overflows it
	netem_both delay 5ms limit 100000
	run_scenario "$(scenario "$(http clean '"http_method":"GET","request_duration":3')")"
	[ "$RC" = 0 ]
	clean=$(flow 0 .results.goodput_bps)
	clean_rtx=$(flow 0 .results.tcp.retransmits)
	clean_segs=$(flow 0 .results.tcp.segments_out)
	tc qdisc change dev bbh0 root netem delay 5ms limit 100000 loss 1%
	run_scenario "$(scenario "$(http lossy '"http_method":"GET","request_duration":3')")"
	[ "$RC" = 0 ]
	lossy=$(flow 0 .results.goodput_bps)
	echo "goodput clean $clean lossy $lossy"
	# The clean run resends a few too (a spurious timeout when TCG stalls
	# the guest) but sends ~80 times more segments: compare the shares.
	rtx=$(flow 0 .results.tcp.retransmits)
	segs=$(flow 0 .results.tcp.segments_out)
	echo "retransmits clean $clean_rtx of $clean_segs, lossy $rtx of $segs"
	assert_gt "retransmits" 0 "$rtx"
	[ $((rtx * clean_segs)) -gt $((clean_rtx * segs)) ] ||
		fail "lossy retransmit share $rtx/$segs not above the clean run's $clean_rtx/$clean_segs"
	[ "$(jq -n "$lossy < $clean")" = true ] || fail "lossy goodput $lossy not below clean $clean"
	# per-interval retransmissions add up to the session's
	assert_eq "over_time retransmits" "$(flow 0 .results.tcp.retransmits)" \
		"$(flow 0 '[.results.over_time[].retransmits] | add')"
}

@test "a dropped link fails the flow with its reason" {
	(sleep 4; tc qdisc add dev bbh0 root netem loss 100%; tc qdisc add dev bbh1 root netem loss 100%) &
	run_scenario "$(scenario "$(http cut '"http_method":"GET","request_duration":60')")"
	wait
	assert_eq exit 3 "$RC"
	assert_eq status failed "$(flow 0 .results.status)"
	reason=$(flow 0 .results.reason)
	echo "reason: $reason"
	[[ $reason == *"timed out"* || $reason == *"no byte moved"* ]] || fail "reason '$reason'"
	assert_eq verdict FAIL "$(flow 0 '.analysers[0].verdict')"
}
