#!/usr/bin/env bats
# bb's HTTP engine speaks real HTTP: bbctl http serve answers curl (GET,
# chunked GET for a duration, PUT with Expect: 100-continue), and bbctl
# http get fetches from python3's http.server. All on 127.0.0.1.
load helpers

setup() {
	command -v curl > /dev/null || skip "curl not installed (scripts/setup-deps)"
	PORT=$((20000 + RANDOM % 20000))
}

teardown() {
	[ -z "${SRV:-}" ] || { kill "$SRV" 2> /dev/null; wait "$SRV" 2> /dev/null || true; }
}

# serve ARGS...: bbctl -j http serve in the background, its JSON in $OUT
serve() {
	OUT=$BATS_TEST_TMPDIR/serve.json
	"$BBCTL" -j http serve port "$PORT" address 127.0.0.1 "$@" > "$OUT" &
	SRV=$!
	for _ in $(seq 50); do
		(exec 3<> "/dev/tcp/127.0.0.1/$PORT") 2> /dev/null && return 0
		sleep 0.1
	done
	return 1
}

# the connection probe above is a session of its own: count 2 serves it
# and the real one
served() { wait "$SRV"; SRV=; jq -c ".[-1]" "$OUT"; }

@test "curl GET from bbctl http serve: exactly the size asked for" {
	serve count 2
	run curl -s -o "$BATS_TEST_TMPDIR/got" -w '%{http_code} %{size_download}' \
		"http://127.0.0.1:$PORT/bb?size=5000000"
	assert_eq output "200 5000000" "$output"
	s=$(served)
	assert_eq "jq .state" finished "$(jq -r .state <<< "$s")"
	assert_eq "jq .tx_payload_bytes" 5000000 "$(jq -r .tx_payload_bytes <<< "$s")"
	assert_eq "jq .t1_ns" true "$(jq -r '.t1_ns < .t2_ns and .t2_ns < .t3_ns' <<< "$s")"
}

@test "curl GET for a duration: a chunked body that ends after it" {
	serve count 2
	start=$(date +%s%N)
	run curl -s -o "$BATS_TEST_TMPDIR/got" -w '%{http_code} %{size_download}' \
		"http://127.0.0.1:$PORT/bb?duration=0.5"
	took=$((($(date +%s%N) - start) / 1000000))
	[ "${output%% *}" = 200 ]
	s=$(served)
	assert_eq "jq .tx_payload_bytes" "${output#* }" "$(jq -r .tx_payload_bytes <<< "$s")"
	[ "$took" -ge 500 ] && [ "$took" -lt 5000 ]
}

@test "curl PUT (Expect: 100-continue) to bbctl http serve: every byte counted" {
	head -c 3000000 /dev/urandom > "$BATS_TEST_TMPDIR/up"
	serve count 2
	run curl -s -o /dev/null -w '%{http_code}' -T "$BATS_TEST_TMPDIR/up" "http://127.0.0.1:$PORT/up"
	assert_eq output 200 "$output"
	s=$(served)
	assert_eq "jq .rx_payload_bytes" 3000000 "$(jq -r .rx_payload_bytes <<< "$s")"
	assert_eq "jq .t1_ns" true "$(jq -r '.t1_ns < .t2_ns and .t2_ns < .t3_ns' <<< "$s")"
}

@test "bbctl http get from python3's http.server: the file's bytes, status 200, T1 < T2 < T3" {
	mkdir "$BATS_TEST_TMPDIR/www"
	head -c 2500000 /dev/urandom > "$BATS_TEST_TMPDIR/www/blob"
	python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$BATS_TEST_TMPDIR/www" \
		> /dev/null 2>&1 &
	SRV=$!
	for _ in $(seq 50); do
		(exec 3<> "/dev/tcp/127.0.0.1/$PORT") 2> /dev/null && break
		sleep 0.1
	done
	run "$BBCTL" -j http get "http://127.0.0.1:$PORT/blob"
	assert_eq status 0 "$status"
	assert_eq "jq .http_status" 200 "$(jq -r .http_status <<< "$output")"
	assert_eq "jq .rx_payload_bytes" 2500000 "$(jq -r .rx_payload_bytes <<< "$output")"
	assert_eq "jq .t1_ns" true "$(jq -r '.t1_ns < .t2_ns and .t2_ns < .t3_ns' <<< "$output")"
	run "$BBCTL" -j http get "http://127.0.0.1:$PORT/nothing-here"
	assert_eq status 2 "$status"
	assert_eq "jq .error" "HTTP status 404" "$(jq -r .error <<< "$output")"
}

@test "bbctl http get: bad URLs are one line and exit 1" {
	run --separate-stderr "$BBCTL" http get ftp://x/
	assert_eq status 1 "$status"
	assert_eq stderr_lines[0] 'bbctl: http get: URL: "ftp://x/" must start with http://' "${stderr_lines[0]}"
	run --separate-stderr "$BBCTL" http get "http://:80/"
	assert_eq status 1 "$status"
	assert_eq stderr_lines[0] 'bbctl: http get: URL: "http://:80/" has no usable host and port' "${stderr_lines[0]}"
	run --separate-stderr "$BBCTL" -j http get "http://127.0.0.1:1/"
	assert_eq status 2 "$status"
	assert_eq stderr_lines[0] "" "${stderr_lines[0]}"
	assert_eq "jq .error" "connect: connection refused" "$(jq -r .error <<< "$output")"
}
