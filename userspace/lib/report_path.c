// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* Report file names that stay inside their directory (report_path.h). */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "report_path.h"

static bool name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '+' ||
	       c == '-';
}

void bb_report_name(char *buf, const char *name)
{
	size_t i;

	for (i = 0; name && name[i] && i < BB_REPORT_NAME_MAX; i++)
		buf[i] = name_char(name[i]) ? name[i] : '_';
	buf[i] = '\0';
	if (buf[0] == '.')
		buf[0] = '_';
	if (!buf[0])
		snprintf(buf, BB_REPORT_NAME_MAX + 1, "run");
}

/* RFC 3339 without its '-', ':' and '.' */
static void compact(char *stamp, size_t len, const char *started)
{
	size_t i, n = 0;

	for (i = 0; started && started[i] && n + 1 < len; i++)
		if (started[i] != '-' && started[i] != ':' && started[i] != '.')
			stamp[n++] = started[i];
	stamp[n] = '\0';
}

int bb_report_path(char *buf, size_t len, const char *dir, const char *name,
		   const char *started, enum bb_report_format f)
{
	char clean[BB_REPORT_NAME_MAX + 1], stamp[32];
	int ret;

	compact(stamp, sizeof(stamp), started);
	bb_report_name(clean, name);
	ret = snprintf(buf, len, "%s/%s-%s.%s", dir, clean, stamp,
		       bb_report_format_ext(f));
	return ret < 0 || (size_t)ret >= len ? -ENAMETOOLONG : 0;
}

int bb_capture_file_path(char *buf, size_t len, const char *dir, const char *name,
			 const char *started, const char *port)
{
	char clean[BB_REPORT_NAME_MAX + 1], cport[BB_REPORT_NAME_MAX + 1], stamp[32];
	int ret;

	compact(stamp, sizeof(stamp), started);
	bb_report_name(clean, name);
	bb_report_name(cport, port);
	ret = snprintf(buf, len, "%s/%s-%s-%s.pcap", dir, clean, stamp, cport);
	return ret < 0 || (size_t)ret >= len ? -ENAMETOOLONG : 0;
}
