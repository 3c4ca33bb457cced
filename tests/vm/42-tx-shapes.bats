#!/usr/bin/env bats
# What a stream sends, driven by bbctl (issue 3): bitrates in each layer-2
# speed mode, IMIX weights seen from the receiving side, and IPv6 + latency +
# VLAN/QinQ + DSCP/ECN frames whose every UDP checksum is valid.

load lib

setup() { pair_setup; ports_add; }
teardown() { pair_teardown; }

# add_stream ID ARGS...: a trigger on veth1 for dport 5000+ID and a stream
# on veth0 to it (IPv4), not started.
add_stream() {
	local id=$1
	shift
	bbctl_b trigger add dev veth1 id "$id" dport $((5000 + id)) "${TRIG_ARGS[@]}" ||
		{ fail "trigger add id $id"; return 1; }
	bbctl_a stream add dev veth0 id "$id" dst-mac "$MAC_B" \
		src "${SRC:-$IP4_A}" dst "${DST:-$IP4_B}" dport $((5000 + id)) "$@" ||
		{ fail "stream add id $id"; return 1; }
}

# size_counts PCAP: "SIZE COUNT" lines of the frames in a capture, by the
# frame length on the wire (FCS excluded).
size_counts() {
	tcpdump -n -e -r "$1" 2> /dev/null |
		sed -n 's/.*ethertype IPv[46] (0x[0-9a-f]*), length \([0-9]*\):.*/\1/p' |
		sort -n | uniq -c | awk '{ print $2, $1 }'
}

@test "bitrate: 1 Mbit/s of 60-byte frames in each l2-speed mode, 2 s, exact counts" {
	needs_full_speed "exact counts of a duration at a rate it cannot send"
	local id mode want start=
	declare -A expect=([1]=4167 [2]=3907 [3]=2977)
	# fps = 1e6 / (8 * (60 + 0|4|24)) = 2083.33, 1953.125, 1488.10; frames
	# due in [0, 2 s) = floor(fps * 2 s - epsilon) + 1
	id=0
	for mode in frame frame_with_fcs physical; do
		id=$((id + 1))
		add_stream "$id" size 60 bitrate 1000000 l2-speed "$mode" duration 2
	done
	bbctl_a stream start id 1,2,3 || fail "stream start id 1,2,3"
	for id in 1 2 3; do
		wait_stream_done "$id" 60
		wait_rx_settled "$id"
		show_counters
		want=${expect[$id]}
		assert_eq "stream $id tx_frames" "$want" "${S[tx_frames]}"
		assert_eq "trigger $id rx_frames" "$want" "${T[rx_frames]}"
		assert_eq "trigger $id lost" 0 "${T[lost]}"
		# one start for the three: one instant
		start=${start:-${S[start_tai_ns]}}
		assert_eq "stream $id start_tai_ns" "$start" "${S[start_tai_ns]}"
	done
}

@test "imix default: 20,000 frames follow the weights within 2 points, seen on RX" {
	local pcap=$BATS_TEST_TMPDIR/imix.pcap size count pct
	declare -A weight=([72]=34 [124]=6 [252]=4 [508]=4 [1020]=9 [1276]=25 [1510]=18)
	declare -A seen=()
	add_stream 1 imix default rate 4000 count 20000
	# snap 64 bytes: headers are enough, the ring keeps up under TCG
	capture_start "$pcap" -s 64 udp
	bbctl_a stream start id 1
	wait_stream_done 1 120
	wait_rx_settled 1
	capture_stop
	show_counters
	assert_eq "tx_frames" 20000 "${S[tx_frames]}"
	assert_eq "rx_frames" 20000 "${T[rx_frames]}"
	assert_eq "rx_bytes equals tx_bytes" "${S[tx_bytes]}" "${T[rx_bytes]}"
	while read -r size count; do
		seen[$size]=$count
	done < <(size_counts "$pcap")
	echo "sizes seen: $(for s in "${!seen[@]}"; do echo -n "$s:${seen[$s]} "; done)"
	assert_eq "distinct sizes" 7 "${#seen[@]}"
	for size in "${!weight[@]}"; do
		count=${seen[$size]:-0}
		# share in hundredths of a percent against the weight (sum 100)
		pct=$((count * 10000 / 20000))
		(( pct >= weight[$size] * 100 - 200 && pct <= weight[$size] * 100 + 200 )) ||
			fail "size $size: $count frames = $pct/100 %, weight ${weight[$size]} %"
	done
	# shuffled, not blocks: the first 100 frames already mix several sizes
	assert_gt "sizes among the first 100 frames" 3 \
		"$(tcpdump -n -e -r "$pcap" -c 100 2> /dev/null |
			grep -o 'length [0-9]*:' | sort -u | wc -l)"
}

@test "IPv6 + latency + QinQ 0x88a8 + DSCP/ECN: every checksum valid, every frame timed" {
	local pcap=$BATS_TEST_TMPDIR/v6.pcap tags tc
	SRC=$IP6_A DST=$IP6_B TRIG_ARGS=(latency on)
	add_stream 1 sizes 82,83,333 rate 1000 count 600 latency on dscp 46 ecn 1
	SRC=$IP6_A DST=$IP6_B TRIG_ARGS=()
	add_stream 2 size 333 rate 1000 count 300 latency on \
		vlan 100:5 vlan 200 tpid 0x88a8 tos 184
	capture_start "$pcap"
	bbctl_a stream start id 1,2
	wait_stream_done 1 60
	wait_stream_done 2 60
	wait_rx_settled 1
	capture_stop
	show_counters
	assert_eq "stream 1 rx_frames" 600 "${T[rx_frames]}"
	assert_eq "stream 1 latency count" 600 "$(jq '.[0].latency.count' <<< "$T_JSON")"
	assert_eq "stream 1 invalid stamps" 0 "$(jq '.[0].latency.invalid' <<< "$T_JSON")"
	run /usr/bin/python3 "$CSUM_CHECK" --min 900 "$BATS_TEST_TMPDIR/v6.pcap"
	echo "$output"
	assert_eq "udp-csum-check status" 0 "$status"
	[[ $output == *": 900 UDP datagrams checked"* ]] || fail "expected 900 datagrams checked"
	# traffic class 46 << 2 | 1 = 0xb9 on stream 1
	tc=$(tcpdump -n -v -r "$pcap" "udp dst port 5001" 2> /dev/null |
		grep -c 'class 0xb9')
	assert_eq "stream 1 frames with class 0xb9" 600 "$tc"
	# stream 2: outer 802.1ad tag 100 priority 5, inner 802.1Q 200
	tags=$(tcpdump -n -e -r "$pcap" 2> /dev/null |
		grep -cE 'ethertype 802.1Q-QinQ \(0x88a8\), length [0-9]+: vlan 100, p 5, ethertype 802.1Q \(0x8100\), vlan 200, p 0, ethertype IPv6')
	assert_eq "stream 2 frames with both tags" 300 "$tags"
}
