#!/usr/bin/env bats
# On the host the bbgen family does not exist: every kernel command says
# what to load and exits 2, printing nothing on stdout even with -j.
load helpers

setup() {
	require_no_module
}

@test "bbctl -j stream show: module not loaded, exit 2" {
	run --separate-stderr "$BBCTL" -j stream show
	assert_eq status 2 "$status"
	assert_eq output "" "$output"
	assert_eq stderr "bbgen module not loaded (modprobe bbgen)" "$stderr"
}

@test "merged output is exactly the one line" {
	run "$BBCTL" -j stream show
	assert_eq status 2 "$status"
	assert_eq output "bbgen module not loaded (modprobe bbgen)" "$output"
}

@test "every show command without the module" {
	reaches_kernel port show
	reaches_kernel trigger show
	reaches_kernel -j -p port show
}

@test "as an unprivileged user too" {
	command -v setpriv >/dev/null || skip "no setpriv"
	[ "$(id -u)" = 0 ] || skip "not root"
	run --separate-stderr setpriv --reuid=65534 --regid=65534 --clear-groups "$BBCTL" -j trigger show
	assert_eq status 2 "$status"
	assert_eq stderr "bbgen module not loaded (modprobe bbgen)" "$stderr"
}
