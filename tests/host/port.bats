#!/usr/bin/env bats
# bbctl port: argument checks.
load helpers

@test "port add/del need dev" {
	usage_error port "bbctl: port add: missing dev IFNAME" port add
	usage_error port "bbctl: port del: missing dev IFNAME" port del
}

@test "port add/del/show: unknown device" {
	usage_error port 'bbctl: dev: no such device "nosuch0"' port add dev nosuch0
	usage_error port 'bbctl: dev: no such device "nosuch0"' port del dev nosuch0
	usage_error port 'bbctl: dev: no such device "nosuch0"' port show dev nosuch0
}

@test "port: a name longer than IFNAMSIZ is no device" {
	usage_error port 'bbctl: dev: no such device "abcdefghijklmnopq"' port add dev abcdefghijklmnopq
}

@test "port: missing value, repeated and unknown arguments" {
	usage_error port "bbctl: dev: missing value (expected IFNAME)" port add dev
	usage_error port "bbctl: dev: given twice" port add dev lo dev lo
	usage_error port 'bbctl: port add: unknown argument "mtu"' port add dev lo mtu 1500
	usage_error port 'bbctl: port show: unknown argument "id"' port show id 1
}

@test "port add: timestamping" {
	usage_error port 'bbctl: timestamping: must be software or hardware (got "ptp")' port add dev lo timestamping ptp
	usage_error port 'bbctl: timestamping: must be software or hardware (got "")' port add dev lo timestamping ""
	usage_error port 'bbctl: port del: unknown argument "timestamping"' port del dev lo timestamping software
	usage_error port "bbctl: timestamping: missing value (expected software|hardware)" port add dev lo timestamping
}

@test "port: valid input reaches the kernel" {
	require_no_module
	reaches_kernel port add dev lo timestamping software
	reaches_kernel port add dev lo timestamping hardware
	reaches_kernel port add dev lo
	reaches_kernel port del dev lo
	reaches_kernel port show dev lo
	reaches_kernel port show
	reaches_kernel port
}
