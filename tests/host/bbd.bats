#!/usr/bin/env bats
# bbd's socket: who may connect (root and --group), and bad options. No
# module needed: nothing here starts a run.

load helpers


setup() {
	# a directory others may enter, so only the socket's mode decides
	DIR=$(mktemp -d /tmp/bbd-sock.XXXXXX)
	chmod 755 "$DIR"
	SOCK=$DIR/bbd.sock
}

teardown() {
	[ -z "${BBD_PID:-}" ] || { kill "$BBD_PID" 2> /dev/null; wait "$BBD_PID" 2> /dev/null || true; }
	rm -rf "$DIR"
}


# status_as SETPRIV_ARGS...: send {"cmd":"status"} as another user; prints
# the answer or the connect error.
status_as() {
	setpriv "$@" /usr/bin/python3 -c '
import socket, sys
s = socket.socket(socket.AF_UNIX)
try:
    s.connect(sys.argv[1])
except OSError as e:
    print("connect:", e.strerror)
    sys.exit(0)
s.sendall(b"{\"cmd\":\"status\"}\n")
print(s.makefile().readline().strip())
' "$SOCK"
}

@test "bbd: without --group the socket is root:root 0660; root gets status, nobody is refused" {
	start_bbd
	assert_eq "stat %U:%G" "root:root 660" "$(stat -c '%U:%G %a' "$SOCK")"
	run status_as --reuid=0 --regid=0 --keep-groups
	assert_eq output '{"event":"status","running":false}' "$output"
	run status_as --reuid=65534 --regid=65534 --clear-groups
	assert_eq output "connect: Permission denied" "$output"
}

@test "bbd: --group users lets the group in and keeps others out" {
	local gid
	gid=$(getent group users | cut -d: -f3)
	start_bbd --group users
	assert_eq "stat %U:%G" "root:users 660" "$(stat -c '%U:%G %a' "$SOCK")"
	run status_as --reuid=65534 --regid=65534 --groups="$gid"
	assert_eq output '{"event":"status","running":false}' "$output"
	run status_as --reuid=65534 --regid=65534 --clear-groups
	assert_eq output "connect: Permission denied" "$output"
}

@test "bbd: --group naming no group exits 1 and leaves no socket" {
	run --separate-stderr "$BBD" --foreground --socket "$SOCK" --group no-such-group-bb
	assert_eq status 1 "$status"
	assert_eq stderr_lines[0] "bbd: --group no-such-group-bb: no such group" "${stderr_lines[0]}"
	[ ! -e "$SOCK" ]
}

@test "bbd: a second bbd on a live socket refuses to start" {
	start_bbd
	run --separate-stderr "$BBD" --foreground --socket "$SOCK"
	[ "$status" -ne 0 ]
	assert_eq stderr_lines[0] "bbd: another bbd is listening on $SOCK" "${stderr_lines[0]}"
	# the first one still answers
	run status_as --reuid=0 --regid=0 --keep-groups
	assert_eq output '{"event":"status","running":false}' "$output"
}

# request_as [SETPRIV_ARGS...] -- LINE: send one request line (as the
# user setpriv makes of SETPRIV_ARGS, if any); prints bbd's answer.
request_as() {
	local as=()
	while [ "$1" != -- ]; do as+=("$1"); shift; done
	[ ${#as[@]} = 0 ] || as=(setpriv "${as[@]}")
	"${as[@]}" /usr/bin/python3 -c '
import socket, sys
s = socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1])
s.sendall(sys.argv[2].encode() + b"\n")
print(s.makefile().readline().strip())
' "$SOCK" "$2"
}

# request LINE: the same as root
request() {
	request_as -- "$1"
}

@test "bbd: a run whose reports would go to a relative or '..' path, or a name no string, is refused with one line" {
	start_bbd
	run request '{"cmd":"run","name":"x","scenario":{},"options":{"report_dir":"reports"}}'
	assert_eq "jq .message" "options.report_dir: must be an absolute path" "$(jq -r .message <<< "$output")"
	run request '{"cmd":"run","name":"x","scenario":{},"options":{"report_dir":"/tmp/../etc"}}'
	assert_eq "jq .message" "options.report_dir: must be a plain path (no '..', no control characters, under 2048 bytes)" \
		"$(jq -r .message <<< "$output")"
	run request '{"cmd":"run","name":["../x"],"scenario":{}}'
	assert_eq "jq .message" "name: must be a string of 1 to 255 bytes" "$(jq -r .message <<< "$output")"
	# bbd goes on serving
	run request '{"cmd":"status"}'
	assert_eq output '{"event":"status","running":false}' "$output"
}

