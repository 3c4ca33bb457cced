#!/usr/bin/env bats
# Through the CPE's NAPT (gateway-lib.bash, gateway-nat-lib.bash): NAT
# discovery finds the public tuple, the triggers count the translated
# frames, keep-alives hold a conntrack mapping, and RTP voice crosses it.

# The kernel's NAT (nftables masquerade, conntrack's timeouts) and bbgen's
# TX and triggers on translated tuples: run on both kernel lines.

load lib
load gateway-lib
load gateway-nat-lib

setup() { gw_bats_setup; }
teardown() { gw_bats_teardown; }

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
	up=$(sum_line up)
	[[ $up =~ ^1000\|1000\|upstream\ $lan\ 49152\ 198\.51\.100\.1\ ([0-9]+)\ address-and-port-dependent\ [0-9]+$ ]] ||
		fail "up: $up"
	[ "${BASH_REMATCH[1]}" != 49152 ] || fail "fully-random kept the port 49152"
	# downstream: sent to the public tuple, counted at the private one
	down=$(sum_line "up (reverse)")
	[[ $down =~ ^1000\|1000\|downstream\ $lan\ 49153\ 198\.51\.100\.1\ ([0-9]+)\ address-and-port-dependent\ [0-9]+$ ]] ||
		fail "up (reverse): $down"
	# the CPE translated them: its conntrack holds the mappings
	gw_conntrack | grep -q "src=$lan dst=$GW_WAN_PEER4 sport=49152 dport=49152 .*src=$GW_WAN_PEER4 dst=$GW_WAN4 sport=49152" ||
		fail "no NAT mapping of lan:49152 in the CPE: $(gw_conntrack)"
}

# The CPE forgets an idle UDP mapping after 4 s; the flow waits 9 s.
@test "gateway: keep-alive: a mapping that times out in 4 s carries a flow that starts after 9 s, 500 frames exact" {
	local down
	gw_setup --udp-timeout 4
	scenario "$(downstream 9)"
	run_scenario
	assert_eq "exit code" 0 "$RC"
	down=$(sum_line down)
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
	[[ $(sum_line down) =~ ^500\|0\|downstream\ .*\ 0$ ]] || fail "down: $(sum_line down)"
	assert_eq "loss" "500|FAIL loss 100.000% exceeds max_loss_percentage 1.000%" "$(sum_line down loss)"
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
	gw_run "$BATS_TEST_TMPDIR/gw.json" --report-dir "$out"
	assert_eq "exit code" 0 "$RC"
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
