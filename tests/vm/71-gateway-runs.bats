#!/usr/bin/env bats
# Scenario runs through the CPE in a box (gateway-lib.bash,
# gateway-nat-lib.bash): the fixture itself (plain routing, its NAPT), the
# HTML port table, NAT discovery's error, loss on the WAN side, and
# examples/through-the-gateway.json.

# bbd's scenario runs and their records: userspace, run once; on the 6.1
# line, which has room (the 6.12 line has the HTTP files)
# kernel-lines: 6.1

load lib
load gateway-lib
load gateway-nat-lib

setup() { gw_bats_setup; }
teardown() { gw_bats_teardown; }

@test "gateway: the fixture routes without NAT: a DHCPv4 lease, 1,000 frames each way, nothing left behind" {
	gw_setup --nat none
	scenario "$(both_ways 2)" '"nat": false'
	run_scenario
	assert_eq "exit code" 0 "$RC"
	[[ $SUM == *"port lan 192.168.9.1"[0-5]?* ]] || fail "no lease from the pool: $SUM"
	assert_eq "up" "1000|1000|" "$(sum_line up)"
	assert_eq "up (reverse)" "1000|1000|" "$(sum_line "up (reverse)")"
	grep -q 'DHCPACK(br0) 192\.168\.9\.' "$GW_DIR/dnsmasq.log" || fail "no DHCPACK in dnsmasq's log"
	# the IPv6 side of the LAN is served too: stateful DHCPv6 and RAs
	cat "$GW_DIR/dnsmasq.log"
	grep -q 'DHCPv6, IP range 2001:db8:9::100 -- 2001:db8:9::1ff' "$GW_DIR/dnsmasq.log" ||
		fail "dnsmasq serves no DHCPv6 range"
	grep -q 'RTR-ADVERT(br0) 2001:db8:9::' "$GW_DIR/dnsmasq.log" || fail "no RA sent on br0"
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

@test "gateway: NAPT keeping ports: the mapping is endpoint-independent; the HTML port table shows the public address" {
	gw_setup
	scenario "$(both_ways 1)"
	gw_run "$BATS_TEST_TMPDIR/gw.json" --report-dir "$BATS_TEST_TMPDIR" --format html
	assert_eq "exit code" 0 "$RC"
	SUM=$(jq -r '(.flows[] | "flow \(.name)|\(.results.tx_frames)|\(.results.rx_frames)|\(.nat.public_udp_port) \(.nat.mapping)")' <<< "$REC")
	echo "$SUM"
	assert_eq "up" "500|500|49152 endpoint-independent" "$(sum_line up)"
	assert_eq "up (reverse)" "500|500|49153 endpoint-independent" "$(sum_line "up (reverse)")"
	grep -q '"public_ip", "dhcp"' "$BATS_TEST_TMPDIR"/gw-*.html ||
		fail "no public_ip column in the HTML report"
	grep -q '"public_ip":"198.51.100.1"' "$BATS_TEST_TMPDIR"/gw-*.html ||
		fail "the HTML report's record has no public_ip 198.51.100.1"
}

@test "gateway: no probe crosses the CPE: exit 2 after 5 s naming the flow and both tuples, nothing left behind" {
	gw_setup
	ip netns exec "$GW_NS" nft -f - <<-EOF
		table ip bbgw {
			chain forward { type filter hook forward priority filter; udp dport 49152 drop; }
		}
	EOF
	scenario "$(both_ways 1)"
	run_scenario
	assert_eq "exit code" 2 "$RC"
	[[ $ERR =~ flow\ up:\ NAT\ discovery:\ no\ probe\ from\ port\ lan\ \(192\.168\.9\.1[0-5][0-9]:49152\)\ reached\ port\ wan\ \(198\.51\.100\.2:49152\)\ in\ 5\ s\ \(([0-9]+)\ sent\) ]] ||
		fail "error line: $ERR"
	# about 10 a second
	[ "${BASH_REMATCH[1]}" -ge 25 ] && [ "${BASH_REMATCH[1]}" -le 55 ] ||
		fail "probes sent in 5 s: ${BASH_REMATCH[1]}"
	assert_eq "lines on stderr" 1 "$(wc -l <<< "$ERR")"
}

@test "gateway: netem 5% loss out of the CPE's WAN side: upstream FAILs with its loss, counts exact; downstream untouched" {
	local up lost
	gw_setup
	gw_netem wan loss 5%
	scenario "$(both_ways 2)"
	run_scenario
	assert_eq "exit code" 3 "$RC"
	[[ $SUM == *"verdict FAIL"* ]] || fail "verdict: $SUM"
	up=$(sum_line up)
	[[ $up =~ ^1000\|([0-9]+)\| ]] || fail "up: $up"
	lost=$(sum_line up loss)
	# every frame sent is received or lost; 5% of 1000 is 50, binomial
	# spread (sd 7), far from 1% (10)
	[[ $lost =~ ^([0-9]+)\|FAIL\ loss\ [0-9.]+%\ exceeds\ max_loss_percentage\ 1\.000%$ ]] ||
		fail "up loss: $lost"
	assert_eq "rx + lost" 1000 "$((BASH_REMATCH[1] + $(sum_line up | cut -d'|' -f2)))"
	[ "${BASH_REMATCH[1]}" -ge 15 ] && [ "${BASH_REMATCH[1]}" -le 100 ] || fail "lost: ${BASH_REMATCH[1]}"
	assert_eq "up (reverse)" "0|PASS loss 0.000% within max_loss_percentage 1.000%" "$(sum_line "up (reverse)" loss)"
	[[ $(sum_line "up (reverse)") == "1000|1000|"* ]] || fail "up (reverse): $(sum_line "up (reverse)")"
}

@test "gateway: examples/through-the-gateway.json runs through the CPE: PASS, every flow exact, public tuples recorded" {
	local l n=0
	gw_setup
	gw_run "$BB_TOP/examples/through-the-gateway.json"
	SUM=$(jq -r '"verdict \(.verdict)",
		(.flows[] | "flow \(.name)|\(.results.tx_frames)|\(.results.rx_frames)|\(.nat.direction) \(.nat.public_ip)"),
		(.flows[] | "analysers \(.name): \([.analysers[] | "\(.verdict) \(.reason)"] | join("; "))")' <<< "$REC") || true
	echo "$SUM"
	assert_eq "exit code" 0 "$RC"
	[[ $SUM == "verdict PASS"* ]] || fail "verdict: $SUM"
	while IFS= read -r l; do
		[[ $l == flow* ]] || continue
		n=$((n + 1))
		[[ $l =~ ^flow\ [^|]+\|([0-9]+)\|([0-9]+)\|(up|down)stream\ 198\.51\.100\.1$ ]] || fail "$l"
		assert_gt "tx" 0 "${BASH_REMATCH[1]}"
		assert_eq "rx = tx: $l" "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}"
	done <<< "$SUM"
	assert_eq "flows" 4 "$n"
}
