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

from bblib import mac_of, run_to_end, sh, stream_fps, template, ynl

PG = "/proc/net/pktgen"
SIZE = 60
DST_MAC = bytes.fromhex("020000000002")


def dev_tx(dev):
    def rd(n):
        with open("/sys/class/net/%s/statistics/%s" % (dev, n)) as f:
            return int(f.read())
    return rd("tx_packets"), rd("tx_bytes")


SPREAD_MAX = 0.30


def setup():
    """dummy0, and veth0 and veth2 with their peers (veth1, veth3) in bbB."""
    subprocess.run(["ip", "netns", "del", "bbB"], stderr=subprocess.DEVNULL)
    sh("modprobe", "dummy", "numdummies=0")
    sh("modprobe", "pktgen")
    sh("ip", "link", "add", "dummy0", "type", "dummy")
    sh("ip", "link", "set", "dummy0", "up")
    sh("ip", "netns", "add", "bbB")
    for a, b in (("veth0", "veth1"), ("veth2", "veth3")):
        sh("ip", "link", "add", a, "type", "veth", "peer", "name", b, "netns", "bbB")
        sh("ip", "link", "set", a, "up")
        sh("ip", "-n", "bbB", "link", "set", b, "up")


def bb_ynl():
    """A YNL socket of the bbgen family whose stream-start takes several ids."""
    y = ynl()
    y.attr_sets["stream"]["id"].is_multi = True   # stream-start takes several
    return y


def pg_write(path, cmd):
    with open(path, "w") as f:
        f.write(cmd + "\n")


def pg_read(path):
    with open(path) as f:
        return f.read()


def pg_device(dev, thread, burst):
    """Put @dev on kpktgend_@thread (dev@N for a second thread on one
    device); returns its /proc file, or None if a setting was refused."""
    name = dev if thread == 0 else "%s@%d" % (dev, thread)
    pg_write("%s/kpktgend_%d" % (PG, thread), "rem_device_all")
    pg_write("%s/kpktgend_%d" % (PG, thread), "add_device " + name)
    d = "%s/%s" % (PG, name)
    cfg = ["count 0", "delay 0", "pkt_size %d" % SIZE, "dst 10.0.0.2",
           "dst_mac 02:00:00:00:00:02", "udp_dst_min 9000", "udp_dst_max 9000"]
    cfg += ["clone_skb 1000", "burst 32"] if burst else ["clone_skb 0"]
    for c in cfg:
        try:
            pg_write(d, c)
        except OSError as e:
            print("  pktgen %s on %s refused: %s" % (c, dev, e.strerror))
            return None
    return d


def run_pktgen(devs, secs, burst):
    """pktgen, one thread per device of @devs, for @secs: the frames/s of
    all threads together, or None if refused."""
    files = [pg_device(dev, i, burst) for i, dev in enumerate(devs)]
    if None in files:
        return None
    before = [dev_tx(dev) for dev in set(devs)]
    t = threading.Thread(target=pg_write, args=(PG + "/pgctrl", "start"))
    t.start()
    time.sleep(secs)
    pg_write(PG + "/pgctrl", "stop")
    t.join()
    after = [dev_tx(dev) for dev in set(devs)]
    fps = 0
    pkts_all = 0
    for d in files:
        res = pg_read(d)
        m = re.search(r"Result: OK: (\d+)\(.*?\) usec, (\d+) \((\d+)byte", res, re.S)
        if not m:
            sys.exit("pktgen gave no result on %s:\n%s" % (d, res))
        usec, pkts, size = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if size != SIZE:
            sys.exit("pktgen on %s sent %d-byte frames" % (d, size))
        fps += pkts / (usec / 1e6)
        pkts_all += pkts
    for i in range(len(devs)):
        pg_write("%s/kpktgend_%d" % (PG, i), "rem_device_all")
    who = "pktgen " + ("burst" if burst else "clone_skb 0")
    return report(who, "+".join(devs), pkts_all, pkts_all / fps * 1e9,
                  sum_tx(before), sum_tx(after), SIZE)


