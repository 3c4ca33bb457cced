#!/usr/bin/env bats
# bbd's DHCPv6 client through the CPE in a box (gateway-ipv6-lib.bash):
# the lease renewed at T1 during a run, and no server at all.

# bbd's DHCPv6 client: userspace, run once (6.12)
# kernel-lines: 6.12

load lib
load gateway-lib
load gateway-ipv6-lib

setup() { gw_bats_setup; }
teardown() { gw_bats_teardown; }

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
