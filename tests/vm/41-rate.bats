#!/usr/bin/env bats
# TX rates, limits and starts (issue 3): exact fractional rates, count or
# duration or neither, delay, several streams started at one instant, all or
# nothing. Driven through the YNL spec (tests/vm/bbynl).

load lib
load tx-lib

@test "rate: 5 s at 5000 fps by duration sends 25,000 frames, all received" {
	needs_full_speed "exact counts of a duration at a rate it cannot send"
	ytrigger 1
	ystream_add "{\"id\": 1, \"template\": $(frames_json 5001 60),
		\"rate-frames\": 5000, \"rate-period-ns\": 1000000000,
		\"duration-ns\": 5000000000}"
	ynl_a --do stream-start '{"id": 1}'
	ywait_done 1 60
	local s tx start first last
	s=$(ystream 1)
	echo "stream: $s"
	tx=$(jq -r '."tx-frames"' <<< "$s")
	start=$(jq -r '."start-tai-ns"' <<< "$s")
	first=$(jq -r '."first-tx-ns"' <<< "$s")
	last=$(jq -r '."last-tx-ns"' <<< "$s")
	assert_eq "tx-frames" 25000 "$tx"
	# frame 0 is due at the start, the last 4.9998 s after it, both
	# measured from the scheduled start (a TCG stall that makes frame 0
	# late does not move the others' due times). Never early; late by a
	# vCPU stall at most 50 ms (stamped when the driver takes the frame)
	(( first >= start && first - start < 50000000 )) ||
		fail "first frame $((first - start)) ns after the start, want 0 .. 50 ms"
	(( last - start >= 4999800000 && last - start < 5049800000 )) ||
		fail "last frame $((last - start)) ns after the start, want 4999800000 .. +50 ms"
	wait_rx_settled 1
	(( T[rx_frames] >= 24999 && T[rx_frames] <= 25001 )) ||
		fail "rx_frames ${T[rx_frames]}, want 25000 +- 1"
	assert_eq "lost" 0 "${T[lost]}"
}

@test "rate: a fractional rate is exact over the duration (2500.5 fps, 2 s)" {
	needs_full_speed "exact counts of a duration at a rate it cannot send"
	ystream_add "{\"id\": 1, \"template\": $(frames_json 5001 60),
		\"rate-frames\": 5001, \"rate-period-ns\": 2000000000,
		\"duration-ns\": 2000000000}"
	ynl_a --do stream-start '{"id": 1}'
	ywait_done 1 30
	assert_eq "tx-frames" 5001 "$(ystream_field 1 tx-frames)"
	assert_eq "interval-ns" 399920 "$(ystream_field 1 interval-ns)"
}

# A stream asked for more than the worker can send never catches up: it
# ends at the end of its duration (it ran on 1 s past it before), whether
# it goes direct (bursts) or through the qdisc. A stream that falls behind
# for a while still catches up (the 5000 fps test above sends all 25,000).
@test "rate: flat out with a duration ends at the duration, not after it" {
	local id mode s start last tx
	for id in 1 2; do
		mode=direct
		[ "$id" = 2 ] && mode=queue
		ystream_add "{\"id\": $id, \"template\": $(frames_json 5001 60),
			\"interval-ns\": 1, \"duration-ns\": 2000000000,
			\"xmit-mode\": \"$mode\"}"
		ynl_a --do stream-start "{\"id\": $id}"
		ywait_done "$id" 30
		s=$(ystream "$id")
		echo "$mode: $s"
		start=$(ystream_field "$id" start-tai-ns)
		last=$(ystream_field "$id" last-tx-ns)
		tx=$(ystream_field "$id" tx-frames)
		# flat out: thousands a second here, a few hundred on the
		# debug kernel
		assert_gt "$mode tx-frames" 100 "$tx"
		# 2 G frames were due: the worker sent what it could in 2 s
		(( tx < 1000000000 )) || fail "$mode: $tx frames, want far below 2 G"
		# the last frame within the duration, give or take a vCPU stall
		# (ran on to 3 s before)
		(( last - start >= 1800000000 && last - start < 2400000000 )) ||
			fail "$mode: last frame $((last - start)) ns after the start, want 1.8 .. 2.4 s"
	done
}

@test "rate: no count and no duration runs until stopped; count alone ends it" {
	ystream_add "{\"id\": 1, \"template\": $(frames_json 5001 60),
		\"interval-ns\": 1000000}"
	ystream_add "{\"id\": 2, \"template\": $(frames_json 5002 60),
		\"rate-frames\": 1000, \"rate-period-ns\": 1000000000, \"count\": 50}"
	ynl_a --do stream-start '{"id": [1, 2]}'
	sleep 1
	assert_eq "state 1" running "$(ystream_field 1 state)"
	assert_eq "count 1" null "$(ystream_field 1 count)"
	ynl_a --do stream-stop '{"id": 1}'
	assert_eq "state 1" stopped "$(ystream_field 1 state)"
	local n
	n=$(ystream_field 1 tx-frames)
	assert_gt "tx-frames" 0 "$n"
	sleep 0.3
	assert_eq "tx-frames after stop" "$n" "$(ystream_field 1 tx-frames)"
	ywait_done 2 30
	assert_eq "tx-frames 2" 50 "$(ystream_field 2 tx-frames)"
}

