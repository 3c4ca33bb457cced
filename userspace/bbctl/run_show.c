// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* bbctl run's screen: progress redrawn in place on a terminal, then the
 * flows as record_show.c renders every record, the report paths and the
 * verdict. */
#include <stdio.h>

#include "record_show.h"
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

void run_show_result(json_t *rec, json_t *reports, int code)
{
	json_t *f;
	size_t i;

	record_show_flows(rec);
	json_array_foreach(reports, i, f)
		printf("report: %s\n", json_string_value(f));
	/* the verdict, and what the exit status will say, in words */
	printf("%s%s: %s (exit %d)\n", json_string_value(json_object_get(rec, "verdict")),
	       json_is_true(json_object_get(json_object_get(rec, "run"),
					    "interrupted")) ? " (interrupted)" : "",
	       bbd_exit_meaning(code), code);
}