def sum_tx(counters):
    return sum(c[0] for c in counters), sum(c[1] for c in counters)


PROF = "/sys/kernel/debug/bbgen/tx_profile"


def profile_file():
    """The TX phase timers of a profiling build (make -C kmod TX_PROFILE=1,
    bench/tx-vs-pktgen --ko build/KVER-profile/bbgen.ko), or None."""
    if not os.path.ismount("/sys/kernel/debug"):
        subprocess.run(["mount", "-t", "debugfs", "none", "/sys/kernel/debug"],
                       stderr=subprocess.DEVNULL)
    return PROF if os.path.exists(PROF) else None


def run_bb(y, devs, secs, latency=True, pin=True):
    """One bbgen stream per device of @devs (a device may repeat), started
    together, with sequence and (@latency) time tags: the frames/s of all
    of them, first frame to last. With @pin the i-th stream goes to CPU i's
    TX worker, where pktgen's i-th thread (kpktgend_i) runs: without it the
    workers take streams in turn, and on a host whose CPUs run at
    different speeds bb and pktgen would be timed on different ones."""
    sids = []
    for dev in sorted(set(devs)):
        y.do("port-add", {"dev": dev})
    for i, dev in enumerate(devs):
        tmpl = template(DST_MAC, mac_of(None, dev), 0, 9000)
        attrs = {"dev": dev, "template": [tmpl], "interval-ns": 1,
                 "duration-ns": secs * 10**9, "latency": latency,
                 "xmit-mode": "direct"}
        if pin:
            attrs["cpu"] = i
        sid = y.do("stream-add", attrs)["id"]
        sids.append(sid[0] if isinstance(sid, list) else sid)   # id is multi-attr here
    prof = profile_file()
    if prof:
        pg_write(prof, "0")
    before = [dev_tx(dev) for dev in set(devs)]
    streams = run_to_end(y, sids, secs)
    after = [dev_tx(dev) for dev in set(devs)]
    if prof:
        print("  TX phases (ns in timed bursts, ns a frame, %):")
        print("".join("    " + line for line in pg_read(prof).splitlines(True)), end="")
    for dev in sorted(set(devs)):
        y.do("port-del", {"dev": dev})
    err = max(s.get("tx-time-error-ns", 0) for s in streams)
    print("  bb TX time error bound (tx-time-error-ns): %.1f us" % (err / 1000))
    if len(streams) > 1:
        for dev, s in zip(devs, streams):
            print("    one stream       %-13s %9d frames in %.3f s = %9.0f frames/s"
                  % (dev, s["tx-frames"], (s["last-tx-ns"] - s["first-tx-ns"]) / 1e9,
                     stream_fps(s)))
    frames = sum(s["tx-frames"] for s in streams)
    span = max(s["last-tx-ns"] for s in streams) - min(s["first-tx-ns"] for s in streams)
    size = sum(s["tx-bytes"] for s in streams) // max(frames, 1)
    return report("bb", "+".join(devs), frames, span, sum_tx(before), sum_tx(after), size)


def report(who, dev, frames, ns, before, after, size):
    sent = after[0] - before[0]
    wire = (after[1] - before[1]) // max(sent, 1)
    fps = frames / (ns / 1e9)
    print("  %-18s %-13s %9d frames in %.3f s = %9.0f frames/s (device: %d frames"
          " of %d bytes)" % (who, dev, frames, ns / 1e9, fps, sent, wire))
    if wire != SIZE or abs(sent - frames) > frames // 1000 + 64 or size != SIZE:
        sys.exit("%s on %s: the device saw %d frames of %d bytes, not %d of %d"
                 % (who, dev, sent, wire, frames, SIZE))
    return fps


