/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* What every harness shares: libFuzzer's entry points and the checks a
 * harness makes beyond "no crash". */
#ifndef BB_FUZZ_H
#define BB_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* An error bb prints must be one non-empty line: abort (a finding) if
 * not. */
static inline void fuzz_one_line(const char *what, const char *err)
{
	if (!*err || strchr(err, '\n') || strchr(err, '\r')) {
		fprintf(stderr, "%s: error is not one line: \"%s\"\n", what, err);
		abort();
	}
}

#endif
