// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* The first line of a small file (file_line.h). */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "file_line.h"

int bb_read_line(const char *path, char *buf, size_t len)
{
	FILE *f = fopen(path, "re");
	int ret = 0;

	buf[0] = '\0';
	if (!f)
		return -errno;
	if (fgets(buf, (int)len, f))
		buf[strcspn(buf, "\n")] = '\0';
	else
		ret = ferror(f) ? -EIO : 0;
	fclose(f);
	return ret;
}
