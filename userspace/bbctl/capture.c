// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * bbctl capture dev IFNAME [netns NAME] [filter BPF] [snaplen N]
 *	[count N | duration SECS] [max-bytes BYTES] [promisc on|off] -w FILE
 * A libpcap capture into a pcap file with nanosecond timestamps
 * (lib/capture.h), in a named network namespace if asked (bbd's ports
 * live in their own). "-w -" writes the pcap to standard output for
 * "| tshark -r -"; the summary then goes to standard error. Drops are
 * printed, never hidden.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bbctl.h"
#include "capture.h"
#include "print.h"

#define SNAPLEN_MAX	262144u

enum { A_DEV, A_NETNS, A_FILTER, A_SNAPLEN, A_COUNT, A_DURATION, A_MAXBYTES,
       A_PROMISC, A_FILE, A_N };

static volatile sig_atomic_t stop_sig;

static void on_signal(int sig)
{
	stop_sig = sig;
}

static uint64_t mono_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static int parse(int argc, char **argv, const char **v,
		 struct bb_capture_cfg *cfg, uint64_t *dur_ns)
{
	static const struct arg_spec spec[] = {
		ARG("dev", "IFNAME", true), ARG("netns", "NAME", false),
		ARG("filter", "BPF", false), ARG("snaplen", "BYTES", false),
		ARG("count", "N", false), ARG("duration", "SECS", false),
		ARG("max-bytes", "BYTES", false), ARG("promisc", "on|off", false),
		ARG("-w", "FILE", true), { 0 },
	};
	uint64_t n;
	int ret = args_collect("capture", argc, argv, spec, v);

	if (ret)
		return ret;
	cfg->dev = v[A_DEV];
	cfg->filter = v[A_FILTER];
	if (v[A_COUNT] && v[A_DURATION])
		return usage_err("duration: cannot be used with count (give one of count N, duration SECS)");
	if (v[A_SNAPLEN] && (ret = arg_uint("snaplen", v[A_SNAPLEN],
					    BB_CAPTURE_SNAPLEN_MIN, SNAPLEN_MAX, &n)))
		return ret;
	cfg->snaplen = v[A_SNAPLEN] ? (unsigned int)n : 0;
	if (v[A_COUNT] && (ret = arg_uint("count", v[A_COUNT], 1, UINT64_MAX,
					  &cfg->max_frames)))
		return ret;
	if (v[A_DURATION] && (ret = arg_seconds("duration", v[A_DURATION], false, dur_ns)))
		return ret;
	if (v[A_MAXBYTES] && (ret = arg_uint("max-bytes", v[A_MAXBYTES],
					     BB_CAPTURE_FILE_HDR, UINT64_MAX, &cfg->max_bytes)))
		return ret;
	cfg->promisc = true;
	if (v[A_PROMISC] && (ret = arg_on_off("promisc", v[A_PROMISC], &cfg->promisc)))
		return ret;
	if (!*v[A_FILE])
		return usage_err("-w: missing value (expected FILE, or - for standard output)");
	return 0;
}

/* Until a limit, the duration or a signal; 0 or EXIT_KERNEL. */
static int capture_loop(struct bb_capture *c, uint64_t dur_ns)
{
	struct pollfd p = { .fd = bb_capture_fd(c), .events = POLLIN };
	uint64_t end = dur_ns ? mono_ns() + dur_ns : 0, now;
	char err[BB_CAPTURE_ERR_MAX];
	int ret = 0, wait;

	while (!stop_sig && !ret) {
		now = mono_ns();
		if (end && now >= end)
			break;
		wait = end ? (int)((end - now) / 1000000 + 1) : -1;
		if (wait > 200 || wait < 0)
			wait = 200;	/* recheck the clock and signals */
		if (poll(&p, 1, wait) < 0 && errno != EINTR)
			break;
		ret = bb_capture_read(c, err, sizeof(err));
	}
	if (ret < 0) {
		fprintf(stderr, "bbctl: capture: %s\n", err);
		return EXIT_KERNEL;
	}
	return 0;
}

static void print_summary(const struct bb_capture_cfg *cfg, const char *file,
			  const struct bb_capture_stats *st)
{
	pr_open_object();
	pr_string(PR_ANY, "dev", "capture dev %s", cfg->dev);
	pr_string(PR_ANY, "file", "file %s", file);
	pr_u64(PR_ANY, "frames", "frames %llu", st->frames);
	pr_u64(PR_ANY, "file_bytes", "bytes %llu", st->file_bytes);
	pr_u64(PR_ANY, "dropped", "dropped %llu", st->dropped);
	pr_u64(PR_ANY, "if_dropped", "if-dropped %llu", st->if_dropped);
	pr_bool(PR_ANY, "limited", "limited %s", st->limited);
	pr_string(PR_ANY, "timestamps", "timestamps %s",
		  st->adapter_stamps ? "adapter" : "host");
	pr_string(PR_TEXT, NULL, "%s", "\n");
	pr_close_object();
	pr_flush();
}

static void catch_signals(void)
{
	struct sigaction sa = { .sa_handler = on_signal };

	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);	/* a closed pipe is a write error */
}

static int cmd_capture(int argc, char **argv)
{
	const char *v[A_N + 1] = { 0 };
	struct bb_capture_cfg cfg = { 0 };
	struct bb_capture_stats st;
	struct bb_capture c;
	uint64_t dur_ns = 0;
	char err[BB_CAPTURE_ERR_MAX];
	int ret = parse(argc, argv, v, &cfg, &dur_ns);

	if (!ret && v[A_NETNS])
		ret = netns_enter("netns", v[A_NETNS]);
	if (ret)
		return ret;
	if (bb_capture_open(&c, &cfg, v[A_FILE], err, sizeof(err))) {
		fprintf(stderr, "bbctl: capture: %s\n", err);
		return EXIT_KERNEL;
	}
	catch_signals();
	/* scripts wait for this line, as for tcpdump's */
	fprintf(stderr, "capture: listening on %s, snaplen %u%s%s\n", cfg.dev,
		cfg.snaplen ? cfg.snaplen : BB_CAPTURE_SNAPLEN_DFLT,
		cfg.filter ? ", filter " : "", cfg.filter ? cfg.filter : "");
	ret = capture_loop(&c, dur_ns);
	bb_capture_stats(&c, &st);
	bb_capture_close(&c);
	if (!strcmp(v[A_FILE], "-"))
		pr_init(stderr, pr_is_json(), false);
	print_summary(&cfg, v[A_FILE], &st);
	if (st.dropped || st.if_dropped)
		fprintf(stderr, "bbctl: capture: %llu frames dropped by the kernel, %llu by the interface: the file misses them\n",
			(unsigned long long)st.dropped, (unsigned long long)st.if_dropped);
	return ret;
}

const struct object capture_object = {
	.name = "capture",
	.direct = cmd_capture,
	.usage = "bbctl capture dev IFNAME [netns NAME] [filter BPF] [snaplen BYTES]\n"
		 "                     [count N | duration SECS] [max-bytes BYTES]\n"
		 "                     [promisc on|off] -w FILE|-\n",
};
