# shellcheck shell=bash disable=SC2154
# Sourced by the bench wrappers (which set $top). On the host, bench_in_vm
# re-runs the calling bench inside one VM (scripts/vm-run), taking its
# --kver/--ko options; inside the VM (BB_VM set) it returns and the wrapper
# goes on to the bench itself.
#
# The guest boots with tsc=reliable unless BB_VM_APPEND is set (set it
# empty to boot as a plain guest): under TCG the 6.1 kernel's boot-time
# TSC sync check fails, and on either kernel the clocksource watchdog may
# find the TSC skewed against HPET while the host is busy and switch to
# HPET mid-run (seen in tx-vs-pktgen on 6.12). Every clock read is then an
# emulated MMIO access under qemu's one big lock: no real x86 machine
# keeps time that way, and two vCPUs that read the clock serialise on it.
#
# Usage: bench_in_vm BENCH [VM-RUN OPTION]... -- "$@"
bench_in_vm() {
	[ -z "${BB_VM:-}" ] || return 0
	export BB_VM_APPEND=${BB_VM_APPEND-tsc=reliable}
	local bench=$1 vm_opts=() pick=()
	shift
	while [ "$1" != -- ]; do
		vm_opts+=("$1")
		shift
	done
	shift
	while [ $# -gt 0 ]; do
		case $1 in
		--kver | --ko) pick+=("$1" "$2"); shift 2 ;;
		*) break ;;
		esac
	done
	# the YNL library comes from the kernel tree, which the read-only guest
	# cannot unpack
	"$top/scripts/linux-source" > /dev/null
	exec "$top/scripts/vm-run" "${pick[@]}" "${vm_opts[@]}" -- "$bench" "$@"
}

# bench_cpu_probe: build bench/cpu-probe.c into build/bench (when newer) and
# print its path; the guest runs the same binary off the host's root.
bench_cpu_probe() {
	local src=$top/bench/cpu-probe.c bin=$top/build/bench/cpu-probe
	if [ ! -x "$bin" ] || [ "$src" -nt "$bin" ]; then
		mkdir -p "${bin%/*}"
		cc -O2 -Wall -Wextra -Werror -o "$bin" "$src" >&2 || return 1
	fi
	echo "$bin"
}

# bench_host_cores PROBE: ns a unit of ALU work on each host CPU, alone and
# pinned, comma-separated in CPU order
bench_host_cores() {
	local cpu out=()
	for ((cpu = 0; cpu < $(nproc); cpu++)); do
		out+=("$(taskset -c "$cpu" "$1" spin)") || return 1
	done
	(IFS=,; echo "${out[*]}")
}