@test "rate: delay holds frame 0 back" {
	local t0 first
	ystream_add "{\"id\": 1, \"template\": $(frames_json 5001 60),
		\"interval-ns\": 1000000, \"count\": 10, \"delay-ns\": 4000000000}"
	t0=$(tai_now)
	# bbctl (C) starts it and reads it back well within the delay; bbynl's
	# Python start-up under TCG can take most of it (on the debug kernel
	# beside a CI run, all of it)
	bbctl_a stream start id 1 || fail "stream start id 1"
	assert_eq "state" running "$(bbctl_a -j stream show id 1 | jq -r '.[0].state')"
	assert_eq "tx-frames during the delay" 0 \
		"$(bbctl_a -j stream show id 1 | jq -r '.[0].tx_frames')"
	ywait_done 1 30
	assert_eq "tx-frames" 10 "$(ystream_field 1 tx-frames)"
	assert_eq "delay-ns" 4000000000 "$(ystream_field 1 delay-ns)"
	first=$(ystream_field 1 first-tx-ns)
	echo "frame 0 sent $((first - t0)) ns after the start request began"
	(( first - t0 >= 4000000000 )) || fail "frame 0 sent $((first - t0)) ns after start"
}

@test "start: several streams start together, at a CLOCK_TAI instant" {
	local id tai first min=0 max=0 ahead out
	for id in 1 2 3; do
		ystream_add "{\"id\": $id, \"template\": $(frames_json $((5000 + id)) 60),
			\"rate-frames\": 1000, \"rate-period-ns\": 1000000000,
			\"count\": 20}"
	done
	# bbynl's Python start-up under TCG takes seconds on a busy host: if the
	# time has passed by the time the request goes out, nothing started
	# (all or nothing) and a later time is tried
	for ahead in 5 15 45; do
		tai=$(( $(tai_now) + ahead * 1000000000 ))
		out=$(ynl_a --do stream-start "{\"id\": [1, 2, 3], \"start-tai-ns\": $tai}") &&
			break
		[ "$out" = "error: start time is in the past" ] || fail "stream-start: $out"
		assert_eq "state 1 after a refused start" idle "$(ystream_field 1 state)"
	done
	for id in 1 2 3; do
		ywait_done $id 30
		# one instant for all three, exactly the one asked for
		assert_eq "stream $id start-tai-ns" "$tai" "$(ystream_field $id start-tai-ns)"
		first=$(ystream_field $id first-tx-ns)
		echo "stream $id: first frame $((first - tai)) ns after the start time"
		(( first >= tai )) || fail "stream $id sent before the start time"
		(( min == 0 || first < min )) && min=$first
		(( first > max )) && max=$first
	done
	# The workers sleep to 20 us before the instant and spin the rest, so
	# on hardware the first frames leave within microseconds of each other;
	# under TCG on a busy host a vCPU can be descheduled for tens of ms,
	# so only a loose bound is checked here: the exact check is the shared
	# start-tai-ns above.
	(( max - min < 100000000 )) || fail "first frames $((max - min)) ns apart"
}

@test "start: all or nothing (unknown id, repeated id, running stream, past time)" {
	ystream_add "{\"id\": 1, \"template\": $(frames_json 5001 60),
		\"interval-ns\": 1000000, \"count\": 5}"
	ystream_add "{\"id\": 2, \"template\": $(frames_json 5002 60),
		\"interval-ns\": 1000000}"
	ynl_expect_error "$NS_A" "no stream with this id" --do stream-start '{"id": [1, 99]}'
	ynl_expect_error "$NS_A" "stream id given twice" --do stream-start '{"id": [1, 1]}'
	ynl_expect_error "$NS_A" "start time is in the past" --do stream-start \
		'{"id": [1], "start-tai-ns": 1000}'
	assert_eq "state 1" idle "$(ystream_field 1 state)"
	ynl_a --do stream-start '{"id": 2}'
	ynl_expect_error "$NS_A" "stream is already running" --do stream-start '{"id": [1, 2]}'
	assert_eq "state 1" idle "$(ystream_field 1 state)"
	ynl_expect_error "$NS_A" "no stream with this id" --do stream-stop '{"id": [2, 98]}'
	assert_eq "state 2" running "$(ystream_field 2 state)"
	ynl_a --do stream-stop '{"id": [2, 1]}'
	assert_eq "state 2" stopped "$(ystream_field 2 state)"
}

@test "rate: the kernel's checks of rates and limits" {
	local t a
	t=$(frames_json 5001 60)
	a="\"dev\": \"veth0\", \"template\": $t"
	ynl_expect_error "$NS_A" "give INTERVAL_NS or RATE_FRAMES with RATE_PERIOD_NS, not both" \
		--do stream-add "{$a, \"interval-ns\": 1000, \"rate-frames\": 1, \"rate-period-ns\": 5}"
	ynl_expect_error "$NS_A" "missing rate (INTERVAL_NS, or RATE_FRAMES with RATE_PERIOD_NS)" \
		--do stream-add "{$a}"
	ynl_expect_error "$NS_A" "RATE_FRAMES and RATE_PERIOD_NS go together" \
		--do stream-add "{$a, \"rate-frames\": 10}"
	ynl_expect_error "$NS_A" "integer out of range" \
		--do stream-add "{$a, \"rate-frames\": 0, \"rate-period-ns\": 5}"
	ynl_expect_error "$NS_A" "integer out of range" \
		--do stream-add "{$a, \"rate-frames\": 1, \"rate-period-ns\": 86400000000001}"
	ynl_expect_error "$NS_A" "integer out of range" \
		--do stream-add "{$a, \"interval-ns\": 1000, \"duration-ns\": 0}"
	assert_eq "streams" "[]" "$(bbctl_a -j stream show)"
}
