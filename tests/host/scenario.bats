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
	expect_eq "$status" 1
	expect_eq "$output" ""
	expect_eq "$stderr" "bbctl: $f: $2"
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

@test "scenario check: port groups that name no port, or the same port both ways" {
	bad_file "$(sel '{"port_group":["a"]}' '{"port_group":["nope"]}')" 'flows[0].destination.port_group[0]: no port is in group "nope"'
	bad_file "$(sel '{"port_group":["a"]}' '{"port_group":["b","a"]}')" 'flows[0]: source and destination both resolve to port "p1"'
}

@test "scenario check: duplicate names" {
	bad_file "{\"ports\":[$P1,$P2],\"flows\":[{$FB},{$FB}]}" 'flows[1].name: "f" is already the name of flows[0]'
	bad_file "{\"ports\":[$P1,$P1],\"flows\":[{$FB}]}" 'ports[1].name: "p1" is already the name of ports[0]'
}

@test "scenario check: a key given twice is an error" {
	local f=$BATS_TEST_TMPDIR/dup.json
	doc ',"dscp":1,"dscp":2' > "$f"
	run --separate-stderr "$BBCTL" scenario check "$f"
	expect_eq "$status" 1
	[[ $stderr == "bbctl: $f:1:"*": duplicate object key near '\"dscp\"'" ]] || { echo "got: $stderr" >&2; return 1; }
}

@test "scenario check: JSON syntax errors name file, line and column; a missing file" {
	local f=$BATS_TEST_TMPDIR/bad.json
	printf '{ "ports": [\n  1,, ]\n}\n' > "$f"
	run --separate-stderr "$BBCTL" scenario check "$f"
	expect_eq "$status" 1
	[[ $stderr == "bbctl: $f:2:"* ]] || { echo "got: $stderr" >&2; return 1; }
	run --separate-stderr "$BBCTL" scenario check "$BATS_TEST_TMPDIR/none.json"
	expect_eq "$status" 1
	expect_eq "$stderr" "bbctl: $BATS_TEST_TMPDIR/none.json: unable to open $BATS_TEST_TMPDIR/none.json: No such file or directory"
}

@test "scenario check: usage errors" {
	usage_error scenario "bbctl: scenario check: missing the scenario FILE" scenario check
	usage_error scenario 'bbctl: scenario check: unexpected argument "b.json"' scenario check a.json b.json
	usage_error scenario 'bbctl: scenario check: unexpected argument "--bogus"' scenario check --bogus
}

@test "scenario check: a good file prints a summary, -j the normalized scenario with defaults" {
	local f=$BATS_TEST_TMPDIR/good.json
	doc ',"add_reverse_direction":true' > "$f"
	run --separate-stderr "$BBCTL" scenario check "$f"
	expect_eq "$status" 0
	expect_eq "$stderr" ""
	expect_eq "${lines[0]}" "$f: ok, 2 ports, 2 flows, layer2_speed frame"
	expect_eq "${lines[3]}" 'flow "f" frame_blasting p1 -> p2 size 60 rate 100 fps count 10000'
	expect_eq "${lines[4]}" 'flow "f (reverse)" frame_blasting p2 -> p1 size 60 rate 100 fps count 10000'
	command -v jq > /dev/null || skip "no jq"
	run --separate-stderr "$BBCTL" -j scenario check "$f"
	expect_eq "$status" 0
	expect_eq "$(jq -c '.flows[0] | [.frame_rate, .number_of_frames, .analysis.max_loss_percentage, .analysis.latency]' <<< "$output")" \
		"[100,10000,1,false]"
	expect_eq "$(jq -c '[.layer2_speed, .wait_for_finish, .report.formats]' <<< "$output")" '["frame",5,["html","json"]]'
	run --separate-stderr "$BBCTL" scenario check "$f" -j
	expect_eq "$(jq -r .ports[0].exclusive <<< "$output")" false
}

@test "scenario check: every example passes" {
	local f n=0
	for f in "$bb_top"/examples/*.json; do
		run --separate-stderr "$BBCTL" scenario check "$f"
		[ "$status" -eq 0 ] || { echo "$f: $stderr" >&2; return 1; }
		n=$((n + 1))
	done
	[ "$n" -ge 3 ]
}

@test "scenario check: in the man page and the bash completion" {
	grep -q '^\.BR "scenario check " \\fIFILE' "$bb_top/Documentation/bbctl.8"
	run bash -c 'source "$1/userspace/bbctl/bbctl.bash"; COMP_WORDS=(bbctl scenario c); COMP_CWORD=2; _bbctl; echo "${COMPREPLY[*]}"' _ "$bb_top"
	expect_eq "$output" "check"
	run bash -c 'source "$1/userspace/bbctl/bbctl.bash"; cd "$1/examples"; COMP_WORDS=(bbctl scenario check back); COMP_CWORD=3; _bbctl; echo "${COMPREPLY[*]}"' _ "$bb_top"
	expect_eq "$output" "back-to-back.json"
}
