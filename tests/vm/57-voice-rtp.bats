#!/usr/bin/env bats
# Voice flows are RTP that a CPE (and Wireshark) recognises: a scenario run
# through bbctl/bbd sends G.711 voice over two veth pairs, tcpdump captures
# every frame on the receiving veths (root namespace: bbd's macvlan ports
# sit on top of them), and tshark decodes each frame as RTP with version
# 2, the codec's payload type, one SSRC per flow, sequence numbers that
# advance by 1 and timestamps by the samples per packet, frame for frame.
# The sequence number and timestamp are written per frame by bbgen.ko
# (BBGEN_A_STREAM_RTP_*) and checked per frame by its trigger (RTP,
# RTP_SEQ_ERRORS), so this runs on both kernel lines.
#
#   bbr0 <-> bbr1   IPv4: "mu" bbr0 -> bbr1 (pcmu, 20 ms, 150 frames) and
#                   "back" bbr1 -> bbr0 (pcmu, 30 ms, 60 frames)
#   bbs0 <-> bbs1   IPv6: "alaw" bbs0 -> bbs1 (pcma, 10 ms, 200 frames)

load lib

setup() {
	SOCK=$BATS_TEST_TMPDIR/bbd.sock
	CAPS=()
	oops_mark
	ip -batch - <<-EOF
		link add bbr0 type veth peer name bbr1
		link add bbs0 type veth peer name bbs1
		link set bbr0 up
		link set bbr1 up
		link set bbs0 up
		link set bbs1 up
	EOF
}

teardown() {
	local pid
	for pid in "${CAPS[@]}"; do
		kill "$pid" 2> /dev/null || true
	done
	ip link del bbr0 2> /dev/null || true
	ip link del bbs0 2> /dev/null || true
	oops_check
}

# cap IFACE FILE: tcpdump of the voice frames that IFACE receives or
# sends (bbd's own probes, to UDP port 9, leave with the checksum to be
# filled in by the device: not test frames).
cap() {
	local log=$BATS_TEST_TMPDIR/$1.log end
	tcpdump -i "$1" -n -s 0 -B 16384 -U -w "$2" \
		'udp and (dst port 5004 or dst port 5006 or dst port 5008)' 2> "$log" &
	CAPS+=("$!")
	end=$(deadline 30)
	until grep -q 'listening on' "$log"; do
		before "$end" || { cat "$log"; fail "tcpdump on $1 did not start"; }
		sleep 0.2
	done
}

cap_stop() {
	local pid end
	for pid in "${CAPS[@]}"; do
		kill -TERM "$pid"
		end=$(deadline 30)
		while kill -0 "$pid" 2> /dev/null; do
			before "$end" || fail "tcpdump did not stop on SIGTERM"
			sleep 0.2
		done
	done
	CAPS=()
}

# voice NAME SRC DST PKT_MS CODEC FRAMES UDP_DEST
voice() {
	echo "{\"name\":\"$1\",\"type\":\"voice\",\"source\":{\"port_group\":[\"$2\"]},\"destination\":{\"port_group\":[\"$3\"]},\"packetization\":$4,\"codec\":\"$5\",\"number_of_frames\":$6,\"udp_src\":$7,\"udp_dest\":$7,\"analysis\":{\"mos\":false}}"
}

# rtp_of PCAP PORT: one line per frame to UDP PORT, decoded as RTP:
# protocol column, version, payload type, sequence, timestamp, SSRC, length
rtp_of() {
	tshark -r "$1" -d "udp.port==$2,rtp" -Y "udp.dstport == $2" -T fields \
		-E separator=' ' -e _ws.col.Protocol -e rtp.version -e rtp.p_type \
		-e rtp.seq -e rtp.timestamp -e rtp.ssrc -e frame.len 2> /dev/null
}

# codec_named PCAP PORT LAW: frames to PORT whose Info says PT=ITU-T G.711 LAW
codec_named() {
	local out
	out=$(tshark -r "$1" -d "udp.port==$2,rtp" -Y "udp.dstport == $2" -T fields \
		-e _ws.col.Info 2> /dev/null)
	grep -c "PT=ITU-T G.711 $3," <<< "$out" || true
}

