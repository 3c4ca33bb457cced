/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Write a file so that readers see the old contents or the new, never a
 * half-written one: a temporary file in the same directory (rename() is
 * atomic only within one file system), written, fsync()ed, renamed over
 * the target.
 */
#ifndef BB_ATOMIC_FILE_H
#define BB_ATOMIC_FILE_H

#include <stdio.h>

/*
 * Call @write(f, arg) on a temporary file next to @path, then put it in
 * place. @write returns 0 or -errno; on any failure the temporary file
 * is removed, @path is untouched and -errno is returned. The file gets
 * mode 0644 (before umask).
 */
int bb_atomic_write(const char *path, int (*write)(FILE *f, void *arg),
		    void *arg);

/* The same with @len bytes of @data as the contents. */
int bb_atomic_write_buf(const char *path, const void *data, size_t len);

/* mkdir -p of @path's directory, each new level with @mode (a fresh box
 * has no /var/lib/bb); what exists already is left as it is. */
void bb_make_parents(const char *path, unsigned int mode);

#endif
