/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * A bbgen port as the kernel reports it: PORT_GET replies (do and dump)
 * and PORT_GONE notifications, decoded once into a struct. Attributes:
 * include/uapi/linux/bbgen.h.
 */
#ifndef BB_GEN_PORT_H
#define BB_GEN_PORT_H

#include <net/if.h>
#include <stdint.h>

#include "genl.h"

struct bb_gen_port {
	struct {
		unsigned int ifindex:1;
		unsigned int dev:1;
		unsigned int streams:1;
		unsigned int triggers:1;
		unsigned int timestamping:1;
	} present;
	uint32_t ifindex;
	char dev[IF_NAMESIZE];
	uint32_t streams, triggers;
	uint32_t timestamping;		/* enum bbgen_timestamping */
};

/* Always fills p (cleared first); -EPROTO if it names no port. */
int bb_gen_port_decode(const struct bb_reply *r, struct bb_gen_port *p);
/* PORT_GET of the port on ifindex, or a dump of all when ifindex is 0. */
struct nl_msg *bb_gen_port_get_msg(struct bb_genl *g, uint32_t ifindex);

#endif
