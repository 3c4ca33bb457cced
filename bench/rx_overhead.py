#!/usr/bin/python3
"""The inside of bench/rx-overhead (runs in the VM, as root, bbgen loaded).

veth0 (netns bbA, a bbgen port with one stream) -> veth1 (netns bbB). Each
round sends FRAMES frames flat out in direct xmit mode and measures what
veth1 received per second of the stream's TX time. Rounds alternate the
receivers so drift in the VM's speed hits them alike; the median of the
rounds is reported.

Each trigger is compared with a plain drop of the same traffic: the seq
trigger with base (sequence-tagged frames), the latency trigger with
base-lat (time-tagged frames, so the TX engine's clock read per frame,
which lands in the TX time too, is on both sides of the ratio).
"""
import json
import os
import statistics
import subprocess
import sys
import time

from bblib import NlError, in_ns, mac_of, run_to_end, sh, template as frame, ynl_in

DPORT = 9000
# the modes whose stream writes the 16-byte time tag
LATENCY_MODES = ("base-lat", "latency")


def template(dst_mac, src_mac, stamp):
    return frame(dst_mac, src_mac, stamp, DPORT)


def udp_no_ports():
    """UDP datagrams bbB's stack dropped for want of a socket."""
    out = subprocess.run(["ip", "netns", "exec", "bbB", "cat", "/proc/net/snmp"],
                         check=True, capture_output=True, text=True).stdout
    udp = [line.split() for line in out.splitlines() if line.startswith("Udp:")]
    return int(udp[1][udp[0].index("NoPorts")])


def setup():
    subprocess.run(["ip", "netns", "del", "bbA"], stderr=subprocess.DEVNULL)
    subprocess.run(["ip", "netns", "del", "bbB"], stderr=subprocess.DEVNULL)
    sh("ip", "netns", "add", "bbA")
    sh("ip", "netns", "add", "bbB")
    sh("ip", "link", "add", "veth0", "netns", "bbA", "type", "veth", "peer",
       "name", "veth1", "netns", "bbB")
    in_ns("bbA", "ip", "link", "set", "veth0", "up")
    in_ns("bbB", "ip", "link", "set", "veth1", "up")
    # the stack mode's frames are for this host: UDP drops them (NoPorts)
    in_ns("bbB", "ip", "addr", "add", "10.0.0.2/24", "dev", "veth1")


def add_stream(ya, frames, tmpl, latency, kernel_latency):
    """A flat-out direct stream. Without @latency, the plain 8-byte sequence
    tag at the end. With it, the kernel's time tag if @kernel_latency, else
    the seq tag 16 bytes from the end followed by the template's fixed
    stamp (taken just before): a valid TX time for the whole run."""
    attrs = {"dev": "veth0", "template": tmpl, "interval-ns": 1,
             "count": frames, "xmit-mode": "direct"}
    if latency and kernel_latency:
        attrs["latency"] = True
    elif latency:
        attrs["seq-offset"] = len(tmpl) - 16
    return ya.do("stream-add", attrs)["id"]


def run_once(ya, yb, mode, frames, macs, kernel_latency):
    stamp = time.clock_gettime_ns(time.CLOCK_TAI)
    tmpl = template(macs[1], macs[0], stamp)
    tid = None
    if mode.startswith("base"):
        # only for these modes: an ingress hook costs the others too
        in_ns("bbB", "tc", "qdisc", "add", "dev", "veth1", "clsact")
        in_ns("bbB", "tc", "filter", "add", "dev", "veth1", "ingress", "prio",
              "1", "matchall", "action", "drop")
    elif mode == "stack":
        no_ports = udp_no_ports()
    else:
        yb.do("port-add", {"dev": "veth1"})
        attrs = {"dev": "veth1", "udp-dport": DPORT}
        if mode == "latency":
            attrs["latency"] = True
        tid = yb.do("trigger-add", attrs)["id"]
    sid = add_stream(ya, frames, tmpl, mode in LATENCY_MODES, kernel_latency)
    s = run_to_end(ya, sid)
    time.sleep(0.5)
    tx_s = (s["last-tx-ns"] - s["first-tx-ns"]) / 1e9
    if mode.startswith("base"):
        out = subprocess.run(["ip", "netns", "exec", "bbB", "tc", "-s", "-j",
                              "filter", "show", "dev", "veth1", "ingress"],
                             check=True, capture_output=True, text=True).stdout
        rx = 0
        for f in json.loads(out):
            for a in f.get("options", {}).get("actions", []):
                rx = max(rx, a.get("stats", {}).get("packets", 0))
        in_ns("bbB", "tc", "qdisc", "del", "dev", "veth1", "clsact")
        extra = ""
    elif mode == "stack":
        rx = udp_no_ports() - no_ports
        extra = ""
    else:
        t = yb.do("trigger-get", {"id": tid})
        rx = t["rx-frames"]
        lat = t.get("latency-stats", {})
        extra = " invalid=%s" % lat.get("invalid", "-") if lat else ""
        yb.do("port-del", {"dev": "veth1"})
    ya.do("stream-del", {"id": sid})
    fps = rx / tx_s
    print("  %-8s tx %.3f s, rx %d frames, %.0f frames/s%s" % (mode, tx_s, rx, fps, extra))
    return fps


def main():
    frames = int(sys.argv[1]) if len(sys.argv) > 1 else 200000
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    setup()
    ya, yb = ynl_in("bbA"), ynl_in("bbB")
    ya.do("port-add", {"dev": "veth0"})
    macs = (mac_of("bbA", "veth0"), mac_of("bbB", "veth1"))
    # does the module write time tags itself (STREAM_LATENCY)?
    try:
        tmpl = template(macs[1], macs[0], 0)
        ya.do("stream-del", {"id": add_stream(ya, 1, tmpl, True, True)})
        kernel_latency = True
    except NlError:
        kernel_latency = False
    clock = open("/sys/devices/system/clocksource/clocksource0/"
                 "current_clocksource").read().strip()
    print("rx-overhead: %d frames of 60 bytes per run, %d rounds, kernel %s, "
          "clocksource %s, time tags by %s" % (
              frames, rounds, os.uname().release, clock,
              "the TX engine" if kernel_latency else "template"))
    res = {m: [] for m in ("base", "stack", "seq", "base-lat", "latency")}
    for r in range(rounds):
        print("round %d" % (r + 1))
        for mode in res:
            res[mode].append(run_once(ya, yb, mode, frames, macs, kernel_latency))
    med = {m: statistics.median(v) for m, v in res.items()}
    print("median RX frames/s: " + ", ".join(
        "%s %.0f" % (m, v) for m, v in med.items()))
    for m, base in (("seq", "base"), ("latency", "base-lat")):
        print("overhead %-8s %.1f %% over the tc drop of the same frames (%s); "
              "%.1fx the frames/s of the stack's drop"
              % (m, (1 - med[m] / med[base]) * 100, base, med[m] / med["stack"]))


if __name__ == "__main__":
    main()
