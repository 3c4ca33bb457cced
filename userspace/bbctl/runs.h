/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* bbctl's archive commands (runs.c, report.c): shared parts. */
#ifndef BBCTL_RUNS_H
#define BBCTL_RUNS_H

#include <stdbool.h>

#include <jansson.h>

#include "archive.h"

/* What an archive command's command line may hold. */
struct runs_args {
	const char *archive;	/* archive, else BB_ARCHIVE_DEFAULT */
	const char *pos;	/* RUN or FILE */
	const char *format;	/* report: format */
	const char *out;	/* report: out */
	bool json;		/* bbctl -j */
};

/* A failure that is no usage error: prints "bbctl: <what>: <msg>" and
 * returns -1 (the command then exits 1 without the usage). */
int runs_fail(const char *what, const char *msg);

/* archive DB, and format/out (both required) only if @report; one
 * positional argument, named @want in messages (NULL: none allowed).
 * 0 or EXIT_USAGE. */
int runs_parse(const char *what, const char *want, bool report, int argc,
	       char **argv, struct runs_args *a);
/* RUN as a positive id; 0 or EXIT_USAGE. */
int runs_id(const char *what, const char *s, long long *id);
/* The archive (created only if @create), or NULL after runs_fail(). */
struct bb_archive *runs_open(const char *what, const char *path, bool create);
/* The stored record of run @id, or NULL after runs_fail(). */
json_t *runs_load(const char *what, const struct runs_args *a, long long id);

#endif
