/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* What becomes of a finished run's record: the archive and reports. */
#ifndef BBD_OUTPUTS_H
#define BBD_OUTPUTS_H

#include <jansson.h>

#include "server.h"

/* Store the record in the archive (if any); sets record's run.id and
 * returns it, or 0 without archive or on failure (logged). */
long long bbd_outputs_store(const struct bbd_options *o, json_t *record,
			    json_t *run_options);
/* Write the reports that run_options ("report_dir", "formats") or bbd's
 * --report-dir ask for; the paths written, as a new JSON array. */
json_t *bbd_outputs_reports(const struct bbd_options *o, json_t *record,
			    json_t *run_options);

#endif
