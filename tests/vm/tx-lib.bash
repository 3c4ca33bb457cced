# Helpers for the TX feature tests (tests/vm/4x-*.bats), on top of lib.bash:
# streams added and driven through the YNL spec (tests/vm/bbynl), with
# templates built by tests/vm/mkframe, so they test the kernel alone.
# shellcheck shell=bash disable=SC2034 # its variables are for the .bats files that load it

MKFRAME=$BB_TOP/tests/vm/mkframe

# The TX tests' topology: the veth pair, both ends bbgen ports. A test file
# that loads tx-lib gets these; it may define its own after the load.
setup() {
	pair_setup
	ports_add
}
teardown() { pair_teardown; }

# ynl_a ARGS... / ynl_b: bbynl in bbA / bbB (JSON out).
ynl_a() { ynl_in "$NS_A" "$@"; }
ynl_b() { ynl_in "$NS_B" "$@"; }

# frames_json DPORT [6] SIZE...: a JSON list of template hex strings from
# veth0 to veth1, IPv4 (or IPv6 with 6).
frames_json() {
	local dport=$1 src=$IP4_A dst=$IP4_B
	shift
	if [ "$1" = 6 ]; then
		src=$IP6_A dst=$IP6_B
		shift
	fi
	"$MKFRAME" "$MAC_B" "$MAC_A" "$src" "$dst" 4000 "$dport" "$@" |
		jq -R . | jq -sc .
}

# ystream_add JSON: stream-add on veth0 with JSON merged in; fails the
# test on an error.
ystream_add() {
	local req
	req=$(jq -c --argjson more "$1" '. + $more' <<< '{"dev": "veth0"}')
	ynl_a --do stream-add "$req" > /dev/null || fail "stream-add $req"
}

# ytrigger ID: a trigger on veth1 for dport 5000+ID.
ytrigger() {
	bbctl_b trigger add dev veth1 id "$1" dport $((5000 + $1)) ||
		fail "trigger add id $1"
}

# ystream ID: the stream's JSON (ynl names, '-').
ystream() {
	ynl_a --do stream-get "{\"id\": $1}"
}

# ystream_field ID FIELD: integers as sent (jq 1.6 would round those
# above 2^53, like CLOCK_TAI ns, to doubles), anything else through jq.
ystream_field() {
	local json num
	json=$(ystream "$1")
	num=$(grep -o "\"$2\": [0-9][0-9]*" <<< "$json" | head -n 1)
	if [ -n "$num" ]; then
		echo "${num##* }"
	else
		jq -r ".\"$2\"" <<< "$json"
	fi
}

# ywait_done ID [TIMEOUT]: until the stream is done.
ywait_done() {
	local end state
	end=$(deadline "${2:-60}")
	while before "$end"; do
		state=$(ystream_field "$1" state)
		case $state in
		done) return 0 ;;
		running) sleep 0.3 ;;
		*) fail "stream $1: state $state while waiting for done"; return 1 ;;
		esac
	done
	fail "stream $1 not done after ${2:-60} s: $(ystream "$1")"
}

# ynl_error NS MSG ARGS...: bbynl fails with extack MSG.
ynl_expect_error() {
	local ns=$1 msg=$2 out
	shift 2
	out=$(ynl_in "$ns" "$@") && { fail "bbynl $* succeeded: $out"; return 1; }
	[ "$out" = "error: $msg" ] || fail "bbynl $*: expected 'error: $msg', got '$out'"
}

# tai_now: CLOCK_TAI in ns (the clock of first-tx-ns and START_TAI_NS).
tai_now() {
	python3 -c 'import time; print(time.clock_gettime_ns(time.CLOCK_TAI))'
}
