#!/usr/bin/env bats
# bb's Wireshark dissector (userspace/wireshark/bbgen.lua) over a capture
# of bbgen's own frames: tshark reads the sequence numbers the trigger
# counted, and a TX time on every frame that precedes its capture. The
# dissector's exact field values are in tests/host/wireshark.bats.
# Once, on 6.12: the dissector is userspace; bbgen's tag on the wire is
# checked on both lines (10-stream, 30-checksum, 51-latency).
# kernel-lines: 6.12

load lib

setup() { pair_setup; ports_add; }
teardown() { pair_teardown; }

@test "wireshark: tshark reads the sequence numbers the trigger counted, and every frame's TX time" {
	command -v tshark > /dev/null || fail "tshark not installed (scripts/setup-deps)"
	local pcap=$BATS_TEST_TMPDIR/tags.pcap out
	capture_start "$pcap" --time-stamp-precision=nano udp
	bbctl_b trigger add dev veth1 id 1 dport 5001 latency on || fail "trigger add"
	bbctl_a stream add dev veth0 id 1 dst-mac "$MAC_B" src "$IP4_A" dst "$IP4_B" \
		dport 5001 rate 1000 count 500 latency on size 128 || fail "stream add"
	bbctl_a stream start id 1
	finish_stream 1 500 1000
	capture_stop
	assert_eq "trigger rx_frames" 500 "${T[rx_frames]}"
	assert_eq "trigger lost" 0 "${T[lost]}"
	out=$(tshark -X lua_script:"$BB_TOP/userspace/wireshark/bbgen.lua" -r "$pcap" \
		-o bbgen.udp_ports:5001 -T fields -E separator=' ' \
		-e bbgen.tag_len -e bbgen.seq -e bbgen.latency 2> /dev/null)
	assert_eq "frames dissected" 500 "$(wc -l <<< "$out")"
	assert_eq "tag lengths" "500 16" "$(cut -d' ' -f1 <<< "$out" | sort | uniq -c | awk '{ print $1, $2 }')"
	# the sequence numbers 0..499, each once, as the trigger counted them
	assert_eq "sequence numbers" "$(seq 0 499 | tr '\n' ' ')" \
		"$(cut -d' ' -f2 <<< "$out" | sort -n | tr '\n' ' ')"
	# a TX time before each capture (TAI = UTC in the VM), within 10 s
	# even when TCG stalls the guest
	assert_eq "latencies in 0..10 s" 500 \
		"$(awk '$3 >= 0 && $3 < 10000000000' <<< "$out" | wc -l)"
}
