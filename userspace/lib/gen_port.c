// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* Port replies and notifications into struct bb_gen_port. */
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
