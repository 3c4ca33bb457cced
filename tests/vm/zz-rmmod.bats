#!/usr/bin/env bats
# Runs last (file name): unload bbgen while a stream blasts flat out, then
# load it again so anything after this still finds the module.

load lib

setup() { pair_setup; ports_add; }
teardown() {
	module_loaded || insmod "$BB_KO" || echo "teardown: cannot reload $BB_KO"
	pair_teardown
}

@test "rmmod: unloading bbgen while a stream runs flat out is clean" {
	[ -r "${BB_KO:-}" ] || fail "BB_KO (the module's path) not set by vm-run"
	start_stream 1 100000000 1000000 xmit direct
	start_stream 2 100000000 1000000
	sleep 2
	load_stream 1
	echo "$S_JSON"
	assert_eq "stream 1 state" running "${S[state]}"
	assert_gt "stream 1 tx_frames" 0 "${S[tx_frames]}"
	run rmmod bbgen
	echo "$output"
	assert_eq "rmmod status" 0 "$status"
	if lsmod | grep -qw bbgen; then fail "bbgen still in lsmod"; fi
	[ ! -d /sys/module/bbgen ] || fail "/sys/module/bbgen still there"
	# The devices survive and carry ordinary traffic again.
	in_a ping -c 3 -W 5 "$IP4_B"
	in_b ping -c 3 -W 5 "$IP4_A"
	run bbctl_a port show
	assert_eq "bbctl without the module: status" 2 "$status"
	assert_eq "bbctl without the module" "bbgen module not loaded (modprobe bbgen)" "$output"
	oops_check || fail "the kernel oopsed or warned during rmmod"
}

@test "rmmod: the module loads again and works" {
	module_loaded || insmod "$BB_KO"
	run_stream 1 1000 1000
	show_counters
	assert_eq "tx_frames" 1000 "${S[tx_frames]}"
	assert_eq "rx_frames" 1000 "${T[rx_frames]}"
	assert_eq "lost" 0 "${T[lost]}"
}
