#!/usr/bin/env bats
# bbctl run + bbd: scenarios end to end. The test makes veth pairs in the
# root namespace; bbd puts a port (macvlan, or the device itself with
# "exclusive") in a namespace of its own for each scenario port and
# removes them all at the end.
#
#   bbc0 <-> bbc1   clean
#   bbl0 <-> bbl1   netem on bbl0 (loss), set per test

# bbd's scenario runs: userspace on top of the module paths 10-5x test on both lines; 6.12 only
# kernel-lines: 6.12

load lib
load scenario-lib

@test "scenario: netem loss 5% fails its flow, the clean flow passes, exit 3, nothing left behind" {
	tc qdisc add dev bbl0 root netem loss 5%
	cat > "$BATS_TEST_TMPDIR/loss.json" <<-EOF
	{ "ports": [ $(port c1 csrc bbc0 10.10.0.1), $(port c2 cdst bbc1 10.10.0.2),
	             $(port l1 lsrc bbl0 10.11.0.1), $(port l2 ldst bbl1 10.11.0.2) ],
	  "wait_for_finish": 2,
	  "flows": [ $(blast clean csrc cdst), $(blast lossy lsrc ldst) ] }
	EOF
	run_scenario "$BATS_TEST_TMPDIR/loss.json"
	assert_eq "exit code" 3 "$RC"
	assert_eq "verdict" FAIL "$(jq -r .verdict <<< "$REC")"
	assert_eq "clean verdict" PASS "$(jq -r '.flows[] | select(.name == "clean") | .analysers[0].verdict' <<< "$REC")"
	assert_eq "clean tx" 2000 "$(jq -r '.flows[] | select(.name == "clean") | .results.tx_frames' <<< "$REC")"
	assert_eq "clean lost" 0 "$(jq -r '.flows[] | select(.name == "clean") | .results.lost_frames' <<< "$REC")"
	assert_eq "lossy verdict" FAIL "$(jq -r '.flows[] | select(.name == "lossy") | .analysers[0].verdict' <<< "$REC")"
	assert_eq "lossy tx" 2000 "$(jq -r '.flows[] | select(.name == "lossy") | .results.tx_frames' <<< "$REC")"
	# 5% of 2000 is 100; binomial spread, far from the 1% limit (20)
	lost=$(jq -r '.flows[] | select(.name == "lossy") | .results.lost_frames' <<< "$REC")
	assert_gt "lossy lost" 40 "$lost"
	[ "$lost" -lt 200 ] || fail "lossy lost: expected < 200, got $lost"
	jq -e '.flows[] | select(.name == "lossy") | .analysers[0].reason | test("exceeds")' <<< "$REC" > /dev/null ||
		fail "lossy reason does not say why"
	# the record's per-port namespaces existed and are gone
	assert_eq "ports in the record" 4 "$(jq '[.ports[] | select(.netns | startswith("bb-"))] | length' <<< "$REC")"
	assert_eq "namespaces left" "" "$(bb_netns_left)"
	# no macvlan left on the veths, the veths themselves still there
	assert_eq "links left" "" "$(ip -o link show | grep -o 'bbd[0-9a-f]*\.[0-9a-f]*' || true)"
	ip link show bbc0 > /dev/null && ip link show bbl1 > /dev/null
	# the bbd that bbctl started for the run has gone too
	[ ! -S "$SOCK" ] || fail "bbd socket $SOCK still there"
}

@test "scenario: voice MOS >= 4.0 on a clean link, < 4.0 with netem loss 10%" {
	cat > "$BATS_TEST_TMPDIR/voice.json" <<-EOF
	{ "ports": [ $(port c1 csrc bbc0 10.10.0.1), $(port c2 cdst bbc1 10.10.0.2),
	             $(port l1 lsrc bbl0 10.11.0.1), $(port l2 ldst bbl1 10.11.0.2) ],
	  "wait_for_finish": 2,
	  "flows": [ $(voice clean csrc cdst), $(voice lossy lsrc ldst) ] }
	EOF
	tc qdisc add dev bbl0 root netem loss 10%
	run_scenario "$BATS_TEST_TMPDIR/voice.json"
	assert_eq "exit code" 3 "$RC"
	clean=$(jq -r '.flows[] | select(.name == "clean") | .results.mos' <<< "$REC")
	lossy=$(jq -r '.flows[] | select(.name == "lossy") | .results.mos' <<< "$REC")
	[[ $clean =~ ^[0-9.]+$ ]] && awk -v m="$clean" 'BEGIN { exit !(m >= 4.0) }' ||
		fail "clean MOS: expected >= 4.0, got $clean"
	[[ $lossy =~ ^[0-9.]+$ ]] && awk -v m="$lossy" 'BEGIN { exit !(m < 4.0) }' ||
		fail "lossy MOS: expected < 4.0, got $lossy"
	assert_eq "clean verdict" PASS "$(jq -r '.flows[] | select(.name == "clean") | [.analysers[].verdict] | unique | join(",")' <<< "$REC")"
	assert_eq "namespaces left" "" "$(bb_netns_left)"
}

