#!/usr/bin/env bats
# bbctl trigger: argument checks.
load helpers

@test "trigger add: required arguments" {
	usage_error trigger "bbctl: trigger add: missing dev IFNAME" trigger add dport 4000
	usage_error trigger "bbctl: trigger add: missing dport N" trigger add dev lo
	usage_error trigger "bbctl: trigger add: missing dev IFNAME" trigger add
}

@test "trigger add: unknown device" {
	usage_error trigger 'bbctl: dev: no such device "nosuch0"' trigger add dev nosuch0 dport 4000
}

@test "trigger add: ports" {
	usage_error trigger 'bbctl: dport: must be an integer from 1 to 65535 (got "0")' trigger add dev lo dport 0
	usage_error trigger 'bbctl: dport: must be an integer from 1 to 65535 (got "65536")' trigger add dev lo dport 65536
	usage_error trigger 'bbctl: dport: must be an integer from 1 to 65535 (got "http")' trigger add dev lo dport http
	usage_error trigger 'bbctl: sport: must be an integer from 1 to 65535 (got "-1")' trigger add dev lo dport 4000 sport -1
}

@test "trigger add: addresses" {
	usage_error trigger 'bbctl: src: must be an IPv4 or IPv6 address (got "10.0.0")' trigger add dev lo src 10.0.0 dport 4000
	usage_error trigger 'bbctl: dst: must be an IPv4 or IPv6 address (got "example.com")' trigger add dev lo dst example.com dport 4000
	usage_error trigger 'bbctl: dst: must be the same family as src (src is IPv4, dst is IPv6)' trigger add dev lo src 10.0.0.1 dst ::1 dport 4000
	usage_error trigger 'bbctl: dst: must be the same family as src (src is IPv6, dst is IPv4)' trigger add dev lo src ::1 dst 10.0.0.1 dport 4000
}

@test "trigger add/del/show: id" {
	usage_error trigger 'bbctl: id: must be an integer from 1 to 2147483647 (got "0")' trigger add dev lo id 0 dport 4000
	usage_error trigger 'bbctl: id: must be an integer from 1 to 2147483647 (got "2147483648")' trigger del id 2147483648
	usage_error trigger 'bbctl: id: must be an integer from 1 to 2147483647 (got "one")' trigger show id one
	usage_error trigger "bbctl: trigger del: missing id N" trigger del
	usage_error trigger "bbctl: id: missing value (expected N)" trigger show id
}

@test "trigger: unknown and repeated arguments" {
	usage_error trigger 'bbctl: trigger add: unknown argument "proto"' trigger add dev lo dport 4000 proto udp
	usage_error trigger "bbctl: dport: given twice" trigger add dev lo dport 4000 dport 4001
	usage_error trigger 'bbctl: trigger del: unknown argument "dev"' trigger del id 1 dev lo
}

@test "trigger add: vlan" {
	for v in 0 4095 -1 x 10:1 ""; do
		usage_error trigger "bbctl: vlan: must be an integer from 1 to 4094 (got \"$v\")" trigger add dev lo dport 4000 vlan "$v"
	done
	usage_error trigger "bbctl: vlan: given twice" trigger add dev lo dport 4000 vlan 1 vlan 2
}

@test "trigger add: latency and range" {
	usage_error trigger 'bbctl: latency: must be on or off (got "1")' trigger add dev lo dport 4000 latency 1
	usage_error trigger 'bbctl: range: needs latency on (it bounds the latency statistics)' trigger add dev lo dport 4000 range 0 100
	usage_error trigger 'bbctl: range: needs latency on (it bounds the latency statistics)' trigger add dev lo dport 4000 latency off range 0 100
	usage_error trigger 'bbctl: range: MIN_NS must be an integer from 0 to 60000000000 (got "-1")' trigger add dev lo dport 4000 latency on range -1 100
	usage_error trigger 'bbctl: range: MIN_NS must be an integer from 0 to 60000000000 (got "1ms")' trigger add dev lo dport 4000 latency on range 1ms 100
	usage_error trigger 'bbctl: range: MAX_NS must be an integer from MIN_NS (100) to 60000000000 (got "99")' trigger add dev lo dport 4000 latency on range 100 99
	usage_error trigger 'bbctl: range: MAX_NS must be an integer from MIN_NS (0) to 60000000000 (got "60000000001")' trigger add dev lo dport 4000 latency on range 0 60000000001
	usage_error trigger 'bbctl: range: missing value (expected MIN_NS MAX_NS)' trigger add dev lo dport 4000 latency on range 1
}

@test "trigger add: interval" {
	for v in 9 3600001 0 1.5 ""; do
		usage_error trigger "bbctl: interval: must be an integer from 10 to 3600000 (got \"$v\")" trigger add dev lo dport 4000 interval "$v"
	done
}

@test "trigger history/histogram: id" {
	for c in history histogram; do
		usage_error trigger "bbctl: trigger $c: missing id N" trigger $c
		usage_error trigger 'bbctl: id: must be an integer from 1 to 2147483647 (got "0")' trigger $c id 0
		usage_error trigger "bbctl: trigger $c: unknown argument \"dev\"" trigger $c id 1 dev lo
	done
	usage_error trigger 'bbctl: from: must be an integer from 0 to 18446744073709551615 (got "-1")' \
		trigger history id 1 from -1
	usage_error trigger 'bbctl: trigger histogram: unknown argument "from"' trigger histogram id 1 from 0
}

@test "trigger: valid input reaches the kernel" {
	require_no_module
	reaches_kernel trigger add dev lo dport 4000 vlan 4094 latency on range 0 60000000000 interval 10
	reaches_kernel trigger add dev lo dport 4000 latency off interval 3600000
	reaches_kernel trigger add dev lo dport 4000 range 5 5 latency on
	reaches_kernel trigger history id 1
	reaches_kernel trigger history from 18446744073709551615 id 1
	reaches_kernel -j trigger histogram id 1
	reaches_kernel trigger add dev lo dport 4000
	reaches_kernel trigger add dev lo id 7 src 10.0.0.1 dst 10.0.0.2 sport 1 dport 65535
	reaches_kernel trigger add dev lo dst 2001:db8::2 dport 4000
	reaches_kernel trigger del id 2147483647
	reaches_kernel trigger show id 1
	reaches_kernel -j trigger show
}
