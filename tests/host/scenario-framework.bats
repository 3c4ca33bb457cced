#!/usr/bin/env bats
# The ByteBlower test framework's CLI configuration as a scenario dialect:
# the fixtures (written from the framework's documentation) pass scenario
# check unchanged; convert gives a file bb's own dialect accepts; what
# bb refuses is one line naming the path in the user's file.

load helpers

FX=$bb_top/tests/host/fixtures/framework
MAP="--map-file $FX/interfaces.json --map nontrunk-2=veth1"
SRV='"server":"bb.example.com"'
P1='{"name":"p1","port_group":["a"],"interface":"veth0","ipv4":"10.0.0.1"}'
P2='{"name":"p2","port_group":["b"],"interface":"veth1","ipv4":"10.0.0.2"}'
FB='"name":"f","type":"frame_blasting","source":{"port_group":["a"]},"destination":{"port_group":["b"]}'

# bad_fw TEXT MESSAGE [ARGS...]: check exits 1 with exactly "bbctl: FILE: MESSAGE".
bad_fw() {
	local f=$BATS_TEST_TMPDIR/s.json text=$1 msg=$2
	shift 2
	printf '%s\n' "$text" > "$f"
	run --separate-stderr "$BBCTL" scenario check "$@" "$f"
	assert_eq status 1 "$status"
	assert_eq output "" "$output"
	assert_eq stderr "bbctl: $f: $msg" "$stderr"
}

