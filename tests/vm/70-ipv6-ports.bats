#!/usr/bin/env bats
# Ports with "ipv6": "slaac" and "ipv6": "dhcp" behind the CPE in a box
# (gateway-lib.bash): the LAN port's IPv6 from the CPE's router
# advertisements or its DHCPv6 server, routed (not translated) to a WAN
# port with a static address; exact counts both ways, the lease released,
# nothing left behind.
#
#   bbwan0 (bb port "wan", 2001:db8:ff::2) <---> wan0 [CPE netns bbgw] br0 <---> bblan0 (bb port "lan")

# bbd's SLAAC wait and DHCPv6 client: userspace; 6.12 only
# kernel-lines: 6.12

load lib
load gateway-lib

# the LAN port's MAC, so its SLAAC address (EUI-64) is known beforehand
LAN_MAC=02:00:00:00:6e:01
LAN_SLAAC=2001:db8:9::ff:fe00:6e01
LAN_DUID=00:03:00:01:02:00:00:00:6e:01

setup() {
	SOCK=$BATS_TEST_TMPDIR/bbd.sock
	oops_mark
}

teardown() {
	gw_teardown
	oops_check
}

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

# run_scenario: bbctl -j run; RC, REC, ERR (stderr) and one summary line
# per port and flow from a single jq.
run_scenario() {
	REC=$("$BBCTL" -j run "$BATS_TEST_TMPDIR/v6.json" --socket "$SOCK" \
		2> "$BATS_TEST_TMPDIR/err") && RC=0 || RC=$?
	ERR=$(cat "$BATS_TEST_TMPDIR/err")
	echo "exit $RC: $ERR"
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

@test "ipv6: a slaac port takes its address from the CPE's prefix and its router from the advertisement; 1,000 frames each way" {
	gw_setup
	scenario 2 '"ipv6": "slaac"'
	run_scenario
	assert_eq "exit code" 0 "$RC"
	[[ $SUM == *"port lan null $LAN_SLAAC/64 fe80::"*'"mode":"slaac"'*'"dhcp":null,"error":null}'* ]] ||
		fail "lan port: $SUM"
	expect_flows 1000
}

@test "ipv6: a dual-stack port (DHCPv4 and DHCPv6), the flow on IPv6; the DHCPv6 lease is released" {
	gw_setup
	scenario 2 '"ipv4": "dhcp", "ipv6": "dhcp"' '"ip": "ipv6"'
	run_scenario
	assert_eq "exit code" 0 "$RC"
	# the pool is 2001:db8:9::100-1ff; the advertisement's prefix is on-link
	[[ $SUM =~ port\ lan\ 192\.168\.9\.1[0-5][0-9]?\ 2001:db8:9::1[0-9a-f][0-9a-f]/64\ fe80:: ]] ||
		fail "lan port: $SUM"
	[[ $SUM == *'"mode":"dhcp"'*'"valid_s":120'*'"state":"bound"'*'"error":null'* ]] ||
		fail "lan lease: $SUM"
	expect_flows 1000
	grep -E 'DHCP[A-Z]+\(' "$GW_DIR/dnsmasq.log" | grep -v 'DHCP\(OFFER\|ACK\|DISCOVER\|REQUEST\)(br0) [0-9.]* ' || true
	grep -q "DHCPREPLY(br0) 2001:db8:9::1[0-9a-f]* $LAN_DUID" "$GW_DIR/dnsmasq.log" ||
		fail "no DHCPv6 REPLY to the port's DUID in the server's log"
	# bbd sends the RELEASEs before it answers; give dnsmasq a moment.
	# dnsmasq logs a DHCPv6 RELEASE by the client's DUID (DUID-LL of the MAC)
	for _ in 1 2 3 4 5 6 7 8 9 10; do
		grep -q "DHCPRELEASE(br0) $LAN_DUID" "$GW_DIR/dnsmasq.log" && break
		sleep 0.2
	done
	grep -q "DHCPRELEASE(br0) $LAN_DUID" "$GW_DIR/dnsmasq.log" || fail "the DHCPv6 lease was not released"
	cat "$GW_DIR/leases"
	assert_eq "leases left on the server" "" "$(grep -v '^duid' "$GW_DIR/leases")"
}

@test "ipv6: a run longer than T1 renews the DHCPv6 lease and keeps the address" {
	local n
	# dnsmasq's shortest lease is 2 min, T1 half of it: a 64 s run at a
	# rate TCG keeps up with renews once, about 60 s after the REPLY
	gw_setup
	RATE=10 scenario 64 '"ipv6": "dhcp"'
	run_scenario
	assert_eq "exit code" 0 "$RC"
	expect_flows 640
	grep -E 'DHCP(RENEW|REPLY)\(' "$GW_DIR/dnsmasq.log" || true
	n=$(grep -c "DHCPRENEW(br0) .*$LAN_DUID" "$GW_DIR/dnsmasq.log") || true
	assert_gt "RENEWs the server got" 0 "$n"
	[[ $SUM == *'"renewals":1,"state":"bound"},"error":null'* ]] || fail "lan lease: $SUM"
}

@test "ipv6: no DHCPv6 server; exit 2 after 20 s with what was tried" {
	gw_setup --no-dhcp
	scenario 1 '"ipv6": "dhcp"'
	run_scenario
	assert_eq "exit code" 2 "$RC"
	[[ $ERR == *'port lan: no IPv6 address in 20 s: DHCPv6 on bblan0: no ADVERTISE with an address ('*' SOLICITs sent)'* ]] ||
		fail "error line: $ERR"
}

@test "ipv6: the slaac address is in use on the link; the run fails on duplicate address detection" {
	gw_setup --no-dhcp
	# the CPE holds the port's EUI-64 address and answers its DAD probe
	ip -n "$GW_NS" addr add "$LAN_SLAAC/64" dev br0 nodad
	gw_dnsmasq
	scenario 1 '"ipv6": "slaac"'
	run_scenario
	assert_eq "exit code" 2 "$RC"
	[[ $ERR == *"port lan: SLAAC on bblan0: duplicate address detection failed for $LAN_SLAAC (another host on the link has it)"* ]] ||
		fail "error line: $ERR"
}

@test "ipv6: the DHCPv6 address is in use on the link; the run fails on duplicate address detection" {
	# the server pins 2001:db8:9::150 to the port's DUID, and the CPE holds it
	gw_setup --no-dhcp
	ip -n "$GW_NS" addr add 2001:db8:9::150/64 dev br0 nodad
	gw_dnsmasq "--dhcp-host=id:$LAN_DUID,[2001:db8:9::150]"
	scenario 1 '"ipv6": "dhcp"'
	run_scenario
	assert_eq "exit code" 2 "$RC"
	[[ $ERR == *"port lan: DHCPv6 on bblan0: duplicate address detection failed for 2001:db8:9::150 (another host on the link has it)"* ]] ||
		fail "error line: $ERR"
}
