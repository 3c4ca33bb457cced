#!/usr/bin/env bats
# Every scenario in examples/ runs and passes on a clean veth pair (the
# pair named by its ports' interfaces), and its record has what the
# scenario asked for.

load lib

BBD=${BBD:-$BB_TOP/build/bin/bbd}

setup() {
	SOCK=$BATS_TEST_TMPDIR/bbd.sock
	ip link add bbtx0 type veth peer name bbrx0
	ip link set bbtx0 up
	ip link set bbrx0 up
}

teardown() {
	ip link del bbtx0 2> /dev/null || true
}

# run_example NAME [ARGS...]: bbctl -j run examples/NAME.json; sets REC,
# checks PASS.
run_example() {
	local rc=0 name=$1
	shift
	REC=$("$BBCTL" -j run "$BB_TOP/examples/$name.json" --socket "$SOCK" "$@") || rc=$?
	jq -c '.flows[] | {name, source, destination, results: (.results | {tx_frames, rx_frames, lost_frames, mos}), analysers}' <<< "$REC" || true
	assert_eq "$name: exit code" 0 "$rc"
	assert_eq "$name: verdict" PASS "$(jq -r .verdict <<< "$REC")"
	assert_eq "$name: namespaces left" "" "$(ip netns list | awk '$1 ~ /^bb-/')"
}

@test "examples/back-to-back.json: both directions, latency, PASS; JSON and JUnit reports" {
	local dir=$BATS_TEST_TMPDIR/reports xml
	mkdir -p "$dir"
	run_example back-to-back --report-dir "$dir" --format json,junit
	ls -l "$dir"
	assert_eq "JSON report = the record" "$(jq -S . <<< "$REC")" "$(jq -S . "$dir"/*.json)"
	xml=$(cat "$dir"/*.xml)
	echo "$xml"
	[[ $xml == *'<testsuite name="back-to-back" tests="6" failures="0"'* ]] ||
		fail "JUnit testsuite line"
	assert_eq "JUnit testcases" 6 "$(grep -c '<testcase classname=' <<< "$xml")"
	assert_eq "flows (with the reverse)" 2 "$(jq '.flows | length' <<< "$REC")"
	assert_eq "frames each way" "5000 5000" \
		"$(jq -r '[.flows[].results.rx_frames] | join(" ")' <<< "$REC")"
	assert_eq "latency measured" "true true" \
		"$(jq -r '[.flows[].results.latency.count > 0] | join(" ")' <<< "$REC")"
}

@test "examples/voice-gaming.json: MOS >= 4 both ways, gaming P99 in bounds, PASS" {
	run_example voice-gaming
	assert_eq "flows" 3 "$(jq '.flows | length' <<< "$REC")"
	assert_eq "MOS >= 4.0 both ways" "true true" \
		"$(jq -r '[.flows[] | select(.type == "voice") | .results.mos >= 4.0] | join(" ")' <<< "$REC")"
}

@test "examples/imix.json: IMIX at 20 Mbit/s physical, nothing lost, PASS" {
	run_example imix
	assert_eq "lost" 0 "$(jq '.flows[0].results.lost_frames' <<< "$REC")"
	assert_gt "frames" 1000 "$(jq '.flows[0].results.rx_frames' <<< "$REC")"
}
