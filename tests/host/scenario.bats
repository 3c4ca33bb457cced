#!/usr/bin/env bats
# bbctl scenario check: every class of validation error as one line naming
# the JSON path (exit 1), good files and the examples (exit 0).

load helpers

P1='{"name":"p1","port_group":["a"],"interface":"veth0","ipv4":"10.0.0.1"}'
P2='{"name":"p2","port_group":["b"],"interface":"veth1","ipv4":"10.0.0.2"}'
FB='"name":"f","type":"frame_blasting","source":{"port_group":["a"]},"destination":{"port_group":["b"]}'

# doc FLOW_EXTRA [TOP_EXTRA]: two ports, one frame_blasting flow.
doc() {
	echo "{${2:+$2,}\"ports\":[$P1,$P2],\"flows\":[{$FB$1}]}"
}

# sel SOURCE DESTINATION: the same with other source/destination objects.
sel() {
	echo "{\"ports\":[$P1,$P2],\"flows\":[{\"name\":\"f\",\"type\":\"frame_blasting\",\"source\":$1,\"destination\":$2}]}"
}

# bad_file TEXT MESSAGE: check exits 1 with exactly "bbctl: FILE: MESSAGE"
# on stderr (one line, no usage) and nothing on stdout.
bad_file() {
	local f=$BATS_TEST_TMPDIR/s.json
	printf '%s\n' "$1" > "$f"
	run --separate-stderr "$BBCTL" scenario check "$f"
	assert_eq status 1 "$status"
	assert_eq output "" "$output"
	assert_eq stderr "bbctl: $f: $2" "$stderr"
}

@test "scenario check: conflicting keys name both paths" {
	bad_file "$(doc ',"frame_rate":10,"bitrate":5')" "flows[0].bitrate: conflicts with flows[0].frame_rate"
	bad_file "$(doc ',"frame_size":100,"imix":true')" "flows[0].imix: conflicts with flows[0].frame_size"
	bad_file "$(doc ',"number_of_frames":10,"duration":5')" "flows[0].duration: conflicts with flows[0].number_of_frames"
}

@test "scenario check: unknown keys, with what is allowed" {
	bad_file "$(doc '' '"bogus":1')" \
		"bogus: unknown key in the scenario (allowed: ports, flows, report, maximum_run_time, layer2_speed, wait_for_finish)"
	bad_file "$(doc ',"analysis":{"mos":true}')" \
		"flows[0].analysis.mos: unknown key in the analysis of this flow type (allowed: latency, max_loss_percentage, max_threshold_latency, quantile)"
}

@test "scenario check: wrong types" {
	bad_file "$(doc ',"dscp":"ef"')" "flows[0].dscp: must be an integer from 0 to 63"
	bad_file "$(doc ',"add_reverse_direction":"yes"')" "flows[0].add_reverse_direction: must be true or false"
	bad_file "$(sel '["a"]' '{"port_group":["b"]}')" "flows[0].source: must be an object"
	bad_file "[1]" "the scenario must be a JSON object"
}

@test "scenario check: out-of-range values" {
	bad_file "$(doc ',"analysis":{"quantile":101}')" "flows[0].analysis.quantile: must be a number above 0 and at most 100"
	bad_file "$(doc ',"frame_size":59')" "flows[0].frame_size: must be an integer from 60 to 9600"
	bad_file "$(doc '' '"layer2_speed":"bits"')" "layer2_speed: must be one of frame, frame_with_fcs, physical"
	bad_file "$(doc ',"frame_rate":2e9')" "flows[0].frame_rate: must be a number above 0 and at most 1e+09"
}

@test "scenario check: bad addresses" {
	bad_file "{\"ports\":[{\"name\":\"p1\",\"port_group\":[\"a\"],\"interface\":\"veth0\",\"ipv4\":\"10.0.0.300\"},$P2],\"flows\":[{$FB}]}" \
		'ports[0].ipv4: "10.0.0.300" is not an IPv4 address or "dhcp"'
	bad_file "{\"ports\":[{\"name\":\"p1\",\"port_group\":[\"a\"],\"interface\":\"veth0\",\"ipv6\":\"fd00::1\"},$P2],\"flows\":[{$FB}]}" \
		'flows[0]: ports "p1" and "p2" share no address family (both need ipv4 or both ipv6)'
}

