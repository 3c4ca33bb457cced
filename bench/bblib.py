"""What the benchmarks share (they run inside the VM, as root, bbgen
loaded): shell helpers, a YNL socket of the bbgen family opened inside a
network namespace, and a 60-byte IPv4/UDP test frame."""
import ctypes
import os
import struct
import subprocess
import sys
import time

top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
tree = subprocess.run([os.path.join(top, "scripts/linux-source")], check=True,
                      capture_output=True, text=True).stdout.strip()
sys.path.insert(0, os.path.join(tree, "tools/net/ynl"))
from lib import YnlFamily, NlError  # noqa: E402,F401  (NlError: for the benches)

SPEC = os.path.join(top, "Documentation/netlink/bbgen.yaml")
SCHEMA = os.path.join(tree, "Documentation/netlink/genetlink-c.yaml")

LIBC = ctypes.CDLL(None, use_errno=True)
CLONE_NEWNET = 0x40000000


def sh(*cmd):
    subprocess.run(cmd, check=True)


def in_ns(ns, *cmd):
    sh("ip", "netns", "exec", ns, *cmd)


def setns(fd):
    # os.setns() needs Python 3.12; Debian 12 has 3.11
    if LIBC.setns(fd, CLONE_NEWNET):
        raise OSError(ctypes.get_errno(), "setns")


def ynl():
    """A YNL socket of the bbgen family in this process's namespace."""
    return YnlFamily(SPEC, SCHEMA)


def ynl_in(ns):
    """A YNL socket opened inside netns NS (objects live in its namespace)."""
    fd = os.open("/run/netns/" + ns, os.O_RDONLY)
    own = os.open("/proc/self/ns/net", os.O_RDONLY)
    setns(fd)
    y = ynl()
    setns(own)
    os.close(fd)
    os.close(own)
    return y


def csum(b):
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff


def template(dst_mac, src_mac, stamp, dport):
    """60-byte IPv4/UDP frame 10.0.0.1 -> 10.0.0.2; the last 8 payload
    bytes hold @stamp."""
    payload = bytes(10) + struct.pack(">Q", stamp)
    udp = struct.pack(">HHHH", 9000, dport, 8 + len(payload), 0) + payload
    ip = struct.pack(">BBHHHBBH4s4s", 0x45, 0, 20 + len(udp), 0, 0, 64, 17, 0,
                     bytes([10, 0, 0, 1]), bytes([10, 0, 0, 2]))
    ip = ip[:10] + struct.pack(">H", csum(ip)) + ip[12:]
    return dst_mac + src_mac + b"\x08\x00" + ip + udp


def mac_of(ns, dev):
    cmd = ["ip", "-br", "link", "show", dev]
    if ns:
        cmd[1:1] = ["-n", ns]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return bytes.fromhex(out.split()[2].replace(":", ""))


def stream_fps(s):
    """A stream's frames/s over its own first-to-last TX time (a stream-get)."""
    return s["tx-frames"] / max(s["last-tx-ns"] - s["first-tx-ns"], 1) * 1e9


def run_to_end(y, sid, secs=0):
    """Start stream @sid (or the streams of a list, together: the family's
    "id" then multi-attr, as bench/tx_vs_pktgen.py sets it) and poll until
    it ends: its last stream-get (a list for a list). Given the streams'
    duration @secs, it sleeps through it before the first poll: under TCG
    a YNL round trip in Python costs milliseconds of a CPU, which a sender
    on every CPU would pay for (pktgen's runs only sleep)."""
    sids = sid if isinstance(sid, list) else [sid]
    y.do("stream-start", {"id": sids if isinstance(sid, list) else sid})
    time.sleep(secs)
    last = {}
    while len(last) < len(sids):
        for i in sids:
            s = y.do("stream-get", {"id": i})
            if s["state"] not in ("running", 1):
                last[i] = s
        time.sleep(0.2)
    return [last[i] for i in sids] if isinstance(sid, list) else last[sid]
