#!/usr/bin/env bats
# kernel-lines: 6.12
# The ByteBlower test framework's CLI configs in tests/host/fixtures/framework/
# (written from the framework's documentation) run unchanged: bbctl -j run
# FILE --map ..., each on a topology made for it. Every flow of the record
# moved frames and bytes, the run passes, no bb- namespace is left. 6.12
# only: the translator is userspace, the kernel paths are covered elsewhere.
#
# The fixtures' interfaces (veth0/veth1, trunk-1-3/trunk-1-4,
# nontrunk-1/nontrunk-2) map to bbfw0/bbfw1, root-side ends of veth pairs:
#
#   ipv6.json          bbfw0 <---> bbfw1
#
#   gaming-vlan.json   bbfw0 <---> dut0 - dut0.100 (802.1ad) - dut0.100.20 -+- br0
#                      bbfw1 <---> dut1 ------------------------------------+
#                      (Server's stack 100/20 ends at the bridge; Gamer is untagged)
#
#   port-basic.json,   bbfw0 <---> dut0 GW/24 (the NSI's gateway in the file)
#   trunk-nat.json,                  routed
#   voice.json         bbfw1 <---> dut1 10.9.0.1/24, dnsmasq: the CPE's lease
#
#   (dut0, dut1, br0 in netns bbfwdut)
#
# The CPE ports say "nat": true: the DUT routes without masquerading, so NAT
# discovery finds each flow's own tuple, and the record is checked to carry
# "nat" (69-gateway-nat.bats goes through a real NAPT).
#
# Every fixture runs as it is, none skipped, none shortened: the longest is
# voice.json (30 s calls). The file takes about 150 s of TCG time, 105 s of
# it the runs themselves (the files' flows, their default 5 s
# wait_for_finish, ports and DHCP); hence one jq per record.

load lib

FX=$BB_TOP/tests/host/fixtures/framework
DUT=bbfwdut
MAP=veth0=bbfw0,veth1=bbfw1,trunk-1-3=bbfw0,trunk-1-4=bbfw1,nontrunk-1=bbfw0,nontrunk-2=bbfw1

setup() {
	SOCK=$BATS_TEST_TMPDIR/bbd.sock
	LEASES=$BATS_TEST_TMPDIR/leases
	DLOG=$BATS_TEST_TMPDIR/dnsmasq.log
	REPORTS=$BATS_TEST_TMPDIR/reports
	mkdir -p "$REPORTS"
	oops_mark
	ip netns del "$DUT" 2> /dev/null || true
}

teardown() {
	[ -z "${DNSMASQ_PID:-}" ] || kill "$DNSMASQ_PID" 2> /dev/null || true
	ip -force -batch - 2> /dev/null <<-EOF || true
		link del bbfw0
		link del bbfw1
		netns del $DUT
	EOF
	oops_check
}

# cable: bbfw0 and bbfw1, one veth pair.
cable() {
	ip -batch - <<-EOF
		link add bbfw0 type veth peer name bbfw1
		link set bbfw0 up
		link set bbfw1 up
	EOF
}

# dut: bbfw0 and bbfw1 end in the DUT's namespace as dut0 and dut1.
dut() {
	ip -batch - <<-EOF
		netns add $DUT
		link add bbfw0 type veth peer name dut0 netns $DUT
		link add bbfw1 type veth peer name dut1 netns $DUT
		link set bbfw0 up
		link set bbfw1 up
	EOF
	ip -n "$DUT" -batch - <<-EOF
		link set lo up
		link set dut0 up
		link set dut1 up
	EOF
}

# qinq_bridge: dut0's 802.1ad 100 / 802.1Q 20 stack bridged to untagged dut1.
qinq_bridge() {
	dut
	ip -n "$DUT" -batch - <<-EOF
		link add link dut0 name dut0.100 type vlan protocol 802.1ad id 100
		link add link dut0.100 name dut0.100.20 type vlan id 20
		link add br0 type bridge forward_delay 0
		link set dut0.100.20 master br0
		link set dut1 master br0
		link set dut0.100 up
		link set dut0.100.20 up
		link set br0 up
	EOF
}

# router GW: dut0 has GW/24 (the NSI's gateway), dut1 10.9.0.1/24 and a
# DHCP server (dnsmasq, as in 62-dhcp.bats) for the CPE; forwarding on.
router() {
	dut
	ip -n "$DUT" -batch - <<-EOF
		addr add $1/24 dev dut0
		addr add 10.9.0.1/24 dev dut1
	EOF
	ip netns exec "$DUT" sysctl -qw net.ipv4.ip_forward=1
	ip netns exec "$DUT" dnsmasq --conf-file=/dev/null --keep-in-foreground \
		--user=root --port=0 --interface=dut1 --bind-interfaces \
		--dhcp-range=10.9.0.100,10.9.0.150,255.255.255.0,2m \
		--dhcp-option=option:router,10.9.0.1 --dhcp-authoritative \
		--no-ping --dhcp-leasefile="$LEASES" --log-dhcp \
		--log-facility="$DLOG" --pid-file="$BATS_TEST_TMPDIR/dnsmasq.pid" &
	DNSMASQ_PID=$!
}

