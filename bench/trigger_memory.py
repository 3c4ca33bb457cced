#!/usr/bin/python3
"""The inside of bench/trigger-memory (in the VM, as root, bbgen loaded)."""
import os
import subprocess
import sys
import time

top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
tree = subprocess.run([os.path.join(top, "scripts/linux-source")], check=True,
                      capture_output=True, text=True).stdout.strip()
sys.path.insert(0, os.path.join(tree, "tools/net/ynl"))
from lib import YnlFamily  # noqa: E402


def meminfo():
    m = {}
    for line in open("/proc/meminfo"):
        k, v = line.split(":")
        m[k] = int(v.split()[0]) * 1024
    return m


def slabs():
    """Bytes held by each kmalloc cache (active objects * object size)."""
    s = {}
    for line in open("/proc/slabinfo").readlines()[2:]:
        f = line.split()
        if f[0].startswith("kmalloc-") and not f[0].startswith("kmalloc-rcl"):
            s[f[0]] = int(f[1]) * int(f[3])
    return s


def settle():
    # freed triggers go after an RCU grace period
    time.sleep(1)
    with open("/proc/sys/vm/drop_caches", "w") as f:
        f.write("3\n")


def measure(y, n, latency):
    settle()
    m0, s0 = meminfo(), slabs()
    for i in range(n):
        a = {"dev": "veth1", "udp-dport": 20000 + i}
        if latency:
            a["latency"] = True
        y.do("trigger-add", a)
    m1, s1 = meminfo(), slabs()
    slab = (m1["Slab"] - m0["Slab"]) / n
    vmalloc = (m1["VmallocUsed"] - m0["VmallocUsed"]) / n
    grew = {k: (s1[k] - s0.get(k, 0)) / n for k in s1
            if (s1[k] - s0.get(k, 0)) / n >= 64}
    print("%d triggers %s latency: slab %+.0f B, vmalloc %+.0f B, total %.1f KiB"
          " per trigger; kmalloc caches per trigger: %s" % (
              n, "with" if latency else "without", slab, vmalloc,
              (slab + vmalloc) / 1024,
              ", ".join("%s %+.0f B" % kv for kv in sorted(grew.items()))))
    for t in y.dump("trigger-get", {}):
        y.do("trigger-del", {"id": t["id"]})


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    subprocess.run(["ip", "link", "add", "veth0", "type", "veth", "peer",
                    "name", "veth1"], check=True)
    y = YnlFamily(os.path.join(top, "Documentation/netlink/bbgen.yaml"),
                  os.path.join(tree, "Documentation/netlink/genetlink-c.yaml"))
    y.do("port-add", {"dev": "veth1"})
    print("trigger-memory: kernel %s" % os.uname().release)
    measure(y, n, False)
    measure(y, max(1, n // 5), True)
    y.do("port-del", {"dev": "veth1"})


if __name__ == "__main__":
    main()
