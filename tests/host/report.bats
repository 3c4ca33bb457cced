#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# The archive and the reports, host only: fixture run records imported,
# listed, shown, and every report regenerated from the archive alone
# (JSON equal to the original, JUnit valid with its failures, HTML drawn
# by headless Chromium with its charts and warnings).

load helpers

fixtures=$bb_top/tests/host/fixtures

setup() {
	db=$BATS_TEST_TMPDIR/archive.db
}

# import FILE: store it (a name alone is in fixtures/), check the id
# printed; sets $id
import() {
	local f=$1
	[[ $f == /* ]] || f=$fixtures/$f
	run --separate-stderr "$BBCTL" runs import "$f" --archive "$db"
	assert_eq status 0 "$status"
	[[ $output =~ ^run\ ([0-9]+)$ ]] || fail "output: $output"
	id=${BASH_REMATCH[1]}
}

# html_dom FILE: the page after its scripts ran
html_dom() {
	chromium --headless --no-sandbox --disable-gpu --virtual-time-budget=10000 \
		--dump-dom "$1" 2>/dev/null
}

require_chromium() {
	command -v chromium >/dev/null || skip "chromium not installed (scripts/setup-deps)"
}

@test "runs import: the runs are listed in order, text and JSON" {
	import run-pass.json
	assert_eq id 1 "$id"
	import run-fail.json
	assert_eq id 2 "$id"
	run --separate-stderr "$BBCTL" runs --archive "$db"
	assert_eq status 0 "$status"
	assert_eq lines[0] "ID     NAME                     STARTED                    VERDICT  INTERRUPTED" "${lines[0]}"
	assert_eq lines[1] "1      back-to-back             2026-11-22T11:00:00.123Z   PASS     no" "${lines[1]}"
	assert_eq lines[2] "2      loss & gaming            2026-11-22T11:05:00.000Z   FAIL     no" "${lines[2]}"
	assert_eq #lines[@] 3 "${#lines[@]}"
	run --separate-stderr "$BBCTL" -j runs list --archive "$db"
	assert_eq status 0 "$status"
	assert_eq "jq [.[]" '[[1,"back-to-back","PASS",false],[2,"loss & gaming","FAIL",false]]' \
		"$(jq -c '[.[] | [.id, .name, .verdict, .interrupted]]' <<<"$output")"
}

@test "runs show: the summary, and -j the stored record" {
	import run-fail.json
	run --separate-stderr "$BBCTL" runs show "$id" --archive "$db"
	assert_eq status 0 "$status"
	assert_eq lines[0] "run 1 \"loss & gaming\" FAIL" "${lines[0]}"
	assert_eq lines[2] "flow \"loss <netem 5%>\" frame_blasting p1 -> p2" "${lines[2]}"
	assert_eq lines[3] "  tx 2000 rx 1900 lost 100 (5.000 %) throughput 0.231 Mbit/s" "${lines[3]}"
	[[ $output == *"  frame_loss FAIL: loss 5.000% exceeds max_loss_percentage 1.000%"* ]]
	run --separate-stderr "$BBCTL" -j runs show "$id" archive "$db"
	assert_eq status 0 "$status"
	assert_eq jq "$(jq -S 'del(.run.id)' "$fixtures/run-fail.json")" "$(jq -S 'del(.run.id)' <<<"$output")"
	assert_eq "jq .run.id" "$id" "$(jq .run.id <<<"$output")"
}

@test "report --format json: regenerated from the archive equals the original" {
	local f
	for f in run-pass.json run-fail.json http-record.json; do
		import "$f"
		run --separate-stderr "$BBCTL" report "$id" --format json \
			--out "$BATS_TEST_TMPDIR/r.json" --archive "$db"
		assert_eq status 0 "$status"
		assert_eq value "" "$output$stderr"
		assert_eq jq "$(jq -S 'del(.run.id)' "$fixtures/$f")" \
			"$(jq -S 'del(.run.id)' "$BATS_TEST_TMPDIR/r.json")"
		assert_eq "jq .run.id" "$id" "$(jq .run.id "$BATS_TEST_TMPDIR/r.json")"
	done
	# imported again, the regenerated report is byte for byte the same
	cp "$BATS_TEST_TMPDIR/r.json" "$BATS_TEST_TMPDIR/first.json"
	"$BBCTL" runs import "$BATS_TEST_TMPDIR/first.json" --archive "$db"
	"$BBCTL" report 4 --format json --out "$BATS_TEST_TMPDIR/again.json" --archive "$db"
	assert_eq jq "$(jq 'del(.run.id)' "$BATS_TEST_TMPDIR/first.json" | md5sum)" \
		"$(jq 'del(.run.id)' "$BATS_TEST_TMPDIR/again.json" | md5sum)"
	assert_eq ls 0 "$(ls "$BATS_TEST_TMPDIR" | grep -c '\.json\.')"	# no temp files left
}

@test "report --format junit: valid XML, one testcase per analyser, failures with reasons" {
	local x=$BATS_TEST_TMPDIR/r.xml
	import run-fail.json
	run --separate-stderr "$BBCTL" report "$id" --format junit --out "$x" --archive "$db"
	assert_eq status 0 "$status"
	if command -v xmllint >/dev/null; then
		xmllint --noout "$x"
		assert_eq xmllint 3 "$(xmllint --xpath 'count(//testcase)' "$x")"
		assert_eq xmllint 2 "$(xmllint --xpath 'count(//testcase/failure)' "$x")"
		assert_eq xmllint 2 "$(xmllint --xpath 'string(//testsuite/@failures)' "$x")"
		assert_eq xmllint "loss & gaming" "$(xmllint --xpath 'string(//testsuite/@name)' "$x")"
		assert_eq xmllint "loss <netem 5%>" "$(xmllint --xpath 'string(//testcase[1]/@classname)' "$x")"
		assert_eq xmllint "loss 5.000% exceeds max_loss_percentage 1.000%" \
			"$(xmllint --xpath 'string(//testcase[1]/failure/@message)' "$x")"
	else
		grep -q '<testsuite name="loss &amp; gaming" tests="3" failures="2"' "$x"
	fi
	import run-pass.json
	"$BBCTL" report "$id" --format junit --out "$x" --archive "$db"
	grep -q '<testsuites tests="2" failures="0">' "$x"
}

@test "report --format junit: http analysers are testcases with their reasons" {
	local x=$BATS_TEST_TMPDIR/r.xml
	import http-record.json
	"$BBCTL" report "$id" --format junit --out "$x" --archive "$db"
	grep -q '<testsuites tests="7" failures="2">' "$x"
	grep -q '<testcase classname="paced dctcp" name="max_rtt">' "$x"
	grep -q '<failure message="largest RTT 0.99 ms exceeds max_rtt 0.50 ms (min 0.58, avg 0.79)" type="max_rtt"/>' "$x"
	grep -q '<failure message="TCP session failed: client: recv: connection reset by the peer" type="http_session"/>' "$x"
	grep -q '<system-out>goodput 42.039 Mbit/s meets minimum_goodput 20.000 Mbit/s</system-out>' "$x"
	if command -v xmllint >/dev/null; then
		xmllint --noout "$x"
		assert_eq xmllint "cut <link>" "$(xmllint --xpath 'string(//testcase[6]/@classname)' "$x")"
	fi
}

# html_charts DOM: the number of charts drawn; fails on chart or section errors
html_charts() {
	[[ $1 =~ data-charts-rendered=\"([0-9]+)\" ]] || { fail "no charts-rendered"; return 1; }
	[[ $1 != *data-chart-errors* ]] || { fail "chart errors"; return 1; }
	[[ $1 != *'<p class="warnings">report section failed'* ]] ||
		{ grep -o 'report section failed[^<]*' <<< "$1" >&2; return 1; }
	echo "${BASH_REMATCH[1]}"
}

@test "report --format html: http flows get their tables and charts, no frame rows" {
	require_chromium
	local h=$BATS_TEST_TMPDIR/http.html dom
	import http-record.json
	"$BBCTL" report "$id" --format html --out "$h" --archive "$db"
	dom=$(html_dom "$h")
	# 4 http flows: goodput + RTT each; the UDP flow: throughput; the
	# stacked RX chart of both ports
	assert_eq html_charts 11 "$(html_charts "$dom")"
	[[ $dom == *'<h3>Flow cut &lt;link&gt; <span class="FAIL">FAIL</span></h3>'* ]]
	[[ $dom == *'<h4>Client and server</h4>'* ]]
	[[ $dom == *'<h4>Request and response times</h4>'* ]]
	[[ $dom == *'<h4>TCP</h4>'* ]]
	[[ $dom == *'<div class="title">Goodput and throughput over time</div>'* ]]
	[[ $dom == *'<div class="title">RTT, retransmissions and CE marks over time</div>'* ]]
	# the frame tables only for the one frame_blasting flow
	assert_eq grep 1 "$(grep -o '<th>tx frames</th>' <<< "$dom" | wc -l)"
	assert_eq grep 4 "$(grep -o '<th>T1</th>' <<< "$dom" | wc -l)"
	# download: GET, T1 of the client 12 ms after the first traffic, TTFB, goodput
	[[ $dom == *'<th>T1</th><td class="num">+0.012000 s</td><td class="num">+0.012206 s</td>'* ]]
	[[ $dom == *'<th>time to first byte</th><td class="num">452.0 µs</td>'* ]]
	[[ $dom == *'<th>average goodput</th><td class="num">42.04 Mbit/s</td>'* ]]
	[[ $dom == *'<th>reason</th><td>client: recv: connection reset by the peer</td>'* ]]
	[[ $dom == *'<th>CE marks (delivered)</th><td class="num">412</td>'* ]]
	[[ $dom == *'<th>ssthresh (segments)</th><td class="num">infinite (slow start)</td>'* ]]
	[[ $dom == *'<th>max pacing rate</th><td class="num">20.00 Mbit/s</td>'* ]]
	[[ $dom == *'<td>max_rtt</td><td class="FAIL">FAIL</td><td>largest RTT 0.99 ms exceeds max_rtt 0.50 ms'* ]]
}

@test "report --format html: the aggregate TCP throughput per port, with its stacked RX chart" {
	require_chromium
	local h=$BATS_TEST_TMPDIR/agg.html dom
	import http-record.json
	"$BBCTL" report "$id" --format html --out "$h" --archive "$db"
	dom=$(html_dom "$h")
	[[ $dom == *'<h2>Aggregate TCP throughput</h2>'* ]]
	[[ $dom == *'sum to 45 + 60 = 105 Mbit/s'* ]]
	[[ $dom == *'<h3>Port client</h3>'* ]]
	[[ $dom == *'<tr><td>RX</td><td>3</td><td>18,715,567 B</td><td>5.602 s</td><td>5.602 s</td><td>4.111 s</td><td>26.73 Mbit/s</td><td>26.73 Mbit/s</td><td>36.42 Mbit/s</td></tr>'* ]]
	[[ $dom == *'<div class="title">Aggregate RX goodput of port client over time (stacked)</div>'* ]]
	[[ $dom == *'<div class="title">Aggregate RX goodput of port server over time (stacked)</div>'* ]]
	# the stack in the flows' configured order
	local legend=${dom##*port client over time}
	[[ $legend == *'download'*'paced dctcp'*'cut &lt;link&gt;'* ]]
	# no aggregate without TCP flows
	import run-pass.json
	"$BBCTL" report "$id" --format html --out "$h" --archive "$db"
	[[ $(html_dom "$h") != *'Aggregate TCP throughput</h2>'* ]]
}

@test "report --format html: an http flow that never started, never sampled, no aggregate" {
	require_chromium
	local h=$BATS_TEST_TMPDIR/http-bare.html dom
	jq '.flows[3].results = {status: "not started", reason: "the run ended before the flow started", over_time: []}
	    | .flows[1].results.tcp = null | .flows[1].results.client = null | .flows[1].results.timing = null
	    | .flows[0].results.over_time = [] | del(.aggregate) | .run.interrupted = true' \
		"$fixtures/http-record.json" > "$BATS_TEST_TMPDIR/http-bare.json"
	import "$BATS_TEST_TMPDIR/http-bare.json"
	"$BBCTL" report "$id" --format html --out "$h" --archive "$db"
	dom=$(html_dom "$h")
	# paced dctcp: goodput + RTT; upload: goodput + RTT; the UDP flow
	assert_eq html_charts 5 "$(html_charts "$dom")"
	[[ $dom == *'<th>status</th><td>not started</td>'* ]]
	[[ $dom == *'not sampled: the data sender'* ]]
	[[ $dom != *'Aggregate TCP throughput</h2>'* ]]
}

@test "report --format html: Chromium draws every chart; no warnings for a large, wide flow" {
	require_chromium
	local h=$BATS_TEST_TMPDIR/pass.html dom
	import run-pass.json
	run --separate-stderr "$BBCTL" report "$id" --format html --out "$h" --archive "$db"
	assert_eq status 0 "$status"
	dom=$(html_dom "$h")
	# clean (latency): throughput, latency over time, histogram; its
	# reverse flow (no latency): throughput; the CCDF of all flows
	[[ $dom =~ data-charts-rendered=\"([0-9]+)\" ]] || fail "no charts-rendered"
	assert_eq BASH_REMATCH[1] 5 "${BASH_REMATCH[1]}"
	[[ $dom != *data-chart-errors* ]]
	[[ $dom == *'<header id="banner" class="verdict pass"><span class="word">PASS</span>'* ]]
	[[ $dom == *"<th>P99.99</th>"* ]]
	[[ $dom != *'<div class="warnings">'* ]]
}

@test "report --format html: warnings for few packets and few data points" {
	require_chromium
	local h=$BATS_TEST_TMPDIR/fail.html dom
	import run-fail.json
	"$BBCTL" report "$id" --format html --out "$h" --archive "$db"
	dom=$(html_dom "$h")
	[[ $dom =~ data-charts-rendered=\"([0-9]+)\" ]] || fail "no charts-rendered"
	assert_eq BASH_REMATCH[1] 7 "${BASH_REMATCH[1]}"
	[[ $dom == *'<li>loss &lt;netem 5%&gt;: flow detected with less than 10,000 received packets (1,900)'* ]]
	[[ $dom == *'<li>gaming: flow detected with less than 10,000 received packets (300)'* ]]
	[[ $dom == *'<li>gaming: flow detected with less than 50 data points (23 distinct latency values)'* ]]
	[[ $dom != *'<li>loss &lt;netem 5%&gt;: flow detected with less than 50'* ]]
}

@test "report --format html: packets outside the histogram's range are warned about" {
	require_chromium
	local h=$BATS_TEST_TMPDIR/range.html dom
	jq '.flows[0].results.latency.below_range = 3 | .flows[0].results.latency.above_range = 7' \
		"$fixtures/run-pass.json" > "$BATS_TEST_TMPDIR/range.json"
	import "$BATS_TEST_TMPDIR/range.json"
	"$BBCTL" report "$id" --format html --out "$h" --archive "$db"
	dom=$(html_dom "$h")
	[[ $dom == *'<li>clean: flow detected with packets below range (3 frames below 0 ns)'* ]]
	[[ $dom == *'<li>clean: flow detected with packets above range (7 frames above 60.00 s)'* ]]
}

@test "report --format html: a DHCP port's lease is in the port table" {
	require_chromium
	local h=$BATS_TEST_TMPDIR/dhcp.html dom
	jq '.ports[0].dhcp = null | .ports[1].dhcp = {server: "10.9.0.1", lease_s: 120, renewals: 2, state: "bound", error: null}
	    | .ports[1].ipv4 = "10.9.0.117"' "$fixtures/run-pass.json" > "$BATS_TEST_TMPDIR/dhcp.json"
	import "$BATS_TEST_TMPDIR/dhcp.json"
	"$BBCTL" report "$id" --format html --out "$h" --archive "$db"
	dom=$(html_dom "$h")
	[[ $dom == *'<th>dhcp</th>'* ]]
	[[ $dom == *'<td>10.9.0.117</td>'* ]]
	[[ $dom == *'<td>from 10.9.0.1, lease 120 s, bound, 2 renewals</td>'* ]] ||
		{ grep -o '<td>[^<]*lease[^<]*</td>' <<< "$dom" >&2; return 1; }
}

@test "runs, report: a missing run or archive is one line and exit 1" {
	import run-pass.json
	run --separate-stderr "$BBCTL" runs show 42 --archive "$db"
	assert_eq status 1 "$status"
	assert_eq stderr "bbctl: runs: no run 42 in $db" "$stderr"
	run --separate-stderr "$BBCTL" report 42 --format html --out "$BATS_TEST_TMPDIR/x.html" --archive "$db"
	assert_eq status 1 "$status"
	assert_eq stderr "bbctl: report: no run 42 in $db" "$stderr"
	[ ! -e "$BATS_TEST_TMPDIR/x.html" ]
	run --separate-stderr "$BBCTL" runs --archive "$BATS_TEST_TMPDIR/none.db"
	assert_eq status 1 "$status"
	assert_eq stderr "bbctl: runs: $BATS_TEST_TMPDIR/none.db: no archive (No such file or directory)" "$stderr"
	[ ! -e "$BATS_TEST_TMPDIR/none.db" ]
	run --separate-stderr "$BBCTL" report 1 --format json --out /nonexistent/dir/r.json --archive "$db"
	assert_eq status 1 "$status"
	assert_eq stderr "bbctl: report: /nonexistent/dir/r.json: No such file or directory" "$stderr"
}

@test "runs import: a file that is no JSON report is refused, nothing stored" {
	echo '{"run": {"name": "x"}, "flows": []}' > "$BATS_TEST_TMPDIR/bad.json"
	run --separate-stderr "$BBCTL" runs import "$BATS_TEST_TMPDIR/bad.json" --archive "$db"
	assert_eq status 1 "$status"
	assert_eq stderr "bbctl: runs import: $BATS_TEST_TMPDIR/bad.json: verdict: missing (not a bb JSON report)" "$stderr"
	echo '{"run": ' > "$BATS_TEST_TMPDIR/bad.json"
	run --separate-stderr "$BBCTL" runs import "$BATS_TEST_TMPDIR/bad.json" --archive "$db"
	assert_eq status 1 "$status"
	[[ $stderr == "bbctl: runs import: $BATS_TEST_TMPDIR/bad.json: line 2: "* ]]
	[ ! -e "$db" ]
}

@test "runs, report: usage errors" {
	usage_error runs 'bbctl: runs show: missing RUN' runs show
	usage_error runs 'bbctl: runs show: RUN must be a run id (a positive integer), not "x"' runs show x
	usage_error runs 'bbctl: runs: unknown command "drop" (one of list, show, import)' runs drop
	usage_error runs 'bbctl: archive: missing value (expected DB)' runs archive
	usage_error runs 'bbctl: archive: missing value (expected DB)' runs --archive
	usage_error report 'bbctl: report: missing format html|json|junit' report 1 out x
	usage_error report 'bbctl: report: format: "pdf" is not one of html, json, junit' report 1 format pdf out x
	usage_error report 'bbctl: report: missing out FILE' report 1 --format html
	usage_error report 'bbctl: report: unknown argument "2"' report 1 2 format html out x
	usage_error report 'bbctl: report: -j is an option of bbctl, not of the command: give it before the object (bbctl -j report ...)' report 1 -j
}

@test "bash completion: runs and report" {
	complete_words() {
		(
			source "$bb_top/userspace/bbctl/bbctl.bash"
			COMP_WORDS=("$@")
			COMP_CWORD=$(($# - 1))
			COMPREPLY=()
			_bbctl
			echo "${COMPREPLY[*]}"
		)
	}
	assert_eq "complete_words bbctl" "list show import help archive" "$(complete_words bbctl runs '')"
	assert_eq "complete_words bbctl" "show" "$(complete_words bbctl runs --archive x.db s)"
	assert_eq "complete_words bbctl" "show" "$(complete_words bbctl runs archive x.db s)"
	assert_eq "complete_words bbctl" "archive" "$(complete_words bbctl runs show 3 '')"
	assert_eq "complete_words bbctl" "html json junit" "$(complete_words bbctl report 3 --format '')"
	assert_eq "complete_words bbctl" "format out archive" "$(complete_words bbctl report 3 '')"
}

@test "report --format html: a record without measurements renders, no charts, no errors" {
	require_chromium
	local h=$BATS_TEST_TMPDIR/bare.html dom
	jq '.run.interrupted = true | .verdict = "FAIL" | .ports = [] |
		.flows[0].results.latency = null | .flows[0].results.over_time = [] |
		.flows[1].results.over_time = [] | .flows[1].results.throughput_bps = null' \
		"$fixtures/run-pass.json" > "$BATS_TEST_TMPDIR/bare.json"
	import "$BATS_TEST_TMPDIR/bare.json"
	"$BBCTL" report "$id" --format html --out "$h" --archive "$db"
	dom=$(html_dom "$h")
	[[ $dom =~ data-charts-rendered=\"([0-9]+)\" ]] || fail "no charts-rendered"
	assert_eq BASH_REMATCH[1] 0 "${BASH_REMATCH[1]}"
	[[ $dom != *data-chart-errors* ]]
	[[ $dom != *'<p class="warnings">report section failed'* ]]
	[[ $dom == *'<span class="interrupted">interrupted</span>'* ]]
	[[ $dom == *'<h3>Flow clean <span class="PASS">PASS</span></h3>'* ]]
}

@test "Documentation/report-json.md names every key of an http flow and of aggregate" {
	local doc=$bb_top/Documentation/report-json.md k missing=
	for k in $(jq -r '[(.flows[] | select(.type == "http") | .config, .results), .aggregate[]]
			  | [paths | map(select(type == "string")) | last | select(.)] | unique[]' \
			"$fixtures/http-record.json"); do
		grep -q "\`$k\`" "$doc" || missing+=" $k"
	done
	assert_eq missing "" "$missing"
}

@test "report html: a port's capture is linked beside the report, its drops a warning" {
	require_chromium
	local h=$BATS_TEST_TMPDIR/cap.html dom
	jq '.ports[0].capture = {"file":"/var/lib/bb/r/run-20261201T120000000Z-p1.pcap","filter":"udp","snaplen":128,"frames":2000,"bytes":312024,"dropped":0,"if_dropped":0,"limited":false,"timestamps":"host","error":null}
	    | .ports[1].capture = {"file":"/x/run-p2.pcap","filter":"","snaplen":262144,"frames":5,"bytes":500,"dropped":7,"if_dropped":0,"limited":true,"timestamps":"host","error":null}' \
		"$fixtures/run-pass.json" > "$BATS_TEST_TMPDIR/cap.json"
	import "$BATS_TEST_TMPDIR/cap.json"
	"$BBCTL" report "$id" --format html --out "$h" --archive "$db"
	dom=$(html_dom "$h")
	[[ $dom == *'<h2>Captures</h2>'* ]] || fail "no Captures section"
	[[ $dom == *'<a href="run-20261201T120000000Z-p1.pcap">run-20261201T120000000Z-p1.pcap</a>'* ]] ||
		fail "no link to the first capture"
	[[ $dom == *'2,000 frames'* ]]
	[[ $dom == *'<p class="warnings">7 frames dropped by the kernel, 0 by the interface: the file misses them</p>'* ]] ||
		fail "drops not shown"
	assert_eq grep 1 "$(grep -o 'class="warnings"' <<< "$dom" | wc -l)"
}
