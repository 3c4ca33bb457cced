#!/usr/bin/env bats
# The ground the other tests stand on: we are in the VM, as root, with
# bbgen loaded, bbctl built, and a checksum checker that can fail.

load lib

@test "harness: running in the VM as root with bbgen.ko loaded" {
	assert_eq "BB_VM" 1 "${BB_VM:-unset}"
	assert_eq "uid" 0 "$(id -u)"
	module_loaded || fail "bbgen is not loaded (lsmod: $(lsmod | head -5))"
	[ -x "$BBCTL" ] || fail "$BBCTL missing (make -C userspace)"
}

@test "harness: a fresh namespace has no bbgen objects" {
	ip netns add bbE
	run ip netns exec bbE "$BBCTL" -j port show
	ip netns del bbE
	assert_eq "exit status" 0 "$status"
	assert_eq "port show -j" "[]" "$output"
}

@test "harness: udp-csum-check passes good frames and fails corrupted ones" {
	run /usr/bin/python3 "$CSUM_CHECK" --self-test
	echo "$output"
	assert_eq "self-test status" 0 "$status"
}
