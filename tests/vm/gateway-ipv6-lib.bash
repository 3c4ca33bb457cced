# Scenarios through the CPE in a box (gateway-lib.bash) for IPv6: a WAN
# port with static addresses, a LAN port by SLAAC or DHCPv6, routed (not
# translated). `load gateway-ipv6-lib` after lib and gateway-lib
# (70-ipv6-ports.bats, 72-dhcpv6-leases.bats).
#
#   bbwan0 (bb port "wan", 2001:db8:ff::2) <---> wan0 [CPE netns bbgw] br0 <---> bblan0 (bb port "lan")
# shellcheck shell=bash disable=SC2034 # its variables are for the .bats files that load it

# the LAN port's MAC, so its SLAAC address (EUI-64) is known beforehand
LAN_MAC=02:00:00:00:6e:01
LAN_SLAAC=2001:db8:9::ff:fe00:6e01
LAN_DUID=00:03:00:01:02:00:00:00:6e:01

# scenario FLOW_SECONDS LAN_ADDRESSES [FLOW_EXTRA]: wan (static IPv4 and
# IPv6, its gateways the CPE) and lan (LAN_ADDRESSES, JSON keys), one
# frame_blasting flow lan -> wan and its reverse at RATE (500) fps.
scenario() {
	cat > "$BATS_TEST_TMPDIR/v6.json" <<-EOF
	{ "wait_for_finish": 1,
	  "ports": [
	    { "name": "wan", "port_group": ["wan"], "interface": "bbwan0",
	      "ipv4": "$GW_WAN_PEER4", "gateway": "$GW_WAN4",
	      "ipv6": "$GW_WAN_PEER6/64", "gateway_ipv6": "$GW_WAN6" },
	    { "name": "lan", "port_group": ["lan"], "interface": "bblan0",
	      "mac": "$LAN_MAC", $2 } ],
	  "flows": [
	    { "name": "up", "type": "frame_blasting",
	      "source": { "port_group": ["lan"] }, "destination": { "port_group": ["wan"] },
	      "add_reverse_direction": true, "frame_size": 128, "frame_rate": ${RATE:-500},
	      "duration": $1${3:+, $3} } ] }
	EOF
}

# run_scenario: the run (gw_run), then SUM: one summary line per port
# and flow from a single jq.
run_scenario() {
	gw_run "$BATS_TEST_TMPDIR/v6.json"
	SUM=$(jq -r '"verdict \(.verdict)",
		(.ports[] | "port \(.name) \(.ipv4) \(.ipv6) \(.gateway_ipv6) \(.ipv6_auto | tojson)"),
		(.flows[] | "flow \(.name)|\(.results.tx_frames)|\(.results.rx_frames)")' <<< "$REC" 2> /dev/null) || true
	echo "$SUM"
}

# expect_flows N: both flows sent and received exactly N frames, PASS.
expect_flows() {
	[[ $SUM == *"verdict PASS"* ]] || fail "verdict: $SUM"
	[[ $SUM == *"flow up|$1|$1"* ]] || fail "up: not $1 frames sent and received"
	[[ $SUM == *"flow up (reverse)|$1|$1"* ]] || fail "down: not $1 frames sent and received"
}
