// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* The DHCPv6 message reader: whatever arrives on UDP port 546 of a port
 * with ipv6 "dhcp" goes through bb_dhcp6_parse(). */
#include "dhcp6.h"
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct bb_dhcp6_in m;
	char err[256] = "", b[16];

	memset(&m, 0xa5, sizeof(m));	/* nothing may be read unset */
	if (bb_dhcp6_parse(data, size, &m, err, sizeof(err))) {
		fuzz_one_line("dhcp6", err);
		return 0;
	}
	if (!memchr(m.message, '\0', sizeof(m.message)) ||
	    (m.type != BB_DHCP6_ADVERTISE && m.type != BB_DHCP6_REPLY))
		abort();
	if (!m.server.len || m.server.len > BB_DHCP6_DUID_MAX ||
	    !m.client.len || m.client.len > BB_DHCP6_DUID_MAX || m.xid > 0xffffff)
		abort();
	if (m.has_addr && (!m.valid_s || m.preferred_s > m.valid_s))
		abort();
	if (!bb_dhcp6_status_name(m.status, b, sizeof(b)))
		abort();
	return 0;
}
