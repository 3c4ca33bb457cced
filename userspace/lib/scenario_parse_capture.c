// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * A port's "capture": {"filter": BPF, "snaplen": N, "max_bytes": N}. The
 * filter is compiled here, against Ethernet, so a bad one is libpcap's
 * own error line from bbctl scenario check and before any port is made.
 */
#include <stdio.h>
#include <string.h>

#include "capture.h"
#include "scenario_int.h"

static const char *const capture_keys[] = { "filter", "snaplen", "max_bytes", NULL };

static int filter(struct sc_ctx *c, json_t *o, const char *path,
		  struct bb_scenario_capture *cap)
{
	char err[BB_CAPTURE_ERR_MAX];
	int ret = sc_string(c, o, path, "filter", false, cap->filter, sizeof(cap->filter));

	if (ret == 1)
		return 0;	/* every frame */
	if (!ret)
		ret = sc_printable(c, path, "filter", cap->filter);
	if (!ret && bb_capture_check_filter(cap->filter, cap->snaplen, err, sizeof(err)))
		return sc_fail_key(c, path, "filter", "%s", err);
	return ret;
}

int sc_parse_capture(struct sc_ctx *c, json_t *o, const char *path,
		     struct bb_scenario_capture *cap)
{
	static const uint64_t snap0 = BB_CAPTURE_SNAPLEN_DFLT,
			      bytes0 = BB_SCENARIO_CAPTURE_BYTES;
	char cpath[SC_PATH_MAX];
	uint64_t snap, bytes;
	json_t *co;
	int ret = sc_object(c, o, path, "capture", false, &co);

	if (ret == 1)
		return 0;
	if (ret)
		return ret;
	sc_path(cpath, "%s.capture", path);
	ret = sc_check_object(c, co, cpath, "a capture", capture_keys);
	if (!ret)
		ret = sc_uint(c, co, cpath, "snaplen", BB_CAPTURE_SNAPLEN_MIN,
			      BB_CAPTURE_SNAPLEN_DFLT, &snap0, &snap);
	if (!ret)
		ret = sc_uint(c, co, cpath, "max_bytes", 1024, UINT64_MAX / 2, &bytes0, &bytes);
	if (ret)
		return ret;
	cap->on = true;
	cap->snaplen = (unsigned int)snap;
	cap->max_bytes = bytes;
	return filter(c, co, cpath, cap);
}
