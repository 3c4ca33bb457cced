#!/usr/bin/env bats
# Bad input gets one exact error line and the documented exit status
# (1: bbctl refused it, with usage; 2: the kernel refused it, "Error:
# <extack>."), and leaves no object behind. The texts are those listed in
# userspace/bbctl/MESSAGES and kmod/MESSAGES.

load lib

setup() { pair_setup; ports_add; }
teardown() { pair_teardown; }

# expect_error STATUS "FIRST LINE" CMD...: run CMD, check its status and
# the first line it printed.
expect_error() {
	local want_status=$1 want_line=$2
	shift 2
	run "$@"
	echo "\$ $*"
	echo "$output"
	assert_eq "exit status of '$*'" "$want_status" "$status"
	assert_eq "first line of '$*'" "$want_line" "${lines[0]:-}"
}

# nothing_left: no stream and no trigger in either namespace, and the two
# ports still there.
nothing_left() {
	assert_eq "streams in bbA" "[]" "$(bbctl_a -j stream show)"
	assert_eq "triggers in bbB" "[]" "$(bbctl_b -j trigger show)"
	assert_eq "ports in bbA" '["veth0"]' "$(bbctl_a -j port show | jq -c '[.[].dev]')"
	assert_eq "ports in bbB" '["veth1"]' "$(bbctl_b -j port show | jq -c '[.[].dev]')"
}

STREAM=(stream add dev veth0 dst-mac 02:00:00:00:00:02)

@test "errors: unknown device" {
	local msg='bbctl: dev: no such device "nosuch0"'
	expect_error 1 "$msg" bbctl_a port add dev nosuch0
	expect_error 1 "$msg" bbctl_a port del dev nosuch0
	expect_error 1 "$msg" bbctl_a stream add dev nosuch0 dst-mac 02:00:00:00:00:02 \
		src "$IP4_A" dst "$IP4_B" rate 10 count 10
	expect_error 1 "$msg" bbctl_b trigger add dev nosuch0 dport 5000
	# A device of another namespace is unknown here.
	expect_error 1 'bbctl: dev: no such device "veth1"' bbctl_a port add dev veth1
	nothing_left
}

@test "errors: a CPU without a TX worker" {
	# one worker per CPU online at load: none on the CPU past the last
	expect_error 2 'Error: no TX worker on this CPU (one per CPU online when bbgen loaded).' \
		bbctl_a "${STREAM[@]}" src "$IP4_A" dst "$IP4_B" rate 10 count 10 cpu "$(nproc)"
	nothing_left
}

@test "errors: a device that is no bbgen port" {
	in_a ip link add dummy0 type dummy
	local msg='Error: device is not a bbgen port.'
	expect_error 2 "$msg" bbctl_a port del dev dummy0
	expect_error 2 "$msg" bbctl_a stream add dev dummy0 dst-mac 02:00:00:00:00:02 \
		src "$IP4_A" dst "$IP4_B" rate 10 count 10
	expect_error 2 "$msg" bbctl_a trigger add dev dummy0 dport 5000
	nothing_left
}

@test "errors: rate 0 and count 0" {
	expect_error 1 'bbctl: rate: must be a number > 0 (got "0")' \
		bbctl_a "${STREAM[@]}" src "$IP4_A" dst "$IP4_B" rate 0 count 10
	expect_error 1 'bbctl: count: must be an integer >= 1 (got "0")' \
		bbctl_a "${STREAM[@]}" src "$IP4_A" dst "$IP4_B" rate 10 count 0
	nothing_left
}

@test "errors: frame too short for the sequence tag" {
	local n
	for n in 59 40; do
		expect_error 1 "bbctl: size: $n bytes is too small for an IPv4/UDP frame with a sequence tag (minimum 60)" \
			bbctl_a "${STREAM[@]}" src "$IP4_A" dst "$IP4_B" size "$n" rate 10 count 10
	done
	for n in 60 69; do
		expect_error 1 "bbctl: size: $n bytes is too small for an IPv6/UDP frame with a sequence tag (minimum 70)" \
			bbctl_a "${STREAM[@]}" src "$IP6_A" dst "$IP6_B" size "$n" rate 10 count 10
	done
	nothing_left
}

@test "errors: unknown stream and trigger ids" {
	local cmd
	for cmd in start stop del show; do
		expect_error 2 'Error: no stream with this id.' bbctl_a stream "$cmd" id 999
	done
	for cmd in del show; do
		expect_error 2 'Error: no trigger with this id.' bbctl_b trigger "$cmd" id 999
	done
	# Ids are per namespace: stream 1 of bbA does not exist in bbB.
	bbctl_a "${STREAM[@]}" id 1 src "$IP4_A" dst "$IP4_B" rate 10 count 10
	expect_error 2 'Error: no stream with this id.' bbctl_b stream show id 1
	bbctl_a stream del id 1
	nothing_left
}

@test "errors: an id given twice, or a trigger match that exists" {
	bbctl_a "${STREAM[@]}" id 1 src "$IP4_A" dst "$IP4_B" rate 10 count 10
	expect_error 2 'Error: stream id already exists.' \
		bbctl_a "${STREAM[@]}" id 1 src "$IP4_A" dst "$IP4_B" rate 10 count 10
	assert_eq "streams in bbA" "[1]" "$(bbctl_a -j stream show | jq -c '[.[].id]')"
	bbctl_a stream del id 1
	bbctl_b trigger add dev veth1 id 1 dport 5000
	expect_error 2 'Error: trigger id already exists.' bbctl_b trigger add dev veth1 id 1 dport 5001
	expect_error 2 'Error: a trigger with the same match exists on this port.' \
		bbctl_b trigger add dev veth1 id 2 dport 5000
	assert_eq "triggers in bbB" "[1]" "$(bbctl_b -j trigger show | jq -c '[.[].id]')"
	bbctl_b trigger del id 1
	nothing_left
}

@test "errors: starting a running stream" {
	bbctl_a "${STREAM[@]}" id 1 src "$IP4_A" dst "$IP4_B" rate 1000 count 1000000
	bbctl_a stream start id 1
	expect_error 2 'Error: stream is already running.' bbctl_a stream start id 1
	bbctl_a stream del id 1
	nothing_left
}

@test "errors: a user without CAP_NET_ADMIN is refused, told where the capability is needed" {
	local nobody=(setpriv --reuid=65534 --regid=65534 --clear-groups)
	local msg='Error: Operation not permitted (bbgen needs CAP_NET_ADMIN in the initial user namespace).'
	expect_error 2 "$msg" "${nobody[@]}" "$BBCTL" port show
	expect_error 2 "$msg" in_a "${nobody[@]}" "$BBCTL" port show
	expect_error 2 "$msg" in_a "${nobody[@]}" "$BBCTL" stream show
	expect_error 2 "$msg" in_a "${nobody[@]}" "$BBCTL" "${STREAM[@]}" \
		src "$IP4_A" dst "$IP4_B" rate 10 count 10
	expect_error 2 "$msg" in_a "${nobody[@]}" "$BBCTL" port del dev veth0
	nothing_left
}
