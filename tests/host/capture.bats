#!/usr/bin/env bats
# bbctl capture: libpcap into a pcap file, in a private network namespace's
# loopback (no veth needed): exact frame counts read back with tshark,
# nanosecond timestamps, snaplen, max-bytes, pcap to a pipe, and the one
# error line of each bad argument. Captures of bbgen's own frames are in
# tests/vm/59-capture.bats.
load helpers

setup() {
	command -v tshark > /dev/null || fail "tshark not installed (scripts/setup-deps)"
	PCAP=$BATS_TEST_TMPDIR/c.pcap
}

# in_netns CMD...: run CMD in a new network namespace with lo up
in_netns() {
	unshare -n bash -c 'ip link set lo up && "$@"' _ "$@"
}

# capture_udp N ARGS...: capture with ARGS while N datagrams of 100 bytes
# go to 127.0.0.1:9 (and one to port 7, which a filter can leave out);
# sets status/output/stderr of bbctl.
capture_udp() {
	local n=$1
	shift
	in_netns bash -c '
		"$1" -j capture dev lo "${@:3}" 2> "$BATS_TEST_TMPDIR/err" > "$BATS_TEST_TMPDIR/out" &
		pid=$!
		for i in $(seq 100); do grep -q listening "$BATS_TEST_TMPDIR/err" && break; sleep 0.05; done
		for i in $(seq "$2"); do printf "%0100d" "$i" > /dev/udp/127.0.0.1/9; done
		printf x > /dev/udp/127.0.0.1/7
		sleep 0.3
		kill -TERM $pid 2> /dev/null
		wait $pid' _ "$BBCTL" "$n" "$@"
	status=$?
	output=$(< "$BATS_TEST_TMPDIR/out")
	stderr=$(< "$BATS_TEST_TMPDIR/err")
}

json_field() {
	jq -r ".$1" <<< "$output"
}

@test "capture: every datagram in the file, nanosecond timestamps, the summary counts them" {
	capture_udp 20 filter "udp dst port 9" -w "$PCAP"
	assert_eq status 0 "$status"
	assert_eq "json_field frames" 20 "$(json_field frames)"
	assert_eq "json_field dropped" 0 "$(json_field dropped)"
	assert_eq "json_field limited" false "$(json_field limited)"
	assert_eq "json_field file_bytes" "$(stat -c %s "$PCAP")" "$(json_field file_bytes)"
	# nanosecond pcap: magic a1b23c4d (little-endian on disk: 4d 3c b2 a1)
	assert_eq od 4d3cb2a1 "$(od -An -tx1 -N4 "$PCAP" | tr -d ' ')"
	assert_eq tshark 108 "$(tshark -r "$PCAP" -T fields -e udp.length 2> /dev/null | sort -u)"
	assert_eq tshark 20 "$(tshark -r "$PCAP" -T fields -e frame.time_epoch 2> /dev/null | grep -c '\.[0-9]\{9\}$')"
}

@test "capture: count stops it at N frames exactly" {
	capture_udp 10 filter "udp dst port 9" count 4 -w "$PCAP"
	assert_eq status 0 "$status"
	assert_eq "json_field frames" 4 "$(json_field frames)"
	assert_eq "json_field limited" true "$(json_field limited)"
	assert_eq tshark 4 "$(tshark -r "$PCAP" 2> /dev/null | wc -l)"
}

@test "capture: snaplen truncates every frame, the wire length is kept" {
	capture_udp 5 filter "udp dst port 9" snaplen 64 -w "$PCAP"
	assert_eq status 0 "$status"
	assert_eq tshark "64	142" "$(tshark -r "$PCAP" -T fields -e frame.cap_len -e frame.len 2> /dev/null | sort -u)"
}

@test "capture: max-bytes keeps the file within the bound and says it was limited" {
	# 24-byte file header, then 16 + 142 per frame: 3 fit in 500
	capture_udp 10 filter "udp dst port 9" max-bytes 500 -w "$PCAP"
	assert_eq status 0 "$status"
	assert_eq "json_field frames" 3 "$(json_field frames)"
	assert_eq "json_field limited" true "$(json_field limited)"
	assert_eq "stat %s" $((24 + 3 * (16 + 142))) "$(stat -c %s "$PCAP")"
}

@test "capture: -w - writes the pcap to a pipe, the summary to stderr" {
	in_netns bash -c '
		{ "$1" -j capture dev lo filter "udp" count 3 -w - 2> "$2/err" | tshark -r - -T fields -e udp.dstport 2> /dev/null > "$2/fields"; } &
		for i in $(seq 100); do grep -q listening "$2/err" && break; sleep 0.05; done
		for p in 9 10 11; do printf x > /dev/udp/127.0.0.1/$p; done
		wait' _ "$BBCTL" "$BATS_TEST_TMPDIR"
	assert_eq tr "9 10 11 " "$(tr '\n' ' ' < "$BATS_TEST_TMPDIR/fields")"
	assert_eq tail 3 "$(tail -1 "$BATS_TEST_TMPDIR/err" | jq -r .frames)"
}

@test "capture: a bad filter is libpcap's one line, exit 2, no file left" {
	run --separate-stderr in_netns "$BBCTL" capture dev lo filter "udp port" -w "$PCAP"
	assert_eq status 2 "$status"
	assert_eq stderr "bbctl: capture: filter: can't parse filter expression: syntax error" "$stderr"
	[ ! -e "$PCAP" ]
}

@test "capture: an unknown device (exit 2, libpcap's word) and namespace (exit 1)" {
	run --separate-stderr in_netns "$BBCTL" capture dev nosuch0 -w "$PCAP"
	assert_eq status 2 "$status"
	assert_eq stderr "bbctl: capture: nosuch0: no such device" "$stderr"
	run --separate-stderr "$BBCTL" capture dev lo netns bb-no-such-ns -w "$PCAP"
	assert_eq status 1 "$status"
	assert_eq stderr_lines[0] 'bbctl: netns: no such network namespace "bb-no-such-ns" (ip netns list shows them)' "${stderr_lines[0]}"
	[ ! -e "$PCAP" ]
}

@test "capture: argument errors, one line each, then the usage" {
	usage_error capture 'bbctl: capture: missing dev IFNAME' capture -w x
	usage_error capture 'bbctl: capture: missing -w FILE' capture dev lo
	usage_error capture 'bbctl: duration: cannot be used with count (give one of count N, duration SECS)' \
		capture dev lo count 1 duration 1 -w x
	usage_error capture 'bbctl: snaplen: must be an integer from 64 to 262144 (got "10")' \
		capture dev lo snaplen 10 -w x
	usage_error capture 'bbctl: max-bytes: must be an integer from 24 to 18446744073709551615 (got "0")' \
		capture dev lo max-bytes 0 -w x
	usage_error capture 'bbctl: promisc: must be on or off (got "yes")' capture dev lo promisc yes -w x
	usage_error capture 'bbctl: netns: "../x" is not a namespace name (as ip netns list shows them)' \
		capture dev lo netns ../x -w x
	usage_error capture 'bbctl: capture: unknown argument "frob"' capture dev lo frob -w x
}
