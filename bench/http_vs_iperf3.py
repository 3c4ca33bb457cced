"""bb HTTP GET vs iperf3 on one veth pair (see bench/http-vs-iperf3).
Runs inside the VM as root."""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BBCTL = os.path.join(top, "build/bin/bbctl")
BBD = os.path.join(top, "build/bin/bbd")
HZ = os.sysconf("SC_CLK_TCK")


def sh(*cmd):
    subprocess.run(cmd, check=True)


def cpu_s(pid):
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / HZ   # utime + stime


def setup():
    sh("ip", "link", "add", "bbi0", "type", "veth", "peer", "name", "bbi1")
    sh("ip", "link", "set", "bbi0", "up")
    sh("ip", "link", "set", "bbi1", "up")
    # iperf3's hosts: macvlans (VEPA) in two namespaces, as bbd's ports
    for ns, dev, ip in (("ipa", "bbi0", "10.88.0.11"), ("ipb", "bbi1", "10.88.0.12")):
        sh("ip", "netns", "add", ns)
        sh("ip", "link", "add", "link", dev, "name", ns + "0", "type", "macvlan", "mode", "vepa")
        sh("ip", "link", "set", ns + "0", "netns", ns)
        sh("ip", "-n", ns, "addr", "add", ip + "/24", "dev", ns + "0")
        sh("ip", "-n", ns, "link", "set", ns + "0", "up")
        sh("ip", "-n", ns, "link", "set", "lo", "up")


def bb_round(sock, bbd_pid, secs, cc, tmp):
    scen = {
        "wait_for_finish": 0,
        "ports": [
            {"name": "a", "port_group": ["a"], "interface": "bbi0",
             "ipv4": "10.88.0.1", "netmask": "255.255.255.0"},
            {"name": "b", "port_group": ["b"], "interface": "bbi1",
             "ipv4": "10.88.0.2", "netmask": "255.255.255.0"}],
        "flows": [{"name": "get", "type": "http", "http_method": "GET",
                   "source": {"port_group": ["a"]},
                   "destination": {"port_group": ["b"]},
                   "request_duration": secs, "tcp_congestion_control": cc}]}
    path = os.path.join(tmp, "bench.json")
    with open(path, "w") as f:
        json.dump(scen, f)
    c0 = cpu_s(bbd_pid)
    out = subprocess.run([BBCTL, "-j", "run", path, "--socket", sock],
                         capture_output=True, text=True)
    c1 = cpu_s(bbd_pid)
    rec = json.loads(out.stdout)
    res = rec["flows"][0]["results"]
    if res["status"] != "finished":
        sys.exit("bb flow did not finish: %s" % res.get("reason"))
    # bbd's CPU for the run includes making and removing the namespaces:
    # a cost iperf3 does not pay, so the ratio is, if anything, unfair to bb
    return res["goodput_bps"], res["rx_payload_bytes"], c1 - c0


def iperf_round(secs, cc, zerocopy):
    srv = subprocess.Popen(["ip", "netns", "exec", "ipb", "iperf3", "-s", "-1",
                            "-B", "10.88.0.12"], stdout=subprocess.DEVNULL)
    time.sleep(0.5)
    t0 = os.times()
    cli = subprocess.run(["ip", "netns", "exec", "ipa", "iperf3", "-c", "10.88.0.12",
                          "-t", str(secs), "-C", cc, "-J"] + (["-Z"] if zerocopy else []),
                         capture_output=True, text=True, check=True)
    srv.wait()
    t1 = os.times()
    # children's user + system: client, server and the two ip netns exec
    cpu = (t1.children_user - t0.children_user) + (t1.children_system - t0.children_system)
    end = json.loads(cli.stdout)["end"]["sum_received"]
    return end["bits_per_second"], end["bytes"], cpu


def main():
    args = sys.argv[1:]
    secs = float(args[0]) if args else 5
    rounds = int(args[1]) if len(args) > 1 else 3
    cc = args[2] if len(args) > 2 else "cubic"
    setup()
    tmp = tempfile.mkdtemp()
    sock = os.path.join(tmp, "bbd.sock")
    bbd = subprocess.Popen([BBD, "--foreground", "--quiet", "--socket", sock])
    while not os.path.exists(sock):
        time.sleep(0.1)
    # iperf3 as it runs by default (copying), and with -Z (sendfile), the
    # fairer peer for bb's sendfile + MSG_TRUNC
    peers = {"iperf3": False, "iperf3 -Z": True}
    res = {p: ([], [], []) for p in peers}
    print("round  peer       bb Mbit/s  peer Mbit/s  ratio  bb CPU s/GB  peer CPU s/GB")
    for r in range(rounds):
        for p, z in peers.items():
            g, b, c = bb_round(sock, bbd.pid, secs, cc, tmp)
            ig, ib, ic = iperf_round(secs, cc, z)
            ratios, bb_cpu, ip_cpu = res[p]
            ratios.append(g / ig)
            bb_cpu.append(c / (b / 1e9))
            ip_cpu.append(ic / (ib / 1e9))
            print("%5d  %-9s  %9.1f  %11.1f  %5.3f  %11.3f  %13.3f" %
                  (r + 1, p, g / 1e6, ig / 1e6, ratios[-1], bb_cpu[-1], ip_cpu[-1]))
    bbd.terminate()
    bbd.wait()
    for p, (ratios, bb_cpu, ip_cpu) in res.items():
        print("%s: goodput bb/peer median %.3f, worst %.3f (target >= 0.95); "
              "CPU per GB bb/peer median %.3f, worst %.3f (target <= 1.1)" %
              (p, statistics.median(ratios), min(ratios),
               statistics.median(bb_cpu) / statistics.median(ip_cpu),
               max(b / i for b, i in zip(bb_cpu, ip_cpu))))


main()