@test "scenario check: ipv6 dhcp and slaac, and a flow's ip" {
	local p1='{"name":"p1","port_group":["a"],"interface":"veth0","ipv4":"10.0.0.1"'
	bad_file "{\"ports\":[$p1,\"ipv6\":\"slaac\",\"gateway_ipv6\":\"fe80::1\"},$P2],\"flows\":[{$FB}]}" \
		'ports[0].gateway_ipv6: conflicts with ports[0].ipv6 (slaac: the router'"'"'s advertisement gives the gateway)'
	bad_file "{\"ports\":[$p1,\"ipv6\":\"dhcpv6\"},$P2],\"flows\":[{$FB}]}" \
		'ports[0].ipv6: "dhcpv6" is not an IPv6 address (with an optional /prefix), "dhcp" or "slaac"'
	bad_file "$(doc ',"ip":"ipv6"')" \
		'flows[0].ip: "ipv6" but port "p1" has no ipv6 (an address or "dhcp" or "slaac")'
	bad_file "$(doc ',"ip":"v6"')" 'flows[0].ip: must be "ipv4" or "ipv6"'
	# dual stack: IPv4 by default, IPv6 when the flow asks
	printf '%s\n' "{\"ports\":[$p1,\"ipv6\":\"slaac\"},{\"name\":\"p2\",\"port_group\":[\"b\"],\"interface\":\"veth1\",\"ipv4\":\"dhcp\",\"ipv6\":\"dhcp\"}],\"flows\":[{$FB,\"ip\":\"ipv6\"}]}" \
		> "$BATS_TEST_TMPDIR/ok.json"
	run "$BBCTL" scenario check "$BATS_TEST_TMPDIR/ok.json"
	assert_eq status 0 "$status"
}

@test "scenario check: port groups that name no port, or the same port both ways" {
	bad_file "$(sel '{"port_group":["a"]}' '{"port_group":["nope"]}')" 'flows[0].destination.port_group[0]: no port is in group "nope"'
	bad_file "$(sel '{"port_group":["a"]}' '{"port_group":["a"]}')" 'flows[0]: source and destination both resolve to port "p1"'
}

@test "scenario check: duplicate names" {
	bad_file "{\"ports\":[$P1,$P2],\"flows\":[{$FB},{$FB}]}" 'flows[1].name: "f" is already the name of flows[0]'
	bad_file "{\"ports\":[$P1,$P1],\"flows\":[{$FB}]}" 'ports[1].name: "p1" is already the name of ports[0]'
}

@test "scenario check: a key given twice is an error" {
	local f=$BATS_TEST_TMPDIR/dup.json
	doc ',"dscp":1,"dscp":2' > "$f"
	run --separate-stderr "$BBCTL" scenario check "$f"
	assert_eq status 1 "$status"
	[[ $stderr == "bbctl: $f:1:"*": duplicate object key near '\"dscp\"'" ]] || fail "got: $stderr"
}

@test "scenario check: JSON syntax errors name file, line and column; a missing file" {
	local f=$BATS_TEST_TMPDIR/bad.json
	printf '{ "ports": [\n  1,, ]\n}\n' > "$f"
	run --separate-stderr "$BBCTL" scenario check "$f"
	assert_eq status 1 "$status"
	[[ $stderr == "bbctl: $f:2:"* ]] || fail "got: $stderr"
	run --separate-stderr "$BBCTL" scenario check "$BATS_TEST_TMPDIR/none.json"
	assert_eq status 1 "$status"
	assert_eq stderr "bbctl: $BATS_TEST_TMPDIR/none.json: unable to open $BATS_TEST_TMPDIR/none.json: No such file or directory" "$stderr"
}

@test "scenario check: usage errors" {
	usage_error scenario "bbctl: scenario check: missing the scenario FILE" scenario check
	usage_error scenario 'bbctl: scenario check: unknown argument "b.json"' scenario check a.json b.json
	usage_error scenario 'bbctl: scenario check: unknown argument "--bogus"' scenario check --bogus
}