# check_flow NAME PCAP PORT FRAMES PT SAMPLES LEN: every frame RTP version
# 2, payload type PT, one SSRC, sequence +1 and timestamp +SAMPLES from
# frame to frame (both modulo their width), LEN bytes. Sets SSRC.
check_flow() {
	local name=$1 pcap=$2 port=$3 frames=$4 pt=$5 samples=$6 len=$7 out verdict
	out=$(rtp_of "$pcap" "$port")
	assert_eq "$name: frames decoded" "$frames" "$(grep -c . <<< "$out")"
	verdict=$(awk -v pt="$pt" -v step="$samples" -v len="$len" '
		$1 != "RTP" { print "frame " NR ": protocol " $1; exit }
		$2 != 2 { print "frame " NR ": RTP version " $2; exit }
		$3 != pt { print "frame " NR ": payload type " $3; exit }
		$7 != len { print "frame " NR ": " $7 " bytes"; exit }
		NR == 1 { ssrc = $6 }
		$6 != ssrc { print "frame " NR ": SSRC " $6 " after " ssrc; exit }
		NR > 1 && ($4 - seq + 65536) % 65536 != 1 {
			print "frame " NR ": sequence " $4 " after " seq; exit }
		NR > 1 && ($5 - ts + 4294967296) % 4294967296 != step {
			print "frame " NR ": timestamp " $5 " after " ts; exit }
		{ seq = $4; ts = $5 }
		END { if (NR) print "ok " ssrc }' <<< "$out")
	[[ $verdict == "ok "* ]] || fail "$name: $verdict"
	SSRC=${verdict#ok }
}

@test "voice: tshark decodes every frame as RTP G.711, sequence and timestamps continuous, checksums valid" {
	command -v tshark > /dev/null || fail "tshark not installed (scripts/setup-deps)"
	local r=$BATS_TEST_TMPDIR/r1.pcap s=$BATS_TEST_TMPDIR/s1.pcap rec ssrc_mu
	cat > "$BATS_TEST_TMPDIR/voice.json" <<-EOF
	{ "ports": [
	    {"name":"r0","port_group":["r0"],"interface":"bbr0","ipv4":"10.20.0.1/24"},
	    {"name":"r1","port_group":["r1"],"interface":"bbr1","ipv4":"10.20.0.2/24"},
	    {"name":"s0","port_group":["s0"],"interface":"bbs0","ipv6":"fd20::1/64"},
	    {"name":"s1","port_group":["s1"],"interface":"bbs1","ipv6":"fd20::2/64"} ],
	  "wait_for_finish": 2,
	  "flows": [ $(voice mu r0 r1 20 pcmu 150 5004), $(voice back r1 r0 30 pcmu 60 5006),
	             $(voice alaw s0 s1 10 pcma 200 5008) ] }
	EOF
	cap bbr1 "$r"
	cap bbs1 "$s"
	rec=$("$BBCTL" -j run "$BATS_TEST_TMPDIR/voice.json" --socket "$SOCK") ||
		fail "bbctl run: exit $?"
	cap_stop
	jq -c '.flows[] | {name, config: (.config | {frame_size, codec, packetization_ms}), results: (.results | {tx_frames, rx_frames, lost_frames, rtp_sequence_errors})}' <<< "$rec"
	# exact counts, sizes, codecs, and the trigger found every RTP
	# sequence number following its tag
	assert_eq "tx rx lost size codec rtp_errors" \
		"mu 150 150 0 230 pcmu 0 back 60 60 0 310 pcmu 0 alaw 200 200 0 170 pcma 0" \
		"$(jq -r '[.flows[] | .name, .results.tx_frames, .results.rx_frames, .results.lost_frames, .config.frame_size, .config.codec, .results.rtp_sequence_errors] | join(" ")' <<< "$rec")"
	# IPv4 20 ms: 14 + 20 + 8 + 12 + 160 G.711 bytes + 16 tag = 230
	check_flow mu "$r" 5004 150 0 160 230
	ssrc_mu=$SSRC
	# the reverse direction, captured where it leaves: 30 ms = 240 samples
	check_flow back "$r" 5006 60 0 240 310
	[ "$SSRC" != "$ssrc_mu" ] || fail "flows mu and back share SSRC $SSRC"
	# IPv6 10 ms A-law: 14 + 40 + 8 + 12 + 80 + 16 = 170
	check_flow alaw "$s" 5008 200 8 80 170
	# and Wireshark names the codec on every frame
	assert_eq "alaw frames tshark calls G.711 PCMA" 200 "$(codec_named "$s" 5008 PCMA)"
	assert_eq "mu frames tshark calls G.711 PCMU" 150 "$(codec_named "$r" 5004 PCMU)"
	# every frame's UDP checksum, RTP fields and tag included
	run /usr/bin/python3 "$CSUM_CHECK" --min 210 "$r"
	echo "$output"
	assert_eq "udp-csum-check bbr1" 0 "$status"
	[[ $output == *": 210 UDP datagrams checked"* ]] || fail "expected 210 datagrams checked on bbr1"
	run /usr/bin/python3 "$CSUM_CHECK" --min 200 "$s"
	echo "$output"
	assert_eq "udp-csum-check bbs1" 0 "$status"
	[[ $output == *": 200 UDP datagrams checked"* ]] || fail "expected 200 datagrams checked on bbs1"
}

@test "voice: RTP renumbered on the way (tc pedit, as an ALG would) is counted in rtp_sequence_errors, loss is not" {
	# every frame of the flow leaves bbr0 with RTP sequence number 7:
	# offset 30 from the IPv4 header = UDP (20) + 8 + 2
	tc qdisc add dev bbr0 clsact
	tc filter add dev bbr0 egress protocol ip u32 match ip dport 5004 0xffff \
		action pedit munge offset 30 u16 set 7 || fail "tc pedit filter"
	cat > "$BATS_TEST_TMPDIR/alg.json" <<-EOF
	{ "ports": [
	    {"name":"r0","port_group":["r0"],"interface":"bbr0","ipv4":"10.20.0.1/24"},
	    {"name":"r1","port_group":["r1"],"interface":"bbr1","ipv4":"10.20.0.2/24"} ],
	  "wait_for_finish": 2,
	  "flows": [ $(voice mu r0 r1 10 pcmu 100 5004) ] }
	EOF
	rec=$("$BBCTL" -j run "$BATS_TEST_TMPDIR/alg.json" --socket "$SOCK") ||
		fail "bbctl run: exit $?"
	# the first frame sets the RTP-to-tag offset, the other 99 break it
	assert_eq "tx rx lost rtp_errors" "100 100 0 99" \
		"$(jq -r '.flows[0].results | [.tx_frames, .rx_frames, .lost_frames, .rtp_sequence_errors] | join(" ")' <<< "$rec")"
}
