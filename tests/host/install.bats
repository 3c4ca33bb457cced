#!/usr/bin/env bats
# make install: the files a packager and systemd expect, and an installed
# bbctl finds the bbd installed beside it.
load helpers

setup() {
	DEST=$(mktemp -d /tmp/bb-install.XXXXXX)
}

teardown() {
	pkill -f "$DEST/usr/sbin/bbd" 2> /dev/null || true
	rm -rf "$DEST"
}

@test "make install DESTDIR PREFIX=/usr: binaries, man pages, completion, systemd unit, sysusers" {
	run make -s -C "$bb_top/userspace" install DESTDIR="$DEST" PREFIX=/usr
	expect_eq "$status" 0
	expect_eq "$(cd "$DEST" && find . -type f | sort | tr '\n' ' ')" \
		"./usr/lib/systemd/system/bbd.service ./usr/lib/sysusers.d/bb.conf ./usr/lib/$(gcc -print-multiarch)/wireshark/plugins/bbgen.lua ./usr/sbin/bbctl ./usr/sbin/bbd ./usr/share/bash-completion/completions/bbctl ./usr/share/man/man8/bbctl.8 ./usr/share/man/man8/bbd.8 "
	expect_eq "$(stat -c %a "$DEST/usr/sbin/bbd") $(stat -c %a "$DEST/usr/lib/systemd/system/bbd.service")" "755 644"
	grep -qx 'ExecStart=/usr/sbin/bbd --foreground --group bb --socket /run/bb/bbd.sock --archive /var/lib/bb/archive.db' \
		"$DEST/usr/lib/systemd/system/bbd.service"
	! grep -q @ "$DEST/usr/lib/systemd/system/bbd.service"
	grep -qx 'g bb -' "$DEST/usr/lib/sysusers.d/bb.conf"
	if command -v systemd-analyze > /dev/null; then
		# the unit's syntax (its ExecStart binary lives in DEST, not /usr)
		sed "s|/usr/sbin/bbd|$DEST/usr/sbin/bbd|" "$DEST/usr/lib/systemd/system/bbd.service" \
			> "$DEST/bbd.service"
		run systemd-analyze verify "$DEST/bbd.service"
		echo "$output"
		! grep -q "Unknown key\|Invalid\|Failed to parse" <<< "$output"
	fi
}

@test "an installed bbctl run starts the bbd installed beside it" {
	make -s -C "$bb_top/userspace" install DESTDIR="$DEST" PREFIX=/usr
	# bbctl starts the installed bbd on a socket of its own; that bbd
	# answers (the example's interfaces do not exist on this host)
	run --separate-stderr "$DEST/usr/sbin/bbctl" run "$bb_top/examples/back-to-back.json" \
		--socket "$DEST/bbd.sock" --report-dir "$DEST"
	expect_eq "$status" 2
	expect_eq "$stderr" "bbctl: run: ports[0] (wan): interface bbtx0: no such device"
	# at a terminal, bbctl says it started a bbd of its own, and which
	run script -qec "$DEST/usr/sbin/bbctl run $bb_top/examples/back-to-back.json --socket $DEST/bbd1.sock --report-dir $DEST" /dev/null
	expect_eq "${lines[0]%$'\r'}" "bbctl: no bbd was running at $DEST/bbd1.sock: started $DEST/usr/sbin/bbd for this run (archive /var/lib/bb/archive.db); it stops when the run ends"
	# without the bbd beside it, bbctl says it could not start one
	mv "$DEST/usr/sbin/bbd" "$DEST/usr/sbin/bbd.moved"
	run --separate-stderr "$DEST/usr/sbin/bbctl" run "$bb_top/examples/back-to-back.json" \
		--socket "$DEST/bbd2.sock" --report-dir "$DEST"
	expect_eq "$status" 2
	expect_eq "$stderr" "bbctl: cannot reach bbd at $DEST/bbd2.sock: it did not start (run bbd --foreground to see why)"
}
