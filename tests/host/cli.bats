#!/usr/bin/env bats
# Global grammar: options, objects, commands, help, version.
load helpers

@test "no arguments: missing object, bbctl usage, exit 1" {
	usage_error "" "bbctl: missing object (one of port, stream, trigger, run, scenario, runs, report, http, status, stop, capture, support-bundle, monitor)"
}

@test "only options: missing object" {
	usage_error "" "bbctl: missing object (one of port, stream, trigger, run, scenario, runs, report, http, status, stop, capture, support-bundle, monitor)" -j -p
}

@test "unknown object" {
	usage_error "" 'bbctl: unknown object "frob" (one of port, stream, trigger, run, scenario, runs, report, http, status, stop, capture, support-bundle, monitor)' frob
}

@test "unknown option" {
	usage_error "" 'bbctl: unknown option "-x"' -x stream show
	usage_error "" 'bbctl: unknown option "--jsonx"' --jsonx stream show
	usage_error "" 'bbctl: unknown option "-jx"' -jx stream show
}

@test "unknown command of each object lists the commands" {
	usage_error port 'bbctl: port: unknown command "frob" (one of show, add, del)' port frob
	usage_error stream 'bbctl: stream: unknown command "frob" (one of show, add, del, start, stop)' stream frob
	usage_error trigger 'bbctl: trigger: unknown command "frob" (one of show, add, del, history, histogram)' trigger frob
}

@test "help, -h and --help print the same usage on stdout, exit 0" {
	run --separate-stderr "$BBCTL" help
	assert_eq status 0 "$status"
	assert_eq stderr "" "$stderr"
	assert_eq lines[0] "Usage: bbctl [OPTIONS] OBJECT COMMAND [ARGS]" "${lines[0]}"
	help=$output
	for h in -h --help; do
		run --separate-stderr "$BBCTL" $h
		assert_eq status 0 "$status"
		assert_eq output "$help" "$output"
	done
}

@test "usage lines fit in 80 columns" {
	run "$BBCTL" help
	for l in "${lines[@]}"; do
		[ "${#l}" -le 80 ] || fail "too long: $l"
	done
}

@test "help lists every command of the grammar" {
	run "$BBCTL" help
	for want in \
		"       bbctl port add dev IFNAME [timestamping { software | hardware }]" \
		"       bbctl port del dev IFNAME" \
		"       bbctl port show [dev IFNAME]" \
		"       bbctl stream add dev IFNAME [id N] dst-mac MAC [src-mac MAC]" \
		"                  src IP dst IP [sport N] [dport N] [SIZES] RATE" \
		"                  [count N | duration SECS] [delay SECS]" \
		"                  [vlan ID[:PCP[:DEI]]]... [tpid TPID] [dscp N] [ecn N] [tos N]" \
		"                  [latency { on | off }] [xmit { queue | direct }] [cpu N]" \
		"       where  SIZES := { size BYTES | sizes B1,B2,..." \
		"                       | imix { default | SIZE:WEIGHT,... } [imix-order ORDER]" \
		"                       | size-dist normal MEAN STDDEV MIN MAX }" \
		"              RATE := { rate FPS | bitrate BPS [l2-speed L2SPEED] }" \
		"              ORDER := { fixed | shuffle }" \
		"              L2SPEED := { frame | frame_with_fcs | physical }" \
		"              TPID := { 0x8100 | 0x88a8 | 0x9100 }" \
		"       bbctl stream { start | stop } id N[,N...]" \
		"       bbctl stream del id N" \
		"       bbctl stream show [id N]" \
		"       bbctl trigger add dev IFNAME [id N] [src IP] [dst IP] [sport N] dport N" \
		"                  [vlan ID] [latency { on | off } [range MIN_NS MAX_NS]]" \
		"                  [interval MS]" \
		"       bbctl trigger del id N" \
		"       bbctl trigger show [id N]" \
		"       bbctl trigger history id N [from INDEX]" \
		"       bbctl trigger histogram id N" \
		"where  OPTIONS := { -j | --json | -p | --pretty | -n NETNS | --netns NETNS }"; do
		printf '%s\n' "${lines[@]}" | grep -qxF -- "$want" ||
			fail "missing: $want"
	done
}

