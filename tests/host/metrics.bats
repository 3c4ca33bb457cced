#!/usr/bin/env bats
# bbd's Prometheus exporter without a run (no module needed): promtool
# accepts the text, the daemon's families are there, other paths and
# methods are refused, and bad or taken addresses are one line. The
# figures of a run, during and after it, are in tests/vm/60-scenario.bats.

load helpers


setup() {
	DIR=$(mktemp -d /tmp/bbd-metrics.XXXXXX)
	SOCK=$DIR/bbd.sock
	PORT=$((20000 + RANDOM % 20000))
}

teardown() {
	[ -z "${BBD_PID:-}" ] || { kill "$BBD_PID" 2> /dev/null; wait "$BBD_PID" 2> /dev/null || true; }
	rm -rf "$DIR"
}


@test "metrics: promtool accepts /metrics; build info, module and run counters" {
	command -v promtool > /dev/null || { echo "promtool not installed (scripts/setup-deps)" >&2; return 1; }
	start_bbd --metrics "127.0.0.1:$PORT"
	run curl -sS -D "$DIR/headers" "http://127.0.0.1:$PORT/metrics"
	expect_eq "$status" 0
	grep -qi '^content-type: text/plain; version=0.0.4' "$DIR/headers" ||
		{ cat "$DIR/headers" >&2; return 1; }
	promtool check metrics <<< "$output"
	grep -q '^bb_build_info{version="[^"]*"} 1$' <<< "$output" || { echo "$output" >&2; return 1; }
	grep -q '^bb_module_loaded [01]$' <<< "$output"
	expect_eq "$(grep -c '^bb_runs_total{verdict="\(pass\|fail\|error\)"} 0$' <<< "$output")" 3
	# no run yet: no run or flow families
	expect_eq "$(grep -c '^bb_run_\|^bb_flow_' <<< "$output")" 0
}

@test "metrics: other paths 404, other methods 405, IPv6 listens" {
	start_bbd --metrics "[::1]:$PORT"
	expect_eq "$(curl -s -o /dev/null -w '%{http_code}' "http://[::1]:$PORT/")" 404
	expect_eq "$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://[::1]:$PORT/metrics")" 405
	expect_eq "$(curl -s -o /dev/null -w '%{http_code}' "http://[::1]:$PORT/metrics")" 200
}

@test "metrics: off serves nothing" {
	start_bbd --metrics off
	expect_eq "$(ss -Hltnp | grep -c "pid=$BBD_PID,")" 0
	kill "$BBD_PID"
	wait "$BBD_PID" || true
	start_bbd --metrics "127.0.0.1:$PORT"
	expect_eq "$(ss -Hltnp | grep -c "pid=$BBD_PID,")" 1
}

@test "metrics: a bad address is one line, exit 1; a taken one exit 2" {
	for bad in "127.0.0.1" "127.0.0.1:0" "127.0.0.1:65536" "localhost:80" ":80" "1.2.3.4:x"; do
		run --separate-stderr "$BBD" --foreground --socket "$SOCK" --metrics "$bad"
		expect_eq "$status" 1
		expect_eq "$stderr" "bbd: --metrics: \"$bad\" must be ADDR:PORT (an IPv4 address, or [IPv6], and a port 1 to 65535) or off"
	done
	start_bbd --metrics "127.0.0.1:$PORT"
	run --separate-stderr "$BBD" --foreground --socket "$DIR/second.sock" --metrics "127.0.0.1:$PORT"
	expect_eq "$status" 2
	expect_eq "$stderr" "bbd: --metrics 127.0.0.1:$PORT: cannot listen (address in use or not here?)"
	[ ! -e "$DIR/second.sock" ]
}
