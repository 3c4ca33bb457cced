#!/usr/bin/env bats
# Scale: 1,000 triggers on one port, created in one YNL session, every one
# receiving frames, and dumped whole (the dump spans several messages and
# must resume where it stopped).

load rx-lib

setup() { rx_setup; }
teardown() { rx_teardown; }

@test "1,000 triggers on one port: created, run and dumped" {
	for p in $(seq 10000 10999); do
		echo "do trigger-add {\"dev\": \"veth1\", \"udp-dport\": $p}"
	done | ynl_b --batch > "$BATS_TEST_TMPDIR/add"
	assert_eq "triggers added" 1000 "$(jq -s 'map(select(.id)) | length' \
		"$BATS_TEST_TMPDIR/add")"
	assert_eq "port triggers" 1000 "$(ynl_b --do port-get '{"dev": "veth1"}' |
		jq .triggers)"
	# 3 frames to each (seq 0, 1, 2 per port)
	in_a "$RX_SEND" "$IP4_B" 10000 --count 3000 --rate 3000 --dports 1000
	end=$(deadline 30)
	while before "$end"; do
		d=$(ynl_b --dump trigger-get)
		[ "$(jq '[.[]."rx-frames"] | add' <<< "$d")" -ge 3000 ] && break
		sleep 0.5
	done
	assert_eq "triggers dumped" 1000 "$(jq 'length' <<< "$d")"
	assert_eq "distinct ids" 1000 "$(jq '[.[].id] | unique | length' <<< "$d")"
	assert_eq "triggers with 3 frames and no loss" 1000 \
		"$(jq '[.[] | select(."rx-frames" == 3 and .lost == 0)] | length' <<< "$d")"
}
