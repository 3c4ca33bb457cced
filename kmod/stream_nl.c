// SPDX-License-Identifier: GPL-2.0
/*
 * The stream operations of the bbgen family: policies, parsing of a stream's
 * configuration, replies and dumps. Locking as in netlink.c.
 *
 * Repeated attributes: TEMPLATE may repeat in STREAM_ADD (a frame list) and
 * ID in STREAM_START/STOP (several streams at once); the policy validates
 * every instance, these handlers walk them in message order.
 */
#include <linux/bbgen.h>
#include <linux/math64.h>
#include <linux/netdevice.h>
#include <linux/slab.h>
#include <net/genetlink.h>
#include <net/netlink.h>
#include <net/sock.h>

#include "compat.h"
#include "netlink.h"
#include "netns.h"
#include "port.h"
#include "stream.h"
#include "tx.h"

/* Every single-attribute range is in the policy, as the spec's checks say
 * (tests/vm/policy-vs-spec compares the two on the live kernel): a
 * rejection's extack then carries the bounds (NLMSGERR_ATTR_POLICY).
 * Handlers check only what spans several attributes. u64 bounds do not
 * fit NLA_POLICY_RANGE's s16, hence the range structs.
 */
static struct netlink_range_validation interval_range BBGEN_POLICY_RANGE = {
	.min = BBGEN_INTERVAL_MIN_NS,
	.max = BBGEN_INTERVAL_MAX_NS,
};

static struct netlink_range_validation rate_period_range BBGEN_POLICY_RANGE = {
	.min = 1,
	.max = BBGEN_RATE_PERIOD_MAX_NS,
};

static struct netlink_range_validation rtp_samples_range BBGEN_POLICY_RANGE = {
	.min = 1,
	.max = BBGEN_RTP_SAMPLES_MAX,
};

const struct nla_policy bbgen_nl_stream_add_policy[BBGEN_A_STREAM_MAX + 1] = {
	BBGEN_DEV_POLICY(BBGEN_A_STREAM),
	[BBGEN_A_STREAM_ID] = NLA_POLICY_FULL_RANGE(NLA_U32, &bbgen_nl_id_range),
	[BBGEN_A_STREAM_TEMPLATE] =
		NLA_POLICY_RANGE(NLA_BINARY, BBGEN_FRAME_MIN, BBGEN_FRAME_MAX),
	[BBGEN_A_STREAM_INTERVAL_NS] =
		NLA_POLICY_FULL_RANGE(NLA_U64, &interval_range),
	[BBGEN_A_STREAM_COUNT] = NLA_POLICY_MIN(NLA_U64, 1),
	[BBGEN_A_STREAM_SEQ_OFFSET] =
		NLA_POLICY_MAX(NLA_U32, BBGEN_FRAME_MAX - BBGEN_SEQ_TAG_LEN),
	[BBGEN_A_STREAM_XMIT_MODE] =
		NLA_POLICY_MAX(NLA_U32, BBGEN_XMIT_MODE_DIRECT),
	[BBGEN_A_STREAM_SOCKET_OWNER] = { .type = NLA_FLAG },
	[BBGEN_A_STREAM_RATE_FRAMES] = NLA_POLICY_MIN(NLA_U64, 1),
	[BBGEN_A_STREAM_RATE_PERIOD_NS] =
		NLA_POLICY_FULL_RANGE(NLA_U64, &rate_period_range),
	[BBGEN_A_STREAM_DURATION_NS] = NLA_POLICY_MIN(NLA_U64, 1),
	[BBGEN_A_STREAM_DELAY_NS] = { .type = NLA_U64 },
	[BBGEN_A_STREAM_LATENCY] = { .type = NLA_FLAG },
	[BBGEN_A_STREAM_WEIGHTS] = { .type = NLA_BINARY },
	[BBGEN_A_STREAM_ORDER] = NLA_POLICY_MAX(NLA_U32, BBGEN_ORDER_SHUFFLE),
	[BBGEN_A_STREAM_SEED] = { .type = NLA_U32 },
	[BBGEN_A_STREAM_SEQUENCE] = { .type = NLA_BINARY },
	[BBGEN_A_STREAM_RTP_OFFSET] =
		NLA_POLICY_MAX(NLA_U32, BBGEN_FRAME_MAX - BBGEN_RTP_HDR_LEN),
	[BBGEN_A_STREAM_RTP_SAMPLES] =
		NLA_POLICY_FULL_RANGE(NLA_U32, &rtp_samples_range),
	[BBGEN_A_STREAM_CPU] = NLA_POLICY_MAX(NLA_U32, BBGEN_CPU_MAX),
};