# (label, devices): one sender, then two on two CPUs
CASES = (("dummy0", ["dummy0"]), ("veth0", ["veth0"]),
         ("2x dummy0", ["dummy0", "dummy0"]), ("2x veth", ["veth0", "veth2"]))


def spread(v):
    return (max(v) - min(v)) / min(v)


def ratio(res, a, b):
    """a/b of the medians, or why there is none."""
    if b not in res:
        return "n/a (pktgen refused it)"
    if spread(res[b]) > SPREAD_MAX:
        return ("refused: the peer's rounds spread %.0f %% (over %.0f %%): "
                "rerun on a quiet host" % (100 * spread(res[b]), 100 * SPREAD_MAX))
    return "%.2f" % (statistics.median(res[a]) / statistics.median(res[b]))


def clocksource():
    with open("/sys/devices/system/clocksource/clocksource0/current_clocksource") as f:
        return f.read().strip()


def host_cores(cores):
    """The host's CPUs, ns a unit of work each before the run: context for
    the two-CPU ratios, not a verdict (a pinned probe on the host has shown
    one CPU at a third of the other's speed while pktgen's two threads in
    the VM still ran 1.9x one; pktgen's own ratio is the gauge)."""
    if cores:
        print("host CPUs before the run: %s ns a unit of work"
              % " and ".join("%.2f" % c for c in cores))


def options(argv):
    """--seq-only: bb writes sequence tags without the TX time, so reads the
    clock once a burst, not every 16 frames (performance.md); --host-cores
    NS,NS comes from the wrapper on the host."""
    opt = {"latency": True, "cores": []}
    pos = []
    it = iter(argv)
    for a in it:
        if a == "--seq-only":
            opt["latency"] = False
        elif a == "--host-cores":
            opt["cores"] = [float(c) for c in next(it).split(",")]
        else:
            pos.append(int(a))
    opt["secs"] = pos[0] if len(pos) > 0 else 3
    opt["rounds"] = pos[1] if len(pos) > 1 else 3
    return opt


def main():
    opt = options(sys.argv[1:])
    latency, secs, rounds = opt["latency"], opt["secs"], opt["rounds"]
    setup()
    y = bb_ynl()
    print("tx-vs-pktgen: %d-byte frames, %d s per run, %d rounds, kernel %s, %d CPUs, bb %s"
          % (SIZE, secs, rounds, os.uname().release, os.cpu_count(),
             "sequence + time tags" if latency else "sequence tags only"))
    host_cores(opt["cores"])
    clock = clocksource()
    print("guest clocksource: %s" % clock)
    res = {}
    for r in range(rounds):
        print("round %d" % (r + 1))
        for label, devs in CASES:
            for who, fn in (("bb", lambda: run_bb(y, devs, secs, latency)),
                            ("clone_skb 0", lambda: run_pktgen(devs, secs, False)),
                            ("burst", lambda: run_pktgen(devs, secs, True))):
                fps = fn()
                if fps is not None:
                    res.setdefault((label, who), []).append(fps)
    print("frames/s over %d rounds: median (min - max, spread)" % rounds)
    for (label, who), v in res.items():
        print("  %-10s %-12s %10.0f (%.0f - %.0f, %.0f %%)" % (
            label, who, statistics.median(v), min(v), max(v), 100 * spread(v)))
    for label, _ in CASES:
        for who in ("clone_skb 0", "burst"):
            print("%s: bb/pktgen %s = %s" % (label, who, ratio(res, (label, "bb"), (label, who))))
    clock_end = clocksource()
    if clock_end != clock:
        print("the guest's clocksource changed from %s to %s during the run: bb's "
              "time-tagged figures after it read an emulated clock" % (clock, clock_end))
    for one, two in (("dummy0", "2x dummy0"), ("veth0", "2x veth")):
        for who in ("bb", "clone_skb 0", "burst"):
            if (two, who) in res:
                print("%s: %s two CPUs / one = %s" % (two, who, ratio(res, (two, who), (one, who))))


if __name__ == "__main__":
    main()