@test "scenario: exclusive ports, Ctrl-C stops the run: interrupted, FAIL, devices given back" {
	mac_before=$(cat /sys/class/net/bbc0/address)
	cat > "$BATS_TEST_TMPDIR/long.json" <<-EOF
	{ "ports": [ $(port c1 csrc bbc0 10.10.0.1 '"exclusive":true,"mac":"02:00:00:00:01:01"'),
	             $(port c2 cdst bbc1 10.10.0.2 '"exclusive":true') ],
	  "flows": [ {"name":"long","type":"frame_blasting","source":{"port_group":["csrc"]},
	              "destination":{"port_group":["cdst"]},"frame_rate":100,"duration":120} ] }
	EOF
	"$BBCTL" -j run "$BATS_TEST_TMPDIR/long.json" --socket "$SOCK" > "$BATS_TEST_TMPDIR/out.json" &
	pid=$!
	# wait until the devices have moved into the port namespaces
	wait_until 60 "bbc0 never moved into a port namespace" no_link bbc0
	sleep 3
	kill -INT "$pid"
	wait "$pid" && RC=0 || RC=$?
	REC=$(cat "$BATS_TEST_TMPDIR/out.json")
	assert_eq "exit code" 3 "$RC"
	assert_eq "interrupted" true "$(jq -r .run.interrupted <<< "$REC")"
	assert_eq "verdict" FAIL "$(jq -r .verdict <<< "$REC")"
	assert_gt "frames sent before the stop" 0 "$(jq -r '.flows[0].results.tx_frames' <<< "$REC")"
	assert_eq "namespaces left" "" "$(bb_netns_left)"
	assert_eq "bbc0 back, old MAC" "$mac_before" "$(cat /sys/class/net/bbc0/address)"
	assert_eq "bbc1 back" 1 "$(ip -o link show bbc1 | wc -l)"
}

# archived_runs DB: "id verdict interrupted" per run in the archive.
archived_runs() {
	"$BBCTL" -j runs archive "$1" | jq -r '.[] | "\(.id) \(.verdict) \(.interrupted)"'
}

# has_archived_runs DB: the archive holds a run (wait_until's condition).
has_archived_runs() {
	[ -n "$(archived_runs "$1" 2> /dev/null)" ]
}

# archive_intact DB: SQLite's own integrity check of the archive says ok.
archive_intact() {
	/usr/bin/python3 -c 'import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute("PRAGMA integrity_check").fetchone()[0])' "$1"
}

