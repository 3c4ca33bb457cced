# A CPE in a box: a home gateway in a network namespace, the "device under
# test" between a bb WAN port and bb LAN ports. `load gateway-lib` after
# `load lib`; every function is documented in tests/vm/README.md.
#
#   root namespace                netns bbgw (the CPE)
#   bbwan0 <--------------------> wan0   198.51.100.1/24  2001:db8:ff::1/64
#                                   |  nftables: ip masquerade out of wan0 (NAPT)
#                                   |  IPv6 routed, not translated
#   bblan0 <--------------------> lan0 -+
#   bblan1 <--------------------> lan1 -+- br0  192.168.9.1/24  2001:db8:9::1/64
#   ...  (GW_LAN_PORTS of them)         dnsmasq: DHCPv4, DHCPv6 (stateful), RA (SLAAC)
#
# bb's ports sit on the root-side ends: the WAN port static (GW_WAN_PEER4,
# GW_WAN_PEER6 with gateway_ipv6 GW_WAN6 for the LAN prefix), the LAN ports
# by DHCP/SLAAC. The MACs are fixed so no process has to look them up.
# Everything is Debian's: iproute2, nftables, dnsmasq-base (scripts/setup-deps).
# shellcheck shell=bash disable=SC2034 # its variables are for the .bats files that load it

GW_NS=bbgw
GW_WAN4=198.51.100.1 GW_WAN_PEER4=198.51.100.2
GW_WAN6=2001:db8:ff::1 GW_WAN_PEER6=2001:db8:ff::2
GW_LAN4=192.168.9.1 GW_LAN6=2001:db8:9::1
GW_LAN4_POOL=192.168.9.100,192.168.9.150
GW_LAN6_POOL=2001:db8:9::100,2001:db8:9::1ff
GW_MAC_WAN=02:bb:9a:00:00:01	# the CPE's wan0
GW_MAC_LAN=02:bb:9a:00:01:01	# the CPE's br0

