#!/usr/bin/env bats
# The bbgen family under fuzz: genl-fuzz sends 20,000 random and malformed
# requests across every command (as root, in a namespace of its own), then
# the kernel log must be clean, nothing may be left behind, the module must
# still count 1,000 frames exactly, and rmmod must leave nothing behind.
#
# BB_FUZZ_SEED repeats a run (the seed is printed); BB_FUZZ_COUNT changes
# its length.

load lib

FUZZ=$BB_TOP/tests/vm/genl-fuzz
NS_F=bbF

setup() {
	DMESG_START=$(dmesg | wc -l)
}

teardown() {
	ip netns del "$NS_F" 2> /dev/null || true
	ip netns del bbG 2> /dev/null || true
	ip link del fzbrx 2> /dev/null || true
	module_loaded || insmod "$BB_KO" || echo "teardown: cannot reload $BB_KO"
	pair_teardown
}

# kernel_log_clean: no oops, WARN or stuck device reference since setup.
kernel_log_clean() {
	local new
	new=$(dmesg | tail -n +"$((DMESG_START + 1))" |
		grep -E "$OOPS_RE|unregister_netdevice: waiting|refcount_t") || true
	[ -z "$new" ] || fail "kernel log: $new"
}

# settle_netns_exit: a deleted namespace is torn down by a workqueue
# (cleanup_net) that nothing outside it can watch; give it time before the
# kernel log is read. A late oops still fails the run (vm-run scans the log).
settle_netns_exit() {
	sleep 3
}

# module_refs: the module's reference count (0 once no dump is open).
module_refs() {
	cat /sys/module/bbgen/refcnt
}

# fuzz NS ARGS...: genl-fuzz in a new namespace NS, output shown.
fuzz() {
	local ns=$1
	shift
	ip netns add "$ns"
	run ip netns exec "$ns" "$FUZZ" --setup ${BB_FUZZ_SEED:+--seed "$BB_FUZZ_SEED"} "$@"
	echo "$output"
	assert_eq "genl-fuzz exit status (see FINDING lines)" 0 "$status"
}

@test "genl-fuzz: 20,000 random and malformed requests, kernel log clean, nothing left" {
	local count=${BB_FUZZ_COUNT:-20000} sent
	fuzz "$NS_F" --count "$count" --cleanup
	sent=$(sed -n 's/^genl-fuzz: seed [0-9]*: \([0-9]*\) messages.*/\1/p' <<< "$output")
	[[ $sent =~ ^[0-9]+$ ]] && [ "$sent" -ge "$count" ] ||
		fail "genl-fuzz sent ${sent:-no} messages, want $count"
	# genl-fuzz deleted everything; bbctl must agree that nothing is left
	bb_delete_all "$NS_F"
	ip netns del "$NS_F"
	settle_netns_exit
	kernel_log_clean
	assert_eq "bbgen module references" 0 "$(module_refs)"
}

@test "genl-fuzz: two at once in one namespace, then it is deleted with their objects" {
	local seed=${BB_FUZZ_SEED:-$(od -An -N4 -tu4 /dev/urandom)} out=$BATS_TEST_TMPDIR
	# the ops run in parallel (parallel_ops): race two fuzzers
	fuzz bbG --count 0 --nobody 0
	ip netns exec bbG "$FUZZ" --racing --seed "$seed" --count 2000 --nobody 0 \
		--dev-events 3 > "$out/a.log" 2>&1 &
	local pid=$!
	ip netns exec bbG "$FUZZ" --racing --seed $((seed + 1)) --count 2000 --nobody 0 \
		--dev-events 0 > "$out/b.log" 2>&1 || { cat "$out/b.log"; fail "genl-fuzz b"; }
	wait "$pid" || { cat "$out/a.log"; fail "genl-fuzz a"; }
	grep -h 'messages (' "$out/a.log" "$out/b.log"
	# leave what they made for the namespace's exit to free
	ip netns del bbG
	settle_netns_exit
	kernel_log_clean
	assert_eq "bbgen module references" 0 "$(module_refs)"
}

@test "genl-fuzz: after the fuzz, a fresh stream and trigger count 1,000 frames exactly" {
	pair_setup
	ports_add
	run_stream 1 1000 1000
	show_counters
	assert_eq "stream state" done "${S[state]}"
	assert_eq "tx_frames" 1000 "${S[tx_frames]}"
	assert_eq "rx_frames" 1000 "${T[rx_frames]}"
	assert_eq "rx_bytes" 60000 "${T[rx_bytes]}"
	assert_eq "highest_seq" 999 "${T[highest_seq]}"
	assert_eq "lost" 0 "${T[lost]}"
	assert_eq "out_of_sequence" 0 "${T[out_of_sequence]}"
	assert_eq "duplicates" 0 "${T[duplicates]}"
}

@test "genl-fuzz: rmmod after the fuzz leaves nothing behind, and the module loads again" {
	[ -r "${BB_KO:-}" ] || fail "BB_KO (the module's path) not set by vm-run"
	# A port that is still bound, with a running stream and a trigger,
	# when the module goes: its exit must unbind it.
	pair_setup
	ports_add
	start_stream 1 100000000 1000
	run rmmod bbgen
	echo "$output"
	assert_eq "rmmod status" 0 "$status"
	[ ! -d /sys/module/bbgen ] || fail "/sys/module/bbgen still there"
	! grep -qx 'bbgen_tx/[0-9]*' /proc/[0-9]*/comm 2> /dev/null ||
		fail "bbgen_tx threads still running: $(grep -lx 'bbgen_tx/[0-9]*' /proc/[0-9]*/comm)"
	run bbctl_a port show
	assert_eq "bbctl without the module" "bbgen module not loaded (modprobe bbgen)" "$output"
	# the rx_handlers are gone: a bridge may take both devices
	in_a ip link add fzbrx type bridge
	in_a ip link set veth0 master fzbrx || fail "veth0 still has an rx_handler"
	in_b ip link add fzbrx type bridge
	in_b ip link set veth1 master fzbrx || fail "veth1 still has an rx_handler"
	in_a ip link set veth0 nomaster
	in_b ip link set veth1 nomaster
	kernel_log_clean
	insmod "$BB_KO"
	ports_add	# test 3 counted frames; zz-rmmod does after its reload
	assert_eq "ports after reload" '["veth0"]' "$(bbctl_a -j port show | jq -c '[.[].dev]')"
}
