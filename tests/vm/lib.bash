# Helpers for the VM suite (tests/vm/*.bats), sourced by every file with
# `load lib`. The tests run inside scripts/vm-run: root, bbgen.ko loaded,
# the host's tools over 9p.
#
# Topology (every test gets a fresh one; pair_teardown checks it is clean):
#
#   netns bbA                                  netns bbB
#   veth0 10.0.0.1/24 fd00::1/64  <------->  veth1 10.0.0.2/24 fd00::2/64
#   (streams send here)                        (triggers count here)
#
# Style after the kernel's selftests/net/lib.sh: namespace wrappers,
# busywait-style polling with a deadline, one failure message that names
# the counter, what was expected and what was seen.
# shellcheck shell=bash disable=SC2034 # its variables are for the .bats files that load it
bats_require_minimum_version 1.5.0	# run --separate-stderr

BB_TOP=${BB_TOP:-$(cd "$BATS_TEST_DIRNAME/../.." && pwd)}
BBCTL=${BBCTL:-$BB_TOP/build/bin/bbctl}	# override: test another build
CSUM_CHECK=$BB_TOP/tests/vm/udp-csum-check
NS_A=bbA
NS_B=bbB
IP4_A=10.0.0.1 IP4_B=10.0.0.2
IP6_A=fd00::1 IP6_B=fd00::2

# Kernel log lines that mean a kernel bug (same list as scripts/vm-run).
OOPS_RE='BUG:|WARNING:|Oops|general protection fault|Kernel panic|KASAN|UBSAN|kernel BUG at'

in_a() { ip netns exec "$NS_A" "$@"; }
in_b() { ip netns exec "$NS_B" "$@"; }
# bbctl -n enters the namespace itself (setns): no nsenter or ip netns
# exec in front, one process less per command (about 0.1 s under TCG).
bbctl_a() { "$BBCTL" -n "$NS_A" "$@"; }
bbctl_b() { "$BBCTL" -n "$NS_B" "$@"; }

# fail, assert_eq WHAT EXPECTED GOT, assert_gt WHAT LIMIT GOT
# shellcheck source=tests/lib/assert.bash
. "$BB_TOP/tests/lib/assert.bash"

# The veths' MACs are fixed, so no process has to look them up.
MAC_A=02:bb:00:00:00:01 MAC_B=02:bb:00:00:00:02

# needs_full_speed WHY: skips the test on the debug kernel (make
# check-debug), saying WHY. KASAN and lockdep under TCG make the kernel
# several times slower: bbgen sends some 2,000 frames/s, so a stream bounded
# by a duration at a higher rate ends (at its duration's end, as it cannot
# catch up) short of its frames, and 1,000 TCP flows over one veth see
# segments wait past TCP_USER_TIMEOUT. A test whose subject is such a count
# measures the kernel's speed there, not bb; the code paths it takes run in
# the debug kernel's other tests too.
needs_full_speed() {
	case $(uname -r) in
	*-bbdebug) skip "debug kernel: $1" ;;
	esac
}

# pair_setup: the two namespaces and the veth pair, addressed and up.
# Batched (ip -batch): every process costs a lot under TCG (about 0.2 s for
# /bin/true, 0.6 s for jq, 1.5 s for python3 on a busy host), so the
# per-test setup and teardown use as few as they can.
pair_setup() {
	pair_cleanup_netns
	ip -batch - <<-EOF
		netns add $NS_A
		netns add $NS_B
		link add veth0 address $MAC_A netns $NS_A type veth peer name veth1 address $MAC_B netns $NS_B
	EOF
	ip -n "$NS_A" -batch - <<-EOF
		addr add $IP4_A/24 dev veth0
		addr add $IP6_A/64 dev veth0 nodad
		link set lo up
		link set veth0 up
	EOF
	ip -n "$NS_B" -batch - <<-EOF
		addr add $IP4_B/24 dev veth1
		addr add $IP6_B/64 dev veth1 nodad
		link set lo up
		link set veth1 up
	EOF
	oops_mark
}

