# Shared by tests/host/*.bats: bbctl checks that need no kernel module.
# shellcheck shell=bash disable=SC2034,SC2154 # its variables are for the .bats files that load it; bats run sets status, output, stderr
bats_require_minimum_version 1.5.0

bb_top=$(cd "$BATS_TEST_DIRNAME/../.." && pwd)
: "${BBCTL:=$bb_top/build/bin/bbctl}"

MAC=02:00:00:00:00:01
SMAC=02:00:00:00:00:02
# lo has no Ethernet address, so the streams on it name their src-mac
V4=(src 198.51.100.1 dst 198.51.100.2)
V6=(src 2001:db8::1 dst 2001:db8::2)

# fail, assert_eq WHAT EXPECTED GOT, assert_gt WHAT LIMIT GOT
# shellcheck source=tests/lib/assert.bash
. "$bb_top/tests/lib/assert.bash"

# usage_error OBJECT MESSAGE ARGS...: bbctl ARGS exits 1, prints nothing on
# stdout and MESSAGE then the usage of OBJECT ("" for bbctl's) on stderr.
usage_error() {
	local obj=$1 msg=$2
	shift 2
	run --separate-stderr "$BBCTL" "$@"
	assert_eq status 1 "$status"
	assert_eq output "" "$output"
	assert_eq stderr_lines[0] "$msg" "${stderr_lines[0]}"
	if [ -z "$obj" ]; then
		assert_eq stderr_lines[1] "Usage: bbctl [OPTIONS] OBJECT COMMAND [ARGS]" "${stderr_lines[1]}"
	else
		[[ ${stderr_lines[1]} == "Usage: bbctl $obj "* ]] ||
			fail "no usage of $obj: ${stderr_lines[1]}"
	fi
}

# stream_error MESSAGE ARGS...: stream add with valid defaults for the
# rest; ARGS override or add to them.
stream_error() {
	local msg=$1
	shift
	usage_error stream "$msg" stream add dev lo dst-mac $MAC src-mac $SMAC "$@"
}

# reaches_kernel ARGS...: the input passed every check, so on the host
# (no bbgen family) bbctl stops at the module check with exit 2.
reaches_kernel() {
	run --separate-stderr "$BBCTL" "$@"
	assert_eq status 2 "$status"
	assert_eq output "" "$output"
	assert_eq stderr "bbgen module not loaded (modprobe bbgen)" "$stderr"
}

require_no_module() {
	[ ! -d /sys/module/bbgen ] || skip "the bbgen module is loaded here"
}

# start_bbd ARGS...: bbd (next to bbctl) in the foreground, in the
# background, on $SOCK; waits for the socket, and for its metrics port
# when ARGS give one (bbd listens there just after the socket).
: "${BBD:=$(dirname "$BBCTL")/bbd}"
start_bbd() {
	"$BBD" --foreground --quiet --socket "$SOCK" "$@" &
	BBD_PID=$!
	for _ in $(seq 50); do
		if [ -S "$SOCK" ] && { [[ " $* " != *" --metrics "* || " $* " == *" off "* ]] ||
			[[ $(ss -Hltnp) == *"pid=$BBD_PID,"* ]]; }; then
			return 0
		fi
		sleep 0.1
	done
	echo "bbd made no socket (or metrics port)" >&2
	return 1
}
