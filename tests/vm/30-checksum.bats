#!/usr/bin/env bats
# Every test frame leaves with a valid UDP checksum, IPv4 and IPv6, whatever
# its size and sequence number: capture on the receiving veth (tcpdump sees
# frames before bbgen's rx_handler consumes them) and recompute each one.

load lib

setup() { pair_setup; ports_add; }
teardown() { pair_teardown; }

# check_streams FAMILY SIZE...: one stream of 400 frames per SIZE, all at
# once, captured together; every frame must be there with a good checksum,
# and the checker must reject a corrupted copy of this very capture.
check_streams() {
	local family=$1 size id=0 ids=() count=400 total
	shift
	local pcap=$BATS_TEST_TMPDIR/csum.pcap
	capture_start "$pcap" udp
	for size in "$@"; do
		id=$((id + 1))
		ids+=("$id")
		if [ "$family" = 6 ]; then
			start_stream "$id" "$count" 1000 6 size "$size"
		else
			start_stream "$id" "$count" 1000 size "$size"
		fi
	done
	for id in "${ids[@]}"; do
		finish_stream "$id" "$count" 1000
		show_counters
		assert_eq "stream $id rx_frames" "$count" "${T[rx_frames]}"
	done
	capture_stop
	total=$((count * ${#ids[@]}))
	run /usr/bin/python3 "$CSUM_CHECK" --min "$total" "$pcap"
	echo "$output"
	assert_eq "udp-csum-check status" 0 "$status"
	[[ $output == *": $total UDP datagrams checked"* ]] ||
		fail "expected exactly $total datagrams checked"
	/usr/bin/python3 "$CSUM_CHECK" --corrupt $((total / 2)) "$pcap" "$pcap.bad"
	run /usr/bin/python3 "$CSUM_CHECK" "$pcap.bad"
	echo "$output"
	assert_eq "udp-csum-check on a corrupted copy: status" 1 "$status"
}

@test "checksum: IPv4 frames of 60 (minimum), 61 (odd) and 1514 bytes" {
	check_streams 4 60 61 1514
}

@test "checksum: IPv6 frames of 70 (minimum), 78 (default) and 333 (odd) bytes" {
	check_streams 6 70 78 333
}
