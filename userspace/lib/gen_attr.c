// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* Helpers of the bbgen reply decoders and request builders (gen_*.c). */
#include <string.h>

#include "gen_attr.h"

bool bb_gen_str(const struct nlattr *a, char *buf, size_t len)
{
	const char *s = bb_nla_str(a);

	if (!s || strlen(s) >= len)
		return false;
	strcpy(buf, s);
	return true;
}

struct nl_msg *bb_gen_id_msg(struct bb_genl *g, uint8_t cmd, bool dump,
			     int id_attr, uint32_t id)
{
	struct nl_msg *msg = bb_genl_msg(g, cmd, dump);

	if (msg && id && nla_put_u32(msg, id_attr, id) < 0) {
		nlmsg_free(msg);
		msg = NULL;
	}
	return msg;
}