pair_cleanup_netns() {
	local ns
	for ns in "$NS_A" "$NS_B"; do
		[ -e "/run/netns/$ns" ] && ip netns del "$ns"
	done
	return 0
}

# oops_mark / oops_check: did the kernel oops or warn since the mark?
# Every oops, WARN and "BUG:" taints the kernel, so comparing the taint
# mask costs no process; only a change reads the log, to show what
# happened. (scripts/vm-run checks the whole log at the end as well.)
oops_mark() {
	read -r TAINT_START < /proc/sys/kernel/tainted
}

oops_check() {
	local taint
	[ -n "${TAINT_START:-}" ] || return 0
	read -r taint < /proc/sys/kernel/tainted
	[ "$taint" = "$TAINT_START" ] && return 0
	echo "teardown: the kernel was tainted during the test ($TAINT_START -> $taint):"
	dmesg | grep -E -A 20 "$OOPS_RE" | head -n 60
	return 1
}

# bb_delete_all NS: delete every port in NS (a port takes its streams and
# triggers with it), then check that no stream, trigger or port is left.
# Prints what went wrong; returns 1 on a leak. One shell inside the
# namespace does it all, reading the devices from bbctl's JSON with bash's
# own regex: every process counts under TCG, and deleting 1,000 streams
# one bbctl at a time took minutes.
bb_delete_all() {
	nsenter --net="/run/netns/$1" bash -s "$1" "$BBCTL" <<-'EOF'
		ns=$1 bbctl=$2 rc=0 key='"dev": *"([^"]+)"'
		json=$("$bbctl" -j port show) || { echo "teardown: $ns: port show failed"; rc=1; }
		while [[ $json =~ $key ]]; do
			"$bbctl" port del dev "${BASH_REMATCH[1]}" ||
				{ echo "teardown: $ns: port del dev ${BASH_REMATCH[1]} failed"; rc=1; }
			json=${json#*"${BASH_REMATCH[0]}"}
		done
		for obj in stream trigger port; do
			left=$("$bbctl" -j "$obj" show 2>&1)
			[ "$left" = "[]" ] ||
				{ echo "teardown: $ns: $obj objects left behind: $left"; rc=1; }
		done
		exit $rc
	EOF
}

# pair_teardown: delete every bbgen object, check none is left, check the
# kernel for oopses this test caused, remove the namespaces.
pair_teardown() {
	local ns rc=0
	if module_loaded; then
		for ns in "$NS_A" "$NS_B"; do
			[ -e "/run/netns/$ns" ] || continue
			bb_delete_all "$ns" || rc=1
		done
	fi
	pair_cleanup_netns
	oops_check || rc=1
	return $rc
}

module_loaded() {
	[ -d /sys/module/bbgen ]
}

# ports_add: bind veth0 (bbA) and veth1 (bbB) to bbgen.
ports_add() {
	bbctl_a port add dev veth0 || { fail "port add dev veth0"; return 1; }
	bbctl_b port add dev veth1 || { fail "port add dev veth1"; return 1; }
}

# json_fields JSON: print "key=value" lines of the first object of a JSON
# array; null prints as "null".
json_fields() {
	jq -r '.[0] // {} | to_entries[] | "\(.key)=\(.value)"' <<< "$1"
}

# load_obj ARRAY JSONVAR CMD...: run CMD (a bbctl -j ... show), put the
# first object's "key=value" pairs into the associative array ARRAY and
# the JSON into JSONVAR.
load_obj() {
	# shellcheck disable=SC2034 # a nameref: the caller's array is set
	local -n arr=$1
	local k v json
	json=$("${@:3}") || { fail "${*:3}"; return 1; }
	arr=()
	while IFS='=' read -r k v; do arr[$k]=$v; done < <(json_fields "$json")
	printf -v "$2" '%s' "$json"
}

# load_stream ID / load_trigger ID: fill the associative arrays S / T with
# the stream's (in bbA) or trigger's (in bbB) counters.
load_stream() {
	declare -gA S=()
	load_obj S S_JSON bbctl_a -j stream show id "$1"
}

load_trigger() {
	declare -gA T=()
	load_obj T T_JSON bbctl_b -j trigger show id "$1"
}

# now_cs: print the uptime in hundredths of a second (bash only: no
# process). deadline SECS: the now_cs SECS (an integer) from now. before
# DEADLINE: true while now_cs is below DEADLINE.
now_cs() {
	local up
	read -r up _ < /proc/uptime
	up=${up/./}
	echo $((10#$up))
}

deadline() {
	echo $(($(now_cs) + $1 * 100))
}

before() {
	[ "$(now_cs)" -lt "$1" ]
}

# wait_until SECS WHAT CMD...: poll CMD every 0.2 s until it succeeds;
# after SECS, fail with "WHAT".
wait_until() {
	local end
	end=$(deadline "$1")
	until "${@:3}"; do
		before "$end" || { fail "$2 (after $1 s)"; return 1; }
		sleep 0.2
	done
}

# wait_stream_done ID [TIMEOUT]: poll until the stream is done.
wait_stream_done() {
	local id=$1 end
	end=$(deadline "${2:-120}")
	while before "$end"; do
		load_stream "$id" || return 1
		case ${S[state]} in
		done) return 0 ;;
		running) sleep 0.5 ;;
		*) fail "stream $id: state ${S[state]} while waiting for done: $S_JSON"; return 1 ;;
		esac
	done
	fail "stream $id not done after ${2:-120} s: $S_JSON"
}

