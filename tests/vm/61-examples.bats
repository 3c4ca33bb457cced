#!/usr/bin/env bats
# Every scenario in examples/ runs and passes on a clean veth pair (the
# pair named by its ports' interfaces), and its record has what the
# scenario asked for.

# the examples through bbd: userspace; 6.12 only
# kernel-lines: 6.12

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

# rounded: JSON on stdin, keys sorted, numbers to 1e-6.
rounded() {
	jq -S 'walk(if type == "number" then (. * 1000000 | round) else . end)'
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

@test "examples/back-to-back.json: both directions, latency, PASS; reports and the archive" {
	local dir=$BATS_TEST_TMPDIR/reports xml id
	mkdir -p "$dir"
	run_example back-to-back --report-dir "$dir" --format json,junit,html
	ls -l "$dir"
	# the report prints reals to 15 digits, the record on the socket to 17
	assert_eq "JSON report = the record" "$(rounded <<< "$REC")" "$(rounded < "$dir"/*.json)"
	# bbd archived the run (default archive): the same record comes back
	id=$(jq -r .run.id <<< "$REC")
	assert_gt "run id" 0 "$id"
	"$BBCTL" -j runs | jq -e --argjson id "$id" 'map(select(.id == $id and .verdict == "PASS")) | length == 1' ||
		fail "run $id not listed by bbctl runs"
	"$BBCTL" report "$id" --format json --out "$BATS_TEST_TMPDIR/again.json" ||
		fail "bbctl report $id"
	cmp "$dir"/*.json "$BATS_TEST_TMPDIR/again.json" ||
		fail "the report regenerated from the archive differs from the original"
	grep -q 'uPlot' "$dir"/*.html || fail "the HTML report embeds no chart library"
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

@test "examples/http.json: GET, GET after a wait, paced PUT, video and frame blasting side by side; aggregate per port" {
	run_example http
	for f in 0 1 2; do
		assert_eq "flow $f status" finished "$(jq -r ".flows[$f].results.status" <<< "$REC")"
	done
	assert_eq "download bytes" 50000000 "$(jq -r '.flows[0].results.rx_payload_bytes' <<< "$REC")"
	assert_eq "web bytes" 5000000 "$(jq -r '.flows[1].results.rx_payload_bytes' <<< "$REC")"
	# lan receives both GETs and the video: 55 MB + the video's bytes
	# over its alive and active periods; active <= alive <= scenario
	agg=$(jq -c '.aggregate[] | select(.port == "lan") | .rx' <<< "$REC")
	echo "lan rx: $agg"
	video=$(jq -r '.flows[3].results.client.rx_payload_bytes' <<< "$REC")
	assert_gt "video bytes" 0 "$video"
	assert_eq "lan rx payload" "$((55000000 + video))" "$(jq -r .payload_bytes <<< "$agg")"
	assert_eq "lan rx flows" 3 "$(jq -r .flows <<< "$agg")"
	assert_eq "durations ordered" true "$(jq -r '.active_s <= .alive_s and .alive_s <= .scenario_s' <<< "$agg")"
	# alive: from the first byte of any of the three to the last, by hand
	alive=$(jq -r '[.flows[0,1,3].results.client] | ((map(.last_rx_ns) | max) - (map(.first_rx_ns) | min)) / 1e9' <<< "$REC")
	assert_eq "alive by hand" true "$(jq -n "($alive - $(jq -r .alive_s <<< "$agg")) | fabs < 1e-6")"
	# the video played its 5 s without a stall
	assert_eq "video" finished "$(jq -r '.flows[3].results.status' <<< "$REC")"
	assert_eq "video stalls" 0 "$(jq -r '.flows[3].results.stalls' <<< "$REC")"
	# the frame blasting flow is there and counts nothing in the aggregate
	assert_eq "background frames" 2000 "$(jq -r '.flows[4].results.rx_frames' <<< "$REC")"
	assert_eq "wan rx (upload only)" 1 "$(jq -r '.aggregate[] | select(.port == "wan") | .rx.flows' <<< "$REC")"
}
