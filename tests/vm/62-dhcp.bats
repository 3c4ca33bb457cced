#!/usr/bin/env bats
# Ports with "ipv4": "dhcp" against dnsmasq, the DHCP server of most CPEs.
# A CPE's LAN in a namespace: a bridge with the server's address and two
# veth pairs whose root-side ends are the scenario's interfaces.
#
#   root namespace               netns bbdut
#   bbw0 <------------------> dut0 -+
#                                    br0 10.9.0.1/24, dnsmasq
#   bbl0 <------------------> dut1 -+

# bbd's DHCP client: userspace; 6.12 only
# kernel-lines: 6.12

load lib

DUT=bbdut

setup() {
	SOCK=$BATS_TEST_TMPDIR/bbd.sock
	LEASES=$BATS_TEST_TMPDIR/leases
	DLOG=$BATS_TEST_TMPDIR/dnsmasq.log
	oops_mark
	ip netns del "$DUT" 2> /dev/null || true
	ip -batch - <<-EOF
		netns add $DUT
		link add bbw0 type veth peer name dut0 netns $DUT
		link add bbl0 type veth peer name dut1 netns $DUT
		link set bbw0 up
		link set bbl0 up
	EOF
	ip -n "$DUT" -batch - <<-EOF
		link add br0 type bridge forward_delay 0
		link set dut0 master br0
		link set dut1 master br0
		link set dut0 up
		link set dut1 up
		link set br0 up
		addr add 10.9.0.1/24 dev br0
	EOF
}

teardown() {
	[ -z "${DNSMASQ_PID:-}" ] || kill "$DNSMASQ_PID" 2> /dev/null || true
	ip link del bbw0 2> /dev/null || true
	ip link del bbl0 2> /dev/null || true
	ip netns del "$DUT" 2> /dev/null || true
	oops_check
}

# dhcp_server [DNSMASQ_OPTIONS...]: dnsmasq on br0, leases from POOL
# (default 10.9.0.100-150) for 2 minutes (dnsmasq's shortest), router
# 10.9.0.1. --no-ping: it would wait 3 s to check each new address is
# free (and would find the ones the tests make it hand out).
dhcp_server() {
	ip netns exec "$DUT" dnsmasq --conf-file=/dev/null --keep-in-foreground \
		--user=root --port=0 --interface=br0 --bind-interfaces \
		--dhcp-range="${POOL:-10.9.0.100,10.9.0.150}",255.255.255.0,2m \
		--dhcp-option=option:router,10.9.0.1 --dhcp-authoritative \
		--no-ping --dhcp-leasefile="$LEASES" --log-dhcp \
		--log-facility="$DLOG" --pid-file="$BATS_TEST_TMPDIR/dnsmasq.pid" \
		"$@" &
	DNSMASQ_PID=$!
}

# scenario FLOW_SECONDS [LAN_EXTRA_JSON]: wan (static) and lan (dhcp), one
# frame_blasting flow each way at 500 fps, latency tagged.
scenario() {
	cat > "$BATS_TEST_TMPDIR/dhcp.json" <<-EOF
	{ "wait_for_finish": 1,
	  "ports": [
	    { "name": "wan", "port_group": ["wan"], "interface": "bbw0",
	      "ipv4": "10.9.0.2", "netmask": "255.255.255.0" },
	    { "name": "lan", "port_group": ["lan"], "interface": "bbl0",
	      "ipv4": "dhcp"${2:+, $2} } ],
	  "flows": [
	    { "name": "down", "type": "frame_blasting",
	      "source": { "port_group": ["wan"] }, "destination": { "port_group": ["lan"] },
	      "add_reverse_direction": true, "frame_size": 128, "frame_rate": 500,
	      "duration": $1, "analysis": { "latency": true, "max_threshold_latency": 50 } } ] }
	EOF
}

run_scenario() {
	REC=$("$BBCTL" -j run "$BATS_TEST_TMPDIR/dhcp.json" --socket "$SOCK") && RC=0 || RC=$?
	echo "exit $RC"
	jq -c '.ports[] | {name, ipv4, netmask, gateway, mac, dhcp}' <<< "$REC" || true
	jq -c '.flows[] | {name, results: (.results | {tx_frames, rx_frames, lost_frames})}' <<< "$REC" || true
	cat "$DLOG" 2> /dev/null | grep -E 'DHCP[A-Z]+\(' || true
}