const struct nla_policy bbgen_nl_stream_id_policy[BBGEN_A_STREAM_MAX + 1] = {
	[BBGEN_A_STREAM_ID] = NLA_POLICY_FULL_RANGE(NLA_U32, &bbgen_nl_id_range),
};

const struct nla_policy bbgen_nl_stream_start_policy[BBGEN_A_STREAM_MAX + 1] = {
	[BBGEN_A_STREAM_ID] = NLA_POLICY_FULL_RANGE(NLA_U32, &bbgen_nl_id_range),
	[BBGEN_A_STREAM_START_TAI_NS] = { .type = NLA_U64 },
};

/* Every attribute of the request, repeated ones included. */
#define for_each_req_attr(nla, info, rem) \
	nlmsg_for_each_attr(nla, (info)->nlhdr, GENL_HDRLEN, rem)

static int put_u64_opt(struct sk_buff *skb, int attr, u64 v)
{
	return v ? bbgen_nl_put_u64(skb, attr, v, BBGEN_A_STREAM_PAD) : 0;
}

/* The configuration beyond the foundation's (rate, limits, templates). */
static int stream_fill_cfg(struct sk_buff *skb, const struct bbgen_stream *s)
{
	const int pad = BBGEN_A_STREAM_PAD;

	return bbgen_nl_put_u64(skb, BBGEN_A_STREAM_RATE_FRAMES, s->rate.frames, pad) ||
		bbgen_nl_put_u64(skb, BBGEN_A_STREAM_RATE_PERIOD_NS, s->rate.period_ns, pad) ||
		bbgen_nl_put_u64(skb, BBGEN_A_STREAM_INTERVAL_NS,
				 div64_u64(s->rate.period_ns, s->rate.frames), pad) ||
		put_u64_opt(skb, BBGEN_A_STREAM_COUNT, s->count) ||
		put_u64_opt(skb, BBGEN_A_STREAM_DURATION_NS, s->duration_ns) ||
		bbgen_nl_put_u64(skb, BBGEN_A_STREAM_DELAY_NS, s->delay_ns, pad) ||
		put_u64_opt(skb, BBGEN_A_STREAM_START_TAI_NS, s->start_tai_ns) ||
		(s->latency && nla_put_flag(skb, BBGEN_A_STREAM_LATENCY)) ||
		nla_put_u32(skb, BBGEN_A_STREAM_TEMPLATES, s->n_tmpls) ||
		nla_put_u32(skb, BBGEN_A_STREAM_CYCLE_LEN, s->cycle_len) ||
		(s->weighted && (nla_put_u32(skb, BBGEN_A_STREAM_ORDER, s->order) ||
				 nla_put_u32(skb, BBGEN_A_STREAM_SEED, s->seed))) ||
		(s->rtp_samples &&
		 (nla_put_u32(skb, BBGEN_A_STREAM_RTP_OFFSET, s->rtp_offset) ||
		  nla_put_u32(skb, BBGEN_A_STREAM_RTP_SAMPLES, s->rtp_samples))) ||
		(s->cpu != BBGEN_CPU_ANY &&
		 nla_put_u32(skb, BBGEN_A_STREAM_CPU, s->cpu));
}

