// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The bbgen reply decoders (lib/gen_*.c): the input is a message's
 * attribute stream, parsed as bb_genl_talk parses a reply and given to
 * every decoder, as a reply of each object and as each notification.
 * Beyond "no crash": the loss events stay within their array, and a
 * decoded DEV is a terminated string.
 */
#include <linux/bbgen.h>

#include "fuzz.h"
#include "gen_history.h"
#include "gen_port.h"
#include "gen_stream.h"
#include "gen_trigger.h"

_Static_assert(BBGEN_A_TRIGGER_MAX >= BBGEN_A_STREAM_MAX &&
	       BBGEN_A_TRIGGER_MAX >= BBGEN_A_PORT_MAX,
	       "one attribute table holds every reply");

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

static void on_snapshot(const struct bb_gen_snapshot *s, void *arg)
{
	(void)arg;
	if (!s->present.index && s->index)
		abort();
}

static void on_bucket(const struct bb_gen_bucket *b, void *arg)
{
	(void)arg;
	if (!b->present.count && b->count)
		abort();
}

static void decode_all(const struct bb_reply *r)
{
	static struct bb_gen_trigger t;
	struct bb_gen_snapshot s;
	struct bb_gen_history h;
	struct bb_gen_stream st;
	struct bb_gen_port p;

	bb_gen_trigger_decode(r, &t);
	if (t.n_loss_events > BBGEN_LOSS_EVENTS_MAX ||
	    !memchr(t.dev, '\0', sizeof(t.dev)))
		abort();
	bb_gen_stream_decode(r, &st);
	if (!memchr(st.dev, '\0', sizeof(st.dev)))
		abort();
	bb_gen_port_decode(r, &p);
	if (!memchr(p.dev, '\0', sizeof(p.dev)))
		abort();
	bb_gen_history_decode(r, &h, on_snapshot, NULL);
	bb_gen_histogram_decode(r, NULL, on_bucket, NULL);
	bb_gen_snapshot_ntf_decode(r, &h, &s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nlattr *tb[BBGEN_A_TRIGGER_MAX + 1];
	struct bb_reply r = { .tb = tb, .len = (int)size };
	void *copy;

	if (size > 65536)
		return 0;
	/* a copy of exactly size bytes: ASan sees any read past the end,
	 * and attributes are read in place, 4-byte aligned as in a reply */
	copy = malloc(size ? size : 1);
	if (!copy)
		return 0;
	memcpy(copy, data, size);
	r.attrs = copy;
	if (!nla_parse(tb, BBGEN_A_TRIGGER_MAX, r.attrs, r.len, NULL))
		decode_all(&r);
	free(copy);
	return 0;
}
