#!/usr/bin/env bats
# bbctl stream: argument checks, including the exact texts the issue names.
load helpers

@test "stream add: rate 0" {
	stream_error 'bbctl: rate: must be a number > 0 (got "0")' "${V4[@]}" rate 0 count 10
}

@test "stream add: count 0" {
	stream_error 'bbctl: count: must be an integer >= 1 (got "0")' "${V4[@]}" rate 1000 count 0
}

@test "stream add: frame too short for the tag, IPv4 and IPv6" {
	stream_error 'bbctl: size: 40 bytes is too small for an IPv4/UDP frame with a sequence tag (minimum 60)' "${V4[@]}" size 40 rate 1000 count 10
	stream_error 'bbctl: size: 59 bytes is too small for an IPv4/UDP frame with a sequence tag (minimum 60)' "${V4[@]}" size 59 rate 1000 count 10
	stream_error 'bbctl: size: 69 bytes is too small for an IPv6/UDP frame with a sequence tag (minimum 70)' "${V6[@]}" size 69 rate 1000 count 10
}

@test "stream add: unknown device" {
	usage_error stream 'bbctl: dev: no such device "nosuch0"' stream add dev nosuch0 dst-mac $MAC "${V4[@]}" rate 1000 count 10
}

@test "stream add: required arguments, in grammar order" {
	usage_error stream "bbctl: stream add: missing dev IFNAME" stream add dst-mac $MAC "${V4[@]}" rate 1 count 1
	usage_error stream "bbctl: stream add: missing dst-mac MAC" stream add dev lo "${V4[@]}" rate 1 count 1
	usage_error stream "bbctl: stream add: missing src IP" stream add dev lo dst-mac $MAC dst 10.0.0.2 rate 1 count 1
	usage_error stream "bbctl: stream add: missing dst IP" stream add dev lo dst-mac $MAC src 10.0.0.1 rate 1 count 1
	usage_error stream "bbctl: stream add: missing rate FPS or bitrate BPS" stream add dev lo dst-mac $MAC "${V4[@]}" count 1
	usage_error stream "bbctl: stream add: missing dev IFNAME" stream add
}

@test "stream add: MAC addresses" {
	usage_error stream 'bbctl: dst-mac: must be a MAC address like 02:00:00:00:00:01 (got "02:00:00:00:01")' stream add dev lo dst-mac 02:00:00:00:01 "${V4[@]}" rate 1 count 1
	usage_error stream 'bbctl: dst-mac: must be a MAC address like 02:00:00:00:00:01 (got "zz:00:00:00:00:01")' stream add dev lo dst-mac zz:00:00:00:00:01 "${V4[@]}" rate 1 count 1
	usage_error stream 'bbctl: src-mac: must be a MAC address like 02:00:00:00:00:01 (got "0200.0000.0002")' stream add dev lo dst-mac $MAC src-mac 0200.0000.0002 "${V4[@]}" rate 1 count 1
	usage_error stream 'bbctl: src-mac: must be a unicast MAC address (got "01:00:5e:00:00:01")' stream add dev lo dst-mac $MAC src-mac 01:00:5e:00:00:01 "${V4[@]}" rate 1 count 1
	usage_error stream 'bbctl: src-mac: device "lo" has no Ethernet address (give src-mac MAC)' stream add dev lo dst-mac $MAC "${V4[@]}" rate 1 count 1
}

@test "stream add: addresses" {
	stream_error 'bbctl: src: must be an IPv4 or IPv6 address (got "300.1.1.1")' src 300.1.1.1 dst 10.0.0.2 rate 1 count 1
	stream_error 'bbctl: dst: must be an IPv4 or IPv6 address (got "")' src 10.0.0.1 dst "" rate 1 count 1
	stream_error 'bbctl: dst: must be the same family as src (src is IPv4, dst is IPv6)' src 10.0.0.1 dst 2001:db8::2 rate 1 count 1
	stream_error 'bbctl: dst: must be the same family as src (src is IPv6, dst is IPv4)' src 2001:db8::1 dst 10.0.0.2 rate 1 count 1
}

@test "stream add: ports and id" {
	stream_error 'bbctl: sport: must be an integer from 1 to 65535 (got "0")' "${V4[@]}" sport 0 rate 1 count 1
	stream_error 'bbctl: dport: must be an integer from 1 to 65535 (got "65536")' "${V4[@]}" dport 65536 rate 1 count 1
	stream_error 'bbctl: id: must be an integer from 1 to 2147483647 (got "0")' id 0 "${V4[@]}" rate 1 count 1
	stream_error 'bbctl: id: must be an integer from 1 to 2147483647 (got "0x10")' id 0x10 "${V4[@]}" rate 1 count 1
}

