#!/usr/bin/env bats
# The CPE in a box (gateway-lib.bash) and bb through it: a WAN port with a
# static address, a LAN port by DHCPv4 behind the CPE's NAPT.
#
#   bbwan0 (bb port "wan", 198.51.100.2) <---> wan0 [CPE netns bbgw] br0 <---> bblan0 (bb port "lan", DHCP)

# bbd's scenario runs, DHCP and NAT discovery: userspace, run once; on the 6.1 line, which has room (the 6.12 line has the HTTP files)
# kernel-lines: 6.1

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

# run_scenario: bbctl -j run; RC, REC, ERR (stderr) and SUM, one line per
# port and flow from a single jq (each process costs under TCG).
run_scenario() {
	REC=$("$BBCTL" -j run "$BATS_TEST_TMPDIR/gw.json" --socket "$SOCK" \
		2> "$BATS_TEST_TMPDIR/err") && RC=0 || RC=$?
	ERR=$(cat "$BATS_TEST_TMPDIR/err")
	echo "exit $RC: $ERR"
	SUM=$(jq -r '"verdict \(.verdict)",
		(.ports[] | "port \(.name) \(.ipv4) nat \(.nat) public \(.public_ip)"),
		(.flows[] | "flow \(.name)|\(.results.tx_frames)|\(.results.rx_frames)|\(.nat | if . then [.direction, .private_ip, .private_udp_port, .public_ip, .public_udp_port, .mapping, .keep_alives] | map(tostring) | join(" ") else "" end)"),
		(.flows[] | "loss \(.name)|\(.results.lost_frames)|\(.analysers[]? | select(.type == "frame_loss") | "\(.verdict) \(.reason)")")' <<< "$REC" 2> /dev/null) || true
	echo "$SUM"
}

# flow_line NAME [KIND]: the flow's SUM line (KIND flow, or loss) without
# "KIND NAME|".
flow_line() {
	local l k=${2:-flow}
	while IFS= read -r l; do
		[[ $l == "$k $1|"* ]] && { echo "${l#"$k $1|"}"; return; }
	done <<< "$SUM"
}

# downstream WAIT_S [EXTRA]: wan -> lan only, 500 frames at 500 fps after
# WAIT_S s (initial_time_to_wait).
downstream() {
	echo '{ "name": "down", "type": "frame_blasting",
		"source": { "port_group": ["wan"] }, "destination": { "port_group": ["lan"] },
		"frame_size": 128, "frame_rate": 500, "number_of_frames": 500,
		"initial_time_to_wait": '"$1${2:+, $2}"' }'
}

