// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* Temp file + fsync + rename: a report is either all there or absent. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic_file.h"

/* "<path>.XXXXXX": mkstemp() picks a name nobody else is writing. */
static char *temp_name(const char *path)
{
	size_t n = strlen(path);
	char *t = malloc(n + 8);

	if (t) {
		memcpy(t, path, n);
		memcpy(t + n, ".XXXXXX", 8);
	}
	return t;
}

/* Write, flush and fsync: after rename() the data must already be on
 * disk, or a crash could leave an empty file under the final name. */
static int fill(int fd, int (*write)(FILE *f, void *arg), void *arg)
{
	FILE *f = fdopen(fd, "w");
	int err;

	if (!f) {
		err = -errno;
		close(fd);
		return err;
	}
	err = write(f, arg);
	if (!err && (fflush(f) || ferror(f)))
		err = -(errno ? errno : EIO);
	if (!err && fsync(fileno(f)))
		err = -errno;
	if (fclose(f) && !err)
		err = -(errno ? errno : EIO);
	return err;
}

/* mkstemp() makes the file 0600; a report is for everyone to read, as a
 * file made by fopen() would be. (Reading the umask sets it back at once;
 * bb's programs are single-threaded.) */
static int make_readable(int fd)
{
	mode_t mask = umask(0);

	umask(mask);
	return fchmod(fd, 0644 & ~mask) ? -errno : 0;
}

int bb_atomic_write(const char *path, int (*write)(FILE *f, void *arg),
		    void *arg)
{
	char *tmp = temp_name(path);
	int fd, err;

	if (!tmp)
		return -ENOMEM;
	fd = mkstemp(tmp);
	if (fd < 0) {
		err = -errno;
		free(tmp);
		return err;
	}
	err = make_readable(fd);
	if (err)
		close(fd);
	else
		err = fill(fd, write, arg);	/* closes fd */
	if (!err && rename(tmp, path))
		err = -errno;
	if (err)
		unlink(tmp);
	free(tmp);
	return err;
}

struct buf {
	const void *data;
	size_t len;
};

static int write_buf(FILE *f, void *arg)
{
	const struct buf *b = arg;

	return fwrite(b->data, 1, b->len, f) == b->len ? 0 : -EIO;
}

int bb_atomic_write_buf(const char *path, const void *data, size_t len)
{
	struct buf b = { data, len };

	return bb_atomic_write(path, write_buf, &b);
}

void bb_make_parents(const char *path, unsigned int mode)
{
	char buf[4096], *p;

	snprintf(buf, sizeof(buf), "%s", path);
	for (p = buf + 1; (p = strchr(p, '/')); p++) {
		*p = '\0';
		mkdir(buf, (mode_t)mode);
		*p = '/';
	}
}
