#!/usr/bin/python3
"""The inside of bench/tx-ab (runs in the VM, as root): two builds of
bbgen.ko against each other in one VM, reloaded in turn within each round
so that drift in the VM's speed hits both alike; pktgen's burst mode runs
in every round too, as a gauge of that drift."""
import statistics
import subprocess
import sys

from bblib import sh
import lib.ynl  # noqa: E402  (bblib puts the kernel tree's YNL on the path)
from tx_vs_pktgen import bb_ynl, run_bb, run_pktgen, setup, spread


def load(ko):
    subprocess.run(["rmmod", "bbgen"], stderr=subprocess.DEVNULL)
    sh("insmod", ko)
    lib.ynl.genl_family_name_to_id = None   # YNL caches the family's id
    return bb_ynl()


def main():
    kos, secs, rounds, devs = sys.argv[1:3], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5:]
    devs = devs or ["dummy0"]
    setup()
    res = {}
    for r in range(rounds):
        print("round %d" % (r + 1))
        builds = list(zip(("A: ", "B: "), kos))
        for who, ko in builds if r % 2 == 0 else builds[::-1]:
            # not pinned: either build may predate the stream's cpu
            res.setdefault(who + ko, []).append(run_bb(load(ko), devs, secs, pin=False))
        if all(d.startswith("dummy") for d in devs):
            res.setdefault("pktgen burst", []).append(run_pktgen(devs, secs, True))
    print("frames/s over %d rounds on %s: median (min - max, spread)" % (rounds, "+".join(devs)))
    for who, v in res.items():
        print("  %-40s %10.0f (%.0f - %.0f, %.0f %%)" % (
            who, statistics.median(v), min(v), max(v), 100 * spread(v)))
    a, b = res["A: " + kos[0]], res["B: " + kos[1]]
    per = [y / x for x, y in zip(a, b)]
    print("B/A per round: %s; median %.2f" % (", ".join("%.2f" % p for p in per),
                                             statistics.median(per)))


if __name__ == "__main__":
    main()
