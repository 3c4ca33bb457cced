#!/usr/bin/env bats
# 1,000 HTTP flows at once in one run, on one bbd event loop: every
# session Finished with its exact payload; bbd's peak RSS and CPU time
# printed (the closing note and Documentation/performance.md quote them).

# kernel-lines: 6.12

load lib

BBD=${BBD:-$BB_TOP/build/bin/bbd}
FLOWS=${HTTP_SCALE_FLOWS:-1000}
SIZE=100000

setup() {
	SOCK=$BATS_TEST_TMPDIR/bbd.sock
	ip link add bbs0 type veth peer name bbs1
	ip link set bbs0 up
	ip link set bbs1 up
}

teardown() {
	[ -z "${BBD_PID:-}" ] || { kill "$BBD_PID" 2> /dev/null; wait "$BBD_PID" 2> /dev/null || true; }
	ip link del bbs0 2> /dev/null || true
}

@test "$FLOWS concurrent HTTP GET flows: all Finished, $SIZE payload bytes each" {
	needs_full_speed "1,000 flows over one veth wait past TCP_USER_TIMEOUT (10 s)"
	jq -n --argjson n "$FLOWS" --argjson size "$SIZE" '{
		maximum_run_time: 240, wait_for_finish: 0,
		ports: [
			{name: "a", port_group: ["a"], interface: "bbs0", ipv4: "10.77.0.1", netmask: "255.255.255.0"},
			{name: "b", port_group: ["b"], interface: "bbs1", ipv4: "10.77.0.2", netmask: "255.255.255.0"}],
		flows: [range($n) | {name: "h\(.)", type: "http", http_method: "GET",
			source: {port_group: ["a"]}, destination: {port_group: ["b"]},
			request_size: $size}]}' > "$BATS_TEST_TMPDIR/scale.json"
	"$BBD" --foreground --quiet --socket "$SOCK" &
	BBD_PID=$!
	wait_until 60 "bbd never listened" test -S "$SOCK"
	t0=$(date +%s.%N)
	REC=$("$BBCTL" -j run "$BATS_TEST_TMPDIR/scale.json" --socket "$SOCK") && RC=0 || RC=$?
	t1=$(date +%s.%N)
	# peak RSS and CPU (user + system clock ticks) of bbd for the run
	rss=$(awk '/VmHWM/ { print $2 }' "/proc/$BBD_PID/status")
	cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$BBD_PID/stat")
	echo "# $FLOWS flows: run $(jq -n "$t1 - $t0 | . * 10 | round / 10") s, bbd peak RSS $rss kB, CPU $cpu s" >&3
	# on a FAIL, the first flows that did not finish, and why
	[ "$RC" = 0 ] || jq -c '[.flows[] | select(.results.status != "finished") |
		{name, status: .results.status, analysers}] | .[:3]' <<< "$REC" || true
	assert_eq "exit" 0 "$RC"
	assert_eq "flows" "$FLOWS" "$(jq '.flows | length' <<< "$REC")"
	assert_eq "finished" "$FLOWS" "$(jq '[.flows[] | select(.results.status == "finished")] | length' <<< "$REC")"
	assert_eq "exact payload" "$FLOWS" "$(jq --argjson s "$SIZE" '[.flows[] | select(.results.rx_payload_bytes == $s and .results.server.tx_payload_bytes == $s)] | length' <<< "$REC")"
	assert_eq "aggregate rx at b" "$((FLOWS * SIZE))" "$(jq '.aggregate[] | select(.port == "b") | .rx.payload_bytes' <<< "$REC")"
}
