#!/usr/bin/env bats
# RX latency: netem's normal delay measured by a LATENCY trigger (avg, P99,
# histogram), implausible stamps and the reporting range, and the results
# over time (interval snapshots). Frames come from tests/vm/rx-send, which
# writes the 16-byte time tag from an ordinary UDP socket, so these tests do
# not depend on the TX engine.

load rx-lib

setup() { rx_setup; }
teardown() { rx_teardown; }

@test "netem delay 20ms 5ms normal: avg near 20 ms, P99 near 20 + 2.33 * 5 ms" {
	in_a tc qdisc add dev veth0 root netem delay 20ms 5ms distribution normal
	id=$(trigger_add '{"dev": "veth1", "udp-dport": 5000, "latency": true}')
	in_a "$RX_SEND" "$IP4_B" 5000 --count 1000 --rate 500 --latency
	wait_rx "$id" 1000
	lat=$(trigger_get "$id" | jq -c '."latency-stats"')
	echo "# $lat" >&3
	assert_eq count 1000 "$(jq '.count' <<< "$lat")"
	assert_eq invalid 0 "$(jq '.invalid' <<< "$lat")"
	# netem never delivers early, but under TCG on a busy host its timer
	# and the softirq after it fire late: a CI run saw avg 22.8 ms and
	# P99 40.8 ms, and one beside host suites P99 48.9 ms (a timer late
	# once in a hundred frames is the P99). So the margins are 1 ms below,
	# 6 above (P99: 25, still far from any unit slip).
	in_range avg-ns 19000000 26000000 "$(jq '."avg-ns"' <<< "$lat")"
	in_range p50-ns 18500000 26000000 "$(jq '."p50-ns"' <<< "$lat")"
	# 2.33 sigma is 31.65 ms; 1000 samples and netem's table: 29 ms and up
	in_range p99-ns 29000000 61000000 "$(jq '."p99-ns"' <<< "$lat")"
	in_range jitter-ns 1000000 10000000 "$(jq '."jitter-ns"' <<< "$lat")"
	# ascending, and within [min, max] (percentiles may round up 0.05%)
	jq -e '.["min-ns"] <= .["p50-ns"] and .["p50-ns"] <= .["p90-ns"] and
	       .["p90-ns"] <= .["p99-ns"] and .["p99-ns"] <= .["p999-ns"] and
	       .["p999-ns"] <= .["p9999-ns"] and
	       .["p9999-ns"] <= .["max-ns"] * 1.0005' <<< "$lat" > /dev/null ||
		fail "percentiles out of order: $lat"
	# the histogram holds every frame, in ascending buckets
	ynl_b --dump trigger-histogram "{\"id\": $id}" |
		jq -e '[.[].bucket // [] | .[]] | (map(.count) | add) == 1000 and
		       (map(."upper-ns") | . == sort)' > /dev/null ||
		fail "histogram does not add up to 1000 frames in ascending buckets"
}

@test "implausible stamps are counted apart; the range sorts valid latencies" {
	id=$(trigger_add '{"dev": "veth1", "udp-dport": 5001, "latency": true,
			   "range-min-ns": 1000, "range-max-ns": 50000000}')
	# stamped 1 s in the future (negative latency), then 61 s in the past
	in_a "$RX_SEND" "$IP4_B" 5001 --count 20 --latency --tx-offset-ns 1000000000
	in_a "$RX_SEND" "$IP4_B" 5001 --count 20 --first 20 --latency \
		--tx-offset-ns -61000000000
	in_a "$RX_SEND" "$IP4_B" 5001 --count 30 --first 40 --latency
	# 100 ms old when sent: above the 50 ms range, still valid
	in_a "$RX_SEND" "$IP4_B" 5001 --count 10 --first 70 --latency \
		--tx-offset-ns -100000000
	wait_rx "$id" 80
	lat=$(trigger_get "$id" | jq -c '."latency-stats"')
	assert_eq invalid 40 "$(jq '.invalid' <<< "$lat")"
	assert_eq count 40 "$(jq '.count' <<< "$lat")"
	assert_eq above-range 10 "$(jq '."above-range"' <<< "$lat")"
	assert_eq below-range 0 "$(jq '."below-range"' <<< "$lat")"
	in_range max-ns 100000000 1100000000 "$(jq '."max-ns"' <<< "$lat")"
	# invalid stamps stay out of the histogram too
	ynl_b --dump trigger-histogram "{\"id\": $id}" |
		jq -e '[.[].bucket // [] | .[].count] | add == 40' > /dev/null ||
		fail "histogram does not hold exactly the 40 valid frames"
}

