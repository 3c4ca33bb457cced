# Helpers for the HTTP VM tests (63-http*.bats, 67-http-network.bats), on
# top of lib.bash: a veth pair bbh0 <-> bbh1 made for each test (netem or
# a qdisc on either end set per test), a scenario of two ports a
# (10.9.0.1 on bbh0) and b (10.9.0.2 on bbh1) with the flows given, and
# jq helpers for the run record.
# shellcheck shell=bash disable=SC2034 # its variables are for the .bats files that load it

load lib

BBD=${BBD:-$BB_TOP/build/bin/bbd}
MB4=4194304

setup() {
	SOCK=$BATS_TEST_TMPDIR/bbd.sock
	oops_mark
	ip -batch - <<-EOF
		link add bbh0 type veth peer name bbh1
		link set bbh0 up
		link set bbh1 up
	EOF
}

teardown() {
	[ -z "${SRV_PID:-}" ] || { kill "$SRV_PID" 2> /dev/null; wait "$SRV_PID" 2> /dev/null || true; }
	ip link del bbh0 2> /dev/null || true
	ip netns del bbhttp 2> /dev/null || true
	oops_check
}

# scenario FLOW_JSON...: two ports, a on bbh0 (10.9.0.1), b on bbh1
# (10.9.0.2), and the flows given.
scenario() {
	local flows
	flows=$(IFS=,; echo "$*")
	cat > "$BATS_TEST_TMPDIR/s.json" <<-EOF
		{"ports":[
		 {"name":"a","port_group":["a"],"interface":"bbh0","ipv4":"10.9.0.1","netmask":"255.255.255.0"},
		 {"name":"b","port_group":["b"],"interface":"bbh1","ipv4":"10.9.0.2","netmask":"255.255.255.0"}],
		 "flows":[$flows],"wait_for_finish":0}
	EOF
	echo "$BATS_TEST_TMPDIR/s.json"
}

# http NAME EXTRA_JSON: an http flow a -> b
http() {
	echo "{\"name\":\"$1\",\"type\":\"http\",\"source\":{\"port_group\":[\"a\"]},\"destination\":{\"port_group\":[\"b\"]}${2:+,$2}}"
}

# run_scenario FILE: bbctl -j run; sets RC and REC.
run_scenario() {
	REC=$("$BBCTL" -j run "$1" --socket "$SOCK") && RC=0 || RC=$?
	echo "exit $RC"
	echo "$REC" | jq -c '.flows[] | {name, results: (.results | del(.over_time)), analysers}' || true
}

# run_clean SCENARIO: run_scenario until flow 0 retransmitted nothing, at
# most 3 times. On a clean veth a retransmission is a spurious timeout
# (TCG stalled the guest past the RTO), which also sets ssthresh: a test
# of TCP's own state needs a run without one.
run_clean() {
	local try rtx
	for try in 1 2 3; do
		run_scenario "$1"
		[ "$RC" = 0 ] || return 1
		rtx=$(flow 0 .results.tcp.retransmits)
		[ "$rtx" = 0 ] && return 0
		echo "run $try: $rtx spurious retransmissions (TCG stall): again"
	done
	fail "3 runs, each with a retransmission on a clean link"
}

# flow N JQ: jq expression on .flows[N]
flow() { echo "$REC" | jq -r ".flows[$1] | $2"; }

# ordered A B C...: every value a number and strictly increasing
ordered() {
	local prev=-1 v
	for v in "$@"; do
		[[ $v =~ ^[0-9]+$ ]] || fail "not a time: '$v' in $*"
		[ "$v" -gt "$prev" ] || fail "not increasing: $*"
		prev=$v
	done
}


# netem on both veth ends: QDISC... applied to bbh0 and bbh1
netem_both() {
	tc qdisc add dev bbh0 root netem "$@"
	tc qdisc add dev bbh1 root netem "$@"
}
