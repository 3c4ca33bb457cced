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

@test "make install DESTDIR PREFIX=/usr: binaries, man pages, completion, systemd units, sysusers" {
	run make -s -C "$bb_top/userspace" install DESTDIR="$DEST" PREFIX=/usr
	assert_eq status 0 "$status"
	assert_eq cd "./usr/lib/systemd/system/bbd.service ./usr/lib/systemd/system/bbd.socket ./usr/lib/sysusers.d/bb.conf ./usr/lib/$(gcc -print-multiarch)/wireshark/plugins/bbgen.lua ./usr/sbin/bbctl ./usr/sbin/bbd ./usr/share/bash-completion/completions/bbctl ./usr/share/man/man8/bbctl.8 ./usr/share/man/man8/bbd.8 " \
		"$(cd "$DEST" && find . -type f | sort | tr '\n' ' ')"
	assert_eq "stat %a" "755 644" "$(stat -c %a "$DEST/usr/sbin/bbd") $(stat -c %a "$DEST/usr/lib/systemd/system/bbd.service")"
	grep -qx 'ExecStart=/usr/sbin/bbd --foreground --group bb --socket /run/bb/bbd.sock --archive /var/lib/bb/archive.db' \
		"$DEST/usr/lib/systemd/system/bbd.service"
	! grep -q @ "$DEST/usr/lib/systemd/system/bbd.service"
	grep -qx 'g bb -' "$DEST/usr/lib/sysusers.d/bb.conf"
	if command -v systemd-analyze > /dev/null; then
		# the unit's syntax (its ExecStart binary lives in DEST, not /usr)
		sed "s|/usr/sbin/bbd|$DEST/usr/sbin/bbd|" "$DEST/usr/lib/systemd/system/bbd.service" \
			> "$DEST/bbd.service"
		cp "$DEST/usr/lib/systemd/system/bbd.socket" "$DEST/bbd.socket"
		run systemd-analyze verify "$DEST/bbd.service" "$DEST/bbd.socket"
		echo "$output"
		! grep -q "Unknown key\|Invalid\|Failed to parse\|not found" <<< "$output"
	fi
	grep -qx 'ListenStream=/run/bb/bbd.sock' "$DEST/usr/lib/systemd/system/bbd.socket"
	grep -qx 'SocketGroup=bb' "$DEST/usr/lib/systemd/system/bbd.socket"
	grep -qx 'Requires=bbd.socket' "$DEST/usr/lib/systemd/system/bbd.service"
}

# What bbd.socket does, by systemd's own tool: the socket is made (mode
# 0660) before bbd runs, bbd is handed it at the first connection and
# answers on it, and leaves it in place when it stops.
@test "socket activation: bbd serves the socket it is handed, and leaves it to its owner" {
	command -v systemd-socket-activate > /dev/null || { echo "systemd-socket-activate missing"; return 1; }
	local sock=$DEST/act.sock ino
	make -s -C "$bb_top/userspace" install DESTDIR="$DEST" PREFIX=/usr
	(umask 0117 && exec systemd-socket-activate -l "$sock" \
		"$DEST/usr/sbin/bbd" --foreground --quiet --socket "$DEST/unused.sock") &
	for _ in $(seq 50); do [ -S "$sock" ] && break; sleep 0.1; done
	ino=$(stat -c '%i %a' "$sock")
	run /usr/bin/python3 -c '
import socket, sys
s = socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1])
s.sendall(b"{\"cmd\":\"status\"}\n")
print(s.makefile().readline().strip())
' "$sock"
	assert_eq output '{"event":"status","running":false}' "$output"
	# bbd used the socket as it was: not made again, mode untouched,
	# --socket not made at all
	assert_eq "stat %i" "$ino" "$(stat -c '%i %a' "$sock")"
	[ ! -e "$DEST/unused.sock" ]
	pkill -f "$DEST/usr/sbin/bbd"
	wait
	[ -S "$sock" ] || { echo "bbd removed the socket it was handed"; return 1; }
}

@test "an installed bbctl run starts the bbd installed beside it" {
	make -s -C "$bb_top/userspace" install DESTDIR="$DEST" PREFIX=/usr
	# bbctl starts the installed bbd on a socket of its own; that bbd
	# answers (the example's interfaces do not exist on this host)
	run --separate-stderr "$DEST/usr/sbin/bbctl" run "$bb_top/examples/back-to-back.json" \
		--socket "$DEST/bbd.sock" --report-dir "$DEST"
	assert_eq status 2 "$status"
	assert_eq stderr "bbctl: run: ports[0] (wan): interface bbtx0: no such device" "$stderr"
	# at a terminal, bbctl says it started a bbd of its own, and which
	run script -qec "$DEST/usr/sbin/bbctl run $bb_top/examples/back-to-back.json --socket $DEST/bbd1.sock --report-dir $DEST" /dev/null
	assert_eq value "bbctl: no bbd was running at $DEST/bbd1.sock: started $DEST/usr/sbin/bbd for this run (archive /var/lib/bb/archive.db); it stops when the run ends" "${lines[0]%$'\r'}"
	# without the bbd beside it, bbctl says it could not start one
	mv "$DEST/usr/sbin/bbd" "$DEST/usr/sbin/bbd.moved"
	run --separate-stderr "$DEST/usr/sbin/bbctl" run "$bb_top/examples/back-to-back.json" \
		--socket "$DEST/bbd2.sock" --report-dir "$DEST"
	assert_eq status 2 "$status"
	assert_eq stderr "bbctl: cannot reach bbd at $DEST/bbd2.sock: it did not start (run bbd --foreground to see why)" "$stderr"
}

# dkms builds the module from what `make -C kmod dkms-install` puts in
# /usr/src, for each kernel line whose headers are installed, in trees of
# the test's own (--sourcetree, --dkmstree: nothing lands in /var/lib/dkms;
# sign_file pointing nowhere keeps dkms from making a MOK key there).
@test "dkms-install DESTDIR, then dkms build against both kernel lines' headers" {
	if ! command -v dkms > /dev/null; then
		echo "dkms is not installed (scripts/setup-deps installs it)"
		return 1
	fi
	run make -s -C "$bb_top/kmod" dkms-install DESTDIR="$DEST"
	assert_eq status 0 "$status"
	src=$DEST/usr/src/bbgen-0.1
	assert_eq cd "dkms.conf include/uapi/linux/bbgen.h kmod/Kbuild kmod/core/rate.c " \
		"$(cd "$src" && ls dkms.conf include/uapi/linux/bbgen.h kmod/Kbuild kmod/core/rate.c | tr '\n' ' ')"
	! ls "$src"/kmod/core/*_kunit.c 2> /dev/null
	mkdir "$DEST/dkms"
	for line in 6.12 6.1; do
		kver=$("$bb_top/scripts/kver" "$line")
		run env sign_file=/nonexistent dkms build -m bbgen -v 0.1 -k "$kver" \
			--sourcetree "$DEST/usr/src" --dkmstree "$DEST/dkms"
		echo "$output"
		assert_eq status 0 "$status"
		ko=$(ls "$DEST/dkms/bbgen/0.1/$kver/x86_64/module/"bbgen.ko*)
		assert_eq "modinfo vermagic" "$kver" "$(modinfo -F vermagic "$ko" | cut -d' ' -f1)"
	done
}
