// SPDX-License-Identifier: GPL-2.0
/*
 * Stream objects: checking the template, placing the sequence tag, and the
 * life cycle around the TX engine (tx.c does the sending).
 */
#include <linux/bbgen.h>
#include <linux/slab.h>

#include "core/frame.h"
#include "core/tag.h"
#include "stream.h"
#include "tx.h"

static_assert(BBGEN_TAG_SEQ_LEN == BBGEN_SEQ_TAG_LEN);
static_assert(BBGEN_TAG_SEQ_MASK == BBGEN_SEQ_MAX);

struct bbgen_stream *bbgen_stream_find(struct bbgen_net *bn, u32 id)
{
	lockdep_assert_held(&bbgen_lock);
	return xa_load(&bn->streams, id);
}

/*
 * Where the tag goes: the offset given, or the last bytes of the UDP
 * payload. With a default offset the template must be a frame whose UDP
 * payload the kernel can find, and the tag must fit in that payload.
 */
static int stream_place_tag(struct bbgen_stream *s,
			    const struct bbgen_stream_cfg *cfg,
			    struct netlink_ext_ack *extack)
{
	struct bbgen_frame_udp udp;
	int err;

	err = bbgen_frame_find_udp(cfg->tmpl, cfg->len, &udp);
	s->l3_offset = err ? ETH_HLEN : udp.l3_off;
	if (cfg->seq_offset_set) {
		if (cfg->seq_offset > cfg->len - BBGEN_SEQ_TAG_LEN) {
			NL_SET_ERR_MSG(extack, "frame too short for the sequence tag");
			return -EINVAL;
		}
		s->seq_offset = cfg->seq_offset;
		return 0;
	}
	if (err) {
		NL_SET_ERR_MSG(extack,
			       "template is not an Ethernet/IPv4 or IPv6/UDP frame");
		return -EINVAL;
	}
	if (udp.payload_len < BBGEN_SEQ_TAG_LEN) {
		NL_SET_ERR_MSG(extack, "frame too short for the sequence tag");
		return -EINVAL;
	}
	s->seq_offset = udp.payload_off + udp.payload_len - BBGEN_SEQ_TAG_LEN;
	return 0;
}

static int stream_insert(struct bbgen_net *bn, struct bbgen_stream *s,
			 u32 want, struct netlink_ext_ack *extack)
{
	int err;

	if (want) {
		s->id = want;
		err = xa_insert(&bn->streams, want, s, GFP_KERNEL);
		if (err == -EBUSY)
			NL_SET_ERR_MSG(extack, "stream id already exists");
		return err;
	}
	err = xa_alloc_cyclic(&bn->streams, &s->id, s,
			      XA_LIMIT(1, BBGEN_ID_MAX), &bn->next_stream_id,
			      GFP_KERNEL);
	if (err == -EBUSY)
		NL_SET_ERR_MSG(extack, "no free stream id");
	return err < 0 ? err : 0;
}

int bbgen_stream_add(struct bbgen_net *bn, struct bbgen_port *port,
		     const struct bbgen_stream_cfg *cfg, u32 *id,
		     struct netlink_ext_ack *extack)
{
	struct bbgen_stream *s;
	int err;

	lockdep_assert_held(&bbgen_lock);
	s = kzalloc(sizeof(*s), GFP_KERNEL);
	if (!s)
		return -ENOMEM;
	err = stream_place_tag(s, cfg, extack);
	if (err)
		goto err_free;
	err = -ENOMEM;
	s->tmpl = kmemdup(cfg->tmpl, cfg->len, GFP_KERNEL);
	if (!s->tmpl)
		goto err_free;
	s->len = cfg->len;
	s->tag_sum = bbgen_tag_sum(s->tmpl + s->seq_offset);
	s->protocol = *(__be16 *)(s->tmpl + 2 * ETH_ALEN);
	s->interval_ns = cfg->interval_ns;
	s->count = cfg->count;
	s->xmit_mode = cfg->xmit_mode;
	s->owner = cfg->owner;
	s->port = port;
	s->state = BBGEN_STREAM_STATE_IDLE;
	INIT_LIST_HEAD(&s->tx_node);
	u64_stats_init(&s->syncp);

	err = stream_insert(bn, s, cfg->id, extack);
	if (err)
		goto err_free;
	list_add_tail(&s->port_node, &port->streams);
	port->n_streams++;
	if (s->owner)
		bn->owned++;
	bbgen_net_changed(bn);
	*id = s->id;
	return 0;

err_free:
	kfree(s->tmpl);
	kfree(s);
	return err;
}

void bbgen_stream_del(struct bbgen_stream *s)
{
	struct bbgen_port *port = s->port;
	struct bbgen_net *bn = port->bn;

	lockdep_assert_held(&bbgen_lock);
	bbgen_tx_stop(s);
	xa_erase(&bn->streams, s->id);
	list_del(&s->port_node);
	port->n_streams--;
	if (s->owner)
		bn->owned--;
	bbgen_net_changed(bn);
	kfree(s->tmpl);
	kfree(s);
}

int bbgen_stream_start(struct bbgen_stream *s, struct netlink_ext_ack *extack)
{
	lockdep_assert_held(&bbgen_lock);
	if (READ_ONCE(s->state) == BBGEN_STREAM_STATE_RUNNING) {
		NL_SET_ERR_MSG(extack, "stream is already running");
		return -EBUSY;
	}
	/* Not running: the worker does not touch the counters now. */
	u64_stats_update_begin(&s->syncp);
	s->tx_frames = 0;
	s->tx_bytes = 0;
	s->tx_busy = 0;
	s->first_tx_ns = 0;
	s->last_tx_ns = 0;
	u64_stats_update_end(&s->syncp);
	bbgen_tx_start(s);
	bbgen_net_changed(s->port->bn);
	return 0;
}

void bbgen_stream_stop(struct bbgen_stream *s)
{
	lockdep_assert_held(&bbgen_lock);
	bbgen_tx_stop(s);
	bbgen_net_changed(s->port->bn);
}

void bbgen_stream_read(struct bbgen_stream *s, struct bbgen_stream_stats *st)
{
	unsigned int start;

	do {
		start = u64_stats_fetch_begin(&s->syncp);
		st->tx_frames = s->tx_frames;
		st->tx_bytes = s->tx_bytes;
		st->tx_busy = s->tx_busy;
		st->first_tx_ns = s->first_tx_ns;
		st->last_tx_ns = s->last_tx_ns;
	} while (u64_stats_fetch_retry(&s->syncp, start));
}
