// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* Port replies and notifications into struct bb_gen_port; PORT_GET. */
#include <errno.h>
#include <string.h>

#include <linux/bbgen.h>

#include "gen_attr.h"
#include "gen_port.h"

int bb_gen_port_decode(const struct bb_reply *r, struct bb_gen_port *p)
{
	struct nlattr **tb = r->tb;

	memset(p, 0, sizeof(*p));
	GEN_U32(tb, BBGEN_A_PORT_IFINDEX, p, ifindex);
	p->present.dev = bb_gen_str(tb[BBGEN_A_PORT_DEV], p->dev,
				    sizeof(p->dev));
	GEN_U32(tb, BBGEN_A_PORT_STREAMS, p, streams);
	GEN_U32(tb, BBGEN_A_PORT_TRIGGERS, p, triggers);
	GEN_U32(tb, BBGEN_A_PORT_TIMESTAMPING, p, timestamping);
	return p->present.ifindex || p->present.dev ? 0 : -EPROTO;
}

struct nl_msg *bb_gen_port_get_msg(struct bb_genl *g, uint32_t ifindex)
{
	return bb_gen_id_msg(g, BBGEN_CMD_PORT_GET, !ifindex,
			     BBGEN_A_PORT_IFINDEX, ifindex);
}