@test "framework: every fixture passes scenario check unchanged" {
	for f in "$FX"/*.json; do
		[ "$(basename "$f")" = interfaces.json ] && continue
		run --separate-stderr "$BBCTL" scenario check $MAP "$f"
		[ "$status" -eq 0 ] || fail "$f: $stderr"
		assert_eq value "dialect: ByteBlower test framework" "${lines[1]%%,*}"
	done
}

@test "framework: convert gives bb's own dialect, which checks the same" {
	for f in "$FX"/*.json; do
		[ "$(basename "$f")" = interfaces.json ] && continue
		"$BBCTL" scenario convert $MAP "$f" > "$BATS_TEST_TMPDIR/bb.json"
		run --separate-stderr "$BBCTL" scenario check "$BATS_TEST_TMPDIR/bb.json"
		[ "$status" -eq 0 ] || fail "$f: $stderr"
		[[ "${lines[1]}" != dialect:* ]]
		a=$("$BBCTL" -j scenario check $MAP "$f" | python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin)["scenario"], sort_keys=True))')
		b=$("$BBCTL" -j scenario check "$BATS_TEST_TMPDIR/bb.json" | python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin), sort_keys=True))')
		assert_eq a "$b" "$a"
	done
}

@test "framework: check -j lists each notice with its path" {
	run --separate-stderr "$BBCTL" -j scenario check $MAP "$FX/trunk-nat.json"
	assert_eq status 0 "$status"
	notes=$(printf '%s\n' "$output" | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["dialect"] == "byteblower-test-framework"
for n in d["notices"]:
    print(n["path"], n["action"], json.dumps(n.get("value")))')
	grep -qx 'server mapped null' <<< "$notes"
	grep -qx 'ports\[0\].interface mapped null' <<< "$notes"
	# tags are bb keys now: they pass through to the record
	printf '%s\n' "$output" | python3 -c '
import json, sys
assert json.load(sys.stdin)["scenario"]["ports"][0]["tags"] == ["public", "core"]'
	grep -qx 'flows\[0\].napt_keep_alive mapped null' <<< "$notes"
	grep -qx 'flows\[0\].number_of_frames mapped null' <<< "$notes"
	grep -qx 'report.html_report mapped null' <<< "$notes"
}

@test "framework: what bb refuses names the user's path" {
	bad_fw "{$SRV,\"ports\":[{\"name\":\"p1\",\"port_group\":[\"a\"],\"interface\":\"trunk-1-9\",\"ipv4\":\"10.0.0.1\"},$P2],\"flows\":[{$FB}]}" \
		'ports[0].interface: "trunk-1-9" is a ByteBlower interface that is not in the interface map (give --map trunk-1-9=IFNAME, or add it to /etc/bb/interfaces.json)' \
		--map-file "$FX/interfaces.json"
	bad_fw "{$SRV,\"ports\":[{\"name\":\"ep\",\"port_group\":[\"a\"],\"uuid\":\"1234\",\"ipv4\":true},$P2],\"flows\":[{$FB}]}" \
		'ports[0].uuid: ByteBlower Endpoints are not supported (a bb port is a network interface of this machine: give "interface")'
	bad_fw "{$SRV,\"ports\":[$P1,$P2],\"flows\":[{$FB},{\"name\":\"v\",\"type\":\"dynamic_frame_blasting\",\"source\":{\"port_group\":[\"a\"]},\"destination\":{\"port_group\":[\"b\"]}}]}" \
		'flows[1].type: flow "v" is of type "dynamic_frame_blasting", which bb does not support yet (bb runs frame_blasting, voice, gaming, http, video)'
	bad_fw "{$SRV,\"ports\":[$P1,$P2],\"flows\":[{$FB,\"ip_dscp\":64}]}" \
		'flows[0].ip_dscp: must be an integer from 0 to 63'
	bad_fw "{$SRV,\"ports\":[$P1,$P2],\"flows\":[{$FB,\"dscp\":\"ef\"}]}" \
		'flows[0].dscp: "ef" is not a code point (an integer, or a string like "0x2e", "46" or "0b101110")'
	bad_fw "{$SRV,\"ports\":[$P1,$P2],\"flows\":[{$FB,\"nat_keep_alive\":true,\"napt_keep_alive\":true}]}" \
		'flows[0].napt_keep_alive: conflicts with flows[0].nat_keep_alive (give nat_keep_alive only)'
}

@test "framework: --map and the map file are checked" {
	f=$FX/port-basic.json
	run --separate-stderr "$BBCTL" scenario check --map trunk-1-3 "$f"
	assert_eq status 1 "$status"
	assert_eq stderr 'bbctl: --map: "trunk-1-3" is not NAME=IFNAME' "$stderr"
	run --separate-stderr "$BBCTL" scenario check --map "trunk-1-3=a/b" "$f"
	assert_eq status 1 "$status"
	assert_eq stderr "bbctl: --map: \"a/b\" is not a network device name (1 to 15 characters, no '/', ':' or blanks)" "$stderr"
	printf '[1]\n' > "$BATS_TEST_TMPDIR/m.json"
	run --separate-stderr "$BBCTL" scenario check --map-file "$BATS_TEST_TMPDIR/m.json" "$f"
	assert_eq status 1 "$status"
	assert_eq stderr "bbctl: $BATS_TEST_TMPDIR/m.json: must be a JSON object {\"trunk-1-3\": \"IFNAME\", ...}" "$stderr"
	run "$BBCTL" scenario check --map
	assert_eq status 1 "$status"
	assert_eq lines[0] "bbctl: map: missing value (expected NAME=IFNAME,...)" "${lines[0]}"
}

@test "framework: a bb file is not taken for the framework's" {
	printf '%s\n' "{\"ports\":[$P1,$P2],\"flows\":[{$FB}],\"report\":{\"formats\":[\"json\"]}}" > "$BATS_TEST_TMPDIR/bb.json"
	run "$BBCTL" scenario convert "$BATS_TEST_TMPDIR/bb.json"
	assert_eq status 0 "$status"
	assert_eq printf "['flows', 'ports', 'report']" "$(printf '%s\n' "$output" | python3 -c 'import json,sys; print(sorted(json.load(sys.stdin)))')"
	run "$BBCTL" scenario check "$BATS_TEST_TMPDIR/bb.json"
	[[ "${lines[1]}" != dialect:* ]]
}
