#!/usr/bin/env bats
# Measurement truth: netem on the sender injects loss, reordering and
# duplication; the trigger's counters must account for every frame.
# Streams use xmit queue (the default), so they pass through netem.

load lib

setup() { pair_setup; ports_add; }
teardown() { pair_teardown; }

@test "netem loss 20%: lost counts exactly the missing sequence numbers" {
	in_a tc qdisc add dev veth0 root netem loss 20%
	run_stream 1 10000 2000
	show_counters
	local tx=${S[tx_frames]} rx=${T[rx_frames]} hi=${T[highest_seq]}
	local lost=${T[lost]} dup=${T[duplicates]}
	assert_eq "tx_frames" 10000 "$tx"
	assert_gt "lost" 0 "$lost"
	assert_eq "duplicates" 0 "$dup"
	assert_eq "rx_frames - duplicates + lost (= highest_seq + 1)" \
		$((hi + 1)) $((rx - dup + lost))
	assert_eq "tx_frames - rx_frames (= lost + 9999 - highest_seq)" \
		$((lost + 9999 - hi)) $((tx - rx))
	# 20% of 10,000 is 2,000; binomial spread is about 40.
	[ $((tx - rx)) -gt 1700 ] && [ $((tx - rx)) -lt 2300 ] ||
		fail "total loss: expected about 2000 of 10000, got $((tx - rx))"
}

@test "netem reorder: out-of-sequence frames counted, nothing lost in the end" {
	# netem reorders only with a delay: 25% go at once, the rest 10 ms late.
	in_a tc qdisc add dev veth0 root netem delay 10ms reorder 25% 50%
	run_stream 2 10000 2000
	show_counters
	assert_eq "tx_frames" 10000 "${S[tx_frames]}"
	assert_eq "rx_frames" 10000 "${T[rx_frames]}"
	assert_gt "out_of_sequence" 0 "${T[out_of_sequence]}"
	assert_eq "lost" 0 "${T[lost]}"
	assert_eq "duplicates" 0 "${T[duplicates]}"
	assert_eq "highest_seq" 9999 "${T[highest_seq]}"
}

@test "netem duplicate 10%: duplicates equal the extra frames received" {
	in_a tc qdisc add dev veth0 root netem duplicate 10%
	local pcap=$BATS_TEST_TMPDIR/dup.pcap
	capture_start "$pcap" udp dst port 5003
	run_stream 3 10000 2000
	capture_stop
	show_counters
	local captured
	captured=$(pcap_count "$pcap")
	echo "captured on veth1: $captured"
	assert_eq "tx_frames" 10000 "${S[tx_frames]}"
	assert_gt "duplicates" 0 "${T[duplicates]}"
	assert_eq "rx_frames - 10000 (= duplicates)" "${T[duplicates]}" $((T[rx_frames] - 10000))
	assert_eq "frames captured - 10000 (= duplicates)" "${T[duplicates]}" $((captured - 10000))
	assert_eq "lost" 0 "${T[lost]}"
	assert_eq "highest_seq" 9999 "${T[highest_seq]}"
}
