#!/usr/bin/env bats
# bbctl support-bundle: the archive's members, made without bbd or the
# module running; the last runs of the archive; no environment inside;
# an unwritable output is one line before anything is collected.
load helpers

fixtures=$bb_top/tests/host/fixtures

setup() {
	db=$BATS_TEST_TMPDIR/archive.db
	out=$BATS_TEST_TMPDIR/b.tar.gz
}

members() {
	tar -tzf "$out" | grep -v '/$' | sort
}

@test "support-bundle: every member, without bbd and without the module" {
	"$BBCTL" runs import "$fixtures/run-pass.json" --archive "$db" > /dev/null
	"$BBCTL" runs import "$fixtures/run-fail.json" --archive "$db" > /dev/null
	run --separate-stderr "$BBCTL" -j support-bundle out "$out" archive "$db" runs 1
	assert_eq status 0 "$status"
	assert_eq "jq .file" "$out" "$(jq -r .file <<< "$output")"
	local m
	m=$(members)
	for want in versions.txt bbd-version.txt sysctl.txt dmesg-bbgen.txt bbd.log \
		module/parameters.txt module/ports.json module/streams.json module/triggers.json \
		runs.json runs/2.json net/host/link.txt net/host/addr.txt net/host/route.txt \
		net/host/neigh.txt net/host/ethtool.txt; do
		grep -qx "bb-support/$want" <<< "$m" || fail "missing $want in: $m"
	done
	# runs 1: the last run only
	assert_eq grep 1 "$(grep -c '^bb-support/runs/' <<< "$m")"
	assert_eq "jq .members" "$(wc -l <<< "$m")" "$(jq -r .members <<< "$output")"
	assert_eq tar 2 "$(tar -xzOf "$out" bb-support/runs.json | jq length)"
	assert_eq tar "$(jq -r .verdict "$fixtures/run-fail.json")" \
		"$(tar -xzOf "$out" bb-support/runs/2.json | jq -r .verdict)"
	tar -xzOf "$out" bb-support/versions.txt | grep -q '^bbctl: [0-9a-f]' ||
		fail "no bbctl version"
	tar -xzOf "$out" bb-support/versions.txt | grep -q '^libraries: libnl 3' ||
		fail "no library versions"
	tar -xzOf "$out" bb-support/bbd-version.txt | grep -q '^bbd [0-9a-f]' ||
		fail "no bbd version"
	tar -xzOf "$out" bb-support/sysctl.txt | grep -q '^net/ipv4/tcp_congestion_control = ' ||
		fail "no sysctls"
}

@test "support-bundle: nothing of the caller's environment inside" {
	BB_SECRET_TOKEN=hunter2-s3cr3t "$BBCTL" support-bundle out "$out" archive "$db" > /dev/null
	assert_eq tar 0 "$(tar -xzOf "$out" | grep -c 'hunter2-s3cr3t')"
}

@test "support-bundle: a bad output or runs is one line, nothing left" {
	run --separate-stderr "$BBCTL" support-bundle out /nonexistent-dir/b.tar.gz
	assert_eq status 2 "$status"
	assert_eq stderr "bbctl: support-bundle: out /nonexistent-dir/b.tar.gz: No such file or directory" "$stderr"
	usage_error support-bundle 'bbctl: runs: must be an integer from 0 to 100 (got "101")' \
		support-bundle runs 101
	usage_error support-bundle 'bbctl: support-bundle: unknown argument "frob"' support-bundle frob
	assert_eq "ls /tmp" 0 "$(ls /tmp | grep -c '^bb-support\.' || true)"
}