# wait_rx_settled ID: poll until the trigger's rx_frames stops moving
# (frames netem delays are still in flight when the stream is done).
wait_rx_settled() {
	local id=$1 prev=-1 end
	end=$(deadline 30)
	load_trigger "$id" || return 1
	while [ "${T[rx_frames]}" != "$prev" ]; do
		before "$end" || { fail "trigger $id still receiving after 30 s: $T_JSON"; return 1; }
		prev=${T[rx_frames]}
		sleep 0.5
		load_trigger "$id" || return 1
	done
}

# start_stream ID COUNT RATE [6] [ARGS...]: trigger ID on veth1 (dport
# 5000+ID) and stream ID on veth0 to it, started. "6" switches the
# addresses to IPv6; other ARGS go to stream add (size, xmit, ...).
start_stream() {
	local id=$1 count=$2 rate=$3
	shift 3
	local addrs=(src "$IP4_A" dst "$IP4_B")
	if [ "${1:-}" = 6 ]; then
		addrs=(src "$IP6_A" dst "$IP6_B")
		shift
	fi
	bbctl_b trigger add dev veth1 id "$id" dport $((5000 + id)) ||
		{ fail "trigger add id $id"; return 1; }
	bbctl_a stream add dev veth0 id "$id" dst-mac "$MAC_B" "${addrs[@]}" \
		dport $((5000 + id)) rate "$rate" count "$count" "$@" ||
		{ fail "stream add id $id"; return 1; }
	bbctl_a stream start id "$id" || { fail "stream start id $id"; return 1; }
}

# finish_stream ID COUNT RATE: wait until stream ID is done and its
# trigger has settled; S and T then hold their counters.
finish_stream() {
	# The rate sets the minimum run time; allow TCG plenty on top.
	wait_stream_done "$1" $(($2 / $3 + 60)) || return 1
	wait_rx_settled "$1"
}

# run_stream ID COUNT RATE [6] [ARGS...]: start_stream + finish_stream.
run_stream() {
	start_stream "$@" || return 1
	finish_stream "$1" "$2" "$3"
}

# show_counters ID: the stream's and trigger's JSON, for failure messages
# (bats prints a failing test's output).
show_counters() {
	echo "stream:  $S_JSON"
	echo "trigger: $T_JSON"
}

