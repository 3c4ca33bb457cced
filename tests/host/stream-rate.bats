#!/usr/bin/env bats
# bbctl stream add, issue 3: rate or bitrate (with l2-speed), count or
# duration, delay; stream start/stop with id lists; every error text.
load helpers

@test "stream add: rate or bitrate, one of them" {
	stream_error 'bbctl: stream add: missing rate FPS or bitrate BPS' "${V4[@]}" count 1
	stream_error 'bbctl: bitrate: cannot be used with rate (give one of rate FPS, bitrate BPS)' "${V4[@]}" rate 1 bitrate 1G
	stream_error 'bbctl: l2-speed: needs bitrate (it sets what a bit rate counts)' "${V4[@]}" rate 1 l2-speed physical
}

@test "stream add: rate decimals" {
	stream_error 'bbctl: rate: must have at most 12 decimals (got "0.0000000000001")' "${V4[@]}" rate 0.0000000000001
	stream_error 'bbctl: rate: must have at most 12 decimals (got "1.0000000000001")' "${V4[@]}" rate 1.0000000000001
	stream_error 'bbctl: rate: must have at most 12 decimals (got "1000000000.000000000001")' "${V4[@]}" rate 1000000000.000000000001
	stream_error 'bbctl: rate: must be at most 1000000000 fps (got "1000000000.5")' "${V4[@]}" rate 1000000000.5
	stream_error 'bbctl: rate: must be at least one frame per hour, 0.000278 fps (got "0.000277")' "${V4[@]}" rate 0.000277
}

@test "stream add: bitrate" {
	for b in 0 -1 x 1g 1Gb 1e 0x10 inf ""; do
		stream_error "bbctl: bitrate: must be a number of bits/s > 0, with k, M or G allowed (got \"$b\")" "${V4[@]}" bitrate "$b"
	done
	stream_error 'bbctl: bitrate: must have at most 12 decimals (got "1.0000000000001")' "${V4[@]}" bitrate 1.0000000000001
	# 60-byte frames: 480 bits each
	stream_error 'bbctl: bitrate: must make at most 1000000000 fps (got "481G")' "${V4[@]}" bitrate 481G
	stream_error 'bbctl: bitrate: must make at least one frame per hour (got "0.1")' "${V4[@]}" bitrate 0.1
	stream_error 'bbctl: bitrate: must make at most 1000000000 fps (got "1e30")' "${V4[@]}" bitrate 1e30
}

@test "stream add: l2-speed" {
	for m in Physical phy fcs ""; do
		stream_error "bbctl: l2-speed: must be frame, frame_with_fcs or physical (got \"$m\")" "${V4[@]}" bitrate 1G l2-speed "$m"
	done
	# 480G at 60 bytes is 1e9 fps; with the FCS and physical overhead less
	stream_error 'bbctl: bitrate: must make at most 1000000000 fps (got "481G")' "${V4[@]}" bitrate 481G l2-speed frame
}

@test "stream add: count or duration, and delay" {
	stream_error 'bbctl: duration: cannot be used with count (give one of count N, duration SECS)' "${V4[@]}" rate 1 count 5 duration 5
	for d in 0 0.0 -1 x 1s ""; do
		stream_error "bbctl: duration: must be a number of seconds > 0 (got \"$d\")" "${V4[@]}" rate 1 duration "$d"
	done
	stream_error 'bbctl: duration: must be a whole number of nanoseconds, at most 9 decimals (got "1.0000000001")' "${V4[@]}" rate 1 duration 1.0000000001
	stream_error 'bbctl: duration: must be at most 18446744073 seconds (got "18446744074")' "${V4[@]}" rate 1 duration 18446744074
	for d in -1 x 1ms ""; do
		stream_error "bbctl: delay: must be a number of seconds >= 0 (got \"$d\")" "${V4[@]}" rate 1 delay "$d"
	done
	stream_error 'bbctl: delay: must be a whole number of nanoseconds, at most 9 decimals (got "0.0000000005")' "${V4[@]}" rate 1 delay 0.0000000005
}

@test "stream start/stop: id lists" {
	for c in start stop; do
		usage_error stream "bbctl: stream $c: missing id N[,N...]" stream $c
		usage_error stream 'bbctl: id: must be an integer from 1 to 2147483647 (got "")' stream $c id 1,,2
		usage_error stream 'bbctl: id: must be an integer from 1 to 2147483647 (got "")' stream $c id 1,
		usage_error stream 'bbctl: id: must be an integer from 1 to 2147483647 (got "x")' stream $c id 1,x
		usage_error stream 'bbctl: id: must be an integer from 1 to 2147483647 (got "0")' stream $c id 3,0
		usage_error stream 'bbctl: id: 2 is listed twice (each id once)' stream $c id 1,2,3,2
	done
	usage_error stream 'bbctl: id: must list at most 4096 ids' stream start id "$(seq -s, 1 4097)"
}

@test "stream: rates, limits and id lists reach the kernel" {
	require_no_module
	local s=(stream add dev lo dst-mac $MAC src-mac $SMAC "${V4[@]}")
	reaches_kernel "${s[@]}" rate 1488095.24
	reaches_kernel "${s[@]}" rate 0.000278 duration 3600
	reaches_kernel "${s[@]}" rate 0.5 delay 0
	reaches_kernel "${s[@]}" bitrate 1G l2-speed physical duration 5.5 delay 0.000000001
	reaches_kernel "${s[@]}" bitrate 480G
	reaches_kernel "${s[@]}" bitrate 100M l2-speed frame_with_fcs count 1
	reaches_kernel "${s[@]}" bitrate 2.5e6 imix default l2-speed frame
	reaches_kernel "${s[@]}" rate 5000 duration 18446744073
	reaches_kernel stream start id 1,2,3
	reaches_kernel stream stop id 2147483647
	reaches_kernel stream start id "$(seq -s, 1 4096)"
}