@test "latency range and histogram errors name the problem" {
	run ynl_b --do trigger-add '{"dev": "veth1", "udp-dport": 5002, "range-max-ns": 5}'
	assert_eq status 1 "$status"
	assert_eq message "error: a latency range needs LATENCY on the trigger" "$output"
	run ynl_b --do trigger-add '{"dev": "veth1", "udp-dport": 5002, "latency": true,
				     "range-min-ns": 10, "range-max-ns": 5}'
	assert_eq message "error: latency range minimum is above its maximum" "$output"
	id=$(trigger_add '{"dev": "veth1", "udp-dport": 5002}')
	run ynl_b --dump trigger-histogram "{\"id\": $id}"
	assert_eq message "error: trigger does not measure latency" "$output"
}

@test "history: snapshots aligned to the interval, indexed; every reader sees them all, from its own cursor" {
	id=$(trigger_add '{"dev": "veth1", "udp-dport": 5003, "latency": true,
			   "interval-ms": 100}')
	assert_eq interval-ms 100 "$(trigger_get "$id" | jq '."interval-ms"')"
	in_a "$RX_SEND" "$IP4_B" 5003 --count 100 --rate 200 --latency
	wait_rx "$id" 100
	sleep 0.2	# the last interval is over: reading closes it
	h=$(ynl_b --dump trigger-history "{\"id\": $id}")
	echo "# $(jq -c '[.[].snapshot // [] | .[] | [.index, ."start-ns", .frames]]' <<< "$h")" >&3
	jq -e '[.[].snapshot // [] | .[]] as $s |
	       ($s | map(.frames) | add) == 100 and
	       ($s | map(."latency-count") | add) == 100 and
	       ($s | length) >= 4 and
	       ($s | map(.index)) == [range($s | length)] and
	       ($s | all(."start-ns" % 100000000 == 0)) and
	       ($s | map(."start-ns") | . == sort and . == unique)' <<< "$h" > /dev/null ||
		fail "snapshots do not add up, are not aligned or not indexed 0..n-1: $h"
	assert_eq history-dropped 0 "$(jq '[.[]."history-dropped"] | add' <<< "$h")"
	n=$(jq '[.[].snapshot // [] | .[]] | length' <<< "$h")
	# a second reader (bbctl) gets the very same snapshots: reading took none
	b=$(bbctl_b -j trigger history id "$id")
	assert_eq "bbctl's read = ynl's" \
		"$(jq -c '[.[].snapshot // [] | .[] | [.index, ."start-ns", .frames, .bytes, .lost]]' <<< "$h")" \
		"$(jq -c '[.[] | [.index, .start_ns, .frames, .bytes, .lost]]' <<< "$b")"
	# from a cursor: the rest only; past the end: nothing, and no error
	assert_eq "from 2" "$((n - 2))" "$(bbctl_b -j trigger history id "$id" from 2 | jq length)"
	assert_eq "from 2, first index" 2 "$(bbctl_b -j trigger history id "$id" from 2 | jq '.[0].index')"
	h=$(ynl_b --dump trigger-history "{\"id\": $id, \"history-from\": $n}")
	assert_eq "snapshots from the cursor past the last" 0 \
		"$(jq '[.[].snapshot // [] | .[]] | length' <<< "$h")"
	# new traffic: a reader at its cursor gets just the new intervals
	in_a "$RX_SEND" "$IP4_B" 5003 --count 20 --rate 200 --latency
	wait_rx "$id" 120
	sleep 0.2
	assert_eq "frames from the cursor on" 20 \
		"$(bbctl_b -j trigger history id "$id" from "$n" | jq 'map(.frames) | add')"
	assert_eq "frames from 0" 120 "$(bbctl_b -j trigger history id "$id" | jq 'map(.frames) | add')"
}

@test "history: a cursor past the end reads nothing and no loss; a bad from is a usage error" {
	id=$(trigger_add '{"dev": "veth1", "udp-dport": 5004}')
	h=$(ynl_b --dump trigger-history "{\"id\": $id, \"history-from\": 5}")
	assert_eq "an empty ring from 5: [dropped, snapshots]" "[[0,0]]" \
		"$(jq -c '[.[] | [."history-dropped", (.snapshot // [] | length)]]' <<< "$h")"
	run --separate-stderr "$BBCTL" -n "$NS_B" trigger history id "$id" from x
	assert_eq status 1 "$status"
	assert_eq stderr_lines[0] 'bbctl: from: must be an integer from 0 to 18446744073709551615 (got "x")' "${stderr_lines[0]}"
}
