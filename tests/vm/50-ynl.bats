#!/usr/bin/env bats
# The YNL spec is true: the kernel's own generic ynl CLI (tools/net/ynl from
# linux-source-6.12), driven only by Documentation/netlink/bbgen.yaml, talks
# to the loaded module and agrees with bbctl -j, and the module's extack
# messages come back through it for requests bbctl would never send.

load lib

setup() {
	local tree
	tree=$("$BB_TOP/scripts/linux-source")
	YNL_CLI=$tree/tools/net/ynl/cli.py
	[ -r "$YNL_CLI" ] || fail "no ynl CLI at $YNL_CLI"
	# cli.py looks for the schema beside specs/ in the kernel's layout.
	SCHEMA=$tree/Documentation/netlink/genetlink-c.yaml
	SPEC=$BB_TOP/Documentation/netlink/bbgen.yaml
	pair_setup
	ports_add
}
teardown() { pair_teardown; }

# ynl NS ARGS...: the kernel's ynl CLI in a namespace, JSON out. Schema
# validation of the spec costs two thirds of a call under TCG, so only
# calls with YNL_SCHEMA=1 do it (make check validates the spec on the host
# as well).
ynl() {
	local ns=$1 schema=(--no-schema)
	shift
	[ -n "${YNL_SCHEMA:-}" ] && schema=(--schema "$SCHEMA")
	ip netns exec "$ns" /usr/bin/python3 "$YNL_CLI" --spec "$SPEC" "${schema[@]}" \
		--output-json "$@"
}

# same_objects WHAT YNL_JSON BBCTL_JSON KEY...: the two lists hold the same
# objects (matched by the first KEY), every KEY present in both with the
# same value; ynl's names have '-' where bbctl's JSON keys have '_'.
same_objects() {
	local what=$1 y=$2 b=$3
	shift 3
	/usr/bin/python3 - "$what" "$y" "$b" "$@" <<'PY'
import json, sys
what, y, b, keys = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
y = json.loads(y)
y = [y] if isinstance(y, dict) else y
y = [{k.replace("-", "_"): v for k, v in o.items()} for o in y]
b = json.loads(b)
bad = []
by = lambda objs: {o.get(keys[0]): o for o in objs}
yo, bo = by(y), by(b)
if set(yo) != set(bo):
    bad.append("%s %s: ynl has %s, bbctl has %s" % (what, keys[0], sorted(yo), sorted(bo)))
for k0 in set(yo) & set(bo):
    for k in keys:
        if k not in yo[k0] or k not in bo[k0]:
            bad.append("%s %s=%s: key %s missing (ynl %s, bbctl %s)" % (
                what, keys[0], k0, k, k in yo[k0], k in bo[k0]))
        elif yo[k0][k] != bo[k0][k]:
            bad.append("%s %s=%s: %s is %r in ynl, %r in bbctl" % (
                what, keys[0], k0, k, yo[k0][k], bo[k0][k]))
for line in bad:
    print("FAIL: " + line)
sys.exit(1 if bad else 0)
PY
}

@test "ynl: port, stream and trigger dumps agree with bbctl -j" {
	run_stream 1 200 1000
	bbctl_a stream add dev veth0 id 2 dst-mac "$MAC_B" src "$IP6_A" dst "$IP6_B" \
		dport 5002 size 200 rate 500 count 7
	local y b
	y=$(YNL_SCHEMA=1 ynl "$NS_A" --dump port-get)
	b=$(bbctl_a -j port show)
	echo "ynl: $y"; echo "bbctl: $b"
	same_objects port "$y" "$b" ifindex dev streams triggers
	y=$(ynl "$NS_B" --dump port-get)
	b=$(bbctl_b -j port show)
	same_objects port "$y" "$b" ifindex dev streams triggers
	y=$(ynl "$NS_A" --dump stream-get)
	b=$(bbctl_a -j stream show)
	echo "ynl: $y"; echo "bbctl: $b"
	same_objects stream "$y" "$b" id ifindex dev state frame_size interval_ns count \
		seq_offset xmit_mode tx_frames tx_bytes first_tx_ns last_tx_ns
	y=$(ynl "$NS_B" --dump trigger-get)
	b=$(bbctl_b -j trigger show)
	echo "ynl: $y"; echo "bbctl: $b"
	same_objects trigger "$y" "$b" id ifindex dev udp_dport rx_frames rx_bytes \
		highest_seq lost out_of_sequence duplicates first_rx_ns last_rx_ns
	y=$(ynl "$NS_A" --do stream-get --json '{"id": 2}')
	same_objects "stream (do)" "$y" "$(bbctl_a -j stream show id 2)" id state count frame_size
}