static int stream_fill(struct bbgen_fill_ctx *c, void *obj)
{
	const int pad = BBGEN_A_STREAM_PAD;
	struct bbgen_stream *s = obj;
	struct sk_buff *skb = c->skb;
	struct bbgen_stream_stats st;
	void *hdr;

	hdr = bbgen_nl_fill_begin(c, BBGEN_CMD_STREAM_GET);
	if (!hdr)
		return -EMSGSIZE;
	bbgen_stream_read(s, &st);
	return bbgen_nl_fill_end(c, hdr,
		nla_put_u32(skb, BBGEN_A_STREAM_ID, s->id) ||
		nla_put_u32(skb, BBGEN_A_STREAM_IFINDEX, s->port->dev->ifindex) ||
		nla_put_string(skb, BBGEN_A_STREAM_DEV, s->port->dev->name) ||
		nla_put_u32(skb, BBGEN_A_STREAM_STATE, READ_ONCE(s->state)) ||
		nla_put_u32(skb, BBGEN_A_STREAM_FRAME_SIZE, s->tmpls[0].len) ||
		nla_put_u32(skb, BBGEN_A_STREAM_SEQ_OFFSET, s->seq_offset) ||
		nla_put_u32(skb, BBGEN_A_STREAM_XMIT_MODE, s->xmit_mode) ||
		stream_fill_cfg(skb, s) ||
		bbgen_nl_put_u64(skb, BBGEN_A_STREAM_TX_FRAMES, st.tx_frames, pad) ||
		bbgen_nl_put_u64(skb, BBGEN_A_STREAM_TX_BYTES, st.tx_bytes, pad) ||
		bbgen_nl_put_u64(skb, BBGEN_A_STREAM_TX_BUSY, st.tx_busy, pad) ||
		bbgen_nl_put_u64(skb, BBGEN_A_STREAM_FIRST_TX_NS, st.first_tx_ns, pad) ||
		bbgen_nl_put_u64(skb, BBGEN_A_STREAM_LAST_TX_NS, st.last_tx_ns, pad) ||
		(s->latency &&
		 bbgen_nl_put_u64(skb, BBGEN_A_STREAM_TX_TIME_ERROR_NS,
				  st.tx_time_err_ns, pad)));
}

/* Every TEMPLATE attribute, in order, into cfg->tmpls (kcalloc'd). */
static int parse_templates(struct genl_info *info, struct bbgen_stream_cfg *cfg)
{
	const struct nlattr *nla;
	u32 n = 0;
	int rem;

	if (bbgen_nl_missing(info, BBGEN_A_STREAM_TEMPLATE, "missing template"))
		return -EINVAL;
	for_each_req_attr(nla, info, rem)
		n += nla_type(nla) == BBGEN_A_STREAM_TEMPLATE;
	if (n > BBGEN_TEMPLATES_MAX) {
		NL_SET_ERR_MSG(info->extack, "too many templates (at most 256)");
		return -EINVAL;
	}
	cfg->tmpls = kcalloc(n, sizeof(*cfg->tmpls), GFP_KERNEL);
	if (!cfg->tmpls)
		return -ENOMEM;
	for_each_req_attr(nla, info, rem) {
		if (nla_type(nla) != BBGEN_A_STREAM_TEMPLATE)
			continue;
		cfg->tmpls[cfg->n_tmpls].attr = nla;
		cfg->tmpls[cfg->n_tmpls].data = nla_data(nla);
		cfg->tmpls[cfg->n_tmpls].len = nla_len(nla);
		cfg->n_tmpls++;
	}
	return 0;
}

/* INTERVAL_NS, or RATE_FRAMES with RATE_PERIOD_NS: exactly one of them. */
static int parse_rate(struct genl_info *info, struct bbgen_stream_cfg *cfg)
{
	struct nlattr **a = info->attrs;
	struct nlattr *frames = a[BBGEN_A_STREAM_RATE_FRAMES];
	struct nlattr *period = a[BBGEN_A_STREAM_RATE_PERIOD_NS];

	if (a[BBGEN_A_STREAM_INTERVAL_NS] && (frames || period)) {
		NL_SET_ERR_MSG(info->extack,
			       "give INTERVAL_NS or RATE_FRAMES with RATE_PERIOD_NS, not both");
		return -EINVAL;
	}
	if (a[BBGEN_A_STREAM_INTERVAL_NS]) {
		cfg->rate.frames = 1;
		cfg->rate.period_ns = nla_get_u64(a[BBGEN_A_STREAM_INTERVAL_NS]);
		return 0;
	}
	if (!frames && !period) {
		NL_SET_ERR_MSG(info->extack,
			       "missing rate (INTERVAL_NS, or RATE_FRAMES with RATE_PERIOD_NS)");
		return -EINVAL;
	}
	if (!frames || !period) {
		NL_SET_ERR_MSG_ATTR(info->extack, frames ?: period,
				    "RATE_FRAMES and RATE_PERIOD_NS go together");
		return -EINVAL;
	}
	cfg->rate.frames = nla_get_u64(frames);
	cfg->rate.period_ns = nla_get_u64(period);
	return 0;
}

