#!/usr/bin/env bats
# What a run shows of itself while and after it runs: bbd's Prometheus
# /metrics (rising during the run, equal to the record at the end) and a
# port's libpcap capture (every frame of the flow it receives).

# bbd's exporter and scenario captures: userspace, run once, on the 6.1
# line (the 6.12 line is the longer one). AF_PACKET beside bbgen's
# rx_handler, the kernel's part, is 59-capture.bats, on both lines.
# kernel-lines: 6.1

load lib
load scenario-lib

# metric NAME FLOW TEXT: the value of NAME{...flow="FLOW"...} in TEXT
metric() {
	local re="^$1\\{[^}]*flow=\"$2\"[^}]*\\} ([0-9.e+]+)\$" line
	while IFS= read -r line; do
		[[ $line =~ $re ]] && { echo "${BASH_REMATCH[1]}"; return 0; }
	done <<< "$3"
	echo none
}

@test "scenario: /metrics during a run rises, promtool accepts it, and at the end equals the record" {
	command -v promtool > /dev/null || fail "promtool not installed (scripts/setup-deps)"
	local url=http://127.0.0.1:18123/metrics a b end out
	tc qdisc add dev bbl0 root netem loss 5%
	cat > "$BATS_TEST_TMPDIR/m.json" <<-EOF
	{ "ports": [ $(port c1 csrc bbc0 10.10.0.1), $(port c2 cdst bbc1 10.10.0.2),
	             $(port l1 lsrc bbl0 10.11.0.1), $(port l2 ldst bbl1 10.11.0.2) ],
	  "flows": [ $(blast clean csrc cdst), $(blast lossy lsrc ldst) ] }
	EOF
	"$BBD" --foreground --quiet --socket "$SOCK" --metrics 127.0.0.1:18123 &
	BBD_PID=$!
	"$BBCTL" -j run "$BATS_TEST_TMPDIR/m.json" --socket "$SOCK" > "$BATS_TEST_TMPDIR/rec.json" &
	local run_pid=$!
	end=$(deadline 60)
	until [[ $a == *'bb_run_phase{run="m",phase="traffic"} 1'* && $(metric bb_flow_tx_frames_total clean "$a") != 0 ]]; do
		before "$end" || fail "no traffic phase in /metrics: $a"
		sleep 0.2
		a=$(curl -sS "$url")
	done
	sleep 1.5
	b=$(curl -sS "$url")
	promtool check metrics <<< "$b" || fail "promtool: $b"
	[ "$(metric bb_flow_tx_frames_total clean "$b")" -gt "$(metric bb_flow_tx_frames_total clean "$a")" ] ||
		fail "tx_frames did not rise: $(metric bb_flow_tx_frames_total clean "$a") then $(metric bb_flow_tx_frames_total clean "$b")"
	wait "$run_pid" || true
	REC=$(< "$BATS_TEST_TMPDIR/rec.json")
	out=$(curl -sS "$url")
	promtool check metrics <<< "$out" || fail "promtool: $out"
	for f in clean lossy; do
		for k in tx_frames:bb_flow_tx_frames_total rx_frames:bb_flow_rx_frames_total \
			lost_frames:bb_flow_lost_frames_total duplicates:bb_flow_duplicate_frames_total \
			out_of_sequence:bb_flow_out_of_sequence_frames_total; do
			assert_eq "$f ${k#*:}" "$(jq -r ".flows[] | select(.name == \"$f\") | .results.${k%%:*}" <<< "$REC")" \
				"$(metric "${k#*:}" "$f" "$out")"
		done
	done
	assert_eq "clean tx" 2000 "$(metric bb_flow_tx_frames_total clean "$out")"
	[ "$(metric bb_flow_lost_frames_total lossy "$out")" -gt 0 ] || fail "no loss on the lossy flow"
	[[ $out == *'bb_runs_total{verdict="fail"} 1'* ]] || fail "runs_total: $out"
	[[ $out == *'bb_run_running{run="m"} 0'* ]] || fail "run still running: $out"
	[[ $out == *'bb_run_passed{run="m"} 0'* ]] || fail "the run's verdict: $out"
	[[ $out == *'bb_module_loaded 1'* && $out == *'bb_module_info{version="'* ]] || fail "module: $out"
	[[ $out == *'bb_flow_latency_seconds_count{run="m",flow="clean",'* ]] || fail "no latency summary"
}

