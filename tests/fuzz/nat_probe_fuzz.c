// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* The NAT discovery probe reader: every frame a public-side port's
 * capture passes to bbd goes through bb_nat_probe_frame(). */
#include "nat_probe.h"
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct bb_nat_seen s;
	char err[256] = "";

	memset(&s, 0xa5, sizeof(s));	/* nothing may be read unset */
	if (bb_nat_probe_frame(data, size, &s, err, sizeof(err))) {
		fuzz_one_line("nat_probe", err);
		return 0;
	}
	if (s.token.kind != BB_NAT_PROBE_DISCOVER && s.token.kind != BB_NAT_PROBE_SECOND)
		abort();
	/* a probe read is at least Ethernet + IPv4 + UDP + payload */
	if (size < 14 + 20 + 8 + BB_NAT_PROBE_LEN)
		abort();
	return 0;
}