/* COUNT, DURATION_NS (both optional, not 0: the policy), DELAY_NS. */
static void read_limits(struct genl_info *info, struct bbgen_stream_cfg *cfg)
{
	struct nlattr **a = info->attrs;

	if (a[BBGEN_A_STREAM_COUNT])
		cfg->count = nla_get_u64(a[BBGEN_A_STREAM_COUNT]);
	if (a[BBGEN_A_STREAM_DURATION_NS])
		cfg->duration_ns = nla_get_u64(a[BBGEN_A_STREAM_DURATION_NS]);
	if (a[BBGEN_A_STREAM_DELAY_NS])
		cfg->delay_ns = nla_get_u64(a[BBGEN_A_STREAM_DELAY_NS]);
}

static int parse_weights(struct genl_info *info, struct bbgen_stream_cfg *cfg)
{
	struct nlattr *w = info->attrs[BBGEN_A_STREAM_WEIGHTS];

	if (nla_len(w) != cfg->n_tmpls * sizeof(u32)) {
		NL_SET_ERR_MSG_ATTR(info->extack, w,
				    "give one u32 weight per template");
		return -EINVAL;
	}
	cfg->weights = nla_data(w);
	cfg->order = BBGEN_ORDER_SHUFFLE;
	if (info->attrs[BBGEN_A_STREAM_ORDER])
		cfg->order = nla_get_u32(info->attrs[BBGEN_A_STREAM_ORDER]);
	if (info->attrs[BBGEN_A_STREAM_SEED]) {
		cfg->seed = nla_get_u32(info->attrs[BBGEN_A_STREAM_SEED]);
		cfg->seed_set = true;
	}
	return 0;
}

/* WEIGHTS (with ORDER, SEED) or SEQUENCE, or neither: the frame cycle. */
static int parse_cycle(struct genl_info *info, struct bbgen_stream_cfg *cfg)
{
	struct nlattr **a = info->attrs;
	struct nlattr *seq = a[BBGEN_A_STREAM_SEQUENCE];

	if (a[BBGEN_A_STREAM_WEIGHTS] && seq) {
		NL_SET_ERR_MSG_ATTR(info->extack, seq,
				    "give WEIGHTS or SEQUENCE, not both");
		return -EINVAL;
	}
	if (a[BBGEN_A_STREAM_WEIGHTS])
		return parse_weights(info, cfg);
	if (a[BBGEN_A_STREAM_ORDER] || a[BBGEN_A_STREAM_SEED]) {
		NL_SET_ERR_MSG_ATTR(info->extack,
				    a[BBGEN_A_STREAM_ORDER] ?: a[BBGEN_A_STREAM_SEED],
				    "ORDER and SEED apply to WEIGHTS only");
		return -EINVAL;
	}
	if (!seq)
		return 0;
	if (!nla_len(seq) || nla_len(seq) % sizeof(u16)) {
		NL_SET_ERR_MSG_ATTR(info->extack, seq,
				    "sequence must be a non-empty array of u16 template indices");
		return -EINVAL;
	}
	cfg->sequence = nla_data(seq);
	cfg->sequence_len = nla_len(seq) / sizeof(u16);
	return 0;
}