@test "gateway: the fixture routes without NAT: a DHCPv4 lease, 1,000 frames each way, nothing left behind" {
	gw_setup --nat none
	scenario "$(both_ways 2)" '"nat": false'
	run_scenario
	assert_eq "exit code" 0 "$RC"
	[[ $SUM == *"port lan 192.168.9.1"[0-5]?* ]] || fail "no lease from the pool: $SUM"
	assert_eq "up" "1000|1000|" "$(flow_line up)"
	assert_eq "up (reverse)" "1000|1000|" "$(flow_line "up (reverse)")"
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

@test "gateway: NAPT with random ports: discovery finds each flow's public tuple, 1,000 frames exact both ways, PASS" {
	local lan up down
	gw_setup --nat fully-random
	scenario "$(both_ways 2)"
	run_scenario
	assert_eq "exit code" 0 "$RC"
	[[ $SUM == *"verdict PASS"* ]] || fail "verdict: $SUM"
	[[ $SUM =~ port\ lan\ (192\.168\.9\.1[0-5][0-9])\ nat\ true\ public\ 198\.51\.100\.1 ]] ||
		fail "lan port: $SUM"
	lan=${BASH_REMATCH[1]}
	# upstream: frames left as lan:49152, the NAT gave them another port
	up=$(flow_line up)
	[[ $up =~ ^1000\|1000\|upstream\ $lan\ 49152\ 198\.51\.100\.1\ ([0-9]+)\ address-and-port-dependent\ [0-9]+$ ]] ||
		fail "up: $up"
	[ "${BASH_REMATCH[1]}" != 49152 ] || fail "fully-random kept the port 49152"
	# downstream: sent to the public tuple, counted at the private one
	down=$(flow_line "up (reverse)")
	[[ $down =~ ^1000\|1000\|downstream\ $lan\ 49153\ 198\.51\.100\.1\ ([0-9]+)\ address-and-port-dependent\ [0-9]+$ ]] ||
		fail "up (reverse): $down"
	# the CPE translated them: its conntrack holds the mappings
	gw_conntrack | grep -q "src=$lan dst=$GW_WAN_PEER4 sport=49152 dport=49152 .*src=$GW_WAN_PEER4 dst=$GW_WAN4 sport=49152" ||
		fail "no NAT mapping of lan:49152 in the CPE: $(gw_conntrack)"
}

@test "gateway: NAPT keeping ports: the mapping is endpoint-independent; the HTML port table shows the public address" {
	gw_setup
	scenario "$(both_ways 1)"
	REC=$("$BBCTL" -j run "$BATS_TEST_TMPDIR/gw.json" --socket "$SOCK" \
		--report-dir "$BATS_TEST_TMPDIR" --format html) && RC=0 || RC=$?
	assert_eq "exit code" 0 "$RC"
	SUM=$(jq -r '(.flows[] | "flow \(.name)|\(.results.tx_frames)|\(.results.rx_frames)|\(.nat.public_udp_port) \(.nat.mapping)")' <<< "$REC")
	echo "$SUM"
	assert_eq "up" "500|500|49152 endpoint-independent" "$(flow_line up)"
	assert_eq "up (reverse)" "500|500|49153 endpoint-independent" "$(flow_line "up (reverse)")"
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

# The CPE forgets an idle UDP mapping after 4 s; the flow waits 9 s.
@test "gateway: keep-alive: a mapping that times out in 4 s carries a flow that starts after 9 s, 500 frames exact" {
	local down
	gw_setup --udp-timeout 4
	scenario "$(downstream 9)"
	run_scenario
	assert_eq "exit code" 0 "$RC"
	down=$(flow_line down)
	# a keep-alive a second while the flow waits: about 9
	[[ $down =~ ^500\|500\|downstream\ 192\.168\.9\.1[0-5][0-9]\ 49152\ 198\.51\.100\.1\ 49152\ endpoint-independent\ ([0-9]+)$ ]] ||
		fail "down: $down"
	[ "${BASH_REMATCH[1]}" -ge 6 ] && [ "${BASH_REMATCH[1]}" -le 11 ] ||
		fail "keep-alives: ${BASH_REMATCH[1]}"
}

@test "gateway: keep-alive off (nat_keep_alive false): the mapping times out, the downstream flow is lost, FAIL" {
	gw_setup --udp-timeout 4
	scenario "$(downstream 9 '"nat_keep_alive": false')"
	run_scenario
	assert_eq "exit code" 3 "$RC"
	[[ $(flow_line down) =~ ^500\|0\|downstream\ .*\ 0$ ]] || fail "down: $(flow_line down)"
	assert_eq "loss" "500|FAIL loss 100.000% exceeds max_loss_percentage 1.000%" "$(flow_line down loss)"
}

@test "gateway: netem 5% loss out of the CPE's WAN side: upstream FAILs with its loss, counts exact; downstream untouched" {
	local up lost
	gw_setup
	gw_netem wan loss 5%
	scenario "$(both_ways 2)"
	run_scenario
	assert_eq "exit code" 3 "$RC"
	[[ $SUM == *"verdict FAIL"* ]] || fail "verdict: $SUM"
	up=$(flow_line up)
	[[ $up =~ ^1000\|([0-9]+)\| ]] || fail "up: $up"
	lost=$(flow_line up loss)
	# every frame sent is received or lost; 5% of 1000 is 50, binomial
	# spread (sd 7), far from 1% (10)
	[[ $lost =~ ^([0-9]+)\|FAIL\ loss\ [0-9.]+%\ exceeds\ max_loss_percentage\ 1\.000%$ ]] ||
		fail "up loss: $lost"
	assert_eq "rx + lost" 1000 "$((BASH_REMATCH[1] + $(flow_line up | cut -d'|' -f2)))"
	[ "${BASH_REMATCH[1]}" -ge 15 ] && [ "${BASH_REMATCH[1]}" -le 100 ] || fail "lost: ${BASH_REMATCH[1]}"
	assert_eq "up (reverse)" "0|PASS loss 0.000% within max_loss_percentage 1.000%" "$(flow_line "up (reverse)" loss)"
	[[ $(flow_line "up (reverse)") == "1000|1000|"* ]] || fail "up (reverse): $(flow_line "up (reverse)")"
}

@test "gateway: examples/through-the-gateway.json runs through the CPE: PASS, every flow exact, public tuples recorded" {
	local l n=0
	gw_setup
	REC=$("$BBCTL" -j run "$BB_TOP/examples/through-the-gateway.json" --socket "$SOCK") && RC=0 || RC=$?
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

@test "gateway: voice through the CPE's NAPT: on the WAN tshark decodes every frame as RTP G.711, each call's sequence continuous" {
	command -v tshark > /dev/null || fail "tshark not installed (scripts/setup-deps)"
	local out=$BATS_TEST_TMPDIR/out pcap rtp
	mkdir -p "$out"
	gw_setup
	# the WAN port captures the calls both ways (probes and keep-alives
	# are shorter than a 20 ms G.711 frame)
	cat > "$BATS_TEST_TMPDIR/gw.json" <<-EOF
	{ "wait_for_finish": 1,
	  "ports": [
	    { "name": "wan", "port_group": ["wan"], "interface": "bbwan0",
	      "ipv4": "$GW_WAN_PEER4", "gateway": "$GW_WAN4",
	      "capture": { "filter": "udp and greater 200" } },
	    { "name": "lan", "port_group": ["lan"], "interface": "bblan0",
	      "ipv4": "dhcp", "nat": true } ],
	  "flows": [ { "name": "call", "type": "voice", "source": { "port_group": ["lan"] },
	               "destination": { "port_group": ["wan"] }, "add_reverse_direction": true,
	               "packetization": 20, "duration": 2 } ] }
	EOF
	REC=$("$BBCTL" -j run "$BATS_TEST_TMPDIR/gw.json" --socket "$SOCK" --report-dir "$out") ||
		fail "run failed: $REC"
	assert_eq "frames" "100 100 100 100" \
		"$(jq -r '[.flows[].results | .tx_frames, .rx_frames] | join(" ")' <<< "$REC")"
	pcap=$(jq -r '.ports[] | select(.name == "wan") | .capture.file' <<< "$REC")
	assert_eq "captured" 200 "$(jq -r '.ports[] | select(.name == "wan") | .capture.frames' <<< "$REC")"
	rtp=$(tshark -r "$pcap" -o rtp.heuristic_rtp:TRUE -Y rtp -T fields -E separator=' ' \
		-e rtp.ssrc -e rtp.seq -e rtp.p_type -e rtp.version 2> /dev/null)
	assert_eq "RTP frames" 200 "$(wc -l <<< "$rtp")"
	assert_eq "payload type and version" "200 0 2" \
		"$(cut -d' ' -f3,4 <<< "$rtp" | sort | uniq -c | awk '{ print $1, $2, $3 }')"
	# two calls (one SSRC each), 100 frames each, every sequence number
	# the one before + 1 (mod 2^16) in capture order
	assert_eq "calls and gaps" "2 calls, 0 gaps" "$(awk '
		{ if ($1 in last && ($2 - last[$1] + 65536) % 65536 != 1) gaps++; last[$1] = $2; n[$1]++ }
		END { for (s in n) { calls++; if (n[s] != 100) gaps += 1000 } printf "%d calls, %d gaps", calls, gaps }' <<< "$rtp")"
}