@test "ynl: the kernel rejects what bbctl never sends, with an extack" {
	# A valid 60-byte IPv4/UDP frame, to vary one thing at a time.
	local frame=02000000000202000000000108004500002e00004000401126bd0a0000010a000002
	frame+=0fa01388001a0000000000000000000000000000000000000000
	local a='"dev": "veth0", "interval-ns": 1000000'
	# request|expected: the kernel's extack for each request.
	local cases=(
		'do port-add {"dev": "nosuch0"}|device not found'
		'do port-add {}|missing device (IFINDEX or DEV)'
		'do port-add {"dev": "veth0"}|port already exists'
		'do stream-start {}|missing stream id'
		'do stream-del {"id": 77}|no stream with this id'
		"do stream-add {$a, \"count\": 1}|missing template"
		# The policy's own checks (ranges and lengths, as the spec's), then
		# the module's checks of the frame.
		"do stream-add {$a, \"count\": 0, \"template\": \"$frame\"}|integer out of range"
		"do stream-add {$a, \"count\": 1, \"template\": \"${frame:0:80}\"}|binary attribute size out of range"
		"do stream-add {$a, \"count\": 1, \"seq-offset\": 53, \"template\": \"$frame\"}|frame too short for the sequence tag"
		"do stream-add {$a, \"count\": 1, \"template\": \"${frame:0:24}0806${frame:28}\"}|template is not an Ethernet/IPv4 or IPv6/UDP frame"
		'do trigger-add {"dev": "veth0"}|missing UDP destination port'
	)
	local reqs=() c i
	for c in "${cases[@]}"; do reqs+=("${c%%|*}"); done
	run in_a /usr/bin/python3 "$BB_TOP/tests/vm/ynl-requests" "$(dirname "$YNL_CLI")" \
		"$SPEC" "${reqs[@]}"
	echo "$output"
	assert_eq "ynl-requests status" 0 "$status"
	assert_eq "replies" "${#cases[@]}" "${#lines[@]}"
	for i in "${!cases[@]}"; do
		[[ ${lines[i]} =~ ^error\ [0-9]+\ (.*)$ ]] ||
			fail "${reqs[i]}: expected a rejection, got: ${lines[i]}"
		assert_eq "extack of ${reqs[i]}" "${cases[i]##*|}" "${BASH_REMATCH[1]}"
	done
	assert_eq "streams in bbA" "[]" "$(bbctl_a -j stream show)"
	assert_eq "triggers in bbA" "[]" "$(bbctl_a -j trigger show)"
}

@test "ynl: the live policy of every operation equals the spec's types and checks (CTRL_CMD_GETPOLICY)" {
	run "$BB_TOP/tests/vm/policy-vs-spec"
	echo "$output"
	assert_eq "exit status" 0 "$status"
	[[ ${lines[-1]} =~ ^policy-vs-spec:\ 13\ operations,\ [0-9]+\ policies\ of\ ([0-9]+)\ attributes,\ 0\ differences$ ]] ||
		fail "summary: ${lines[-1]}"
	assert_gt "attribute policies" 40 "${BASH_REMATCH[1]}"
	# and it sees drift: a spec whose checks differ from the kernel's
	sed -e 's/^          max: interval-max-ns$/          max: 1000/' \
	    -e '/name: udp-dport/,/min: 1/s/min: 1/min: 2/' "$SPEC" > "$BATS_TEST_TMPDIR/drift.yaml"
	run "$BB_TOP/tests/vm/policy-vs-spec" "$BATS_TEST_TMPDIR/drift.yaml"
	echo "$output"
	assert_eq "exit status with drift" 1 "$status"
	assert_eq "drift" "stream-add do interval-ns: max-value-u: spec 1000, kernel 3600000000000
trigger-add do udp-dport: min-value-u: spec 2, kernel 1" "$(grep -v '^policy-vs-spec:' <<< "$output")"
}