# run_fixture NAME FLOWS...: bbctl -j run the fixture unchanged, reports
# into $REPORTS; REC is the record. Checks exit 0 and PASS, that the
# expanded flows are FLOWS (names, in order), that each moved frames and
# bytes and received every frame it sent, and that no bb- namespace is
# left. Fills TX[flow], PORT[port] (the port's JSON) and REPORTS_MADE.
# One jq for the whole record: each process costs under TCG.
run_fixture() {
	local name=$1 rc=0 sum kind a b c d rest flows="" left
	shift
	REC=$("$BBCTL" -j run "$FX/$name.json" --socket "$SOCK" --map "$MAP" \
		--report-dir "$REPORTS" 2> "$BATS_TEST_TMPDIR/stderr") || rc=$?
	cat "$BATS_TEST_TMPDIR/stderr"
	sum=$(jq -r '"verdict \(.verdict) run_s \(.run.duration_s)",
		(.ports[] | "port \(.name) \({interface, ipv4, ipv6, nat, vlans, tags} | tojson)"),
		(.flows[] | .results as $r |
		 "flow \($r.tx_frames) \($r.rx_frames) \($r.tx_bytes) \($r.rx_bytes) \(.name)")' <<< "$REC") || true
	echo "$sum"
	assert_eq "$name: exit code" 0 "$rc" || return 1
	declare -gA TX=() PORT=()
	while read -r kind a b c d rest; do
		case $kind in
		verdict) assert_eq "$name: verdict" PASS "$a" || return 1 ;;
		port) PORT[$a]=$b ;;
		flow)
			flows+="$rest|"
			TX[$rest]=$a
			assert_gt "$name: $rest: rx_frames" 0 "$b" || return 1
			assert_eq "$name: $rest: rx_frames = tx_frames" "$a" "$b" || return 1
			assert_gt "$name: $rest: rx_bytes" 0 "$d" || return 1
			assert_eq "$name: $rest: rx_bytes = tx_bytes" "$c" "$d" || return 1 ;;
		esac
	done <<< "$sum"
	assert_eq "$name: flows" "$(printf '%s|' "$@")" "$flows" || return 1
	left=$(shopt -s nullglob; echo /run/netns/bb-*)
	assert_eq "$name: namespaces left" "" "$left" || return 1
	REPORTS_MADE=$(reports_made)
	echo "reports: $REPORTS_MADE"
}

# reports_made: the report files, each as NAME.EXT without the start time.
reports_made() {
	local f out=()
	for f in "$REPORTS"/*; do
		f=${f##*/}
		[[ $f =~ ^(.*)-[0-9]{8}T[0-9]{9}Z\.([a-z]+)$ ]] && f=${BASH_REMATCH[1]}.${BASH_REMATCH[2]}
		out+=("$f")
	done
	echo "${out[*]}"
}

@test "framework ipv6.json: IPv6 only over a cable" {
	cable
	run_fixture ipv6 "v6 down"
	assert_eq "reports (the framework's default)" "ipv6.html ipv6.json" "$REPORTS_MADE"
}

@test "framework gaming-vlan.json: gaming both ways and background through a QinQ stack, scouting first" {
	qinq_bridge
	run_fixture gaming-vlan Game "Game (reverse)" Background "Game (scouting)" "Background (scouting)"
	assert_eq "scouting frames" "5 5" "${TX[Game (scouting)]} ${TX[Background (scouting)]}"
	[[ ${PORT[Server]} == *'"vlans":[{"id":100,"priority":0,"protocol_id":34984},{"id":20,"priority":3,"drop_eligible":true}]'* ]] ||
		fail "Server's VLAN stack: ${PORT[Server]}"
	assert_eq "reports" "gaming-vlan.json" "$REPORTS_MADE"
}

@test "framework port-basic.json: a routed CPE with a DHCP lease, frame blasting and gaming; lab reports" {
	router 192.168.1.254
	run_fixture port-basic Downstream Gamers "Downstream (scouting)" "Gamers (scouting)"
	[[ ${PORT[CPE]} == *'"ipv4":"10.9.0.1'*'"nat":true'* ]] || fail "CPE: ${PORT[CPE]}"
	assert_eq "reports" "lab.html lab.xml" "$REPORTS_MADE"
}

@test "framework trunk-nat.json: trunk ports by the interface map, 1,000 frames each way after DHCP" {
	router 192.168.0.1
	run_fixture trunk-nat "UDP both ways" "UDP both ways (reverse)"
	assert_eq "frames each way" "1000 1000" "${TX[UDP both ways]} ${TX[UDP both ways (reverse)]}"
	[[ ${PORT[NSI]} == *'"tags":["public","core"]'* ]] || fail "NSI tags: ${PORT[NSI]}"
	assert_eq "reports" "trunk-nat.html trunk-nat.json" "$REPORTS_MADE"
}

@test "framework voice.json: nontrunk ports, 20 ms calls both ways and 500 frames of a 10 ms call" {
	router 10.10.0.1
	run_fixture voice "Call 20 ms" "Call 20 ms (reverse)" "Call 10 ms"
	assert_eq "10 ms call frames" 500 "${TX[Call 10 ms]}"
	assert_eq "reports" "voice-lab.html voice-lab.json voice-lab.xml" "$REPORTS_MADE"
}
