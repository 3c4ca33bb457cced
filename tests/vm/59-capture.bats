#!/usr/bin/env bats
# bbctl capture (libpcap, lib/capture.c) of bbgen's frames in a port's
# namespace: the file holds exactly the frames the stream sent, with the
# sequence numbers the trigger counted (read back by tshark with bb's
# dissector), and a BPF filter and snaplen apply. Runs on both kernel
# lines: AF_PACKET taps beside bbgen's rx_handler on the same device.

load lib

setup() { pair_setup; ports_add; }
teardown() { pair_teardown; }

# cap_start FILE ARGS...: bbctl capture in bbB on veth1 into FILE; returns
# once it listens. cap_wait waits for it to end by itself (count).
cap_start() {
	local file=$1 end
	shift
	CAP_ERR=$BATS_TEST_TMPDIR/capture.err
	"$BBCTL" -j capture dev veth1 netns "$NS_B" "$@" -w "$file" \
		> "$BATS_TEST_TMPDIR/capture.json" 2> "$CAP_ERR" &
	CAP_PID=$!
	end=$(deadline 20)
	until [[ $(< "$CAP_ERR") == *listening* ]]; do
		before "$end" || { cat "$CAP_ERR"; fail "bbctl capture did not start"; return 1; }
		sleep 0.1
	done
}

cap_wait() {
	local end
	end=$(deadline 60)
	while kill -0 "$CAP_PID" 2> /dev/null; do
		before "$end" || { kill "$CAP_PID"; fail "bbctl capture did not end at its count"; return 1; }
		sleep 0.1
	done
	wait "$CAP_PID" || { cat "$CAP_ERR"; fail "bbctl capture failed"; }
	CAP_JSON=$(< "$BATS_TEST_TMPDIR/capture.json")
}

@test "capture: the frames a stream sent, each sequence number once, none dropped" {
	command -v tshark > /dev/null || fail "tshark not installed (scripts/setup-deps)"
	local pcap=$BATS_TEST_TMPDIR/s.pcap out
	# the filter leaves out anything but the stream (IPv6 RS, ARP...)
	cap_start "$pcap" filter "udp dst port 5001" count 600 || return 1
	bbctl_b trigger add dev veth1 id 1 dport 5001 || fail "trigger add"
	bbctl_a stream add dev veth0 id 1 dst-mac "$MAC_B" src "$IP4_A" dst "$IP4_B" \
		dport 5001 rate 1000 count 600 size 200 || fail "stream add"
	bbctl_a stream start id 1
	finish_stream 1 600 1000
	cap_wait || return 1
	assert_eq "trigger rx_frames" 600 "${T[rx_frames]}"
	[[ $CAP_JSON == *'"frames":600,'* ]] || fail "summary: $CAP_JSON"
	[[ $CAP_JSON == *'"dropped":0,"if_dropped":0,"limited":true'* ]] || fail "summary: $CAP_JSON"
	out=$(tshark -X lua_script:"$BB_TOP/userspace/wireshark/bbgen.lua" -r "$pcap" \
		-o bbgen.udp_ports:5001 -T fields -E separator=' ' -e frame.len -e bbgen.seq 2> /dev/null)
	assert_eq "frame sizes" "600 200" "$(cut -d' ' -f1 <<< "$out" | sort | uniq -c | awk '{ print $1, $2 }')"
	assert_eq "sequence numbers" "$(seq 0 599 | tr '\n' ' ')" \
		"$(cut -d' ' -f2 <<< "$out" | sort -n | tr '\n' ' ')"
}

@test "capture: snaplen truncates bbgen's frames, a filter keeps one stream of two" {
	command -v tshark > /dev/null || fail "tshark not installed (scripts/setup-deps)"
	local pcap=$BATS_TEST_TMPDIR/t.pcap
	cap_start "$pcap" filter "udp dst port 5002" snaplen 64 count 100 || return 1
	for i in 1 2; do
		bbctl_a stream add dev veth0 id $i dst-mac "$MAC_B" src "$IP4_A" dst "$IP4_B" \
			dport $((5000 + i)) rate 1000 count 100 size 300 || fail "stream add $i"
	done
	bbctl_a stream start id 1
	bbctl_a stream start id 2
	cap_wait || return 1
	assert_eq "frames: caplen, len, dport" "100 64 300 5002" \
		"$(tshark -r "$pcap" -T fields -E separator=' ' -e frame.cap_len -e frame.len -e udp.dstport 2> /dev/null |
		   sort | uniq -c | awk '{ print $1, $2, $3, $4 }')"
}
