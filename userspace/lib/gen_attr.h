/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Shared by the bbgen reply decoders (gen_*.c): read attribute @attr of
 * tb into field @f of struct @s and set its presence bit. An attribute of
 * the wrong length is not read and leaves the bit clear, as if absent.
 */
#ifndef BB_GEN_ATTR_H
#define BB_GEN_ATTR_H

#include <stddef.h>
#include <stdint.h>

#include "genl.h"

#define GEN_U16(tb, attr, s, f) \
	((s)->present.f = bb_nla_u16((tb)[attr], &(s)->f))
#define GEN_U32(tb, attr, s, f) \
	((s)->present.f = bb_nla_u32((tb)[attr], &(s)->f))
#define GEN_U64(tb, attr, s, f) \
	((s)->present.f = bb_nla_u64((tb)[attr], &(s)->f))

/* A string attribute into buf[len]: false if absent, unterminated or too
 * long for buf. */
bool bb_gen_str(const struct nlattr *a, char *buf, size_t len);
/* A request of cmd carrying u32 attribute id_attr = id (when id is not 0);
 * NULL if out of memory. */
struct nl_msg *bb_gen_id_msg(struct bb_genl *g, uint8_t cmd, bool dump,
			     int id_attr, uint32_t id);

#endif
