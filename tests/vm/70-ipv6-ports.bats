#!/usr/bin/env bats
# Ports with "ipv6": "slaac" and "ipv6": "dhcp" behind the CPE in a box
# (gateway-ipv6-lib.bash): the LAN port's IPv6 from the CPE's router
# advertisements or its DHCPv6 server, exact counts both ways, the lease
# released, and duplicate address detection failing the run.

# The kernel's addrconf takes the SLAAC address and runs DAD on every
# address bbd adds; the clients are bbd's (userspace), so once, on 6.1
# (the DHCPv6 lease renewal, 72, runs on 6.12).
# kernel-lines: 6.1

load lib
load gateway-lib
load gateway-ipv6-lib

setup() { gw_bats_setup; }
teardown() { gw_bats_teardown; }

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
