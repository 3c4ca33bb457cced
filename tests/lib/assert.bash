# The one assertion convention of every bats suite (tests/host, tests/vm):
# a failed check ends the test with one line that names what was checked,
# what was expected and what was seen. Sourced by tests/host/helpers.bash
# and tests/vm/lib.bash.
# shellcheck shell=bash

# fail MESSAGE...: end the test with a message.
fail() {
	echo "FAIL: $*" >&2
	return 1
}

# assert_eq WHAT EXPECTED GOT
assert_eq() {
	[ "$2" = "$3" ] || fail "$1: expected $2, got $3"
}

# assert_gt WHAT LIMIT GOT: GOT is a whole number above LIMIT
assert_gt() {
	[[ $3 =~ ^[0-9]+$ ]] && [ "$3" -gt "$2" ] || fail "$1: expected > $2, got $3"
}