@test "stream add: size" {
	stream_error 'bbctl: size: 9601 bytes is too large (maximum 9600)' "${V4[@]}" size 9601 rate 1 count 1
	stream_error 'bbctl: size: 99999999999999999999 bytes is too large (maximum 9600)' "${V6[@]}" size 99999999999999999999 rate 1 count 1
	stream_error 'bbctl: size: must be an integer from 60 to 9600 (got "1k")' "${V4[@]}" size 1k rate 1 count 1
	stream_error 'bbctl: size: must be an integer from 70 to 9600 (got "-78")' "${V6[@]}" size -78 rate 1 count 1
}

@test "stream add: xmit" {
	stream_error 'bbctl: xmit: must be queue or direct (got "fast")' "${V4[@]}" xmit fast rate 1 count 1
}

@test "stream add: cpu" {
	for c in -1 8192 one 1.5 ""; do
		stream_error "bbctl: cpu: must be an integer from 0 to 8191 (got \"$c\")" "${V4[@]}" cpu "$c" rate 1 count 1
	done
}

@test "stream add: rate" {
	for r in -1 abc inf nan 0x10 1,5 ""; do
		stream_error "bbctl: rate: must be a number > 0 (got \"$r\")" "${V4[@]}" rate "$r" count 1
	done
	stream_error 'bbctl: rate: must be at most 1000000000 fps (got "2e9")' "${V4[@]}" rate 2e9 count 1
	stream_error 'bbctl: rate: must be at least one frame per hour, 0.000278 fps (got "0.0001")' "${V4[@]}" rate 0.0001 count 1
}

@test "stream add: count" {
	for c in -1 1.5 ten ""; do
		stream_error "bbctl: count: must be an integer >= 1 (got \"$c\")" "${V4[@]}" rate 1 count "$c"
	done
	stream_error 'bbctl: count: must be an integer from 1 to 281474976710656 (got "281474976710657")' "${V4[@]}" rate 1 count 281474976710657
}

@test "stream add: unknown, repeated and valueless arguments" {
	stream_error 'bbctl: stream add: unknown argument "ttl"' "${V4[@]}" ttl 5 rate 1 count 1
	stream_error 'bbctl: rate: given twice' "${V4[@]}" rate 1 rate 2 count 1
	stream_error 'bbctl: count: missing value (expected N)' "${V4[@]}" rate 1 count
	stream_error 'bbctl: stream add: unknown argument "Rate"' "${V4[@]}" Rate 1 count 1
}

@test "stream start/stop/del/show: id" {
	for c in start stop del; do
		usage_error stream 'bbctl: id: must be an integer from 1 to 2147483647 (got "0")' stream $c id 0
		usage_error stream "bbctl: stream $c: unknown argument \"all\"" stream $c all
	done
	usage_error stream "bbctl: stream del: missing id N" stream del
	usage_error stream 'bbctl: id: must be an integer from 1 to 2147483647 (got "1,2")' stream del id 1,2
	usage_error stream 'bbctl: id: must be an integer from 1 to 2147483647 (got "-3")' stream show id -3
	usage_error stream 'bbctl: stream show: unknown argument "dev"' stream show dev lo
}

@test "stream: valid input reaches the kernel" {
	require_no_module
	reaches_kernel stream add dev lo dst-mac $MAC src-mac $SMAC "${V4[@]}" rate 2000 count 10000
	reaches_kernel stream add dev lo dst-mac $MAC src-mac $SMAC "${V6[@]}" size 70 rate 0.5 count 1
	reaches_kernel stream add dev lo id 2147483647 dst-mac ff:ff:ff:ff:ff:ff src-mac $SMAC \
		"${V4[@]}" sport 1 dport 65535 size 9600 xmit direct rate 1488095.24 count 281474976710656
	reaches_kernel stream add count 1 rate 1e9 "${V4[@]}" src-mac $SMAC dst-mac $MAC dev lo xmit queue
	reaches_kernel stream add dev lo dst-mac $MAC src-mac $SMAC "${V4[@]}" rate 1 count 1 cpu 8191
	reaches_kernel stream start id 1
	reaches_kernel stream stop id 1
	reaches_kernel stream del id 1
	reaches_kernel stream show id 1
}

@test "stream add: src-mac defaults to the device's address" {
	require_no_module
	local d dev=""
	for d in /sys/class/net/*; do
		# type 1 = ARPHRD_ETHER
		[ "$(cat "$d/type")" = 1 ] && { dev=${d##*/}; break; }
	done
	[ -n "$dev" ] || skip "no Ethernet device on this host"
	reaches_kernel stream add dev "$dev" dst-mac $MAC "${V4[@]}" rate 1 count 1
}