@test "scenario: a bbd SIGKILLed mid-run: the next bbd removes what it owned, the archive keeps every finished run" {
	local db=$BATS_TEST_TMPDIR/archive.db ns checked=0
	cat > "$BATS_TEST_TMPDIR/short.json" <<-EOF
	{ "ports": [ $(port c1 csrc bbc0 10.10.0.1), $(port c2 cdst bbc1 10.10.0.2) ],
	  "flows": [ {"name":"short","type":"frame_blasting","source":{"port_group":["csrc"]},
	              "destination":{"port_group":["cdst"]},"frame_rate":500,"number_of_frames":200} ] }
	EOF
	cat > "$BATS_TEST_TMPDIR/long.json" <<-EOF
	{ "ports": [ $(port c1 csrc bbc0 10.10.0.1 '"exclusive":true'), $(port c2 cdst bbc1 10.10.0.2) ],
	  "flows": [ {"name":"long","type":"frame_blasting","source":{"port_group":["csrc"]},
	              "destination":{"port_group":["cdst"]},"frame_rate":100,"duration":120} ] }
	EOF
	"$BBD" --foreground --quiet --socket "$SOCK" --archive "$db" &
	BBD_PID=$!
	# bbctl would start a bbd of its own if this one were not listening yet
	wait_until 60 "bbd never listened" test -S "$SOCK"
	run_scenario "$BATS_TEST_TMPDIR/short.json"
	assert_eq "the finished run's exit code" 0 "$RC"
	"$BBCTL" -j run "$BATS_TEST_TMPDIR/long.json" --socket "$SOCK" > /dev/null &
	pid=$!
	wait_until 60 "the port namespaces never appeared" ports_in_namespaces
	wait_until 60 "no traffic phase" in_traffic
	# the dead bbd's kernel objects: a bbgen port (and its stream or
	# trigger) in each port namespace
	for ns in $(bb_netns_left); do
		[ -e "/run/netns/$ns" ] || continue
		assert_eq "bbgen ports in $ns" 1 "$("$BBCTL" -n "$ns" -j port show | jq length)"
		checked=$((checked + 1))
	done
	assert_eq "port namespaces with a bbgen port" 2 "$checked"
	kill -KILL "$BBD_PID"
	wait "$BBD_PID" || true
	wait "$pid" && RC=0 || RC=$?
	assert_eq "bbctl exit code when bbd dies" 2 "$RC"
	[ -n "$(bb_netns_left)" ] || fail "nothing left behind to clean up"
	"$BBD" --foreground --quiet --socket "$SOCK" --archive "$db" &
	BBD_PID=$!
	wait_until 30 "namespaces still there" no_bb_netns_left
	# the exclusive device is back in the root namespace, bound to nothing:
	# it takes a bbgen port again
	wait_until 10 "bbc0 not given back" has_link bbc0
	assert_eq "macvlans left" "" "$(ip -o link show | grep -o 'bbd[0-9a-f]*\.[0-9a-f]*' || true)"
	"$BBCTL" port add dev bbc0 || fail "bbc0 still bound after the cleanup"
	"$BBCTL" port del dev bbc0
	# the archive opens, intact, with the finished run and nothing of the
	# killed one
	assert_eq "archive integrity" ok "$(archive_intact "$db")"
	assert_eq "archived runs" "1 PASS false" "$(archived_runs "$db")"
	# and the new bbd runs the next scenario
	run_scenario "$BATS_TEST_TMPDIR/short.json"
	assert_eq "the next run's exit code" 0 "$RC"
	assert_eq "archived runs after the next" "1 PASS false
2 PASS false" "$(archived_runs "$db")"
}

@test "scenario: a bbctl SIGKILLed mid-run: bbd stops the run, archives it, gives the ports back" {
	local db=$BATS_TEST_TMPDIR/archive.db
	"$BBD" --foreground --quiet --socket "$SOCK" --archive "$db" &
	BBD_PID=$!
	start_long_run gone
	wait_until 60 "no traffic phase" in_traffic
	sleep 2	# 100 frames/s: some 200 sent when the client goes
	kill -KILL "$pid"
	wait "$pid" || true
	# nobody is left to see the result: bbd stops the run and archives it
	wait_until 30 "the run was not archived" has_archived_runs "$db"
	assert_eq "archived runs" "1 FAIL true" "$(archived_runs "$db")"
	assert_gt "frames sent before the stop" 0 \
		"$("$BBCTL" -j runs show 1 archive "$db" | jq -r '.flows[0].results.tx_frames')"
	wait_until 30 "namespaces still there" no_bb_netns_left
	assert_eq "macvlans left" "" "$(ip -o link show | grep -o 'bbd[0-9a-f]*\.[0-9a-f]*' || true)"
	kill -0 "$BBD_PID" || fail "bbd died with its client"
	assert_eq "bbd idle" false "$(bbd_status | jq -r .running)"
	assert_eq "archive integrity" ok "$(archive_intact "$db")"
}