# capture_start FILE FILTER...: tcpdump on veth1 (bbB) into FILE; returns
# once tcpdump is listening. capture_stop ends it and waits for the file.
# tcpdump runs straight from ip netns exec (which execs it), so $! is
# tcpdump itself; it stops on SIGTERM (a background job ignores SIGINT).
capture_start() {
	local file=$1 end
	shift
	CAPTURE_LOG=$BATS_TEST_TMPDIR/tcpdump.log
	ip netns exec "$NS_B" tcpdump -i veth1 -n -s 0 -B 16384 -U -w "$file" "$@" \
		2> "$CAPTURE_LOG" &
	CAPTURE_PID=$!
	end=$(deadline 30)
	until grep -q 'listening on' "$CAPTURE_LOG"; do
		before "$end" || { cat "$CAPTURE_LOG"; fail "tcpdump did not start"; return 1; }
		sleep 0.2
	done
}

capture_stop() {
	local end
	kill -TERM "$CAPTURE_PID"
	end=$(deadline 30)
	while kill -0 "$CAPTURE_PID" 2> /dev/null; do
		before "$end" || {
			kill -KILL "$CAPTURE_PID"
			fail "tcpdump did not stop on SIGTERM"
			return 1
		}
		sleep 0.2
	done
	wait "$CAPTURE_PID" || true
	cat "$CAPTURE_LOG"
	if grep -E '^[1-9][0-9]* packets dropped by kernel' "$CAPTURE_LOG"; then
		fail "tcpdump dropped packets: the capture is incomplete"
		return 1
	fi
}

# pcap_count FILE: number of frames in a capture.
pcap_count() {
	tcpdump -n -r "$1" 2> /dev/null | wc -l
}

# ynl_in NETNS --do|--dump OP [JSON]: tests/vm/bbynl's request in NETNS,
# through one bbynl server for the whole bats run (started by the first
# request): its Python, YNL library and spec take seconds to load under
# TCG, a request a few milliseconds. Prints the reply as one JSON line,
# or "error: <extack message>" and returns 1, like bbynl itself. Other
# bbynl arguments (--batch) run bbynl in NETNS directly.
BBYNL=$BB_TOP/tests/vm/bbynl
ynl_in() {
	local ns=$1 mode=${2:-} op=${3:-} json=${4:-} reply
	case $mode in
	--do | --dump) ;;
	*) ip netns exec "$ns" "$BBYNL" "${@:2}"; return ;;
	esac
	ynl_server || return 1
	printf '%s %s %s %s\n' "$ns" "${mode#--}" "$op" "${json//$'\n'/ }" 1<> "$YNL_DIR/in"
	read -r -t 120 reply <> "$YNL_DIR/out" ||
		{ echo "error: the bbynl server did not answer in 120 s: $(cat "$YNL_DIR/log")"; return 1; }
	IFS= read -r -d '' reply < "$YNL_DIR/reply" || true	# no NUL: status 1 at the end
	case $reply in
	ok\ *) printf '%s\n' "${reply#ok }" ;;
	*) printf 'error: %s\n' "${reply#error }"; return 1 ;;
	esac
}

# ynl_server: start the bbynl server unless it runs; wait until it is
# ready. The FIFOs live in the run's temporary directory; the server ends
# when that is removed.
ynl_server() {
	local pid line
	YNL_DIR=$BATS_RUN_TMPDIR/bbynl
	if [ -e "$YNL_DIR/pid" ]; then
		read -r pid < "$YNL_DIR/pid"
		kill -0 "$pid" 2> /dev/null && return 0
	fi
	mkdir -p "$YNL_DIR" && rm -f "$YNL_DIR/in" "$YNL_DIR/out" &&
		mkfifo "$YNL_DIR/in" "$YNL_DIR/out" || return 1
	"$BBYNL" --serve "$YNL_DIR" < /dev/null > "$YNL_DIR/log" 2>&1 3>&- &
	echo $! > "$YNL_DIR/pid"
	read -r -t 120 _ <> "$YNL_DIR/out" ||
		{ echo "error: the bbynl server did not start: $(cat "$YNL_DIR/log")"; return 1; }
}
