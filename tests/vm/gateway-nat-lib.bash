# Scenarios through the CPE in a box (gateway-lib.bash) for IPv4: a WAN
# port with a static address, a LAN port by DHCPv4 behind the CPE's NAPT.
# `load gateway-nat-lib` after lib and gateway-lib (69-gateway-nat.bats,
# 71-gateway-runs.bats).
#
#   bbwan0 (bb port "wan", 198.51.100.2) <---> wan0 [CPE netns bbgw] br0 <---> bblan0 (bb port "lan", DHCP)
# shellcheck shell=bash disable=SC2034 # its variables are for the .bats files that load it

# scenario FLOWS_JSON [LAN_EXTRA]: wan (static, its gateway the CPE) and
# lan (DHCP, behind the NAT unless LAN_EXTRA says otherwise), the flows.
scenario() {
	local lan=${2:-'"nat": true'}
	cat > "$BATS_TEST_TMPDIR/gw.json" <<-EOF
	{ "wait_for_finish": 1,
	  "ports": [
	    { "name": "wan", "port_group": ["wan"], "interface": "bbwan0",
	      "ipv4": "$GW_WAN_PEER4", "gateway": "$GW_WAN4" },
	    { "name": "lan", "port_group": ["lan"], "interface": "bblan0",
	      "ipv4": "dhcp", $lan } ],
	  "flows": [ $1 ] }
	EOF
}

# both_ways SECONDS [EXTRA]: lan -> wan and its reverse at 500 fps.
both_ways() {
	echo '{ "name": "up", "type": "frame_blasting",
		"source": { "port_group": ["lan"] }, "destination": { "port_group": ["wan"] },
		"add_reverse_direction": true, "frame_size": 128, "frame_rate": 500,
		"duration": '"$1${2:+, $2}"' }'
}

# run_scenario: the run (gw_run), then SUM: one line per port and flow
# from a single jq (each process costs under TCG).
run_scenario() {
	gw_run "$BATS_TEST_TMPDIR/gw.json"
	SUM=$(jq -r '"verdict \(.verdict)",
		(.ports[] | "port \(.name) \(.ipv4) nat \(.nat) public \(.public_ip)"),
		(.flows[] | "flow \(.name)|\(.results.tx_frames)|\(.results.rx_frames)|\(.nat | if . then [.direction, .private_ip, .private_udp_port, .public_ip, .public_udp_port, .mapping, .keep_alives] | map(tostring) | join(" ") else "" end)"),
		(.flows[] | "loss \(.name)|\(.results.lost_frames)|\(.analysers[]? | select(.type == "frame_loss") | "\(.verdict) \(.reason)")")' <<< "$REC" 2> /dev/null) || true
	echo "$SUM"
}

# downstream WAIT_S [EXTRA]: wan -> lan only, 500 frames at 500 fps after
# WAIT_S s (initial_time_to_wait).
downstream() {
	echo '{ "name": "down", "type": "frame_blasting",
		"source": { "port_group": ["wan"] }, "destination": { "port_group": ["lan"] },
		"frame_size": 128, "frame_rate": 500, "number_of_frames": 500,
		"initial_time_to_wait": '"$1${2:+, $2}"' }'
}
