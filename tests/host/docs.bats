#!/usr/bin/env bats
# The man page renders cleanly and documents what bbctl prints; the bash
# completion completes.
load helpers

man8=$bb_top/Documentation/bbctl.8

@test "man page renders without groff warnings" {
	command -v groff >/dev/null || skip "groff not installed (groff-base)"
	run --separate-stderr groff -man -Tutf8 -ww -z "$man8"
	assert_eq status 0 "$status"
	assert_eq stderr "" "$stderr"
}

@test "man -l shows the sections" {
	command -v man >/dev/null || skip "man not installed (man-db)"
	run env MANWIDTH=80 MAN_KEEP_FORMATTING= man -l "$man8"
	assert_eq status 0 "$status"
	for s in NAME SYNOPSIS DESCRIPTION OPTIONS "PORT COMMANDS" "STREAM COMMANDS" \
		"TRIGGER COMMANDS" OUTPUT "EXIT STATUS" EXAMPLES; do
		printf '%s\n' "${lines[@]}" | grep -qx "$s" || fail "no section $s"
	done
}

@test "man page names every JSON key and default" {
	for k in id dev ifindex state frame_size interval_ns count seq_offset \
		xmit_mode cpu tx_frames tx_bytes tx_busy first_tx_ns last_tx_ns tx_time_error_ns \
		udp_dport udp_sport src_ipv4 dst_ipv4 src_ipv6 dst_ipv6 rx_frames \
		rx_bytes highest_seq lost out_of_sequence duplicates first_rx_ns \
		last_rx_ns streams triggers timestamping rate_frames rate_period_ns \
		fps duration_ns delay_ns templates cycle_len order seed latency \
		vlan_id interval_ms loss_events_total loss_events first_seq rx_ns \
		history_dropped range_min_ns range_max_ns min_ns avg_ns max_ns \
		jitter_ns p50_ns p90_ns p99_ns p999_ns p9999_ns below_range \
		above_range invalid start_ns frames bytes latency_count \
		latency_min_ns latency_avg_ns latency_max_ns upper_ns; do
		grep -q "\\\\fB$k\\|^\\.B $k" "$man8" || fail "key $k undocumented"
	done
	grep -q '^\.B sport 49152$' "$man8"
	grep -q '^\.BR "dport 4000" \.$' "$man8"
	grep -q '^bbgen module not loaded (modprobe bbgen)$' "$man8"
}

@test "MESSAGES lists the messages the tests check" {
	msgs=$bb_top/userspace/bbctl/MESSAGES
	grep -qxF 'bbctl: rate: must be a number > 0 (got "<ARG>")' "$msgs"
	grep -qxF 'bbctl: count: must be an integer >= 1 (got "<ARG>")' "$msgs"
	grep -qxF 'bbctl: dev: no such device "<ARG>"' "$msgs"
	grep -qxF 'bbctl: size: <N> bytes is too small for an IPv4/UDP frame with a sequence tag (minimum 60)' "$msgs"
	grep -qxF 'bbgen module not loaded (modprobe bbgen)' "$msgs"
}