@test "scenario check: a good file prints a summary, -j the normalized scenario with defaults" {
	local f=$BATS_TEST_TMPDIR/good.json
	doc ',"add_reverse_direction":true' > "$f"
	run --separate-stderr "$BBCTL" scenario check "$f"
	assert_eq status 0 "$status"
	assert_eq stderr "" "$stderr"
	assert_eq lines[0] "$f: ok, 2 ports, 2 flows, layer2_speed frame" "${lines[0]}"
	assert_eq lines[3] 'flow "f" frame_blasting p1 -> p2 size 60 rate 100 fps count 10000' "${lines[3]}"
	assert_eq lines[4] 'flow "f (reverse)" frame_blasting p2 -> p1 size 60 rate 100 fps count 10000' "${lines[4]}"
	command -v jq > /dev/null || skip "no jq"
	run --separate-stderr "$BBCTL" -j scenario check "$f"
	assert_eq status 0 "$status"
	assert_eq "jq .flows[0]" "[100,10000,1,false]" \
		"$(jq -c '.flows[0] | [.frame_rate, .number_of_frames, .analysis.max_loss_percentage, .analysis.latency]' <<< "$output")"
	assert_eq "jq [.layer2_speed," '["frame",5,["html","json"]]' "$(jq -c '[.layer2_speed, .wait_for_finish, .report.formats]' <<< "$output")"
	# -j is bbctl's, never a command's: one place, one meaning
	run --separate-stderr "$BBCTL" scenario check "$f" -j
	assert_eq status 1 "$status"
	assert_eq stderr_lines[0] "bbctl: scenario check: -j is an option of bbctl, not of the command: give it before the object (bbctl -j scenario check ...)" "${stderr_lines[0]}"
}

# voice EXTRA: two ports, one voice flow with EXTRA keys.
voice() {
	echo "{\"ports\":[$P1,$P2],\"flows\":[{\"name\":\"v\",\"type\":\"voice\",\"source\":{\"port_group\":[\"a\"]},\"destination\":{\"port_group\":[\"b\"]}$1}]}"
}

@test "scenario check: voice packetization is any whole ms that fits a frame, codec pcmu or pcma" {
	local msg="flows[0].packetization: must be an integer from 1 to 1188" f=$BATS_TEST_TMPDIR/v.json
	bad_file "$(voice ',"packetization":0')" "$msg"
	bad_file "$(voice ',"packetization":1189')" "$msg"
	bad_file "$(voice ',"packetization":-20')" "$msg"
	bad_file "$(voice ',"packetization":20.5')" "$msg"
	bad_file "$(voice ',"packetization":"20"')" "$msg"
	bad_file "$(voice ',"codec":"g729"')" \
		'flows[0].codec: must be "pcmu" (G.711 mu-law, RTP payload type 0) or "pcma" (G.711 A-law, 8)'
	voice ',"packetization":1188,"codec":"pcma"' > "$f"
	run --separate-stderr "$BBCTL" -j scenario check "$f"
	assert_eq status 0 "$status"
	assert_eq stderr "" "$stderr"
	command -v jq > /dev/null || skip "no jq"
	assert_eq "jq .flows[0]" '[1188,"pcma"]' "$(jq -c '.flows[0] | [.packetization, .codec]' <<< "$output")"
}

