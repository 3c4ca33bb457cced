#!/usr/bin/env bats
# Port timestamping: software by default; hardware refused with a clear
# message on a device without hardware RX stamps (veth, and a VLAN device
# on it, which asks its real device).

load rx-lib

setup() { pair_setup; }
teardown() { rx_teardown; }

@test "timestamping hardware is refused on veth; software is the default" {
	run ynl_b --do port-add '{"dev": "veth1", "timestamping": "hardware"}'
	assert_eq status 1 "$status"
	assert_eq message "error: device has no hardware RX timestamping (see ethtool -T); use software timestamping" "$output"
	in_b ip link add link veth1 name veth1.7 type vlan id 7
	run ynl_b --do port-add '{"dev": "veth1.7", "timestamping": "hardware"}'
	assert_eq "vlan device status" 1 "$status"
	ynl_b --do port-add '{"dev": "veth1"}' > /dev/null
	assert_eq timestamping software "$(ynl_b --do port-get '{"dev": "veth1"}' |
		jq -r .timestamping)"
	ynl_b --do port-add '{"dev": "veth1.7", "timestamping": "software"}' > /dev/null ||
		fail "software timestamping refused"
}
