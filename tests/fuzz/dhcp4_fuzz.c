// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* The DHCP message reader: whatever arrives on UDP port 68 of a port with
 * ipv4 "dhcp" goes through bb_dhcp_parse(). */
#include "dhcp4.h"
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct bb_dhcp_in m;
	char err[256] = "";

	memset(&m, 0xa5, sizeof(m));	/* nothing may be read unset */
	if (bb_dhcp_parse(data, size, &m, err, sizeof(err))) {
		fuzz_one_line("dhcp", err);
		return 0;
	}
	if (!memchr(m.message, '\0', sizeof(m.message)) || !bb_dhcp_type_name(m.type))
		abort();
	if (m.has_mask && m.prefix > 32)
		abort();
	return 0;
}
