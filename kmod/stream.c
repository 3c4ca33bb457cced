// SPDX-License-Identifier: GPL-2.0
/*
 * Stream objects: checking the templates, placing their tags, expanding
 * the template cycle, and the life cycle around the TX engine (tx.c does
 * the sending).
 */
#include <linux/bbgen.h>
#include <linux/random.h>
#include <linux/slab.h>

#include "core/frame.h"
#include "core/imix.h"
#include "core/tag.h"
#include "stream.h"
#include "tx.h"

static_assert(BBGEN_TAG_SEQ_LEN == BBGEN_SEQ_TAG_LEN);
static_assert(BBGEN_TAG_SEQ_MASK == BBGEN_SEQ_MAX);
static_assert(BBGEN_TAG_TIME_LEN == BBGEN_TIME_TAG_LEN);
static_assert(BBGEN_RTP_HLEN == BBGEN_RTP_HDR_LEN);

struct bbgen_stream *bbgen_stream_find(struct bbgen_net *bn, u32 id)
{
	lockdep_assert_held(&bbgen_lock);
	return xa_load(&bn->streams, id);
}

static int too_short(const struct nlattr *attr, bool latency,
		     struct netlink_ext_ack *extack)
{
	if (latency)
		NL_SET_ERR_MSG_ATTR(extack, attr,
				    "frame too short for the sequence and time tags");
	else
		NL_SET_ERR_MSG_ATTR(extack, attr,
				    "frame too short for the sequence tag");
	return -EINVAL;
}

/*
 * Where a template's tag goes: the offset given, or the last bytes of its
 * UDP payload. With a default offset the template must be a frame whose
 * UDP payload the kernel can find, and the tag must fit in that payload.
 */
static int place_tag(struct bbgen_tmpl *t, const struct bbgen_tmpl_src *src,
		     const struct bbgen_stream_cfg *cfg,
		     struct netlink_ext_ack *extack)
{
	u32 tag_len = cfg->latency ? BBGEN_TAG_TIME_LEN : BBGEN_TAG_SEQ_LEN;
	struct bbgen_frame_udp udp;
	int err;

	err = bbgen_frame_find_udp(src->data, src->len, &udp);
	t->l3_off = err ? ETH_HLEN : udp.l3_off;
	if (cfg->seq_offset_set) {
		if (src->len < tag_len || cfg->seq_offset > src->len - tag_len)
			return too_short(src->attr, cfg->latency, extack);
		t->tag_off = cfg->seq_offset;
		return 0;
	}
	if (err) {
		NL_SET_ERR_MSG_ATTR(extack, src->attr,
				    "template is not an Ethernet/IPv4 or IPv6/UDP frame");
		return -EINVAL;
	}
	if (udp.payload_len < tag_len)
		return too_short(src->attr, cfg->latency, extack);
	t->tag_off = udp.payload_off + udp.payload_len - tag_len;
	return 0;
}

/*
 * The template's RTP header (RTP_OFFSET): inside the UDP payload, so that
 * the checksum covers it and the tag's fix can keep it valid, clear of the
 * tag, which would overwrite it, and a version 2 header.
 */
static int place_rtp(struct bbgen_tmpl *t, const struct bbgen_tmpl_src *src,
		     const struct bbgen_stream_cfg *cfg,
		     struct netlink_ext_ack *extack)
{
	u32 tag_len = cfg->latency ? BBGEN_TAG_TIME_LEN : BBGEN_TAG_SEQ_LEN;
	u32 off = cfg->rtp_offset;
	struct bbgen_frame_udp udp;

	if (!cfg->rtp_samples)
		return 0;
	if (bbgen_frame_find_udp(src->data, src->len, &udp) ||
	    off < udp.payload_off ||
	    off + BBGEN_RTP_HLEN > udp.payload_off + udp.payload_len) {
		NL_SET_ERR_MSG_ATTR(extack, src->attr,
				    "RTP header (12 bytes at RTP_OFFSET) not inside the template's UDP payload");
		return -EINVAL;
	}
	if (off < t->tag_off + tag_len && t->tag_off < off + BBGEN_RTP_HLEN) {
		NL_SET_ERR_MSG_ATTR(extack, src->attr,
				    "RTP header overlaps the sequence tag");
		return -EINVAL;
	}
	if (bbgen_rtp_version(src->data + off) != BBGEN_RTP_VERSION) {
		NL_SET_ERR_MSG_ATTR(extack, src->attr,
				    "no RTP version 2 header at RTP_OFFSET");
		return -EINVAL;
	}
	t->rtp_off = off;
	t->rtp_odd = (off + 2 - t->tag_off) & 1;
	bbgen_rtp_base_read(src->data + off, &t->rtp);
	return 0;
}

static int add_templates(struct bbgen_stream *s,
			 const struct bbgen_stream_cfg *cfg,
			 struct netlink_ext_ack *extack)
{
	u32 i;
	int err;

