#!/usr/bin/env bats
# Video flows (type "video"): segments over HTTP into the player's buffer
# model. A fast link plays with no stall and reports its initial wait; a
# link shaped below the video's rate stalls and fails.
#
#   bbv0 <-> bbv1   htb on bbv0 (the server's egress) set per test

# The player model is bbd's, the same on every kernel: once.
# kernel-lines: 6.12

load lib

setup() {
	SOCK=$BATS_TEST_TMPDIR/bbd.sock
	ip link add bbv0 type veth peer name bbv1
	ip link set bbv0 up
	ip link set bbv1 up
}

teardown() {
	ip link del bbv0 2> /dev/null || true
}

# video EXTRA_JSON: a video flow from a (bbv0) to b (bbv1): 500 kB
# segments of 1 s (4 Mbit/s of video), play goal 2 s, 8 s long
run_video() {
	cat > "$BATS_TEST_TMPDIR/v.json" <<-EOF
		{"ports":[
		 {"name":"a","port_group":["a"],"interface":"bbv0","ipv4":"10.66.0.1","netmask":"255.255.255.0"},
		 {"name":"b","port_group":["b"],"interface":"bbv1","ipv4":"10.66.0.2","netmask":"255.255.255.0"}],
		 "flows":[{"name":"v","type":"video","source":{"port_group":["a"]},"destination":{"port_group":["b"]},
		   "segment_size":500000,"segment_duration":1,"buffering_goal":6,"play_goal":2,"duration":8$1}],
		 "wait_for_finish":0}
	EOF
	REC=$("$BBCTL" -j run "$BATS_TEST_TMPDIR/v.json" --socket "$SOCK") && RC=0 || RC=$?
	echo "exit $RC"
	jq -c '.flows[0] | {results: (.results | del(.over_time)), analysers}' <<< "$REC" || true
}

res() { jq -r ".flows[0].results.$1" <<< "$REC"; }

@test "video on a fast link: plays without a stall, initial wait reported, PASS" {
	run_video ""
	assert_eq exit 0 "$RC"
	assert_eq status finished "$(res status)"
	assert_eq stalls 0 "$(res stalls)"
	wait_ms=$(jq -r '.flows[0].results.initial_wait_ns / 1e6 | floor' <<< "$REC")
	echo "initial wait $wait_ms ms"
	[ "$wait_ms" -gt 0 ] && [ "$wait_ms" -lt 5000 ] || fail "initial wait $wait_ms ms"
	# 8 s of play from a 6 s buffer goal: at least 8 segments came in, each whole
	[ "$(res segments)" -ge 8 ] || fail "segments $(res segments)"
	assert_eq "bytes in" "$(($(res segments) * 500000))" "$(res bytes_in)"
	assert_eq "buffer analyser" PASS "$(jq -r '.flows[0].analysers[] | select(.type == "buffer") | .verdict' <<< "$REC")"
	# the buffer over time never passes the goal plus one segment
	assert_eq "buffer bounded" true "$(jq '[.flows[0].results.over_time[].buffer_s] | max <= 6' <<< "$REC")"
}

@test "video on a link shaped below its rate: stalls and FAILs" {
	tc -batch - <<-EOF
		qdisc add dev bbv0 root handle 1: htb default 1
		class add dev bbv0 parent 1: classid 1:1 htb rate 2mbit
	EOF
	run_video ',"analysis":{"max_initial_wait_time":10}'
	assert_eq exit 3 "$RC"
	assert_gt stalls 0 "$(res stalls)"
	reason=$(jq -r '.flows[0].analysers[] | select(.type == "buffer") | .reason' <<< "$REC")
	echo "$reason"
	assert_eq "buffer analyser" FAIL "$(jq -r '.flows[0].analysers[] | select(.type == "buffer") | .verdict' <<< "$REC")"
	[[ $reason == *"stalls"*"exceed max_stalls 0"* ]] || fail "reason: $reason"
}
