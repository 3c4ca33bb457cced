#!/usr/bin/env bats
# bbctl run: what is refused before bbd is asked (no module, no bbd).

load helpers

setup() {
	SOCK=$BATS_TEST_TMPDIR/bbd.sock
}

@test "run: missing FILE is a usage error" {
	usage_error run "bbctl: run: missing the scenario FILE" run
}

@test "run: unknown option is a usage error" {
	usage_error run 'bbctl: run: unknown argument "--bogus"' run x.json --bogus
}

@test "run: --format names only html, json, junit" {
	echo '{}' > "$BATS_TEST_TMPDIR/s.json"
	usage_error run 'bbctl: run: format: "pdf" is not one of html, json, junit' \
		run "$BATS_TEST_TMPDIR/s.json" --format html,pdf --socket "$SOCK"
}

@test "run: a file that is not JSON exits 1 naming file, line and column, before any bbd" {
	printf '{ "ports": [\n  1,, ]\n}\n' > "$BATS_TEST_TMPDIR/bad.json"
	run --separate-stderr "$BBCTL" run "$BATS_TEST_TMPDIR/bad.json" --socket "$SOCK"
	assert_eq status 1 "$status"
	[[ ${stderr_lines[0]} == "bbctl: $BATS_TEST_TMPDIR/bad.json:2:"* ]] ||
		fail "got: ${stderr_lines[0]}"
	[ ! -e "$SOCK" ]
}

@test "run: a JSON array is not a scenario" {
	echo '[]' > "$BATS_TEST_TMPDIR/arr.json"
	run --separate-stderr "$BBCTL" run "$BATS_TEST_TMPDIR/arr.json" --socket "$SOCK"
	assert_eq status 1 "$status"
	assert_eq stderr_lines[0] "bbctl: $BATS_TEST_TMPDIR/arr.json: the scenario must be a JSON object" "${stderr_lines[0]}"
}

@test "run: a missing file exits 1" {
	run --separate-stderr "$BBCTL" run "$BATS_TEST_TMPDIR/none.json" --socket "$SOCK"
	assert_eq status 1 "$status"
	[[ ${stderr_lines[0]} == *"none.json"* ]]
}

@test "run: a report.output_dir that does not exist exits 1 naming it, before any bbd" {
	jq '.report = {formats: ["junit"], output_dir: "no-such-dir"}' \
		"$bb_top/examples/back-to-back.json" > "$BATS_TEST_TMPDIR/s.json"
	run --separate-stderr "$BBCTL" run "$BATS_TEST_TMPDIR/s.json" --socket "$SOCK"
	assert_eq status 1 "$status"
	assert_eq stderr "bbctl: $BATS_TEST_TMPDIR/s.json: report.output_dir: no-such-dir: No such file or directory" "$stderr"
	[ ! -e "$SOCK" ]
}
