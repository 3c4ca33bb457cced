// SPDX-License-Identifier: GPL-2.0
/*
 * What a CPU gives a sender, for the benches' two-CPU figures:
 *
 *   cpu-probe spin   ns a unit of ALU work (median of 15 chunks): run once
 *                    pinned to each host CPU, it shows a host whose cores
 *                    run at different speeds (seen: one at a third of the
 *                    other for minutes), on which no sender scales 2x;
 *   cpu-probe tsc    ns a TSC read, back to back (median of 15 chunks): run
 *                    on one vCPU and then on two at once inside the VM, it
 *                    shows what qemu TCG charges a clock read while another
 *                    vCPU reads too (every guest TSC read takes one lock of
 *                    the whole VM there), which time-tagged streams pay.
 *
 * Prints one number, in ns. Build: cc -O2 -o cpu-probe cpu-probe.c
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#if defined(__x86_64__) || defined(__i386__)
#include <x86intrin.h>
#define HAVE_TSC 1
#endif

#define CHUNKS	15

static double now_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC_RAW, &t);
	return t.tv_sec * 1e9 + t.tv_nsec;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* @n units of ALU work the compiler cannot fold away */
static void spin(long n)
{
	volatile unsigned long acc = 0;

	for (long i = 0; i < n; i++)
		acc += (unsigned long)i;
}

#ifdef HAVE_TSC
static void tsc(long n)
{
	volatile unsigned long long acc = 0;

	for (long i = 0; i < n; i++)
		acc += __rdtsc();
}
#endif

int main(int argc, char **argv)
{
	void (*work)(long) = NULL;
	double ns[CHUNKS];
	long n = 0;

	if (argc == 2 && !strcmp(argv[1], "spin")) {
		work = spin;
		n = 2000000;
	}
#ifdef HAVE_TSC
	if (argc == 2 && !strcmp(argv[1], "tsc")) {
		work = tsc;
		n = 200000;
	}
#endif
	if (!work) {
		fprintf(stderr, "usage: cpu-probe spin|tsc (tsc on x86 only)\n");
		return 2;
	}
	for (int c = 0; c < CHUNKS; c++) {
		double t0 = now_ns();

		work(n);
		ns[c] = (now_ns() - t0) / n;
	}
	qsort(ns, CHUNKS, sizeof(ns[0]), cmp_double);
	printf("%.2f\n", ns[CHUNKS / 2]);
	return 0;
}