/* RTP_OFFSET and RTP_SAMPLES: both or neither. */
static int parse_rtp(struct genl_info *info, struct bbgen_stream_cfg *cfg)
{
	struct nlattr *off = info->attrs[BBGEN_A_STREAM_RTP_OFFSET];
	struct nlattr *samples = info->attrs[BBGEN_A_STREAM_RTP_SAMPLES];

	if (!off && !samples)
		return 0;
	if (!off || !samples) {
		NL_SET_ERR_MSG_ATTR(info->extack, off ?: samples,
				    "RTP_OFFSET and RTP_SAMPLES go together");
		return -EINVAL;
	}
	cfg->rtp_offset = nla_get_u32(off);
	cfg->rtp_samples = nla_get_u32(samples);
	return 0;
}

static int stream_cfg_parse(struct genl_info *info, struct bbgen_stream_cfg *cfg)
{
	struct nlattr **a = info->attrs;
	int err;

	err = parse_templates(info, cfg);
	if (!err)
		err = parse_rate(info, cfg);
	if (!err)
		err = parse_cycle(info, cfg);
	if (!err)
		err = parse_rtp(info, cfg);
	if (err)
		return err;
	read_limits(info, cfg);
	if (a[BBGEN_A_STREAM_ID])
		cfg->id = nla_get_u32(a[BBGEN_A_STREAM_ID]);
	if (a[BBGEN_A_STREAM_SEQ_OFFSET]) {
		cfg->seq_offset = nla_get_u32(a[BBGEN_A_STREAM_SEQ_OFFSET]);
		cfg->seq_offset_set = true;
	}
	if (a[BBGEN_A_STREAM_XMIT_MODE])
		cfg->xmit_mode = nla_get_u32(a[BBGEN_A_STREAM_XMIT_MODE]);
	cfg->cpu = BBGEN_CPU_ANY;
	if (a[BBGEN_A_STREAM_CPU]) {
		cfg->cpu = nla_get_u32(a[BBGEN_A_STREAM_CPU]);
		if (!bbgen_tx_has_cpu(cfg->cpu)) {
			NL_SET_ERR_MSG_ATTR(info->extack, a[BBGEN_A_STREAM_CPU],
					    "no TX worker on this CPU (one per CPU online when bbgen loaded)");
			return -EINVAL;
		}
	}
	cfg->latency = nla_get_flag(a[BBGEN_A_STREAM_LATENCY]);
	cfg->owner = bbgen_nl_owner(info, BBGEN_A_STREAM_SOCKET_OWNER);
	return 0;
}

int bbgen_nl_stream_add_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct bbgen_net *bn = bbgen_net(genl_info_net(info));
	struct bbgen_stream_cfg cfg = {};
	struct bbgen_port *port;
	u32 id;
	int err;

	err = stream_cfg_parse(info, &cfg);
	if (err)
		goto out;
	mutex_lock(&bbgen_lock);
	port = bbgen_nl_lookup_port(info, BBGEN_A_STREAM_IFINDEX, BBGEN_A_STREAM_DEV);
	err = PTR_ERR_OR_ZERO(port);
	if (!err)
		err = bbgen_stream_add(bn, port, &cfg, &id, info->extack);
	mutex_unlock(&bbgen_lock);
	if (!err)
		err = bbgen_nl_reply_id(info, BBGEN_CMD_STREAM_ADD,
					BBGEN_A_STREAM_ID, id);
out:
	kfree(cfg.tmpls);
	return err;
}

/* Under bbgen_lock: the stream named by the ID attribute. */
static struct bbgen_stream *lookup_stream(struct genl_info *info)
{
	struct bbgen_stream *s;

	if (bbgen_nl_missing(info, BBGEN_A_STREAM_ID, "missing stream id"))
		return ERR_PTR(-EINVAL);
	s = bbgen_stream_find(bbgen_net(genl_info_net(info)),
			      nla_get_u32(info->attrs[BBGEN_A_STREAM_ID]));
	if (!s) {
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[BBGEN_A_STREAM_ID],
				    "no stream with this id");
		return ERR_PTR(-ENOENT);
	}
	return s;
}

static int stream_do(struct genl_info *info, u8 cmd)
{
	struct bbgen_stream *s;
	int err;

	mutex_lock(&bbgen_lock);
	s = lookup_stream(info);
	err = PTR_ERR_OR_ZERO(s);
	if (err)
		goto out;
	if (cmd == BBGEN_CMD_STREAM_DEL)
		bbgen_stream_del(s);
	else
		err = bbgen_nl_reply_object(info, stream_fill, s);
out:
	mutex_unlock(&bbgen_lock);
	return err;
}

