#!/usr/bin/env bats
# Every test frame leaves with a valid UDP checksum, IPv4 and IPv6, whatever
# its size and sequence number: capture on the receiving veth (tcpdump sees
# frames before bbgen's rx_handler consumes them) and recompute each one.

load lib

setup() { pair_setup; ports_add; }
teardown() { pair_teardown; }

# send_and_check ID COUNT [6] [stream add args]: stream ID captured and
# checked; the capture must hold exactly COUNT frames.
send_and_check() {
	local id=$1 count=$2
	shift 2
	local pcap=$BATS_TEST_TMPDIR/csum-$id.pcap
	capture_start "$pcap" udp dst port $((5000 + id))
	run_stream "$id" "$count" 1000 "$@"
	capture_stop
	show_counters
	assert_eq "rx_frames" "$count" "${T[rx_frames]}"
	run /usr/bin/python3 "$CSUM_CHECK" --min "$count" "$pcap"
	echo "$output"
	assert_eq "udp-csum-check status" 0 "$status"
	[[ $output == *" $count UDP datagrams checked"* ]] ||
		fail "expected $count datagrams checked"
	# The checker must see damage in this very capture.
	/usr/bin/python3 "$CSUM_CHECK" --corrupt $((count / 2)) "$pcap" "$pcap.bad"
	run /usr/bin/python3 "$CSUM_CHECK" "$pcap.bad"
	echo "$output"
	assert_eq "udp-csum-check on a corrupted copy: status" 1 "$status"
}

@test "checksum: IPv4, minimum size (60 bytes)" {
	send_and_check 1 1000
}

@test "checksum: IPv4, odd size (61 bytes) and a full-size frame (1514)" {
	send_and_check 2 500 size 61
	send_and_check 3 500 size 1514
}

@test "checksum: IPv6, default size (78 bytes)" {
	send_and_check 4 1000 6
}

@test "checksum: IPv6, minimum (70) and odd (333) sizes" {
	send_and_check 5 500 6 size 70
	send_and_check 6 500 6 size 333
}