# gw_setup [OPTIONS]: the CPE, up and serving. Options:
#   --lan-ports N      LAN links bblan0..bblan(N-1) (default 1)
#   --nat MODE         masquerade (default: keeps the source port when free),
#                      random, fully-random (a new random port per mapping,
#                      i.e. per destination: a symmetric NAT), none (routes
#                      IPv4 without translation)
#   --udp-timeout S    conntrack's UDP timeouts (unreplied and stream) in the
#                      CPE, the NAT mapping's lifetime (kernel default 30/120)
#   --no-dhcp          no dnsmasq (static LAN ports, or a test of its own)
#   --dnsmasq ARG      one more dnsmasq option (repeatable)
# Sets GW_DIR (dnsmasq's lease file, log and pid file) and GW_DNSMASQ_PID.
gw_setup() {
	local n=1 nat=masquerade timeout="" dhcp=1 extra=() i flag=""
	while [ $# -gt 0 ]; do
		case $1 in
		--lan-ports) n=$2; shift ;;
		--nat) nat=$2; shift ;;
		--udp-timeout) timeout=$2; shift ;;
		--no-dhcp) dhcp=0 ;;
		--dnsmasq) extra+=("$2"); shift ;;
		*) fail "gw_setup: unknown option $1"; return 1 ;;
		esac
		shift
	done
	GW_DIR=${BATS_TEST_TMPDIR:-/tmp}/gw
	GW_LAN_PORTS=$n
	mkdir -p "$GW_DIR"
	gw_teardown_quiet
	{
		echo "netns add $GW_NS"
		echo "link add bbwan0 type veth peer name wan0 address $GW_MAC_WAN netns $GW_NS"
		echo "link set bbwan0 up"
		for ((i = 0; i < n; i++)); do
			echo "link add bblan$i type veth peer name lan$i netns $GW_NS"
			echo "link set bblan$i up"
		done
	} | ip -batch -
	{
		echo "link set lo up"
		echo "link add br0 address $GW_MAC_LAN type bridge forward_delay 0 mcast_snooping 0"
		for ((i = 0; i < n; i++)); do
			echo "link set lan$i master br0"
			echo "link set lan$i up"
		done
		echo "link set br0 up"
		echo "link set wan0 up"
		echo "addr add $GW_WAN4/24 dev wan0"
		echo "addr add $GW_WAN6/64 dev wan0 nodad"
		echo "addr add $GW_LAN4/24 dev br0"
		echo "addr add $GW_LAN6/64 dev br0 nodad"
	} | ip -n "$GW_NS" -batch -
	case $nat in
	masquerade) flag="" ;;
	random | fully-random) flag=" $nat" ;;
	none) ;;
	*) fail "gw_setup: --nat $nat: masquerade, random, fully-random or none"; return 1 ;;
	esac
	# the root side must not take the CPE's RAs (default route, SLAAC
	# address in the root namespace): bb's ports are its own namespaces
	local sysctls=(net.ipv4.ip_forward=1 net.ipv6.conf.all.forwarding=1)
	if [ "$nat" != none ]; then
		ip netns exec "$GW_NS" nft -f - <<-EOF
			table ip bbgw {
				chain postrouting {
					type nat hook postrouting priority srcnat; policy accept;
					oifname "wan0" masquerade$flag
				}
			}
		EOF
		# conntrack's sysctls exist once the NAT loaded it
		[ -z "$timeout" ] || sysctls+=(net.netfilter.nf_conntrack_udp_timeout="$timeout"
			net.netfilter.nf_conntrack_udp_timeout_stream="$timeout")
	fi
	ip netns exec "$GW_NS" sysctl -qw "${sysctls[@]}"
	sysctls=()
	for ((i = 0; i < n; i++)); do sysctls+=("net.ipv6.conf.bblan$i.accept_ra=0"); done
	sysctl -qw "${sysctls[@]}"
	GW_DNSMASQ_PID=""
	[ "$dhcp" = 0 ] || gw_dnsmasq "${extra[@]}"
}

# gw_dnsmasq [ARGS...]: the CPE's LAN services on br0: DHCPv4 from
# GW_LAN4_POOL (router GW_LAN4), DHCPv6 addresses from GW_LAN6_POOL and
# RAs with the prefix for SLAAC ("slaac": A and M flags, so a host may use
# either), leases of 2 minutes (dnsmasq's shortest), an RA every 10 s.
# --no-ping: dnsmasq would wait 3 s before each new DHCPv4 lease.
gw_dnsmasq() {
	ip netns exec "$GW_NS" dnsmasq --conf-file=/dev/null --keep-in-foreground \
		--user=root --port=0 --interface=br0 --bind-interfaces \
		--dhcp-range="$GW_LAN4_POOL",255.255.255.0,2m \
		--dhcp-option=option:router,"$GW_LAN4" --dhcp-authoritative --no-ping \
		--dhcp-range="$GW_LAN6_POOL",slaac,64,2m --enable-ra \
		--ra-param=br0,10 \
		--dhcp-leasefile="$GW_DIR/leases" --log-dhcp \
		--log-facility="$GW_DIR/dnsmasq.log" --pid-file="$GW_DIR/dnsmasq.pid" \
		"$@" &
	GW_DNSMASQ_PID=$!
	# a scenario starts at once: the port's first DHCP packets and router
	# solicitations must find dnsmasq listening (under a busy TCG host its
	# start took long enough that a SLAAC port saw no RA in 20 s)
	wait_until 20 "dnsmasq did not start (its log: $GW_DIR/dnsmasq.log)" \
		grep -q 'started, version' "$GW_DIR/dnsmasq.log"
}