@test "scenario check: every example passes" {
	local f n=0
	for f in "$bb_top"/examples/*.json; do
		run --separate-stderr "$BBCTL" scenario check "$f"
		[ "$status" -eq 0 ] || fail "$f: $stderr"
		n=$((n + 1))
	done
	[ "$n" -ge 3 ]
}

@test "scenario check: in the man page and the bash completion" {
	grep -q '^\.BI "scenario check " FILE$' "$bb_top/Documentation/bbctl.8"
	run bash -c 'source "$1/userspace/bbctl/bbctl.bash"; COMP_WORDS=(bbctl scenario c); COMP_CWORD=2; _bbctl; echo "${COMPREPLY[*]}"' _ "$bb_top"
	assert_eq output "check convert" "$output"
	run bash -c 'source "$1/userspace/bbctl/bbctl.bash"; cd "$1/examples"; COMP_WORDS=(bbctl scenario check back); COMP_CWORD=3; _bbctl; echo "${COMPREPLY[*]}"' _ "$bb_top"
	assert_eq output "back-to-back.json" "$output"
}

@test "scenario check: addresses, interfaces and names no network carries, one line each" {
	bad_file "{\"ports\":[{\"name\":\"p1\",\"port_group\":[\"a\"],\"interface\":\"veth0\",\"ipv4\":\"10.0.0.255\"},$P2],\"flows\":[{$FB}]}" \
		'ports[0].ipv4: "10.0.0.255" is the broadcast address of its subnet; a port needs a unicast host address'
	bad_file "{\"ports\":[{\"name\":\"p1\",\"port_group\":[\"a\"],\"interface\":\"veth0\",\"ipv6\":\"::1\"},$P2],\"flows\":[{$FB}]}" \
		'ports[0].ipv6: "::1" is the loopback address; a port needs a unicast host address'
	bad_file "{\"ports\":[{\"name\":\"p1\",\"port_group\":[\"a\"],\"interface\":\"veth0\",\"ipv4\":\"10.0.0.1\",\"gateway\":\"10.0.9.1\"},$P2],\"flows\":[{$FB}]}" \
		"ports[0].gateway: \"10.0.9.1\" is not in the port's subnet 10.0.0.0/24"
	bad_file "{\"ports\":[{\"name\":\"p1\",\"port_group\":[\"a\"],\"interface\":\"a/b\",\"ipv4\":\"10.0.0.1\"},$P2],\"flows\":[{$FB}]}" \
		"ports[0].interface: \"a/b\" is not a Linux interface name (not \".\" or \"..\", no '/', ':' or blanks)"
	bad_file "{\"ports\":[{\"name\":\"p1\\n\",\"port_group\":[\"a\"],\"interface\":\"veth0\",\"ipv4\":\"10.0.0.1\"},$P2],\"flows\":[{$FB}]}" \
		'ports[0].name: has control character U+000A at byte 2; names and groups must be printable text'
	bad_file "$(doc ',"frame_rate":1e-300')" \
		'flows[0].frame_rate: gives a frame rate below what the generator allows (1 frame per hour to 1e9 frames/s)'
}

# limit_file FILE: a scenario at every limit of Documentation/scenario.md:
# 4096 ports with names and 16 groups of 63 characters, 4096 flows whose
# source and destination each list 16 groups (one port per side).
limit_file() {
	awk 'function pad(s) { return sprintf("%-63s", s) }
	function grp(p, k) { return pad(sprintf("g%d-%d", p, k)) }
	function groups(p,   k, s) {
		for (k = 0; k < 16; k++) s = s (k ? "," : "") "\"" grp(p, k) "\""
		return s
	}
	BEGIN {
		printf "{\"ports\":["
		for (i = 0; i < 4096; i++)
			printf "%s{\"name\":\"%s\",\"port_group\":[%s],\"interface\":\"veth%d\",\"ipv4\":\"10.%d.%d.1/24\"}\n",
				i ? "," : "", pad("p" i), groups(i), i % 8, int(i / 256), i % 256
		printf "],\"flows\":["
		for (i = 0; i < 4096; i++)
			printf "%s{\"name\":\"%s\",\"type\":\"frame_blasting\",\"source\":{\"port_group\":[%s]},\"destination\":{\"port_group\":[%s]}}\n",
				i ? "," : "", pad("f" i), groups(0), groups(i % 4095 + 1)
		print "]}"
	}' > "$1"
}

@test "scenario check: a file at the limits checks in well under a second (5 s of CPU under ASan)" {
	local f=$BATS_TEST_TMPDIR/limits.json real user sys rc
	limit_file "$f"
	[ "$(stat -c %s "$f")" -le $((16 << 20)) ]
	# CPU time, not wall time: the VM suites may share the machine
	TIMEFORMAT='%R %U %S'
	{ time "$BBCTL" scenario check "$f" > "$BATS_TEST_TMPDIR/out" 2>&1; } 2> "$BATS_TEST_TMPDIR/time" || rc=$?
	read -r real user sys < "$BATS_TEST_TMPDIR/time"
	echo "# checked in $real s ($user s user, $sys s system)" >&3
	assert_eq rc:-0 0 "${rc:-0}"
	assert_eq head "$f: ok, 4096 ports, 4096 flows, layer2_speed frame" "$(head -n1 "$BATS_TEST_TMPDIR/out")"
	awk -v u="$user" -v s="$sys" 'BEGIN { exit !(u + s < 5) }'
}

@test "scenario check: one past a limit is refused before the work" {
	local f=$BATS_TEST_TMPDIR/big.json
	limit_file "$f"
	truncate -s $(((16 << 20) + 1)) "$f"
	run --separate-stderr "$BBCTL" scenario check "$f"
	assert_eq status 1 "$status"
	assert_eq stderr "bbctl: $f: 16777217 bytes; a scenario file has at most 16777216" "$stderr"
	awk 'BEGIN { printf "{\"ports\":["; for (i = 0; i < 4097; i++) printf "%s{\"name\":\"p%d\",\"port_group\":[\"g\"],\"interface\":\"veth0\",\"ipv4\":\"10.0.%d.%d/16\"}", i ? "," : "", i, int(i / 250), i % 250 + 1; print "],\"flows\":[]}" }' > "$f"
	run --separate-stderr "$BBCTL" scenario check "$f"
	assert_eq stderr "bbctl: $f: ports: 4097 ports; a scenario has at most 4096" "$stderr"
}

@test "scenario check: a port's capture: libpcap's line for a bad filter, ranges, unknown keys" {
	local p='{"name":"p2","port_group":["b"],"interface":"veth1","ipv4":"10.0.0.2","capture":'
	cap() { echo "{\"ports\":[$P1,$p$1}],\"flows\":[{$FB}]}"; }
	bad_file "$(cap '{"filter":"udp port"}')" \
		"ports[1].capture.filter: can't parse filter expression: syntax error"
	bad_file "$(cap '{"filter":"ether host 1:2"}')" \
		"ports[1].capture.filter: illegal link layer address"
	bad_file "$(cap '{"snaplen":10}')" \
		"ports[1].capture.snaplen: must be an integer from 64 to 262144"
	bad_file "$(cap '{"max_bytes":100}')" \
		"ports[1].capture.max_bytes: must be an integer from 1024 to 9223372036854775807"
	bad_file "$(cap '{"files":2}')" \
		'ports[1].capture.files: unknown key in a capture (allowed: filter, snaplen, max_bytes)'
	bad_file "$(cap 'true')" "ports[1].capture: must be an object"
	printf '%s\n' "$(cap '{"filter":"udp dst port 4000","snaplen":128,"max_bytes":2000000}')" > "$BATS_TEST_TMPDIR/ok.json"
	run --separate-stderr "$BBCTL" scenario check "$BATS_TEST_TMPDIR/ok.json"
	assert_eq status 0 "$status"
}

@test "scenario check: a port that only captures needs no address, and is no flow's end" {
	local mon='{"name":"mon","port_group":["m"],"interface":"veth9","exclusive":true,"capture":{}}'
	printf '%s\n' "{\"ports\":[$P1,$P2,$mon],\"flows\":[{$FB}]}" > "$BATS_TEST_TMPDIR/ok.json"
	run --separate-stderr "$BBCTL" -j scenario check "$BATS_TEST_TMPDIR/ok.json"
	assert_eq status 0 "$status"
	assert_eq "jq .ports[2]" '{"ipv4":null,"ipv6":null}' "$(jq -c '.ports[2] | {ipv4, ipv6}' <<< "$output")"
	bad_file "{\"ports\":[$P1,$P2,$mon],\"flows\":[{$FB},{\"name\":\"g\",\"type\":\"frame_blasting\",\"source\":{\"port_group\":[\"a\"]},\"destination\":{\"port_group\":[\"m\"]}}]}" \
		'flows[1]: port "mon" only captures (it has no ipv4 or ipv6): it cannot send or receive a flow'
	bad_file "{\"ports\":[$P1,{\"name\":\"x\",\"port_group\":[\"b\"],\"interface\":\"veth1\"}],\"flows\":[{$FB}]}" \
		'ports[1]: needs ipv4 or ipv6 (an address, "dhcp", or "slaac" for ipv6), or a capture alone'
}
