#!/usr/bin/python3
"""The inside of bench/tx-profile (runs in the VM, as root, bbgen loaded)."""
import subprocess
import sys
import time

import tx_vs_pktgen as tvp
from bblib import mac_of, run_to_end, stream_fps, template

DATA = "/tmp/tx-profile.data"


def perf_around(sender, secs, comms):
    """Run @sender() while perf samples every CPU; print the share of each
    function in the samples of threads @comms, and return sender's result."""
    perf = subprocess.Popen(["perf", "record", "-q", "-e", "cpu-clock", "-a",
                             "-o", DATA, "--", "sleep", str(secs + 4)])
    # perf sets up its events before it execs the workload
    while subprocess.run(["pgrep", "-x", "sleep"], capture_output=True).returncode:
        time.sleep(0.1)
    result = sender()
    perf.wait()
    out = subprocess.run(["perf", "report", "-i", DATA, "--stdio", "--comms", comms,
                          "--sort", "sym", "--percentage", "relative"],
                         capture_output=True, text=True).stdout
    rows = [line for line in out.splitlines() if line.strip() and not line.startswith("#")]
    print("  share of the sender's samples by function:")
    for line in rows[:14]:
        print("    " + line.strip())
    return result


def bb_stream(y, dev, secs):
    tmpl = template(tvp.DST_MAC, mac_of(None, dev), 0, 9000)
    sid = y.do("stream-add", {"dev": dev, "template": [tmpl], "interval-ns": 1,
                              "duration-ns": secs * 10**9, "latency": True,
                              "xmit-mode": "direct", "cpu": 0})["id"]
    sid = sid[0] if isinstance(sid, list) else sid
    return stream_fps(run_to_end(y, [sid], secs)[0])


def main():
    args = sys.argv[1:]
    secs = int(args[0]) if args else 3
    dev = args[1] if len(args) > 1 else "dummy0"
    # pktgen's burst mode needs shared skbs: dummy0 has them, veth not
    burst = dev == "dummy0"
    tvp.setup()
    y = tvp.bb_ynl()
    y.do("port-add", {"dev": dev})
    print("bb, one stream on %s, flat out, sequence + time tags:" % dev)
    bb = perf_around(lambda: bb_stream(y, dev, secs), secs + 1,
                     ",".join("bbgen_tx/%d" % i for i in range(64)))
    y.do("port-del", {"dev": dev})
    print("  %.0f frames/s" % bb)
    print("pktgen %s on %s:" % ("burst 32 (clone_skb 1000)" if burst else "clone_skb 0", dev))
    pg = perf_around(lambda: tvp.run_pktgen([dev], secs, burst), secs,
                     ",".join("kpktgend_%d" % i for i in range(64)))
    print("bb/pktgen %s: %.2f" % ("burst" if burst else "clone_skb 0", bb / pg))


main()