/*
 * Under bbgen_lock: check every ID of a start/stop before anything
 * changes. Each must name a stream, once; for a start, one not running.
 */
static int check_ids(struct genl_info *info, bool start)
{
	struct bbgen_net *bn = bbgen_net(genl_info_net(info));
	static u32 mark;	/* under bbgen_lock */
	struct bbgen_stream *s;
	struct nlattr *nla;
	int rem;

	if (bbgen_nl_missing(info, BBGEN_A_STREAM_ID, "missing stream id"))
		return -EINVAL;
	if (!++mark)
		mark++;
	for_each_req_attr(nla, info, rem) {
		if (nla_type(nla) != BBGEN_A_STREAM_ID)
			continue;
		s = bbgen_stream_find(bn, nla_get_u32(nla));
		if (!s) {
			NL_SET_ERR_MSG_ATTR(info->extack, nla, "no stream with this id");
			return -ENOENT;
		}
		if (s->start_mark == mark) {
			NL_SET_ERR_MSG_ATTR(info->extack, nla, "stream id given twice");
			return -EINVAL;
		}
		s->start_mark = mark;
		if (start && READ_ONCE(s->state) == BBGEN_STREAM_STATE_RUNNING) {
			NL_SET_ERR_MSG_ATTR(info->extack, nla, "stream is already running");
			return -EBUSY;
		}
	}
	return 0;
}

/*
 * The common start instant, now or START_TAI_NS: as CLOCK_MONOTONIC for the
 * TX workers and as CLOCK_TAI for the replies.
 */
static int start_time(struct genl_info *info, u64 *start_ns, u64 *start_tai_ns)
{
	struct nlattr *a = info->attrs[BBGEN_A_STREAM_START_TAI_NS];
	u64 mono = ktime_get_ns(), tai = ktime_get_clocktai_ns(), want;

	*start_ns = mono;
	*start_tai_ns = tai;
	if (!a)
		return 0;
	want = nla_get_u64(a);
	if (want < tai) {
		NL_SET_ERR_MSG_ATTR(info->extack, a, "start time is in the past");
		return -EINVAL;
	}
	*start_ns = mono + (want - tai);
	*start_tai_ns = want;
	return 0;
}

static int streams_start_stop(struct genl_info *info, bool start)
{
	struct bbgen_net *bn = bbgen_net(genl_info_net(info));
	struct nlattr *nla;
	u64 start_ns = 0, start_tai_ns = 0;
	int rem, err;

	mutex_lock(&bbgen_lock);
	err = check_ids(info, start);
	if (!err && start)
		err = start_time(info, &start_ns, &start_tai_ns);
	if (err)
		goto out;
	for_each_req_attr(nla, info, rem) {
		struct bbgen_stream *s;

		if (nla_type(nla) != BBGEN_A_STREAM_ID)
			continue;
		s = bbgen_stream_find(bn, nla_get_u32(nla));
		if (start)
			bbgen_stream_start(s, start_ns, start_tai_ns);
		else
			bbgen_stream_stop(s);
	}
out:
	mutex_unlock(&bbgen_lock);
	return err;
}

int bbgen_nl_stream_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	return stream_do(info, BBGEN_CMD_STREAM_DEL);
}

int bbgen_nl_stream_start_doit(struct sk_buff *skb, struct genl_info *info)
{
	return streams_start_stop(info, true);
}

int bbgen_nl_stream_stop_doit(struct sk_buff *skb, struct genl_info *info)
{
	return streams_start_stop(info, false);
}

int bbgen_nl_stream_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	return stream_do(info, BBGEN_CMD_STREAM_GET);
}

int bbgen_nl_stream_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct bbgen_net *bn = bbgen_net(sock_net(skb->sk));
	int ret;

	mutex_lock(&bbgen_lock);
	cb->seq = bn->gen;
	ret = bbgen_nl_dump(skb, cb, &bn->streams, stream_fill);
	mutex_unlock(&bbgen_lock);
	return ret;
}
