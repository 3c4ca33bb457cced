// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* bbctl run's screen: progress redrawn in place on a terminal, then the
 * verdict with each analyser's reason and the report paths. */
#include <stdio.h>

#include "run.h"

static unsigned int drawn;	/* progress lines on screen */

void run_show_progress(json_t *ev, bool tty)
{
	json_t *flows = json_object_get(ev, "flows"), *f;
	size_t i;

	if (!tty)
		return;
	if (drawn)
		printf("\033[%uA", drawn);
	json_array_foreach(flows, i, f) {
		if (json_object_get(f, "goodput_bps")) {	/* an http flow */
			printf("\033[K%-24s %7.1f s  %-9s goodput %9.3f Mbit/s  rtt %7.2f ms  bytes %lld\n",
			       json_string_value(json_object_get(f, "flow")),
			       json_number_value(json_object_get(f, "elapsed_s")),
			       json_string_value(json_object_get(f, "state")),
			       json_number_value(json_object_get(f, "goodput_bps")) / 1e6,
			       json_number_value(json_object_get(f, "rtt_ms")),
			       json_integer_value(json_object_get(f, "rx")));
			continue;
		}
		printf("\033[K%-24s %7.1f/%.1f s  tx %-10lld rx %-10lld loss %lld\n",
		       json_string_value(json_object_get(f, "flow")),
		       json_number_value(json_object_get(f, "elapsed_s")),
		       json_number_value(json_object_get(f, "total_s")),
		       json_integer_value(json_object_get(f, "tx")),
		       json_integer_value(json_object_get(f, "rx")),
		       json_integer_value(json_object_get(f, "loss")));
	}
	drawn = (unsigned int)json_array_size(flows);
	fflush(stdout);
}

static void show_flow(json_t *f)
{
	json_t *res = json_object_get(f, "results"), *an, *mos;
	size_t i;

	if (json_object_get(res, "segments")) {	/* a video flow */
		printf("%s (%s -> %s): video %s, %lld segments, %lld stalls\n",
		       json_string_value(json_object_get(f, "name")),
		       json_string_value(json_object_get(f, "source")),
		       json_string_value(json_object_get(f, "destination")),
		       json_string_value(json_object_get(res, "status")),
		       json_integer_value(json_object_get(res, "segments")),
		       json_integer_value(json_object_get(res, "stalls")));
		goto analysers;
	}
	if (json_object_get(res, "http_method")) {
		printf("%s (%s -> %s): %s %s, %lld bytes, goodput %.3f Mbit/s\n",
		       json_string_value(json_object_get(f, "name")),
		       json_string_value(json_object_get(f, "source")),
		       json_string_value(json_object_get(f, "destination")),
		       json_string_value(json_object_get(res, "http_method")),
		       json_string_value(json_object_get(res, "status")),
		       json_integer_value(json_object_get(res, "rx_payload_bytes")),
		       json_number_value(json_object_get(res, "goodput_bps")) / 1e6);
		goto analysers;
	}
	printf("%s (%s -> %s): tx %lld rx %lld lost %lld",
	       json_string_value(json_object_get(f, "name")),
	       json_string_value(json_object_get(f, "source")),
	       json_string_value(json_object_get(f, "destination")),
	       json_integer_value(json_object_get(res, "tx_frames")),
	       json_integer_value(json_object_get(res, "rx_frames")),
	       json_integer_value(json_object_get(res, "lost_frames")));
	mos = json_object_get(res, "mos");
	if (json_is_number(mos))
		printf(" MOS %.2f", json_number_value(mos));
	putchar('\n');
analysers:
	json_array_foreach(json_object_get(f, "analysers"), i, an)
		printf("  %-4s %s: %s\n",
		       json_string_value(json_object_get(an, "verdict")),
		       json_string_value(json_object_get(an, "type")),
		       json_string_value(json_object_get(an, "reason")));
}

void run_show_result(json_t *rec, json_t *reports, int code)
{
	json_t *f;
	size_t i;

	json_array_foreach(json_object_get(rec, "flows"), i, f)
		show_flow(f);
	json_array_foreach(reports, i, f)
		printf("report: %s\n", json_string_value(f));
	/* the verdict, and what the exit status will say, in words */
	printf("%s%s: %s (exit %d)\n", json_string_value(json_object_get(rec, "verdict")),
	       json_is_true(json_object_get(json_object_get(rec, "run"),
					    "interrupted")) ? " (interrupted)" : "",
	       bbd_exit_meaning(code), code);
}
