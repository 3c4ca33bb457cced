#!/usr/bin/env bats
# Scale: 1,000 streams on one port, added in one YNL session, started with one
# STREAM_START carrying all 1,000 ids, each sending 3 frames to its own
# trigger, and dumped whole (the dump spans several messages). Prints the
# kernel memory (slab + vmalloc) per stream.

load lib
load tx-lib

# kmem_kib: Slab + VmallocUsed from /proc/meminfo, in KiB.
kmem_kib() {
	awk '/^(Slab|VmallocUsed):/ { s += $2 } END { print s }' /proc/meminfo
}

# stream_batch N: bbynl --batch lines adding N streams, stream i sending
# 60-byte frames to dport 10000+i at 1000 fps, count 3; the templates come
# from one Python process (mkframe as a module), not N of them.
stream_batch() {
	/usr/bin/python3 - "$1" "$MKFRAME" "$MAC_B" "$MAC_A" "$IP4_A" "$IP4_B" <<'EOF'
import importlib.machinery, importlib.util, ipaddress, json, sys
n, path, dmac, smac, src, dst = sys.argv[1:]
loader = importlib.machinery.SourceFileLoader("mkframe", path)
spec = importlib.util.spec_from_loader("mkframe", loader)
mk = importlib.util.module_from_spec(spec)
loader.exec_module(mk)
src, dst = ipaddress.ip_address(src), ipaddress.ip_address(dst)
for i in range(int(n)):
    t = mk.frame(dmac, smac, src, dst, 4000, 10000 + i, 60).hex()
    req = {"dev": "veth0", "template": [t], "interval-ns": 1000000, "count": 3}
    print("do stream-add " + json.dumps(req))
EOF
}

@test "1,000 streams on one port: added, started at once, run and dumped" {
	local before after ids d
	for p in $(seq 10000 10999); do
		echo "do trigger-add {\"dev\": \"veth1\", \"udp-dport\": $p}"
	done | in_b "$BBYNL" --batch > "$BATS_TEST_TMPDIR/triggers"
	assert_eq "triggers added" 1000 "$(jq -s 'map(select(.id)) | length' \
		"$BATS_TEST_TMPDIR/triggers")"
	stream_batch 1000 > "$BATS_TEST_TMPDIR/batch"
	before=$(kmem_kib)
	ynl_a --batch < "$BATS_TEST_TMPDIR/batch" > "$BATS_TEST_TMPDIR/streams"
	after=$(kmem_kib)
	assert_eq "streams added" 1000 "$(jq -s 'map(select(.id)) | length' \
		"$BATS_TEST_TMPDIR/streams")"
	echo "# kernel memory per idle stream (60-byte template): $(((after - before) * 1024 / 1000)) bytes" >&3
	ids=$(jq -sc 'map(.id)' "$BATS_TEST_TMPDIR/streams")
	ynl_a --do stream-start "{\"id\": $ids}" > /dev/null || fail "stream-start of 1,000 ids"
	local end
	end=$(deadline 120)
	while before "$end"; do
		d=$(ynl_a --dump stream-get)
		[ "$(jq '[.[] | select(.state == "done")] | length' <<< "$d")" = 1000 ] && break
		sleep 1
	done
	assert_eq "streams dumped" 1000 "$(jq 'length' <<< "$d")"
	assert_eq "distinct ids" 1000 "$(jq '[.[].id] | unique | length' <<< "$d")"
	assert_eq "streams done with 3 frames" 1000 \
		"$(jq '[.[] | select(.state == "done" and ."tx-frames" == 3)] | length' <<< "$d")"
	end=$(deadline 60)
	while before "$end"; do
		d=$(ynl_b --dump trigger-get)
		[ "$(jq '[.[]."rx-frames"] | add' <<< "$d")" -ge 3000 ] && break
		sleep 1
	done
	assert_eq "triggers with 3 frames and no loss" 1000 \
		"$(jq '[.[] | select(."rx-frames" == 3 and .lost == 0)] | length' <<< "$d")"
}