@test "dhcp: the lan port takes a lease from dnsmasq, traffic flows both ways, the lease is released" {
	local ip mac lan
	dhcp_server
	scenario 2
	run_scenario
	assert_eq "exit code" 0 "$RC"
	lan='.ports[] | select(.name == "lan")'
	ip=$(jq -r "$lan.ipv4" <<< "$REC")
	mac=$(jq -r "$lan.mac" <<< "$REC")
	[[ $ip =~ ^10\.9\.0\.1([0-4][0-9]|50)$ ]] || fail "lan ipv4 $ip is not from the pool 10.9.0.100-150"
	assert_eq "netmask" 255.255.255.0 "$(jq -r "$lan.netmask" <<< "$REC")"
	assert_eq "gateway" 10.9.0.1 "$(jq -r "$lan.gateway" <<< "$REC")"
	assert_eq "dhcp server" 10.9.0.1 "$(jq -r "$lan.dhcp.server" <<< "$REC")"
	assert_eq "lease" 120 "$(jq -r "$lan.dhcp.lease_s" <<< "$REC")"
	assert_eq "state at the end" bound "$(jq -r "$lan.dhcp.state" <<< "$REC")"
	assert_eq "wan dhcp" null "$(jq -r '.ports[] | select(.name == "wan") | .dhcp' <<< "$REC")"
	# 2 s at 500 fps each way, every frame to the leased address
	assert_eq "down tx" 1000 "$(jq -r '.flows[0].results.tx_frames' <<< "$REC")"
	assert_eq "down rx" 1000 "$(jq -r '.flows[0].results.rx_frames' <<< "$REC")"
	assert_eq "up tx" 1000 "$(jq -r '.flows[1].results.tx_frames' <<< "$REC")"
	assert_eq "up rx" 1000 "$(jq -r '.flows[1].results.rx_frames' <<< "$REC")"
	# dnsmasq saw the port by its name and MAC, acked it, then the release
	grep -q "DHCPACK(br0) $ip $mac lan" "$DLOG" || fail "no ACK for $ip $mac with hostname lan in the server's log"
	# bbd sends the RELEASE before it answers; give dnsmasq a moment
	for _ in 1 2 3 4 5 6 7 8 9 10; do
		grep -q "DHCPRELEASE(br0) $ip $mac" "$DLOG" && break
		sleep 0.2
	done
	grep -q "DHCPRELEASE(br0) $ip $mac" "$DLOG" || fail "the lease of $ip was not released"
	assert_eq "leases left on the server" "" "$(cat "$LEASES")"
	assert_eq "namespaces left" "" "$(ip netns list | awk '$1 ~ /^bb-/')"
}

@test "dhcp: a run longer than T1 renews the lease with the server and keeps the address" {
	local n
	# T1 2 s, T2 4 s: renewals at about 2, 4 and 6 s of the lease
	dhcp_server --dhcp-option=option:T1,2 --dhcp-option=option:T2,4
	scenario 6
	run_scenario
	assert_eq "exit code" 0 "$RC"
	n=$(jq -r '.ports[] | select(.name == "lan") | .dhcp.renewals' <<< "$REC")
	assert_gt "renewals" 1 "$n"
	assert_eq "dhcp error" null "$(jq -r '.ports[] | select(.name == "lan") | .dhcp.error' <<< "$REC")"
	# each renewal counted is an ACK the server sent (a last one may have
	# been on its way when the run ended)
	assert_gt "ACKs by the server" "$n" "$(grep -c 'DHCPACK(br0)' "$DLOG")"
	assert_eq "lost frames" 0 "$(jq '[.flows[].results.lost_frames] | add' <<< "$REC")"
}

@test "dhcp: no server answers; exit 2 after 20 s with what was tried, nothing left behind" {
	local err rc=0
	scenario 1
	err=$("$BBCTL" run "$BATS_TEST_TMPDIR/dhcp.json" --socket "$SOCK" 2>&1 > /dev/null) || rc=$?
	echo "$err"
	assert_eq "exit code" 2 "$rc"
	[[ $err == *'port lan: no DHCP lease in 20 s: no DHCP OFFER on bbl0 ('*' DISCOVERs sent)'* ]] ||
		fail "error line: $err"
	assert_eq "namespaces left" "" "$(ip netns list | awk '$1 ~ /^bb-/')"
}

@test "dhcp: an address another host holds is DECLINEd, the next one taken; the record says who held it" {
	local brmac lan='.ports[] | select(.name == "lan")'
	# the server pins 10.9.0.100 to the port's MAC, and br0 has it too
	ip -n "$DUT" addr add 10.9.0.100/24 dev br0
	brmac=$(ip -n "$DUT" -j link show br0 | jq -r '.[0].address')
	dhcp_server --dhcp-host=02:00:00:00:0d:01,10.9.0.100
	scenario 1 '"mac": "02:00:00:00:0d:01"'
	run_scenario
	assert_eq "exit code" 0 "$RC"
	grep -q "DHCPDECLINE(br0) 10.9.0.100 02:00:00:00:0d:01" "$DLOG" ||
		fail "the server got no DECLINE"
	assert_eq "declines" 1 "$(jq -r "$lan.dhcp.declines" <<< "$REC")"
	assert_eq "dhcp error" "10.9.0.100 from 10.9.0.1 is in use by $brmac (DECLINE 1 of 3)" \
		"$(jq -r "$lan.dhcp.error" <<< "$REC")"
	[ "$(jq -r "$lan.ipv4" <<< "$REC")" != 10.9.0.100 ] || fail "took the address in use"
	assert_eq "down rx" 500 "$(jq -r '.flows[0].results.rx_frames' <<< "$REC")"
}

@test "dhcp: when every address offered is in use the run fails naming the holder" {
	local err rc=0 brmac
	ip -n "$DUT" -batch - <<-EOF
		addr add 10.9.0.100/24 dev br0
		addr add 10.9.0.101/24 dev br0
		addr add 10.9.0.102/24 dev br0
	EOF
	brmac=$(ip -n "$DUT" -j link show br0 | jq -r '.[0].address')
	POOL=10.9.0.100,10.9.0.102 dhcp_server
	scenario 1
	err=$("$BBCTL" run "$BATS_TEST_TMPDIR/dhcp.json" --socket "$SOCK" 2>&1 > /dev/null) || rc=$?
	echo "$err"
	grep -E 'DHCP[A-Z]+\(' "$DLOG" || true
	assert_eq "exit code" 2 "$rc"
	[[ $err =~ 10\.9\.0\.10[0-2]\ from\ 10\.9\.0\.1\ is\ in\ use\ by\ $brmac\ \(DECLINE\ [1-3]\ of\ 3\) ]] ||
		fail "error line: $err"
	assert_eq "namespaces left" "" "$(ip netns list | awk '$1 ~ /^bb-/')"
}