@test "scenario: a port's capture holds every frame of the flow it receives, named in the record, none dropped" {
	command -v tshark > /dev/null || fail "tshark not installed (scripts/setup-deps)"
	local out=$BATS_TEST_TMPDIR/out pcap fields
	mkdir -p "$out"
	cat > "$BATS_TEST_TMPDIR/cap.json" <<-EOF
	{ "ports": [ $(port c1 csrc bbc0 10.10.0.1),
	             $(port c2 cdst bbc1 10.10.0.2 '"capture":{"filter":"udp and greater 100","snaplen":200}') ],
	  "flows": [ $(blast clean csrc cdst) ] }
	EOF
	REC=$("$BBCTL" -j run "$BATS_TEST_TMPDIR/cap.json" --socket "$SOCK" --report-dir "$out") || fail "run failed"
	pcap=$(jq -r '.ports[] | select(.name == "c2") | .capture.file' <<< "$REC")
	[[ $pcap == "$out"/cap-*-c2.pcap ]] || fail "capture file: $pcap"
	assert_eq "no capture on c1" null "$(jq -c '.ports[] | select(.name == "c1") | .capture' <<< "$REC")"
	assert_eq "capture counts" '{"frames":2000,"dropped":0,"if_dropped":0,"limited":false,"snaplen":200}' \
		"$(jq -c '.ports[] | select(.name == "c2") | .capture | {frames, dropped, if_dropped, limited, snaplen}' <<< "$REC")"
	assert_eq "file size" "$(jq '.ports[] | select(.name == "c2") | .capture.bytes' <<< "$REC")" "$(stat -c %s "$pcap")"
	fields=$(tshark -X lua_script:"$BB_TOP/userspace/wireshark/bbgen.lua" -r "$pcap" \
		-o "bbgen.udp_ports:$(jq -r '.flows[0].config.udp_dest' <<< "$REC")" \
		-T fields -e bbgen.seq 2> /dev/null)
	assert_eq "sequence numbers" "$(seq 0 1999 | tr '\n' ' ')" "$(sort -n <<< "$fields" | tr '\n' ' ')"
}

@test "scenario: a port with no address captures the wire promiscuously beside a run's flows" {
	local out=$BATS_TEST_TMPDIR/out end
	mkdir -p "$out"
	cat > "$BATS_TEST_TMPDIR/mon.json" <<-EOF
	{ "ports": [ $(port c1 csrc bbc0 10.10.0.1), $(port c2 cdst bbc1 10.10.0.2),
	             {"name":"mon","port_group":["m"],"interface":"bbl1","exclusive":true,
	              "capture":{"filter":"ether proto 0x88b5"}} ],
	  "flows": [ $(blast clean csrc cdst) ] }
	EOF
	"$BBCTL" -j run "$BATS_TEST_TMPDIR/mon.json" --socket "$SOCK" --report-dir "$out" \
		> "$BATS_TEST_TMPDIR/rec.json" &
	local run_pid=$!
	# bbl1 leaves the root namespace for the port's: its capture is open then
	end=$(deadline 60)
	while has_link bbl1; do
		before "$end" || fail "bbl1 never moved into the capture port's namespace"
		sleep 0.2
	done
	sleep 1
	# 25 frames to a MAC that is not bbl1's: only a promiscuous capture sees them
	/usr/bin/python3 - <<-'PY'
		import socket
		s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
		s.bind(("bbl0", 0))
		for i in range(25):
		    s.send(bytes.fromhex("029999999999" "02bb00000009" "88b5") + bytes([i]) * 60)
	PY
	wait "$run_pid" || fail "run failed: $(< "$BATS_TEST_TMPDIR/rec.json")"
	REC=$(< "$BATS_TEST_TMPDIR/rec.json")
	assert_eq "mon capture" '{"frames":25,"dropped":0,"limited":false}' \
		"$(jq -c '.ports[] | select(.name == "mon") | .capture | {frames, dropped, limited}' <<< "$REC")"
	assert_eq "mon addresses" '{"ipv4":null,"ipv6":null}' \
		"$(jq -c '.ports[] | select(.name == "mon") | {ipv4, ipv6}' <<< "$REC")"
	assert_eq "the flow" 2000 "$(jq '.flows[0].results.rx_frames' <<< "$REC")"
	has_link bbl1 || fail "bbl1 was not given back"
}

# A member of bbd's --group names a report directory: bbd (root) writes the
# reports and the capture with that user's file system identity, so they
# are the user's files and nowhere the user could not write (peer.h).
@test "scenario: a --group member's run writes its reports and capture as that user" {
	local d gid owners
	d=$(mktemp -d /tmp/bb-user.XXXXXX)
	chmod 755 "$d"
	mkdir "$d/out"
	chown 65534:65534 "$d/out"
	gid=$(getent group users | cut -d: -f3)
	cat > "$d/u.json" <<-EOF
	{ "ports": [ $(port c1 csrc bbc0 10.10.0.1),
	             $(port c2 cdst bbc1 10.10.0.2 '"capture":{"filter":"udp"}') ],
	  "flows": [ $(blast clean csrc cdst) ] }
	EOF
	chmod 644 "$d/u.json"
	"$BBD" --foreground --quiet --socket "$d/bbd.sock" --group users &
	BBD_PID=$!
	wait_until 10 "bbd made no socket" test -S "$d/bbd.sock"
	setpriv --reuid=65534 --regid=65534 --groups="$gid" \
		"$BBCTL" -j run "$d/u.json" --socket "$d/bbd.sock" --report-dir "$d/out" > "$d/rec.json" ||
		fail "run failed: $(cat "$d/rec.json")"
	owners=$(cd "$d/out" && stat -c '%U %n' -- * | sed 's/-[0-9TZ]*\././; s/-[0-9TZ]*-c2\./-c2./')
	assert_eq "files and owners" "nobody u-c2.pcap nobody u.html nobody u.json " "$(tr '\n' ' ' <<< "$owners")"
	rm -rf "$d"
}
