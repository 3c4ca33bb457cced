#!/usr/bin/env bats
# Loss in time: a tc u32 filter on the sender drops two windows of sequence
# numbers (matched on the tag in the payload), and the trigger's loss events
# point at exactly those ranges, in order, with their RX times.

load rx-lib

setup() { rx_setup; }
teardown() { rx_teardown; }

# drop_window LOW: drop the 16 sequence numbers LOW..LOW+15 (LOW a multiple
# of 16) leaving veth0. rx-send's 32-byte payload ends with the 8-byte tag,
# so the seq's low 32 bits sit at IP offset 20 + 8 + 28 = 56.
drop_window() {
	in_a tc filter add dev veth0 egress protocol ip prio 1 u32 \
		match u32 "$1" 0xfffffff0 at 56 action drop
}

@test "loss events: first missing seq, count and RX time of two drop windows" {
	in_a tc qdisc add dev veth0 clsact
	drop_window 96
	drop_window 256
	id=$(trigger_add '{"dev": "veth1", "udp-dport": 5000}')
	in_a "$RX_SEND" "$IP4_B" 5000 --count 400 --rate 400
	wait_rx "$id" 368
	t=$(trigger_get "$id")
	assert_eq lost 32 "$(jq '.lost' <<< "$t")"
	assert_eq loss-events-total 2 "$(jq '."loss-events-total"' <<< "$t")"
	assert_eq events '[[96,16],[256,16]]' \
		"$(jq -c '[."loss-event"[] | [."first-seq", .count]]' <<< "$t")"
	# detected by the frames after the gaps, between the first and last frame
	jq -e '."loss-event" as $e | $e[0]."rx-ns" < $e[1]."rx-ns" and
	       $e[0]."rx-ns" > ."first-rx-ns" and $e[1]."rx-ns" < ."last-rx-ns"' \
		<<< "$t" > /dev/null || fail "loss event times out of place: $t"
	# the history has the same loss
	sleep 1.1
	assert_eq "history lost" 32 "$(ynl_b --dump trigger-history "{\"id\": $id}" |
		jq '[.[].snapshot // [] | .[].lost] | add')"
}

@test "loss events: a flow starting above 0 has lost everything below" {
	id=$(trigger_add '{"dev": "veth1", "udp-dport": 5001}')
	in_a "$RX_SEND" "$IP4_B" 5001 --count 10 --first 5
	wait_rx "$id" 10
	assert_eq events '[[0,5]]' "$(trigger_get "$id" |
		jq -c '[."loss-event"[] | [."first-seq", .count]]')"
}
