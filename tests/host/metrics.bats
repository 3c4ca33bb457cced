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
	command -v promtool > /dev/null || fail "promtool not installed (scripts/setup-deps)"
	start_bbd --metrics "127.0.0.1:$PORT"
	run curl -sS -D "$DIR/headers" "http://127.0.0.1:$PORT/metrics"
	assert_eq status 0 "$status"
	grep -qi '^content-type: text/plain; version=0.0.4' "$DIR/headers" ||
		{ cat "$DIR/headers" >&2; return 1; }
	promtool check metrics <<< "$output"
	grep -q '^bb_build_info{version="[^"]*"} 1$' <<< "$output" || fail "$output"
	grep -q '^bb_module_loaded [01]$' <<< "$output"
	assert_eq grep 3 "$(grep -c '^bb_runs_total{verdict="\(pass\|fail\|error\)"} 0$' <<< "$output")"
	# no run yet: no run or flow families
	assert_eq grep 0 "$(grep -c '^bb_run_\|^bb_flow_' <<< "$output")"
}

@test "metrics: other paths 404, other methods 405, IPv6 listens" {
	start_bbd --metrics "[::1]:$PORT"
	assert_eq "curl /dev/null" 404 "$(curl -s -o /dev/null -w '%{http_code}' "http://[::1]:$PORT/")"
	assert_eq "curl /dev/null" 405 "$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://[::1]:$PORT/metrics")"
	assert_eq "curl /dev/null" 200 "$(curl -s -o /dev/null -w '%{http_code}' "http://[::1]:$PORT/metrics")"
}

@test "metrics: off serves nothing" {
	start_bbd --metrics off
	assert_eq ss 0 "$(ss -Hltnp | grep -c "pid=$BBD_PID,")"
	kill "$BBD_PID"
	wait "$BBD_PID" || true
	start_bbd --metrics "127.0.0.1:$PORT"
	assert_eq ss 1 "$(ss -Hltnp | grep -c "pid=$BBD_PID,")"
}

@test "metrics: a bad address is one line, exit 1; a taken one exit 2" {
	for bad in "127.0.0.1" "127.0.0.1:0" "127.0.0.1:65536" "localhost:80" ":80" "1.2.3.4:x"; do
		run --separate-stderr "$BBD" --foreground --socket "$SOCK" --metrics "$bad"
		assert_eq status 1 "$status"
		assert_eq stderr "bbd: --metrics: \"$bad\" must be ADDR:PORT (an IPv4 address, or [IPv6], and a port 1 to 65535) or off" "$stderr"
	done
	start_bbd --metrics "127.0.0.1:$PORT"
	run --separate-stderr "$BBD" --foreground --socket "$DIR/second.sock" --metrics "127.0.0.1:$PORT"
	assert_eq status 2 "$status"
	assert_eq stderr "bbd: --metrics 127.0.0.1:$PORT: cannot listen (address in use or not here?)" "$stderr"
	[ ! -e "$DIR/second.sock" ]
}
