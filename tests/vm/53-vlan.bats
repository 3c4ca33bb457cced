#!/usr/bin/env bats
# VLAN matching: VLAN_ID picks the outer tag of frames on a plain port (the
# tag offloaded to skb->vlan_tci by veth), a trigger without VLAN_ID takes
# the rest; and single-tagged and QinQ frames reach the triggers of a port
# bound on a VLAN sub-interface, where the outer tag is already gone.

load rx-lib

setup() { rx_setup; }
teardown() { rx_teardown; }

# vlan_a PARENT NAME ID ADDR: a VLAN device in bbA with an address whose
# peer (.2) is veth1's MAC.
vlan_a() {
	in_a ip link add link "$1" name "$2" type vlan id "$3"
	in_a ip addr add "$4.1/24" dev "$2"
	in_a ip link set "$2" up
	in_a ip neigh replace "$4.2" lladdr "$MAC_B" dev "$2"
}

@test "VLAN_ID matches the outer tag; a trigger without VLAN_ID takes the rest" {
	vlan_a veth0 veth0.10 10 10.0.10
	vlan_a veth0 veth0.11 11 10.0.11
	v10=$(trigger_add '{"dev": "veth1", "udp-dport": 5000, "vlan-id": 10}')
	any=$(trigger_add '{"dev": "veth1", "udp-dport": 5000}')
	assert_eq vlan-id 10 "$(trigger_get "$v10" | jq '."vlan-id"')"
	in_a "$RX_SEND" 10.0.10.2 5000 --count 30
	in_a "$RX_SEND" 10.0.11.2 5000 --count 20
	in_a "$RX_SEND" "$IP4_B" 5000 --count 10
	wait_rx "$any" 30
	assert_eq "vlan 10 trigger frames" 30 "$(trigger_get "$v10" | jq '."rx-frames"')"
	assert_eq "any-vlan trigger frames" 30 "$(trigger_get "$any" | jq '."rx-frames"')"
	run ynl_b --do trigger-add '{"dev": "veth1", "udp-dport": 5000, "vlan-id": 4095}'
	assert_eq status 1 "$status"
}

@test "VLAN and QinQ frames reach the triggers of a port on a VLAN sub-interface" {
	in_b ip link add link veth1 name veth1.10 type vlan id 10
	in_b ip addr add 10.0.10.2/24 dev veth1.10
	in_b ip link set veth1.10 up
	ynl_b --do port-add '{"dev": "veth1.10"}' > /dev/null || fail "port-add veth1.10"
	vlan_a veth0 veth0.10 10 10.0.10
	vlan_a veth0.10 veth0.10.20 20 10.0.20	# QinQ: 20 inside 10
	single=$(trigger_add '{"dev": "veth1.10", "udp-dport": 6000}')
	qinq=$(trigger_add '{"dev": "veth1.10", "udp-dport": 6001, "vlan-id": 20}')
	in_a "$RX_SEND" 10.0.10.2 6000 --count 25
	in_a "$RX_SEND" 10.0.20.2 6001 --count 15
	wait_rx "$single" 25
	wait_rx "$qinq" 15
	t=$(trigger_get "$single")
	assert_eq dev veth1.10 "$(jq -r .dev <<< "$t")"
	assert_eq lost 0 "$(jq .lost <<< "$t")"
}