@test "scenario: IPv6 ports on VLAN 10, next hop found by ND, reverse direction" {
	cat > "$BATS_TEST_TMPDIR/v6.json" <<-EOF
	{ "ports": [
	    {"name":"a","port_group":["a"],"interface":"bbc0","ipv6":"fd10::1/64","vlans":[{"id":10}]},
	    {"name":"b","port_group":["b"],"interface":"bbc1","ipv6":"fd10::2/64","vlans":[{"id":10}]} ],
	  "wait_for_finish": 1,
	  "flows": [ {"name":"v6","type":"frame_blasting","source":{"port_group":["a"]},
	              "destination":{"port_group":["b"]},"add_reverse_direction":true,
	              "frame_rate":500,"number_of_frames":1000,"analysis":{"latency":true,"max_threshold_latency":50}} ] }
	EOF
	run_scenario "$BATS_TEST_TMPDIR/v6.json"
	assert_eq "exit code" 0 "$RC"
	assert_eq "flows" 2 "$(jq '.flows | length' <<< "$REC")"
	assert_eq "received" "1000 1000" "$(jq -r '[.flows[].results.rx_frames] | join(" ")' <<< "$REC")"
	assert_eq "reverse" "false true" "$(jq -r '[.flows[].reverse] | join(" ")' <<< "$REC")"
	assert_gt "latency samples" 999 "$(jq -r '.flows[0].results.latency.count' <<< "$REC")"
	assert_eq "namespaces left" "" "$(bb_netns_left)"
}

@test "scenario: IMIX and gaming flows, every frame arrives, their analysers pass" {
	cat > "$BATS_TEST_TMPDIR/mix.json" <<-EOF
	{ "ports": [ $(port c1 csrc bbc0 10.10.0.1), $(port c2 cdst bbc1 10.10.0.2) ],
	  "wait_for_finish": 1,
	  "flows": [ {"name":"imix","type":"frame_blasting","source":{"port_group":["csrc"]},
	              "destination":{"port_group":["cdst"]},"imix":true,"frame_rate":300,"number_of_frames":900},
	             {"name":"game","type":"gaming","source":{"port_group":["csrc"]},
	              "destination":{"port_group":["cdst"]},"duration":3,
	              "analysis":{"max_threshold_latency":50}} ] }
	EOF
	run_scenario "$BATS_TEST_TMPDIR/mix.json"
	assert_eq "exit code" 0 "$RC"
	assert_eq "imix rx" 900 "$(jq -r '.flows[0].results.rx_frames' <<< "$REC")"
	assert_eq "imix sizes" 7 "$(jq -r '.flows[0].config.imix | length' <<< "$REC")"
	# 30 frames/s for 3 s
	assert_eq "gaming tx" 90 "$(jq -r '.flows[1].results.tx_frames' <<< "$REC")"
	assert_eq "gaming rx" 90 "$(jq -r '.flows[1].results.rx_frames' <<< "$REC")"
	assert_eq "analysers" "frame_loss:PASS frame_loss:PASS gaming:PASS" \
		"$(jq -r '[.flows[].analysers[] | "\(.type):\(.verdict)"] | join(" ")' <<< "$REC")"
}

# start_long_run NAME [KEYS]: bbctl -j run in the background (pid, its
# record in out.json) of a two-port scenario NAME.json with one flow of
# 100 frames/s for 120 s and the top-level KEYS ("k": v, ...); returns
# once bbd listens.
start_long_run() {
	cat > "$BATS_TEST_TMPDIR/$1.json" <<-EOF
	{ "ports": [ $(port c1 csrc bbc0 10.10.0.1), $(port c2 cdst bbc1 10.10.0.2) ],
	  ${2:+$2,} "wait_for_finish": 1,
	  "flows": [ {"name":"long","type":"frame_blasting","source":{"port_group":["csrc"]},
	              "destination":{"port_group":["cdst"]},"frame_rate":100,"duration":120} ] }
	EOF
	"$BBCTL" -j run "$BATS_TEST_TMPDIR/$1.json" --socket "$SOCK" > "$BATS_TEST_TMPDIR/out.json" &
	pid=$!
	wait_until 60 "bbd never listened" test -S "$SOCK"
}

@test "scenario: maximum_run_time ends a long flow; status answers while it runs" {
	start_long_run cap '"maximum_run_time": 3'
	status=$(bbd_status)
	assert_eq "status" "status true" "$(jq -r '"\(.event) \(.running)"' <<< "$status")"
	wait "$pid" && RC=0 || RC=$?
	REC=$(cat "$BATS_TEST_TMPDIR/out.json")
	assert_eq "exit code" 0 "$RC"
	assert_eq "interrupted" false "$(jq -r .run.interrupted <<< "$REC")"
	assert_eq "maximum_run_time_s" 3 "$(jq -r '.run.maximum_run_time_s' <<< "$REC")"
	tx=$(jq -r '.flows[0].results.tx_frames' <<< "$REC")
	# 100 frames/s for 3 s (ticks are 200 ms apart under TCG: some slack)
	assert_gt "frames sent" 250 "$tx"
	[ "$tx" -lt 600 ] || fail "frames sent: expected < 600 (stopped at 3 s), got $tx"
	assert_eq "received" "$tx" "$(jq -r '.flows[0].results.rx_frames' <<< "$REC")"
}