# gw_netem wan|lan NETEM_ARGS...: impair what the CPE sends on that side:
# wan = out of wan0 (the upstream direction, after the NAT), lan = out of
# every LAN member (downstream). E.g. gw_netem wan loss 5%.
gw_netem() {
	local side=$1 i
	shift
	case $side in
	wan) tc -n "$GW_NS" qdisc add dev wan0 root netem "$@" ;;
	lan)
		for ((i = 0; i < GW_LAN_PORTS; i++)); do
			tc -n "$GW_NS" qdisc add dev lan$i root netem "$@" || return 1
		done ;;
	*) fail "gw_netem: side $side: wan or lan"; return 1 ;;
	esac
}

# gw_conntrack: the CPE's conntrack table (its NAT mappings), one per line,
# as /proc shows them (conntrack(8) is not needed).
gw_conntrack() {
	ip netns exec "$GW_NS" cat /proc/net/nf_conntrack 2> /dev/null || true
}

gw_teardown_quiet() {
	local i
	[ -z "${GW_DNSMASQ_PID:-}" ] || kill "$GW_DNSMASQ_PID" 2> /dev/null || true
	{
		echo "link del bbwan0"
		for ((i = 0; i < ${GW_LAN_PORTS:-1}; i++)); do echo "link del bblan$i"; done
		echo "netns del $GW_NS"
	} | ip -force -batch - 2> /dev/null || true
	if [ -n "${GW_DNSMASQ_PID:-}" ]; then
		wait "$GW_DNSMASQ_PID" 2> /dev/null || true
		GW_DNSMASQ_PID=""
	fi
}

# gw_leftovers: what the CPE or bb left behind, nothing when clean: the
# CPE's namespace, its links, dnsmasq, bb's port namespaces (bb-*).
gw_leftovers() {
	local left=() f c
	[ ! -e /run/netns/$GW_NS ] || left+=("netns $GW_NS")
	for f in /sys/class/net/bbwan0 /sys/class/net/bblan*; do
		[ ! -e "$f" ] || left+=("link ${f##*/}")
	done
	for f in /run/netns/bb-*; do
		[ ! -e "$f" ] || left+=("netns ${f##*/}")
	done
	# read, not cat: a process per /proc entry costs seconds under TCG
	for f in /proc/[0-9]*/comm; do
		read -r c 2> /dev/null < "$f" || continue
		[ "$c" != dnsmasq ] || { f=${f%/comm}; left+=("dnsmasq pid ${f#/proc/}"); }
	done
	echo "${left[*]}"
}

# gw_teardown: kill dnsmasq, delete the links and the namespace (with its
# nftables table and conntrack entries), then fail if anything is left.
gw_teardown() {
	gw_teardown_quiet
	assert_eq "left behind" "" "$(gw_leftovers)"
}

# gw_bats_setup / gw_bats_teardown: a test file's setup and teardown when
# its tests run bb scenarios through the CPE: bbd's socket in the test's
# directory (SOCK), the kernel checked for oopses, and nothing left.
gw_bats_setup() {
	SOCK=$BATS_TEST_TMPDIR/bbd.sock
	oops_mark
}

gw_bats_teardown() {
	gw_teardown
	oops_check
}

# gw_run SCENARIO [BBCTL_OPTIONS...]: bbctl -j run SCENARIO against the
# test's bbd; sets RC, REC (the record) and ERR (stderr), and prints the
# exit status and stderr for the test's log.
gw_run() {
	REC=$("$BBCTL" -j run "$1" --socket "$SOCK" "${@:2}" \
		2> "$BATS_TEST_TMPDIR/err") && RC=0 || RC=$?
	ERR=$(cat "$BATS_TEST_TMPDIR/err")
	echo "exit $RC: $ERR"
}

# sum_line NAME [KIND]: from SUM (one "KIND NAME|..." line per flow, as a
# test's jq printed them), the line of flow NAME without "KIND NAME|".
sum_line() {
	local l k=${2:-flow}
	while IFS= read -r l; do
		[[ $l == "$k $1|"* ]] && { echo "${l#"$k $1|"}"; return; }
	done <<< "$SUM"
}
