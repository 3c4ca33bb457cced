# The scenario tests' shared set-up (60-scenario.bats, 58-observe.bats):
# veth pairs in the root namespace, bbd's socket in the test's directory,
# port and flow JSON snippets, and checks that bbd left nothing behind.
#
#   bbc0 <-> bbc1   clean
#   bbl0 <-> bbl1   netem on bbl0 (loss), set per test
# shellcheck shell=bash disable=SC2034 # its variables are for the .bats files that load it

BBD=${BBD:-$BB_TOP/build/bin/bbd}

setup() {
	SOCK=$BATS_TEST_TMPDIR/bbd.sock
	oops_mark
	ip -batch - <<-EOF
		link add bbc0 type veth peer name bbc1
		link add bbl0 type veth peer name bbl1
		link set bbc0 up
		link set bbc1 up
		link set bbl0 up
		link set bbl1 up
	EOF
}

teardown() {
	[ -z "${BBD_PID:-}" ] || { kill "$BBD_PID" 2> /dev/null; wait "$BBD_PID" 2> /dev/null || true; }
	ip link del bbc0 2> /dev/null || true
	ip link del bbl0 2> /dev/null || true
	oops_check
}

# port NAME GROUP IFACE IPV4 [EXTRA_JSON]
port() {
	echo "{\"name\":\"$1\",\"port_group\":[\"$2\"],\"interface\":\"$3\",\"ipv4\":\"$4\",\"netmask\":\"255.255.255.0\"${5:+,$5}}"
}

# blast NAME SRC_GROUP DST_GROUP: 2,000 frames at 500 fps, loss limit 1%;
# latency limit 50 ms: TCG vCPU gaps reach P99.9, the default 5 ms is for
# hardware
blast() {
	echo "{\"name\":\"$1\",\"type\":\"frame_blasting\",\"source\":{\"port_group\":[\"$2\"]},\"destination\":{\"port_group\":[\"$3\"]},\"frame_size\":128,\"frame_rate\":500,\"number_of_frames\":2000,\"analysis\":{\"max_loss_percentage\":1,\"latency\":true,\"max_threshold_latency\":50}}"
}

# voice NAME SRC_GROUP DST_GROUP: G.711, 20 ms, 5 s
voice() {
	echo "{\"name\":\"$1\",\"type\":\"voice\",\"source\":{\"port_group\":[\"$2\"]},\"destination\":{\"port_group\":[\"$3\"]},\"duration\":5,\"analysis\":{\"mos\":{\"minimum_mos\":4.0}}}"
}

# bb_netns_left: bb- namespaces and markers still there (should be none).
bb_netns_left() {
	{ ip netns list | awk '$1 ~ /^bb-/ { print $1 }'; ls /run/bb/netns 2> /dev/null; } | sort -u
}

# bbd_status: bbd's answer to {"cmd":"status"} on $SOCK.
bbd_status() {
	/usr/bin/python3 - "$SOCK" <<-'PY'
		import socket, sys
		s = socket.socket(socket.AF_UNIX)
		s.connect(sys.argv[1])
		s.sendall(b'{"cmd":"status"}\n')
		print(s.makefile().readline().strip())
	PY
}

no_bb_netns_left() { [ -z "$(bb_netns_left)" ]; }
has_link() { ip link show "$1" > /dev/null 2>&1; }
no_link() { ! has_link "$1"; }
# both port namespaces made, the exclusive bbc0 moved into one of them
ports_in_namespaces() { [ "$(bb_netns_left | wc -l)" -ge 2 ] && ! has_link bbc0; }

# run_scenario FILE: bbctl -j run; sets RC and REC (the record).
run_scenario() {
	REC=$("$BBCTL" -j run "$1" --socket "$SOCK") && RC=0 || RC=$?
	echo "exit $RC"
	echo "$REC" | jq -c '.flows[] | {name, results: (.results | {tx_frames, rx_frames, lost_frames, loss_percentage, mos}), analysers}' || true
}

