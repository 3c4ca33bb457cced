#!/usr/bin/env bats
# Runs last (file name): unload bbgen while streams blast flat out both
# ways over four ports, reload it 20 times with objects present, load it
# again and check it works; on a kernel with kmemleak (make check-debug),
# unload it once more and scan for leaks. teardown loads it back.

load lib

setup() { pair_setup; ports_add; }
teardown() {
	module_loaded || insmod "$BB_KO" || echo "teardown: cannot reload $BB_KO"
	pair_teardown
}

# second_pair: veth2 (bbA, 10.0.1.1) <-> veth3 (bbB, 10.0.1.2), both
# bbgen ports; pair_teardown's namespace deletion takes them.
MAC_C=02:bb:00:00:00:03 MAC_D=02:bb:00:00:00:04
second_pair() {
	ip -n "$NS_A" link add veth2 address "$MAC_C" type veth peer name veth3 \
		address "$MAC_D" netns "$NS_B"
	in_a ip addr add 10.0.1.1/24 dev veth2
	in_b ip addr add 10.0.1.2/24 dev veth3
	in_a ip link set veth2 up
	in_b ip link set veth3 up
	bbctl_a port add dev veth2 && bbctl_b port add dev veth3
}

# blast NS DEV MAC SRC DST ID [ARGS]: a flat-out stream ID from DEV to
# dport 5000+ID, and its trigger on the peer (PEER_NS PEER_DEV).
blast() {
	local ns=$1 dev=$2 mac=$3 src=$4 dst=$5 id=$6 peer_ns=$7 peer_dev=$8
	shift 8
	"$BBCTL" -n "$peer_ns" trigger add dev "$peer_dev" id "$id" dport $((5000 + id)) &&
		"$BBCTL" -n "$ns" stream add dev "$dev" id "$id" dst-mac "$mac" src "$src" \
			dst "$dst" dport $((5000 + id)) rate 1000000 count 100000000 "$@" &&
		"$BBCTL" -n "$ns" stream start id "$id"
}

@test "rmmod: four ports, streams blasting both ways and triggers counting, unloaded cleanly" {
	[ -r "${BB_KO:-}" ] || fail "BB_KO (the module's path) not set by vm-run"
	second_pair || fail "second veth pair"
	blast "$NS_A" veth0 "$MAC_B" "$IP4_A" "$IP4_B" 1 "$NS_B" veth1 xmit direct
	blast "$NS_A" veth0 "$MAC_B" "$IP4_A" "$IP4_B" 2 "$NS_B" veth1
	blast "$NS_B" veth1 "$MAC_A" "$IP4_B" "$IP4_A" 3 "$NS_A" veth0
	blast "$NS_A" veth2 "$MAC_D" 10.0.1.1 10.0.1.2 4 "$NS_B" veth3
	blast "$NS_B" veth3 "$MAC_C" 10.0.1.2 10.0.1.1 5 "$NS_A" veth2 xmit direct
	sleep 2
	local id tx rx
	for id in 1 2 3 4 5; do
		case $id in
		3 | 5) tx=$NS_B rx=$NS_A ;;
		*) tx=$NS_A rx=$NS_B ;;
		esac
		assert_eq "stream $id state" running \
			"$("$BBCTL" -n "$tx" -j stream show id "$id" | jq -r '.[0].state')"
		assert_gt "trigger $id rx_frames" 0 \
			"$("$BBCTL" -n "$rx" -j trigger show id "$id" | jq -r '.[0].rx_frames')"
	done
	run rmmod bbgen
	echo "$output"
	assert_eq "rmmod status" 0 "$status"
	if lsmod | grep -qw bbgen; then fail "bbgen still in lsmod"; fi
	[ ! -d /sys/module/bbgen ] || fail "/sys/module/bbgen still there"
	# The devices survive and carry ordinary traffic again.
	in_a ping -c 3 -W 5 "$IP4_B"
	in_b ping -c 3 -W 5 "$IP4_A"
	in_a ping -c 3 -W 5 10.0.1.2
	run bbctl_a port show
	assert_eq "bbctl without the module: status" 2 "$status"
	assert_eq "bbctl without the module" "bbgen module not loaded (modprobe bbgen)" "$output"
	oops_check || fail "the kernel oopsed or warned during rmmod"
}

@test "rmmod: 20 reloads, each with ports, a running stream and a trigger present" {
	local i
	for i in $(seq 20); do
		if [ "$i" -gt 1 ]; then # setup added the first round's ports
			insmod "$BB_KO" || fail "reload $i: insmod"
			ports_add || return 1
		fi
		blast "$NS_A" veth0 "$MAC_B" "$IP4_A" "$IP4_B" 1 "$NS_B" veth1 ||
			fail "reload $i: stream and trigger"
		rmmod bbgen || fail "reload $i: rmmod"
		[ ! -d /sys/module/bbgen ] || fail "reload $i: /sys/module/bbgen still there"
		oops_check || fail "reload $i: the kernel oopsed or warned"
	done
}

@test "rmmod: the module loads again and works" {
	module_loaded || insmod "$BB_KO"
	run_stream 1 1000 1000
	show_counters
	assert_eq "tx_frames" 1000 "${S[tx_frames]}"
	assert_eq "rx_frames" 1000 "${T[rx_frames]}"
	assert_eq "lost" 0 "${T[lost]}"
}

@test "rmmod: kmemleak finds nothing unreferenced once the module is gone" {
	local km=/sys/kernel/debug/kmemleak
	[ -w "$km" ] || skip "no kmemleak in this kernel (make check-debug boots one with it)"
	# boot's own suspects were cleared before bbgen loaded (guest-run);
	# everything the suite did since, then this test's ports, unloaded
	rmmod bbgen || fail "rmmod"
	# kmemleak reports an object unreferenced for 5 s in two scans
	sleep 6
	echo scan > "$km"
	echo scan > "$km"
	run cat "$km"
	[ -z "$output" ] || { printf '%s\n' "$output" | head -n 80; fail "kmemleak: suspected leaks"; }
}