complete_words() {
	(
		# shellcheck disable=SC1091
		source "$bb_top/userspace/bbctl/bbctl.bash"
		COMP_WORDS=("$@")
		COMP_CWORD=$(($# - 1))
		COMPREPLY=()
		_bbctl
		echo "${COMPREPLY[*]}"
	)
}

@test "bash completion: objects, commands, keywords, values" {
	assert_eq "complete_words bbctl" "port stream trigger run scenario runs report http status stop capture support-bundle monitor help" "$(complete_words bbctl '')"
	assert_eq "complete_words bbctl" "count" "$(complete_words bbctl monitor '')"
	assert_eq "complete_words bbctl" "socket" "$(complete_words bbctl status '')"
	assert_eq "complete_words bbctl" "socket" "$(complete_words bbctl run x.json so)"
	assert_eq "complete_words bbctl" "html json junit" "$(complete_words bbctl run --format '')"
	assert_eq "complete_words bbctl" "html json junit" "$(complete_words bbctl run x.json format '')"
	assert_eq "complete_words bbctl" "out archive runs" "$(complete_words bbctl support-bundle '')"
	assert_eq "complete_words bbctl" "get serve help" "$(complete_words bbctl http '')"
	assert_eq "complete_words bbctl" "port address count size" "$(complete_words bbctl http serve '')"
	assert_eq "complete_words bbctl" "stream status stop" "$(complete_words bbctl -j st)"
	assert_eq "complete_words bbctl" "add del start stop show help" "$(complete_words bbctl stream '')"
	assert_eq "complete_words bbctl" "id src dst sport dport vlan latency range interval" "$(complete_words bbctl trigger add dev lo '')"
	assert_eq "complete_words bbctl" "xmit" "$(complete_words bbctl stream add dev lo rate 5 x)"
	assert_eq "complete_words bbctl" "queue direct" "$(complete_words bbctl stream add dev lo xmit '')"
	[[ " $(complete_words bbctl port add dev '') " == *" lo "* ]]
}

@test "bash completion: trigger commands, port timestamping, stream IMIX, VLAN, latency and size keywords" {
	assert_eq "complete_words bbctl" "add del show history histogram help" "$(complete_words bbctl trigger '')"
	assert_eq "complete_words bbctl" "timestamping" "$(complete_words bbctl port add dev lo '')"
	assert_eq "complete_words bbctl" "software hardware" "$(complete_words bbctl port add dev lo timestamping '')"
	assert_eq "complete_words bbctl" "fixed shuffle" "$(complete_words bbctl stream add dev lo imix-order '')"
	assert_eq "complete_words bbctl" "physical" "$(complete_words bbctl stream add dev lo l2-speed p)"
	assert_eq "complete_words bbctl" "0x8100 0x88a8" "$(complete_words bbctl stream add dev lo tpid 0x8)"
	assert_eq "complete_words bbctl" "default" "$(complete_words bbctl stream add dev lo imix d)"
	assert_eq "complete_words bbctl" "on off" "$(complete_words bbctl stream add dev lo latency '')"
	assert_eq "complete_words bbctl" "normal" "$(complete_words bbctl stream add dev lo size-dist '')"
	# size-dist takes five values: no keyword until they are given
	assert_eq "complete_words bbctl" "" "$(complete_words bbctl stream add dev lo size-dist normal 1 2 3 '')"
	assert_eq "complete_words bbctl" "size sizes" "$(complete_words bbctl stream add dev lo size-dist normal 1 2 3 4 si)"
	# vlan repeats, rate does not
	assert_eq "complete_words bbctl" "vlan" "$(complete_words bbctl stream add dev lo vlan 1 rate 2 v)"
	assert_eq "complete_words bbctl" "" "$(complete_words bbctl stream add dev lo rate 2 ra)"
	assert_eq "complete_words bbctl" "id interval" "$(complete_words bbctl trigger add dev lo range 1 2 i)"
}

# objects_in TEXT: the words of its "OBJECT := { a | b | ... }", in order
objects_in() {
	tr '\n' ' ' <<< "$1" | sed -n 's/.*OBJECT *:= *{\([^}]*\)}.*/\1/p' | tr -d '|' | xargs
}

@test "usage, man page and completion name the same objects, in the same order" {
	local usage man completion
	usage=$(objects_in "$("$BBCTL" help 2>&1)")
	man=$(objects_in "$(MANWIDTH=200 man -l "$bb_top/Documentation/bbctl.8" 2> /dev/null)")
	completion=$(complete_words bbctl '')
	[ -n "$usage" ]
	assert_eq man "$usage" "$man"
	assert_eq completion "$usage help" "$completion"
	# and every object answers "help" with its own usage
	for o in $usage; do
		run "$BBCTL" "$o" help
		[[ $output == *"bbctl $o"* ]] || { echo "bbctl $o help: $output"; return 1; }
	done
}

@test "MESSAGES has a line for every usage_err() format in bbctl" {
	command -v python3 >/dev/null || skip "no python3"
	run python3 - "$bb_top/userspace/bbctl" <<'PY'
import glob, re, sys
d = sys.argv[1]
src = "".join(open(f).read() for f in sorted(glob.glob(d + "/*.c")))
src = src.replace('" PRIu64 "', "llu")
msgs = [l.rstrip("\n") for l in open(d + "/MESSAGES") if l.startswith("bbctl: ")]
bad = 0
for fmt in re.findall(r'usage_err\(\s*"((?:[^"\\]|\\.)*)"', src):
    fmt = fmt.replace('\\"', '"')
    # each conversion may stand for a placeholder or a literal
    pat = re.escape("bbctl: " + fmt)
    pat = re.sub(r'%(?:zu|llu|u|d|s)', ".+", pat)
    if not any(re.fullmatch(pat, m) for m in msgs):
        print("not in MESSAGES:", fmt)
        bad += 1
sys.exit(1 if bad else 0)
PY
	echo "$output"
	assert_eq status 0 "$status"
}

@test "kmod/MESSAGES lists exactly the extack messages of kmod/*.c" {
	cd "$bb_top"
	# the string literals with a space in them, less the module's
	# descriptions and log lines
	diff <(grep -hno '"[a-zA-Z][^"%]* [^"%]*"' kmod/*.c |
		grep -v '#include\|pr_\|MODULE_\|"bb traffic generator\|"loaded (generic' |
		sed 's/^[0-9]*:"//; s/"$//' | sort -u) \
		<(grep -v '^#' kmod/MESSAGES)
}
