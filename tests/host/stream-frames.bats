#!/usr/bin/env bats
# bbctl stream add, issue 3: frame sizes (size, sizes, imix, size-dist),
# VLAN tags, DSCP/ECN/TOS, latency tags; every error text.
load helpers

@test "stream add: one way to give the sizes" {
	local msg='(give one of size, sizes, imix, size-dist)'
	stream_error "bbctl: sizes: cannot be used with size $msg" "${V4[@]}" size 60 sizes 60,64 rate 1
	stream_error "bbctl: imix: cannot be used with size $msg" "${V4[@]}" imix default size 60 rate 1
	stream_error "bbctl: size-dist: cannot be used with imix $msg" "${V4[@]}" imix default size-dist normal 100 10 60 200 rate 1
	stream_error "bbctl: size-dist: cannot be used with sizes $msg" "${V4[@]}" sizes 60 size-dist normal 100 10 60 200 rate 1
}

@test "stream add: sizes" {
	for s in "" 60, ,60 60,,64 a 60\;64 "60 ,64" 0x40 70000; do
		stream_error "bbctl: sizes: must be frame sizes separated by commas, like 64,128,1518 (got \"$s\")" "${V4[@]}" sizes "$s" rate 1
	done
	stream_error 'bbctl: sizes: 59 bytes is too small for an IPv4/UDP frame with a sequence tag (minimum 60)' "${V4[@]}" sizes 60,59 rate 1
	stream_error 'bbctl: sizes: 9601 bytes is too large (maximum 9600)' "${V4[@]}" sizes 9601,60 rate 1
	stream_error 'bbctl: sizes: must list at most 256 sizes (got 257)' "${V4[@]}" sizes "$(seq -s, 60 316)" rate 1
	stream_error 'bbctl: sizes: the frames take 202792 bytes, more than one request carries (at most 196608)' "${V4[@]}" sizes "$(printf '9600,%.0s' {1..20})9600" rate 1
}

@test "stream add: imix" {
	for s in "" 64 64: :1 64:1, 64:1,,576:4 "64:1;576:4" default,64:1 64:1:2 64:x Default; do
		stream_error "bbctl: imix: must be default or SIZE:WEIGHT,... like 64:7,576:4,1518:1 (got \"$s\")" "${V4[@]}" imix "$s" rate 1
	done
	stream_error 'bbctl: imix: weights must be integers from 1 to 65536 (got "64:0")' "${V4[@]}" imix 64:0 rate 1
	stream_error 'bbctl: imix: weights must be integers from 1 to 65536 (got "64:1,128:65537")' "${V4[@]}" imix 64:1,128:65537 rate 1
	stream_error 'bbctl: imix: size 64 is listed twice (each size once)' "${V4[@]}" imix 64:1,128:1,64:2 rate 1
	stream_error 'bbctl: imix: 59 bytes is too small for an IPv4/UDP frame with a sequence tag (minimum 60)' "${V4[@]}" imix 59:1 rate 1
	stream_error 'bbctl: imix: 9700 bytes is too large (maximum 9600)' "${V4[@]}" imix 9700:1 rate 1
	stream_error 'bbctl: imix: the weights make a cycle of 80003 frames (at most 65536: use smaller weights)' "${V4[@]}" imix 64:40000,128:40000,70:3 rate 1
	stream_error 'bbctl: imix: 69 bytes is too small for an IPv6/UDP frame with a sequence tag (minimum 70)' "${V6[@]}" imix 72:1,69:1 rate 1
	# ByteBlower's default has 72-byte frames: too small for IPv6 with latency
	stream_error 'bbctl: imix: 72 bytes is too small for an IPv6/UDP frame with a latency tag (minimum 78)' "${V6[@]}" imix default latency on rate 1
}

@test "stream add: imix-order" {
	stream_error 'bbctl: imix-order: must be fixed or shuffle (got "random")' "${V4[@]}" imix default imix-order random rate 1
	stream_error "bbctl: imix-order: needs imix (it orders an IMIX's frames)" "${V4[@]}" sizes 60,64 imix-order fixed rate 1
}

@test "stream add: size-dist" {
	stream_error 'bbctl: size-dist: distribution must be normal (got "uniform")' "${V4[@]}" size-dist uniform 100 10 60 200 rate 1
	stream_error 'bbctl: size-dist: MEAN must be a number of bytes >= 0 (got "-5")' "${V4[@]}" size-dist normal -5 10 60 200 rate 1
	stream_error 'bbctl: size-dist: STDDEV must be a number of bytes >= 0 (got "x")' "${V4[@]}" size-dist normal 100 x 60 200 rate 1
	stream_error 'bbctl: size-dist: MIN must be an integer from 60 to 9600 for an IPv4/UDP frame with a sequence tag (got "22")' "${V4[@]}" size-dist normal 110 20 22 1480 rate 1
	stream_error 'bbctl: size-dist: MIN must be an integer from 78 to 9600 for an IPv6/UDP frame with a latency tag (got "70")' "${V6[@]}" latency on size-dist normal 110 20 70 1480 rate 1
	stream_error 'bbctl: size-dist: MAX must be an integer from MIN (100) to 9600 (got "99")' "${V4[@]}" size-dist normal 110 20 100 99 rate 1
	stream_error 'bbctl: size-dist: MAX must be an integer from MIN (60) to 9600 (got "9601")' "${V4[@]}" size-dist normal 110 20 60 9601 rate 1
	stream_error 'bbctl: size-dist: the sample has 2986 different sizes (at most 256: narrow STDDEV or MIN..MAX)' "${V4[@]}" size-dist normal 5000 3000 60 9600 rate 1
	stream_error 'bbctl: size-dist: missing value (expected normal MEAN STDDEV MIN MAX)' "${V4[@]}" rate 1 size-dist normal 1 2 3
}