	s->tmpls = kcalloc(cfg->n_tmpls, sizeof(*s->tmpls), GFP_KERNEL);
	if (!s->tmpls)
		return -ENOMEM;
	s->n_tmpls = cfg->n_tmpls;
	for (i = 0; i < cfg->n_tmpls; i++) {
		const struct bbgen_tmpl_src *src = &cfg->tmpls[i];
		struct bbgen_tmpl *t = &s->tmpls[i];

		err = place_tag(t, src, cfg, extack);
		if (!err)
			err = place_rtp(t, src, cfg, extack);
		if (err)
			return err;
		t->data = kmemdup(src->data, src->len, GFP_KERNEL);
		if (!t->data)
			return -ENOMEM;
		t->len = src->len;
		t->tag_sum = cfg->latency ? bbgen_tag_time_sum(t->data + t->tag_off) :
					    bbgen_tag_sum(t->data + t->tag_off);
		if (cfg->rtp_samples)
			t->tag_sum = bbgen_tag_sum_add(t->tag_sum,
						       bbgen_rtp_align(t->rtp.sum, t->rtp_odd));
		t->protocol = *(__be16 *)(t->data + 2 * ETH_ALEN);
		s->max_len = max(s->max_len, t->len);
	}
	s->seq_offset = s->tmpls[0].tag_off;
	return 0;
}

static int cycle_from_weights(struct bbgen_stream *s,
			      const struct bbgen_stream_cfg *cfg,
			      struct netlink_ext_ack *extack)
{
	u64 len = bbgen_imix_cycle_len(cfg->weights, cfg->n_tmpls);
	int err;

	if (!len) {
		NL_SET_ERR_MSG(extack, "weights are all zero");
		return -EINVAL;
	}
	if (len > BBGEN_CYCLE_MAX) {
		NL_SET_ERR_MSG(extack,
			       "weights expand to a cycle of more than 65536 frames (sum of the weights divided by their gcd)");
		return -EINVAL;
	}
	s->cycle = kvmalloc_array(len, sizeof(*s->cycle), GFP_KERNEL);
	if (!s->cycle)
		return -ENOMEM;
	s->cycle_len = len;
	err = bbgen_imix_fill(cfg->weights, cfg->n_tmpls, s->cycle, len);
	if (err)
		return err;
	s->weighted = true;
	s->order = cfg->order;
	s->seed = cfg->seed_set ? cfg->seed : get_random_u32();
	if (s->order == BBGEN_ORDER_SHUFFLE)
		bbgen_imix_shuffle(s->cycle, len, s->seed);
	return 0;
}

/* The cycle: as WEIGHTS expand, the SEQUENCE given, or in order. */
static int make_cycle(struct bbgen_stream *s, const struct bbgen_stream_cfg *cfg,
		      struct netlink_ext_ack *extack)
{
	u32 i, len;

	if (cfg->weights)
		return cycle_from_weights(s, cfg, extack);
	len = cfg->sequence ? cfg->sequence_len : cfg->n_tmpls;
	s->cycle = kvmalloc_array(len, sizeof(*s->cycle), GFP_KERNEL);
	if (!s->cycle)
		return -ENOMEM;
	s->cycle_len = len;
	for (i = 0; i < len; i++) {
		s->cycle[i] = cfg->sequence ? cfg->sequence[i] : i;
		if (s->cycle[i] >= s->n_tmpls) {
			NL_SET_ERR_MSG(extack,
				       "sequence names a template that does not exist");
			return -EINVAL;
		}
	}
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

static void stream_free(struct bbgen_stream *s)
{
	u32 i;

	if (s->tmpls)
		for (i = 0; i < s->n_tmpls; i++)
			kfree(s->tmpls[i].data);
	kfree(s->tmpls);
	kvfree(s->cycle);
	kfree(s);
}

static void copy_cfg(struct bbgen_stream *s, const struct bbgen_stream_cfg *cfg,
		     struct bbgen_port *port)
{
	s->seq_offset_set = cfg->seq_offset_set;
	s->latency = cfg->latency;
	s->rtp_offset = cfg->rtp_offset;
	s->rtp_samples = cfg->rtp_samples;
	s->rate = cfg->rate;
	s->count = cfg->count;
	s->duration_ns = cfg->duration_ns;
	s->delay_ns = cfg->delay_ns;
	s->xmit_mode = cfg->xmit_mode;
	s->cpu_set = cfg->cpu != BBGEN_CPU_ANY;
	s->cpu = cfg->cpu;
	s->owner = cfg->owner;
	s->port = port;
	s->state = BBGEN_STREAM_STATE_IDLE;
	INIT_LIST_HEAD(&s->tx_node);
	u64_stats_init(&s->syncp);
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
	copy_cfg(s, cfg, port);
	err = add_templates(s, cfg, extack);
	if (!err)
		err = make_cycle(s, cfg, extack);
	if (!err)
		err = stream_insert(bn, s, cfg->id, extack);
	if (err) {
		stream_free(s);
		return err;
	}
	list_add_tail(&s->port_node, &port->streams);
	port->n_streams++;
	if (s->owner)
		bn->owned++;
	bbgen_net_changed(bn);
	*id = s->id;
	return 0;
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
	stream_free(s);
}

void bbgen_stream_start(struct bbgen_stream *s, u64 start_ns, u64 start_tai_ns)
{
	lockdep_assert_held(&bbgen_lock);
	s->start_tai_ns = start_tai_ns;
	/* Not running: the worker does not touch the counters now. */
	u64_stats_update_begin(&s->syncp);
	s->tx_frames = 0;
	s->tx_bytes = 0;
	s->tx_busy = 0;
	s->first_tx_ns = 0;
	s->last_tx_ns = 0;
	s->txtime = (struct bbgen_txtime){};
	u64_stats_update_end(&s->syncp);
	s->cycle_pos = 0;
	bbgen_tx_start(s, start_ns);
	bbgen_net_changed(s->port->bn);
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
		st->tx_time_err_ns = s->txtime.err_ns;
	} while (u64_stats_fetch_retry(&s->syncp, start));
}
