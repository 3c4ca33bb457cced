// SPDX-License-Identifier: GPL-2.0
/*
 * What a host CPU gives a sender, context for the benches' figures:
 *
 *   cpu-probe spin   ns a unit of ALU work (median of 15 chunks); run once
 *                    pinned to each host CPU, it shows a host whose CPUs run
 *                    at different speeds (seen here: one at a third of the
 *                    other's for minutes at a time).
 *
 * Prints one number, in ns. Build: cc -O2 -o cpu-probe cpu-probe.c
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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

int main(int argc, char **argv)
{
	const long n = 2000000;
	double ns[CHUNKS];

	if (argc != 2 || strcmp(argv[1], "spin")) {
		fprintf(stderr, "usage: cpu-probe spin\n");
		return 2;
	}
	for (int c = 0; c < CHUNKS; c++) {
		double t0 = now_ns();

		spin(n);
		ns[c] = (now_ns() - t0) / n;
	}
	qsort(ns, CHUNKS, sizeof(ns[0]), cmp_double);
	printf("%.2f\n", ns[CHUNKS / 2]);
	return 0;
}