@test "object help prints that object's usage, exit 0" {
	run --separate-stderr "$BBCTL" trigger help
	assert_eq status 0 "$status"
	assert_eq lines[0] "Usage: bbctl trigger add dev IFNAME [id N] [src IP] [dst IP] [sport N] dport N" "${lines[0]}"
	assert_eq lines[1] "                  [vlan ID] [latency { on | off } [range MIN_NS MAX_NS]]" "${lines[1]}"
	assert_eq lines[2] "                  [interval MS]" "${lines[2]}"
	assert_eq lines[3] "       bbctl trigger del id N" "${lines[3]}"
	assert_eq lines[4] "       bbctl trigger show [id N]" "${lines[4]}"
	assert_eq lines[5] "       bbctl trigger history id N [from INDEX]" "${lines[5]}"
	assert_eq lines[6] "       bbctl trigger histogram id N" "${lines[6]}"
	assert_eq #lines[@] 7 "${#lines[@]}"
}

@test "-V and --version print the version" {
	run "$BBCTL" -V
	assert_eq status 0 "$status"
	[[ $output =~ ^bbctl\ [^\ ]+$ ]]
	v=$output
	run "$BBCTL" --version
	assert_eq output "$v" "$output"
}

@test "options cluster and come in any order" {
	require_no_module
	reaches_kernel -jp stream show
	reaches_kernel -p --json trigger show
	reaches_kernel --pretty -j port show
	reaches_kernel -json port show
}

@test "objects and commands may be abbreviated, full words work" {
	require_no_module
	reaches_kernel s
	reaches_kernel s sh
	reaches_kernel str start id 1
	reaches_kernel st sto id 1
	reaches_kernel stream delete id 1
	reaches_kernel tr l
	reaches_kernel tr his id 1
	reaches_kernel tr histog id 1
	reaches_kernel p
	reaches_kernel port list
}

@test "an abbreviated command still checks its arguments" {
	usage_error stream 'bbctl: stream start: missing id N[,N...]' stream st
	usage_error port 'bbctl: dev: no such device "nosuch0"' p a dev nosuch0
}

@test "-n NETNS: the command runs in that namespace (ip netns's names), as ip -n does" {
	local ns=bbcli$$
	ip netns add "$ns"
	ip -n "$ns" link set lo up
	# lo in $ns sees these datagrams; the root namespace's lo does not
	"$BBCTL" -j -n "$ns" capture dev lo filter "udp dst port 9" count 3 -w "$BATS_TEST_TMPDIR/c.pcap" \
		2> "$BATS_TEST_TMPDIR/err" > "$BATS_TEST_TMPDIR/out" &
	local pid=$! i
	for i in $(seq 100); do grep -q listening "$BATS_TEST_TMPDIR/err" && break; sleep 0.05; done
	ip netns exec "$ns" bash -c 'for i in 1 2 3; do printf x > /dev/udp/127.0.0.1/9; done'
	wait "$pid" && status=0 || status=$?
	ip netns del "$ns"
	assert_eq status 0 "$status"
	assert_eq "jq .frames" 3 "$(jq -r .frames "$BATS_TEST_TMPDIR/out")"
}

@test "-n NETNS errors: one line, exit 1, no command run" {
	run --separate-stderr "$BBCTL" -n
	assert_eq status 1 "$status"
	assert_eq stderr "bbctl: -n: missing namespace name" "$stderr"
	run --separate-stderr "$BBCTL" --netns nosuch$$ port show
	assert_eq status 1 "$status"
	assert_eq stderr "bbctl: --netns: no such network namespace \"nosuch$$\" (ip netns list shows them)" "$stderr"
	run --separate-stderr "$BBCTL" -netns ../x port show
	assert_eq status 1 "$status"
	assert_eq stderr 'bbctl: -netns: "../x" is not a namespace name (as ip netns list shows them)' "$stderr"
	assert_eq output "" "$output"
}
