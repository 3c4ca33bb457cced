#!/usr/bin/env bats
# userspace/wireshark/bbgen.lua, bb's tag dissector, through tshark over
# a capture made by tests/host/fixtures/mktagpcap (nanosecond stamps; the
# VM test 68-wireshark.bats reads a real capture of bbgen's frames).
load helpers

LUA=$bb_top/userspace/wireshark/bbgen.lua

setup() {
	command -v tshark > /dev/null || skip "tshark not installed (scripts/setup-deps)"
	PCAP=$BATS_TEST_TMPDIR/tags.pcap
	"$bb_top/tests/host/fixtures/mktagpcap" "$PCAP"
}

# shark ARGS...: tshark with the dissector over the capture (its warning
# about running as root left out)
shark() {
	tshark -X lua_script:"$LUA" -r "$PCAP" "$@" 2> /dev/null
}

# fields ARGS...: the bbgen fields, one frame a line
fields() {
	shark "$@" -T fields -E separator=' ' -e frame.number -e bbgen.tag_len \
		-e bbgen.seq -e bbgen.csum_fix -e bbgen.latency
}

@test "wireshark: the tag's fields, exact to the ns; the 8-byte tag; other ports left alone" {
	run fields
	assert_eq status 0 "$status"
	assert_eq output "1 16 0 0x1234 250000
2 16 1 0x1234 250001
3 16 281474976710655 0x1234 250002
4 8 7 0x1234 
5    " "$output"
	# the TX time as an absolute time, and the fields filter
	run shark -Y 'bbgen.seq > 1 && bbgen.latency > 250000' -T fields -e bbgen.tx_time
	assert_eq output "Dec  1, 2026 18:33:20.001749998 UTC" "$output"
}

@test "wireshark: preferences: the ports, the TAI offset, the tag length" {
	run fields -o bbgen.udp_ports:53
	assert_eq "tail 1" "5 16 9 0x1234 250004" "$(tail -n 1 <<< "$output")"
	assert_eq "head 1" "1    " "$(head -n 1 <<< "$output")"
	# TAI = UTC + 37 s on the sender: 37 s less latency
	run fields -o bbgen.tai_offset:37
	assert_eq "head 1" "1 16 0 0x1234 37000250000" "$(head -n 1 <<< "$output")"
	# told the tag is 8 bytes, it reads the TX time's bytes as the tag
	run fields -o "bbgen.time:never (8-byte tag)"
	assert_eq "head 1" "1 8 58173609054064 0x18ed " "$(head -n 1 <<< "$output")"
	# told it is 16, it takes the 8-byte tag's frame's payload for one
	run fields -o "bbgen.time:always (16-byte tag)"
	assert_eq "sed 4p" "4 16" "$(sed -n 4p <<< "$output" | cut -d' ' -f1-2)"
}
