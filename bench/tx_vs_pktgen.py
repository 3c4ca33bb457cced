#!/usr/bin/python3
"""The inside of bench/tx-vs-pktgen (runs in the VM, as root, bbgen loaded).

Each round measures, on each device, the frames/s of one bbgen stream and
of pktgen in the modes the device allows; the rounds alternate the senders
so drift in the VM's speed hits them alike, and the medians are compared.
bb's rate is its frames over its own first-to-last TX time; pktgen's is
the pps of its own result line. Both are also checked against the device's
tx_packets/tx_bytes, so a sender that claims frames it never handed to the
driver, or sends other sizes, shows.
"""
import os
import re
import statistics
import subprocess
import sys
import threading
import time

from bblib import mac_of, run_to_end, sh, template, ynl

PG = "/proc/net/pktgen"
SIZE = 60
DST_MAC = bytes.fromhex("020000000002")


def dev_tx(dev):
    def rd(n):
        with open("/sys/class/net/%s/statistics/%s" % (dev, n)) as f:
            return int(f.read())
    return rd("tx_packets"), rd("tx_bytes")


def setup():
    subprocess.run(["ip", "netns", "del", "bbB"], stderr=subprocess.DEVNULL)
    sh("modprobe", "dummy", "numdummies=0")
    sh("modprobe", "pktgen")
    sh("ip", "link", "add", "dummy0", "type", "dummy")
    sh("ip", "link", "set", "dummy0", "up")
    sh("ip", "netns", "add", "bbB")
    sh("ip", "link", "add", "veth0", "type", "veth", "peer", "name", "veth1",
       "netns", "bbB")
    sh("ip", "link", "set", "veth0", "up")
    sh("ip", "-n", "bbB", "link", "set", "veth1", "up")


def pg_write(path, cmd):
    with open(path, "w") as f:
        f.write(cmd + "\n")


def pg_read(path):
    with open(path) as f:
        return f.read()


def run_pktgen(dev, secs, burst):
    """pktgen on kpktgend_0 for @secs: frames/s, or None if refused."""
    pg_write(PG + "/kpktgend_0", "rem_device_all")
    pg_write(PG + "/kpktgend_0", "add_device " + dev)
    d = "%s/%s" % (PG, dev)
    cfg = ["count 0", "delay 0", "pkt_size %d" % SIZE, "dst 10.0.0.2",
           "dst_mac 02:00:00:00:00:02", "udp_dst_min 9000", "udp_dst_max 9000"]
    cfg += ["clone_skb 1000", "burst 32"] if burst else ["clone_skb 0"]
    for c in cfg:
        try:
            pg_write(d, c)
        except OSError as e:
            print("  pktgen %s on %s refused: %s" % (c, dev, e.strerror))
            return None
    before = dev_tx(dev)
    t = threading.Thread(target=pg_write, args=(PG + "/pgctrl", "start"))
    t.start()
    time.sleep(secs)
    pg_write(PG + "/pgctrl", "stop")
    t.join()
    after = dev_tx(dev)
    res = pg_read(d)
    m = re.search(r"Result: OK: (\d+)\(.*?\) usec, (\d+) \((\d+)byte", res, re.S)
    if not m:
        sys.exit("pktgen gave no result on %s:\n%s" % (dev, res))
    usec, pkts, size = int(m.group(1)), int(m.group(2)), int(m.group(3))
    return report("pktgen " + ("burst" if burst else "clone_skb 0"), dev,
                  pkts, usec * 1000, before, after, size)


def run_bb(y, dev, secs):
    tmpl = template(DST_MAC, mac_of(None, dev), 0, 9000)
    y.do("port-add", {"dev": dev})
    sid = y.do("stream-add", {"dev": dev, "template": [tmpl], "interval-ns": 1,
                              "duration-ns": secs * 10**9, "latency": True,
                              "xmit-mode": "direct"})["id"]
    before = dev_tx(dev)
    s = run_to_end(y, sid)
    after = dev_tx(dev)
    y.do("port-del", {"dev": dev})
    return report("bb", dev, s["tx-frames"], s["last-tx-ns"] - s["first-tx-ns"],
                  before, after, s["tx-bytes"] // max(s["tx-frames"], 1))


def report(who, dev, frames, ns, before, after, size):
    sent = after[0] - before[0]
    wire = (after[1] - before[1]) // max(sent, 1)
    fps = frames / (ns / 1e9)
    print("  %-18s %-7s %9d frames in %.3f s = %9.0f frames/s (device: %d frames"
          " of %d bytes)" % (who, dev, frames, ns / 1e9, fps, sent, wire))
    if wire != SIZE or abs(sent - frames) > frames // 1000 + 64 or size != SIZE:
        sys.exit("%s on %s: the device saw %d frames of %d bytes, not %d of %d"
                 % (who, dev, sent, wire, frames, SIZE))
    return fps


def main():
    secs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    setup()
    y = ynl()
    print("tx-vs-pktgen: %d-byte frames, %d s per run, %d rounds, kernel %s, %d CPUs"
          % (SIZE, secs, rounds, os.uname().release, os.cpu_count()))
    res = {}
    for r in range(rounds):
        print("round %d" % (r + 1))
        for dev in ("dummy0", "veth0"):
            for who, fn in (("bb", lambda: run_bb(y, dev, secs)),
                            ("clone_skb 0", lambda: run_pktgen(dev, secs, False)),
                            ("burst", lambda: run_pktgen(dev, secs, True))):
                fps = fn()
                if fps is not None:
                    res.setdefault((dev, who), []).append(fps)
    print("medians, frames/s:")
    for (dev, who), v in res.items():
        print("  %-7s %-12s %10.0f" % (dev, who, statistics.median(v)))
    for dev in ("dummy0", "veth0"):
        bb = statistics.median(res[(dev, "bb")])
        for who in ("clone_skb 0", "burst"):
            if (dev, who) in res:
                print("%s: bb/pktgen %s = %.2f" % (dev, who,
                      bb / statistics.median(res[(dev, who)])))
            else:
                print("%s: bb/pktgen %s = n/a (pktgen refused it)" % (dev, who))


if __name__ == "__main__":
    main()
