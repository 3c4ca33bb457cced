# Helpers for the RX tests (tests/vm/5x-*.bats), on top of lib.bash: the
# topology of lib.bash with veth1 (bbB) as a bbgen port, driven through
# tests/vm/bbynl (the kernel's YNL library) for what bbctl cannot say yet.
# shellcheck shell=bash disable=SC2034 # its variables are for the .bats files that load it

load lib

RX_SEND=$BB_TOP/tests/vm/rx-send

ynl_b() { ynl_in "$NS_B" "$@"; }

# rx_setup: the pair, veth1 as a port, and veth0 knowing veth1's MAC (no
# ARP round trip delaying the first frames).
rx_setup() {
	pair_setup
	in_a ip neigh replace "$IP4_B" lladdr "$MAC_B" dev veth0
	ynl_b --do port-add '{"dev": "veth1"}' > /dev/null ||
		fail "port-add dev veth1"
}

# rx_teardown: delete bbB's ports (and with them their triggers) through
# YNL, then the usual checks.
rx_teardown() {
	local json key='"dev": "([^"]+)"'
	if module_loaded && [ -e "/run/netns/$NS_B" ]; then
		json=$(ynl_b --dump port-get)
		while [[ $json =~ $key ]]; do
			ynl_b --do port-del "{\"dev\": \"${BASH_REMATCH[1]}\"}" > /dev/null
			json=${json#*"${BASH_REMATCH[0]}"}
		done
	fi
	pair_teardown
}

# trigger_add JSON: add a trigger in bbB, print its id.
trigger_add() {
	local out
	out=$(ynl_b --do trigger-add "$1") || { fail "trigger-add $1: $out"; return 1; }
	jq -r .id <<< "$out"
}

# trigger_get ID: the trigger's reply as JSON (YNL names, with '-').
trigger_get() {
	ynl_b --do trigger-get "{\"id\": $1}"
}

# wait_rx ID COUNT [SECS]: poll until the trigger received COUNT frames.
wait_rx() {
	local id=$1 want=$2 got end
	end=$(deadline "${3:-30}")
	while before "$end"; do
		got=$(trigger_get "$id" | jq '."rx-frames"')
		[ "$got" -ge "$want" ] && return 0
		sleep 0.3
	done
	fail "trigger $id: expected $want frames within ${3:-30} s, got $got"
}

# in_range WHAT LOW HIGH GOT: LOW <= GOT <= HIGH (integers).
in_range() {
	[[ $4 =~ ^[0-9]+$ ]] && [ "$4" -ge "$2" ] && [ "$4" -le "$3" ] ||
		fail "$1: expected $2..$3, got $4"
}
