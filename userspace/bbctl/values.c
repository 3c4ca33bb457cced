// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* Value parsers shared by the stream, trigger and port commands: each
 * prints its own one-line error and returns EXIT_USAGE. */
#include <errno.h>
#include <inttypes.h>
#include <string.h>

#include <linux/bbgen.h>

#include "bbctl.h"
#include "decimal.h"
#include "frame.h"
#include "parse.h"

int arg_uint(const char *field, const char *s, uint64_t min, uint64_t max,
	     uint64_t *v)
{
	if (bb_parse_u64(s, min, max, v))
		return usage_err("%s: must be an integer from %" PRIu64 " to %" PRIu64 " (got \"%s\")",
				 field, min, max, s);
	return 0;
}

int arg_on_off(const char *field, const char *s, bool *on)
{
	if (strcmp(s, "on") && strcmp(s, "off"))
		return usage_err("%s: must be on or off (got \"%s\")", field, s);
	*on = !strcmp(s, "on");
	return 0;
}

int arg_seconds(const char *field, const char *s, bool zero_ok, uint64_t *ns)
{
	struct bb_dec d;
	int ret = bb_dec_parse(s, &d);

	if (!ret && (zero_ok || !bb_dec_is_zero(&d)))
		ret = bb_dec_sec_to_ns(&d, ns);
	else if (!ret)
		ret = -EINVAL;
	if (ret == -EINVAL)
		return usage_err("%s: must be a number of seconds %s (got \"%s\")",
				 field, zero_ok ? ">= 0" : "> 0", s);
	if (ret == -EDOM)
		return usage_err("%s: must be a whole number of nanoseconds, at most 9 decimals (got \"%s\")",
				 field, s);
	if (ret)
		return usage_err("%s: must be at most 18446744073 seconds (got \"%s\")",
				 field, s);
	return 0;
}

/* One decimal field of ID[:PCP[:DEI]] at *s, up to max. Returns 1 if a
 * ':' and another field follow, 0 at the end, -EINVAL otherwise. */
static int vlan_field(const char **s, unsigned int max, unsigned int *v)
{
	const char *p = *s;

	*v = 0;
	if (*p < '0' || *p > '9')
		return -EINVAL;
	for (; *p >= '0' && *p <= '9'; p++)
		if ((*v = *v * 10 + (unsigned int)(*p - '0')) > max)
			return -EINVAL;
	*s = p + (*p == ':');
	return *p == ':' ? 1 : *p ? -EINVAL : 0;
}

int arg_vlan_tag(const char *s, struct bb_vlan *v)
{
	static const unsigned int max[3] = { BB_VLAN_ID_MAX, 7, 1 };
	unsigned int f[3] = { 0, 0, 0 };
	const char *p = s;
	int i, ret = 1;

	for (i = 0; i < 3 && ret == 1; i++)
		ret = vlan_field(&p, max[i], &f[i]);
	if (ret)
		return usage_err("vlan: must be ID[:PCP[:DEI]], ID 0 to 4094, PCP 0 to 7, DEI 0 or 1 (got \"%s\")",
				 s);
	v->tpid = BB_TPID_8021Q;
	v->id = (uint16_t)f[0];
	v->pcp = (uint8_t)f[1];
	v->dei = (uint8_t)f[2];
	return 0;
}

int arg_tpid(const char *s, uint16_t *tpid)
{
	static const uint16_t ok[] = {
		BB_TPID_8021Q, BB_TPID_8021AD, BB_TPID_QINQ,
	};
	char want[8];
	size_t i;

	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		snprintf(want, sizeof(want), "0x%04x", ok[i]);
		if (!strcmp(s, want)) {
			*tpid = ok[i];
			return 0;
		}
	}
	return usage_err("tpid: must be 0x8100, 0x88a8 or 0x9100 (got \"%s\")",
			 s);
}

static bool listed(const uint32_t *ids, unsigned int n, uint32_t id)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (ids[i] == id)
			return true;
	return false;
}

int arg_id_list(const char *s, uint32_t *ids, unsigned int max,
		unsigned int *n)
{
	const char *p = s, *comma;
	char buf[64];
	int ret;

	for (*n = 0;; p = comma + 1) {
		comma = strchr(p, ',');
		snprintf(buf, sizeof(buf), "%.*s",
			 (int)(comma ? (size_t)(comma - p) : strlen(p)), p);
		ret = arg_id(buf, &ids[*n]);
		if (ret)
			return ret;
		if (listed(ids, *n, ids[*n]))
			return usage_err("id: %u is listed twice (each id once)",
					 ids[*n]);
		if (++*n == max && comma)
			return usage_err("id: must list at most %u ids", max);
		if (!comma)
			return 0;
	}
}
