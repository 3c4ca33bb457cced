#!/usr/bin/env bats
# bbctl monitor: bbgen's notifications (the family's "monitor" multicast
# group), one JSON object per line, in the namespace the listener is in: a
# stream's start and end with its exact counts, every closed interval of a
# trigger with its index (the same snapshots the history holds), a port
# gone by port del and by its device going away; joining needs
# CAP_NET_ADMIN. Both kernel lines: the group is the module's.

load lib

setup() {
	MON_PIDS=()
	pair_setup
	ports_add
}

teardown() {
	[ ${#MON_PIDS[@]} = 0 ] || kill "${MON_PIDS[@]}" 2> /dev/null
	wait 2> /dev/null
	pair_teardown
}

# monitor NS FILE [ARGS...]: bbctl -j monitor ARGS in NS, in the background,
# into FILE (stderr FILE.err); returns once it listens.
monitor() {
	local ns=$1 out=$2 end
	shift 2
	ip netns exec "$ns" "$BBCTL" -j monitor "$@" > "$out" 2> "$out.err" &
	MON_PIDS+=($!)
	end=$(deadline 20)
	while before "$end"; do
		grep -q '^bbctl: monitor: listening$' "$out.err" 2> /dev/null && return 0
		sleep 0.1
	done
	fail "monitor in $ns did not start: $(cat "$out.err")"
}

# wait_exit PID: until the monitor PID ended (its count reached), 60 s at most
wait_exit() {
	local end
	end=$(deadline 60)
	while kill -0 "$1" 2> /dev/null; do
		before "$end" || { fail "monitor $1 still running"; return 1; }
		sleep 0.2
	done
}

@test "monitor: a stream's start and end with its exact counts, only in its namespace" {
	local a=$BATS_TEST_TMPDIR/a b=$BATS_TEST_TMPDIR/b
	monitor "$NS_A" "$a" count 2
	monitor "$NS_B" "$b"
	start_stream 1 200 1000
	wait_exit "${MON_PIDS[0]}"
	finish_stream 1 200 1000
	cat "$a" "$a.err"
	assert_eq "events" 2 "$(wc -l < "$a")"
	assert_eq "first" '["stream-state",1,"running",0]' \
		"$(head -1 "$a" | jq -c '[.event, .id, .state, .tx_frames]')"
	assert_eq "second" '["stream-state",1,"done",200]' \
		"$(tail -1 "$a" | jq -c '[.event, .id, .state, .tx_frames]')"
	# the counts of the end are the stream's final ones
	assert_eq "tx_bytes at done" "${S[tx_bytes]}" "$(tail -1 "$a" | jq .tx_bytes)"
	assert_eq "last_tx_ns at done" "${S[last_tx_ns]}" "$(tail -1 "$a" | jq .last_tx_ns)"
	# bbB's listener heard nothing of bbA's stream (its trigger: 1 s
	# intervals, the only one still open)
	assert_eq "events in bbB" "" "$(jq -c 'select(.event == "stream-state")' "$b")"
}

@test "monitor: every closed interval of a trigger, indexed, the same as its history" {
	local b=$BATS_TEST_TMPDIR/b n end
	monitor "$NS_B" "$b"
	bbctl_b trigger add dev veth1 id 2 dport 5002 interval 100
	bbctl_a stream add dev veth0 id 2 dst-mac "$MAC_B" src "$IP4_A" dst "$IP4_B" \
		dport 5002 rate 200 count 100
	bbctl_a stream start id 2
	finish_stream 2 100 200
	sleep 0.2	# the last interval is over: reading the history closes it
	h=$(bbctl_b -j trigger history id 2)
	n=$(jq length <<< "$h")
	end=$(deadline 20)
	while [ "$(wc -l < "$b")" -lt "$n" ]; do
		before "$end" || fail "$(wc -l < "$b") of $n snapshots announced: $(cat "$b")"
		sleep 0.2
	done
	echo "$h"
	cat "$b"
	assert_gt "snapshots" 3 "$n"
	assert_eq "announced = history" \
		"$(jq -c '[.[] | [.index, .start_ns, .frames, .bytes, .lost]]' <<< "$h")" \
		"$(jq -sc '[.[] | select(.event == "trigger-snapshot" and .id == 2) |
			[.index, .start_ns, .frames, .bytes, .lost]]' "$b")"
	assert_eq "frames announced" 100 "$(jq -s 'map(.frames // 0) | add' "$b")"
}

@test "monitor: a port gone, by port del and by its device going away" {
	local b=$BATS_TEST_TMPDIR/b
	monitor "$NS_B" "$b" count 2
	in_b ip link add bbmon0 type dummy
	bbctl_b port add dev bbmon0
	ifindex=$(in_b cat /sys/class/net/bbmon0/ifindex)
	bbctl_b port del dev veth1
	in_b ip link del bbmon0
	wait_exit "${MON_PIDS[0]}"
	cat "$b"
	assert_eq "events" "[\"port-gone\",\"veth1\"] [\"port-gone\",\"bbmon0\",$ifindex]" \
		"$(jq -c '[.event, .dev] + (if .dev == "bbmon0" then [.ifindex] else [] end)' "$b" | paste -sd' ')"
}

@test "monitor: joining needs CAP_NET_ADMIN" {
	run --separate-stderr in_b setpriv --reuid=65534 --regid=65534 --clear-groups \
		"$BBCTL" monitor count 1
	assert_eq status 2 "$status"
	assert_eq stderr "Error: Operation not permitted (bbgen needs CAP_NET_ADMIN in the initial user namespace)." "$stderr"
}