@test "stream add: sizes grow with VLAN tags and the latency tag" {
	stream_error 'bbctl: size: 59 bytes is too small for an IPv4/UDP frame with a latency tag (minimum 60)' "${V4[@]}" latency on size 59 rate 1
	stream_error 'bbctl: size: 61 bytes is too small for an IPv4/UDP frame with 3 VLAN tags and a sequence tag (minimum 62)' "${V4[@]}" vlan 1 vlan 2 vlan 3 size 61 rate 1
	stream_error 'bbctl: size: 65 bytes is too small for an IPv4/UDP frame with 2 VLAN tags and a latency tag (minimum 66)' "${V4[@]}" vlan 1 vlan 2 latency on size 65 rate 1
	stream_error 'bbctl: size: 73 bytes is too small for an IPv6/UDP frame with 1 VLAN tag and a sequence tag (minimum 74)' "${V6[@]}" vlan 1 size 73 rate 1
	stream_error 'bbctl: size: 77 bytes is too small for an IPv6/UDP frame with a latency tag (minimum 78)' "${V6[@]}" latency on size 77 rate 1
	stream_error 'bbctl: size: 85 bytes is too small for an IPv6/UDP frame with 2 VLAN tags and a latency tag (minimum 86)' "${V6[@]}" vlan 1 vlan 2 latency on size 85 rate 1
	stream_error 'bbctl: size: must be an integer from 86 to 9600 (got "x")' "${V6[@]}" vlan 1 vlan 2 latency on size x rate 1
}

@test "stream add: vlan and tpid" {
	for v in 4095 -1 x 1:8 1:2:2 1: :1 1:2:1:0 1::1 "" 0x10; do
		stream_error "bbctl: vlan: must be ID[:PCP[:DEI]], ID 0 to 4094, PCP 0 to 7, DEI 0 or 1 (got \"$v\")" "${V4[@]}" vlan "$v" rate 1
	done
	stream_error 'bbctl: vlan: given more than 8 times' "${V4[@]}" rate 1 vlan 1 vlan 2 vlan 3 vlan 4 vlan 5 vlan 6 vlan 7 vlan 8 vlan 9
	for t in 8100 0x8101 0X8100 0x88A8 ""; do
		stream_error "bbctl: tpid: must be 0x8100, 0x88a8 or 0x9100 (got \"$t\")" "${V4[@]}" vlan 1 tpid "$t" rate 1
	done
	stream_error "bbctl: tpid: needs vlan (it sets the outer tags' TPID)" "${V4[@]}" tpid 0x88a8 rate 1
}

@test "stream add: dscp, ecn, tos" {
	stream_error 'bbctl: dscp: must be an integer from 0 to 63 (got "64")' "${V4[@]}" dscp 64 rate 1
	stream_error 'bbctl: dscp: must be an integer from 0 to 63 (got "EF")' "${V4[@]}" dscp EF rate 1
	stream_error 'bbctl: ecn: must be an integer from 0 to 3 (got "4")' "${V6[@]}" ecn 4 rate 1
	stream_error 'bbctl: tos: must be an integer from 0 to 255 (got "256")' "${V4[@]}" tos 256 rate 1
	stream_error 'bbctl: tos: must be an integer from 0 to 255 (got "0xb8")' "${V4[@]}" tos 0xb8 rate 1
	stream_error 'bbctl: tos: cannot be used with dscp (give tos N, or dscp N and ecn N)' "${V4[@]}" dscp 46 tos 184 rate 1
	stream_error 'bbctl: tos: cannot be used with ecn (give tos N, or dscp N and ecn N)' "${V6[@]}" tos 1 ecn 1 rate 1
}

@test "stream add: latency" {
	for l in yes 1 ON ""; do
		stream_error "bbctl: latency: must be on or off (got \"$l\")" "${V4[@]}" latency "$l" rate 1
	done
}

@test "stream add: frames and tags reach the kernel" {
	require_no_module
	local s=(stream add dev lo dst-mac $MAC src-mac $SMAC)
	reaches_kernel "${s[@]}" "${V4[@]}" sizes 60,128,1518,60 rate 1000
	reaches_kernel "${s[@]}" "${V4[@]}" sizes "$(seq -s, 60 315)" rate 1000
	reaches_kernel "${s[@]}" "${V4[@]}" imix default rate 1000
	reaches_kernel "${s[@]}" "${V4[@]}" imix 64:7,576:4,1500:1 imix-order fixed rate 1000
	reaches_kernel "${s[@]}" "${V4[@]}" imix default imix-order shuffle rate 1000
	reaches_kernel "${s[@]}" "${V6[@]}" imix 78:1,1518:65535 rate 1000
	reaches_kernel "${s[@]}" "${V4[@]}" size-dist normal 110 20 60 1480 rate 30
	reaches_kernel "${s[@]}" "${V6[@]}" size-dist normal 110.5 0 78 78 rate 30 latency on
	reaches_kernel "${s[@]}" "${V4[@]}" vlan 100 vlan 10:5:1 tpid 0x88a8 size 66 latency on rate 1
	reaches_kernel "${s[@]}" "${V4[@]}" vlan 0 tpid 0x9100 rate 1
	reaches_kernel "${s[@]}" "${V4[@]}" vlan 1 vlan 2 vlan 3 vlan 4 vlan 5 vlan 6 vlan 7 vlan 8 rate 1
	reaches_kernel "${s[@]}" "${V4[@]}" dscp 46 ecn 1 rate 1
	reaches_kernel "${s[@]}" "${V6[@]}" tos 255 rate 1
	reaches_kernel "${s[@]}" "${V6[@]}" latency off size 70 rate 1
}