@test "bbd: a run's report_dir must be one the requesting user may write, checked before anything is made" {
	local gid nobody=(--reuid=65534 --regid=65534) run_in
	gid=$(getent group users | cut -d: -f3)
	nobody+=(--groups="$gid")
	start_bbd --group users
	mkdir "$DIR/root-only" "$DIR/theirs"
	chown 65534:65534 "$DIR/theirs"
	run_in() { echo '{"cmd":"run","name":"x","scenario":{},"options":{"report_dir":"'"$1"'"}}'; }
	# a member of --group may not have bbd (root) write where they cannot
	run request_as "${nobody[@]}" -- "$(run_in "$DIR/root-only")"
	assert_eq "jq .exit," "1|options.report_dir: $DIR/root-only: nobody (uid 65534) may not write there (Permission denied); give a directory that user may write|" \
		"$(jq -r '.exit, .message' <<< "$output" | tr '\n' '|')"
	run request_as "${nobody[@]}" -- "$(run_in "$DIR/missing")"
	assert_eq "jq .message" "options.report_dir: $DIR/missing: no such directory" "$(jq -r .message <<< "$output")"
	# their own directory passes: the empty scenario is what fails next
	run request_as "${nobody[@]}" -- "$(run_in "$DIR/theirs")"
	assert_eq "jq .message" "ports: missing (required)" "$(jq -r .message <<< "$output")"
	# root may write anywhere
	run request "$(run_in "$DIR/root-only")"
	assert_eq "jq .message" "ports: missing (required)" "$(jq -r .message <<< "$output")"
	assert_eq find 0 "$(find "$DIR/root-only" "$DIR/theirs" -mindepth 1 | wc -l)"
}

@test "bbctl status and stop [RUN]: an idle bbd, no run to stop; no bbd at all (none is started)" {
	start_bbd
	run "$BBCTL" status --socket "$SOCK"
	assert_eq status 0 "$status"
	assert_eq output "bbd at $SOCK: idle, no run in progress" "$output"
	run "$BBCTL" -j status --socket "$SOCK"
	assert_eq output "{\"socket\":\"$SOCK\",\"daemon\":true,\"running\":false}" "$output"
	run "$BBCTL" -j stop --socket "$SOCK"
	assert_eq status 0 "$status"
	assert_eq output "{\"socket\":\"$SOCK\",\"stopping\":false}" "$output"
	run "$BBCTL" stop --socket "$SOCK"
	assert_eq output "no run in progress" "$output"
	# stop RUN stops that run only: none of that name runs here
	run --separate-stderr "$BBCTL" stop b2b socket "$SOCK"
	assert_eq status 1 "$status"
	assert_eq stderr 'bbctl: stop: name: no run "b2b" in progress' "$stderr"
	kill "$BBD_PID"
	wait "$BBD_PID" || true
	BBD_PID=
	# status says so and starts no bbd; stop has nothing to ask
	run "$BBCTL" -j status --socket "$SOCK"
	assert_eq status 0 "$status"
	assert_eq output "{\"socket\":\"$SOCK\",\"daemon\":false}" "$output"
	[ ! -S "$SOCK" ] || fail "a bbd was started"
	run --separate-stderr "$BBCTL" stop --socket "$SOCK"
	assert_eq status 2 "$status"
	assert_eq stderr "bbctl: stop: no bbd runs at $SOCK" "$stderr"
	run --separate-stderr "$BBCTL" status --socket
	assert_eq status 1 "$status"
	assert_eq stderr_lines[0] "bbctl: socket: missing value (expected PATH)" "${stderr_lines[0]}"
}

# hog MODE: a client of bbd that misbehaves; prints what bbd did to it.
#   idle:  connects and sends nothing; waits up to 10 s for bbd to close it
#   flood: sends status requests and never reads an answer
hog() {
	/usr/bin/python3 - "$SOCK" "$1" <<'PY'
import socket, sys, time
s = socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1])
if sys.argv[2] == "idle":
    s.settimeout(10)
    t = time.monotonic()
    print("closed" if s.recv(1) == b"" else "answered", round(time.monotonic() - t))
    sys.exit(0)
req = b'{"cmd":"status"}\n' * 1000
s.settimeout(30)
try:
    while True:
        s.sendall(req)
except OSError as e:
    print("dropped:", e.strerror)
PY
}

@test "bbd: idle clients are closed after --idle-timeout; 32 idle ones cannot lock bbctl out" {
	run "$BBD" --idle-timeout 0
	assert_eq status 1 "$status"
	assert_eq lines[0] 'bbd: --idle-timeout: must be whole seconds from 1 to 86400 (got "0")' "${lines[0]}"
	start_bbd --idle-timeout 2
	run hog idle
	[[ $output == "closed "[234] ]] || fail "idle client: $output"
	# every slot taken by a client that says nothing: a newcomer takes
	# the slot of the longest idle one
	local i pids=()
	for i in $(seq 32); do
		hog idle > /dev/null &
		pids+=($!)
	done
	sleep 0.5
	run timeout 5 "$BBCTL" status --socket "$SOCK"
	assert_eq output "bbd at $SOCK: idle, no run in progress" "$output"
	wait "${pids[@]}"
}

@test "bbd: clients that never read their answers are dropped, and do not stall others" {
	start_bbd
	local i pids=()
	for i in 1 2 3; do
		hog flood > "$DIR/hog$i" &
		pids+=($!)
	done
	sleep 1
	local t0=$SECONDS
	run timeout 20 "$BBCTL" status --socket "$SOCK"
	assert_eq output "bbd at $SOCK: idle, no run in progress" "$output"
	# blocking writes with a 5 s timeout each took 15 s here
	[ $((SECONDS - t0)) -le 3 ] || fail "status took $((SECONDS - t0)) s"
	wait "${pids[@]}"
	for i in 1 2 3; do
		[[ $(cat "$DIR/hog$i") == "dropped: "@(Connection reset by peer|Broken pipe) ]] ||
			{ echo "hog $i: $(cat "$DIR/hog$i")" >&2; return 1; }
	done
}