# in_traffic: bbd's run is in its traffic phase
in_traffic() { bbd_status | grep -q '"phase": *"traffic"'; }

@test "scenario: status lists the run's ports; stop RUN stops that run, and no other" {
	start_long_run st
	wait_until 60 "no traffic phase" in_traffic
	st=$(bbd_status)
	# the run's ports: name, device, address, each in a namespace of its own
	assert_eq "status ports" '[["c1","bbc0","10.10.0.1"],["c2","bbc1","10.10.0.2"]]' \
		"$(jq -c '[.ports[] | [.name, .dev, .ipv4]]' <<< "$st")"
	assert_eq "status netns" 2 "$(jq '[.ports[].netns] | unique | map(select(length > 0)) | length' <<< "$st")"
	run "$BBCTL" status socket "$SOCK"
	assert_eq "bbctl status lines" 3 "${#lines[@]}"
	[[ ${lines[1]} == "  port c1: bbc0 in netns "*" ipv4 10.10.0.1" ]] || fail "port line: ${lines[1]}"
	# another name stops nothing; the run's own name stops it
	name=$(jq -r .name <<< "$st")
	run --separate-stderr "$BBCTL" stop other socket "$SOCK"
	assert_eq "stop other: exit" 1 "$status"
	assert_eq "stop other" "bbctl: stop: name: no run \"other\" in progress (the run in progress is \"$name\")" "$stderr"
	run "$BBCTL" stop "$name" socket "$SOCK"
	assert_eq "stop $name" "stopping the run in progress (its client gets the result, marked interrupted)" "$output"
	wait "$pid" && RC=0 || RC=$?
	REC=$(cat "$BATS_TEST_TMPDIR/out.json")
	assert_eq "exit code" 3 "$RC"
	assert_eq "interrupted" true "$(jq -r .run.interrupted <<< "$REC")"
	assert_eq "received" "$(jq -r '.flows[0].results.tx_frames' <<< "$REC")" \
		"$(jq -r '.flows[0].results.rx_frames' <<< "$REC")"
}

@test "scenario: the file's report section picks the formats and the directory (next to the file)" {
	mkdir "$BATS_TEST_TMPDIR/out"
	cat > "$BATS_TEST_TMPDIR/rep.json" <<-EOF
	{ "ports": [ $(port c1 csrc bbc0 10.10.0.1), $(port c2 cdst bbc1 10.10.0.2) ],
	  "wait_for_finish": 1, "report": { "formats": ["junit"], "output_dir": "out" },
	  "flows": [ $(blast clean csrc cdst) ] }
	EOF
	# run from elsewhere: output_dir is relative to the file, not the cwd
	(cd / && "$BBCTL" run "$BATS_TEST_TMPDIR/rep.json" --socket "$SOCK" > /dev/null) || fail "run failed"
	ls -l "$BATS_TEST_TMPDIR/out"
	assert_eq "files written" 1 "$(ls "$BATS_TEST_TMPDIR/out" | wc -l)"
	ls "$BATS_TEST_TMPDIR"/out/rep-*.xml > /dev/null || fail "no JUnit report"
	grep -q '<testsuite name="rep" tests="3" failures="0"' "$BATS_TEST_TMPDIR"/out/rep-*.xml ||
		fail "JUnit testsuite line"
}

@test "scenario: bad input exits 1 without touching interfaces" {
	echo '{ "ports": [' > "$BATS_TEST_TMPDIR/bad.json"
	run "$BBCTL" run "$BATS_TEST_TMPDIR/bad.json" --socket "$SOCK"
	assert_eq "exit code" 1 "$status"
	[[ $output == *bad.json* ]] || fail "message does not name the file: $output"
	[ ! -S "$SOCK" ] || fail "bbd was started for a bad file"
}
