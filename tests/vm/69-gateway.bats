#!/usr/bin/env bats
# The CPE in a box (gateway-lib.bash) and bb through it: a WAN port with a
# static address, a LAN port by DHCPv4 behind the CPE's NAPT.
#
#   bbwan0 (bb port "wan", 198.51.100.2) <---> wan0 [CPE netns bbgw] br0 <---> bblan0 (bb port "lan", DHCP)

# bbd's scenario runs, DHCP and NAT discovery: userspace; 6.12 only
# kernel-lines: 6.12

load lib
load gateway-lib

setup() {
	SOCK=$BATS_TEST_TMPDIR/bbd.sock
	oops_mark
}

teardown() {
	gw_teardown
	oops_check
}

# scenario FLOW_SECONDS [WAN_EXTRA] [LAN_EXTRA] [FLOW_EXTRA]: wan (static,
# its gateway the CPE) and lan (DHCP), one frame_blasting flow lan -> wan
# and its reverse at 500 fps.
scenario() {
	cat > "$BATS_TEST_TMPDIR/gw.json" <<-EOF
	{ "wait_for_finish": 1,
	  "ports": [
	    { "name": "wan", "port_group": ["wan"], "interface": "bbwan0",
	      "ipv4": "$GW_WAN_PEER4", "gateway": "$GW_WAN4"${2:+, $2} },
	    { "name": "lan", "port_group": ["lan"], "interface": "bblan0",
	      "ipv4": "dhcp"${3:+, $3} } ],
	  "flows": [
	    { "name": "up", "type": "frame_blasting",
	      "source": { "port_group": ["lan"] }, "destination": { "port_group": ["wan"] },
	      "add_reverse_direction": true, "frame_size": 128, "frame_rate": 500,
	      "duration": $1${4:+, $4} } ] }
	EOF
}

# run_scenario: bbctl -j run; RC, REC, ERR (stderr) and one summary line
# per port and flow from a single jq.
run_scenario() {
	REC=$("$BBCTL" -j run "$BATS_TEST_TMPDIR/gw.json" --socket "$SOCK" \
		2> "$BATS_TEST_TMPDIR/err") && RC=0 || RC=$?
	ERR=$(cat "$BATS_TEST_TMPDIR/err")
	echo "exit $RC: $ERR"
	SUM=$(jq -r '"verdict \(.verdict)",
		(.ports[] | "port \(.name) \(.ipv4) \(.nat)"),
		(.flows[] | "flow \(.name)|\(.results.tx_frames)|\(.results.rx_frames)|\(.nat // {} | tojson)")' <<< "$REC" 2> /dev/null) || true
	echo "$SUM"
}

@test "gateway: the fixture routes without NAT: a DHCPv4 lease, 1,000 frames each way, nothing left behind" {
	gw_setup --nat none
	scenario 2
	run_scenario
	assert_eq "exit code" 0 "$RC"
	[[ $SUM == *"port lan 192.168.9.1"[0-5]?* ]] || fail "no lease from the pool: $SUM"
	[[ $SUM == *"flow up|1000|1000|"* ]] || fail "up: $SUM"
	[[ $SUM == *"flow up (reverse)|1000|1000|"* ]] || fail "up (reverse): $SUM"
	grep -q 'DHCPACK(br0) 192\.168\.9\.' "$GW_DIR/dnsmasq.log" || fail "no DHCPACK in dnsmasq's log"
}

@test "gateway: the fixture's NAPT: masquerade out of wan0, conntrack's UDP timeout as asked" {
	local rules t
	gw_setup --nat fully-random --udp-timeout 10 --no-dhcp
	rules=$(ip netns exec "$GW_NS" nft list ruleset)
	[[ $rules == *'oifname "wan0" masquerade fully-random'* ]] || fail "ruleset: $rules"
	t=$(ip netns exec "$GW_NS" sysctl -n net.netfilter.nf_conntrack_udp_timeout net.netfilter.nf_conntrack_udp_timeout_stream)
	assert_eq "udp timeouts" "10 10" "$(echo $t)"
	gw_netem wan loss 5%
	[[ $(tc -n "$GW_NS" qdisc show dev wan0) == *'netem'*'loss 5%'* ]] || fail "no netem on wan0"
}
