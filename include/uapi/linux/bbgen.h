/* SPDX-License-Identifier: (GPL-2.0 WITH Linux-syscall-note) OR MIT */
/*
 * bbgen: the kernel half of the bb network traffic tester.
 *
 * Generic netlink family "bbgen", version 1. Every operation needs
 * CAP_NET_ADMIN in the initial user namespace (GENL_ADMIN_PERM, which is
 * netlink_capable(): root of a container's own user namespace is refused);
 * the family is netnsok, so it works from any network namespace, objects
 * live in the namespace of the socket that created them and ids are per
 * namespace. Documentation/netlink/bbgen.yaml describes the same family as a
 * YNL spec; keep the two in step.
 *
 * Objects
 * -------
 * port     a netdev bound to bbgen: holds the rx_handler that feeds triggers.
 * stream   a TX stream on a port: one or more frame templates sent in a
 *          cycle at an exact (possibly fractional) rate, for a count, a
 *          duration, or until stopped, every frame carrying a fresh sequence
 *          tag and, with LATENCY, its TX time.
 * trigger  an RX classifier on a port: matches UDP test frames and keeps
 *          counters and sequence analysis for them.
 *
 * Commands and their attribute trees
 * ----------------------------------
 * BBGEN_CMD_PORT_ADD     port: IFINDEX | DEV, [SOCKET_OWNER], [TIMESTAMPING]
 * BBGEN_CMD_PORT_DEL     port: IFINDEX | DEV
 * BBGEN_CMD_PORT_GET     port: IFINDEX | DEV  (do) / nothing (dump)
 *   reply                port: IFINDEX, DEV, STREAMS, TRIGGERS, TIMESTAMPING
 *
 * BBGEN_CMD_STREAM_ADD   stream: IFINDEX | DEV, [ID], TEMPLATE+,
 *                        INTERVAL_NS | (RATE_FRAMES, RATE_PERIOD_NS),
 *                        [COUNT], [DURATION_NS], [DELAY_NS],
 *                        [WEIGHTS, [ORDER], [SEED] | SEQUENCE],
 *                        [SEQ_OFFSET], [LATENCY], [XMIT_MODE],
 *                        [RTP_OFFSET, RTP_SAMPLES], [CPU], [SOCKET_OWNER]
 *   reply                stream: ID (the id given or allocated)
 * BBGEN_CMD_STREAM_START stream: ID+, [START_TAI_NS]
 * BBGEN_CMD_STREAM_STOP  stream: ID+
 * BBGEN_CMD_STREAM_DEL   stream: ID   (stops it first if it runs)
 * BBGEN_CMD_STREAM_GET   stream: ID (do) / nothing (dump)
 *   reply                stream: ID, IFINDEX, DEV, STATE, FRAME_SIZE,
 *                        SEQ_OFFSET, XMIT_MODE, RATE_FRAMES,
 *                        RATE_PERIOD_NS, INTERVAL_NS, [COUNT],
 *                        [DURATION_NS], DELAY_NS, [START_TAI_NS],
 *                        [LATENCY], TEMPLATES, [RTP_OFFSET, RTP_SAMPLES],
 *                        CYCLE_LEN, TX_FRAMES, TX_BYTES, TX_BUSY,
 *                        FIRST_TX_NS, LAST_TX_NS, [TX_TIME_ERROR_NS],
 *                        [CPU]
 *
 * Streams: TEMPLATE is repeated, once per template (at most
 * BBGEN_TEMPLATES_MAX), all of one IP version. The rate is INTERVAL_NS
 * (one frame every INTERVAL_NS) or RATE_FRAMES frames every RATE_PERIOD_NS
 * (fractional rates: 2500.5 fps is 5001 frames every 2 s); frame N is due
 * at start + DELAY_NS + N * RATE_PERIOD_NS / RATE_FRAMES, computed exactly,
 * so the count after any time T is within one frame of rate * T. COUNT
 * ends the stream after COUNT frames, DURATION_NS after the frames due in
 * [0, DURATION_NS) (delay excluded); with neither it runs until stopped.
 * The reply's INTERVAL_NS is the rounded mean interval, for display.
 * Templates are sent in order, or as WEIGHTS say (u32 per template: each
 * sent weight / gcd times per cycle, ORDER fixed spreads them evenly,
 * shuffle (the default) permutes the cycle with SEED), or as SEQUENCE
 * says (u16 template indices: the cycle itself). A cycle holds at most
 * BBGEN_CYCLE_MAX frames. STREAM_START and STREAM_STOP take several IDs
 * and act on all or none: an unknown, repeated or (START) running id
 * fails the whole request. They start at one common instant: now, or
 * START_TAI_NS (CLOCK_TAI, not in the past); GET reports that instant as
 * START_TAI_NS, identical for the streams one STREAM_START started. Each
 * CPU has one TX worker; a stream goes to the worker of CPU when given
 * (an online CPU at the module's load), else the workers take streams in
 * turn. GET reports CPU as given, or once started the worker's CPU.
 *
 * BBGEN_CMD_TRIGGER_ADD  trigger: IFINDEX | DEV, [ID], UDP_DPORT,
 *                        [UDP_SPORT], [SRC_IPV4 | SRC_IPV6],
 *                        [DST_IPV4 | DST_IPV6], [VLAN_ID], [SOCKET_OWNER],
 *                        [LATENCY, [RANGE_MIN_NS], [RANGE_MAX_NS]],
 *                        [INTERVAL_MS], [RTP]
 *   reply                trigger: ID
 * BBGEN_CMD_TRIGGER_DEL  trigger: ID
 * BBGEN_CMD_TRIGGER_GET  trigger: ID (do) / nothing (dump)
 *   reply                trigger: ID, IFINDEX, DEV, UDP_DPORT, [UDP_SPORT],
 *                        [SRC_*], [DST_*], [VLAN_ID], INTERVAL_MS,
 *                        RX_FRAMES, RX_BYTES,
 *                        [HIGHEST_SEQ], LOST, OUT_OF_SEQUENCE, DUPLICATES,
 *                        [FIRST_RX_NS, LAST_RX_NS],
 *                        LOSS_EVENTS_TOTAL, LOSS_EVENT*, HISTORY_DROPPED,
 *                        [LATENCY, RANGE_MIN_NS, RANGE_MAX_NS,
 *                         LATENCY_STATS], [RTP, RTP_SEQ_ERRORS]
 *     LOSS_EVENT         nest, once per gap (the first 64, oldest first):
 *                        FIRST_SEQ, COUNT, RX_NS
 *     LATENCY_STATS      nest: COUNT, BELOW_RANGE, ABOVE_RANGE, INVALID,
 *                        and once COUNT > 0: MIN_NS, AVG_NS, MAX_NS,
 *                        JITTER_NS, P50_NS, P90_NS, P99_NS, P999_NS,
 *                        P9999_NS
 * BBGEN_CMD_TRIGGER_HISTORY    trigger: ID, [HISTORY_FROM] (dump only)
 *   reply                messages of trigger: ID, HISTORY_DROPPED,
 *                        SNAPSHOT* (as many as fit, oldest first)
 *     SNAPSHOT           nest: INDEX, START_NS, FRAMES, BYTES, LOST,
 *                        OUT_OF_SEQUENCE, LATENCY_COUNT, and once
 *                        LATENCY_COUNT > 0: LATENCY_MIN_NS, LATENCY_AVG_NS,
 *                        LATENCY_MAX_NS, JITTER_NS
 * BBGEN_CMD_TRIGGER_HISTOGRAM  trigger: ID (dump only; LATENCY triggers)
 *   reply                messages of trigger: ID, BUCKET* (ascending,
 *                        non-empty buckets only)
 *     BUCKET             nest: UPPER_NS, COUNT
 *
 * Attributes given but not listed for a command are rejected. 64-bit values
 * are u64 with a PAD attribute for alignment (NLA_UINT needs 6.7+, and bbgen
 * supports 6.1). HIGHEST_SEQ and the RX times are absent until the first
 * frame arrives.
 *
 * Counters
 * --------
 * RX_FRAMES counts every matched frame, duplicates included. LOST counts the
 * sequence numbers below HIGHEST_SEQ never received; a late frame filling a
 * gap decrements it and counts as OUT_OF_SEQUENCE. So at any moment
 *   RX_FRAMES - DUPLICATES + LOST = HIGHEST_SEQ + 1
 * and the total loss of a finished stream is TX_FRAMES - (RX_FRAMES -
 * DUPLICATES). Times are CLOCK_TAI nanoseconds.
 *
 * Matching: VLAN_ID matches the outer VLAN tag, whether it is still in the
 * frame or was taken out by the driver (skb->vlan_tci). A trigger without
 * VLAN_ID matches tagged and untagged frames alike; where both match, the
 * trigger with VLAN_ID wins. A port on a VLAN device (ip link add link eth0
 * name eth0.10 type vlan id 10) sees its frames with that tag removed:
 * trigger there without VLAN_ID.
 *
 * Loss events: a gap is found when a frame arrives above the next expected
 * sequence number (or the first frame is not 0). The first
 * BBGEN_LOSS_EVENTS_MAX gaps are kept as detected: a late frame filling
 * part of a gap later does not change the event (LOST has the net loss).
 * LOSS_EVENTS_TOTAL counts every gap.
 *
 * Latency (LATENCY on the trigger): frames carry the time tag (below) and
 * latency = RX time - TX time, the RX time taken as the port's
 * TIMESTAMPING says. Latencies that are negative or above
 * BBGEN_LATENCY_MAX_NS are counted in INVALID and kept out of every other
 * statistic. JITTER_NS is RFC 3550's interarrival jitter (J += (|D| - J) /
 * 16, D the difference of the latencies of consecutive frames in arrival
 * order). Percentiles are nearest-rank over a log-linear histogram of all
 * valid latencies (2048 sub-buckets: every bucket's width is at most 1/1024
 * of its lowest value); a percentile reports its bucket's middle value, off
 * the exact sample by at most 0.05%. BUCKET UPPER_NS is the bucket's
 * highest value (within 0.1% of every value in it), so summing COUNT up to a
 * bucket gives the CDF at UPPER_NS exactly. The reporting range only
 * counts latencies below RANGE_MIN_NS / above RANGE_MAX_NS in BELOW_RANGE /
 * ABOVE_RANGE; all statistics use every valid latency.
 *
 * Results over time: every trigger keeps snapshots of fixed intervals
 * (INTERVAL_MS, default 1000, BBGEN_TRIGGER_INTERVAL_MIN_MS..MAX_MS),
 * aligned to CLOCK_TAI: a snapshot's START_NS is a multiple of the interval.
 * An interval closes when a frame of a later interval arrives or when
 * TRIGGER_HISTORY runs after its end. Intervals without frames are not
 * stored. Each stored snapshot gets the next INDEX (0, 1, 2, ...); the ring
 * holds the last BBGEN_HISTORY_MAX, the oldest overwritten when full.
 * Reading removes nothing: TRIGGER_HISTORY returns the snapshots from index
 * HISTORY_FROM (default 0) on, and a reader keeps its own cursor (the last
 * INDEX it got, plus one), so several readers each see every snapshot. In
 * the reply HISTORY_DROPPED counts the snapshots at or after the reader's
 * cursor that were overwritten before it read them (summed over the
 * messages of one dump); TRIGGER_GET's HISTORY_DROPPED counts every
 * snapshot the ring ever lost (overwritten, or not stored for want of
 * memory: those take no index). Snapshot LOST is the size of
 * the gaps found in the interval and OUT_OF_SEQUENCE the late frames that
 * filled one, so sum(LOST) - sum(OUT_OF_SEQUENCE) is the trigger's LOST.
 *
 * Notifications
 * -------------
 * The multicast group BBGEN_MCGRP_MONITOR ("monitor"; joining it needs
 * CAP_NET_ADMIN in the namespace's user namespace) carries, for the
 * namespace of the socket that joined:
 * BBGEN_CMD_PORT_GONE_NTF       port: IFINDEX, DEV: the port was deleted
 *                               (PORT_DEL, its device unregistered or moved,
 *                               or its owner socket closed)
 * BBGEN_CMD_STREAM_STATE_NTF    stream: ID, STATE, TX_FRAMES, TX_BYTES,
 *                               [FIRST_TX_NS, LAST_TX_NS]: the stream
 *                               started (RUNNING), sent its last frame
 *                               (DONE) or was stopped (STOPPED)
 * BBGEN_CMD_TRIGGER_SNAPSHOT_NTF  trigger: ID, SNAPSHOT (with its INDEX):
 *                               an interval closed. An interval closes when
 *                               a frame of a later one arrives or when
 *                               TRIGGER_HISTORY reads after its end, so the
 *                               last interval of a burst is announced when
 *                               someone reads the history.
 * A listener that misses some (ENOBUFS on its socket) reads the history
 * from its cursor and the objects with GET, as without notifications.
 *
 * Tag wire format
 * ---------------
 * At SEQ_OFFSET in the frame (default: the last 8 bytes of the UDP payload),
 * network byte order:
 *   | checksum fix (2) | sequence number (6) |
 * The fix is chosen per frame so that the one's-complement sum of the tag
 * equals that of the template bytes it overwrites: the UDP checksum that
 * userspace computed for the template stays valid on every frame.
 * With latency, the last BBGEN_TIME_TAG_LEN bytes of the UDP payload are
 *   | checksum fix (2) | sequence number (6) | TX time (8, CLOCK_TAI ns) |
 * one fix covering all 14 bytes after it.
 *
 * RTP (RTP_OFFSET and RTP_SAMPLES, given together): every template holds
 * an RFC 3550 header (version 2) at RTP_OFFSET, inside its UDP payload and
 * clear of the tag. Frame N (the tag's sequence number) carries RTP
 * sequence number = the template's + N (mod 2^16) and timestamp = the
 * template's + N * RTP_SAMPLES (mod 2^32); the rest of the header (payload
 * type, SSRC) is sent as the template has it. The tag's checksum fix also
 * covers the RTP fields, so the UDP checksum stays valid.
 *
 * RTP on a trigger: its frames carry an RTP header at the start of the UDP
 * payload (as bbd's voice streams send them), and RTP_SEQ_ERRORS counts
 * the frames whose RTP sequence number does not follow their tag: (RTP
 * sequence - tag sequence) mod 2^16 differs from the first frame's, or the
 * frame has no RTP version 2 header. Loss, reordering and duplicates move
 * both numbers alike: LOST, OUT_OF_SEQUENCE and DUPLICATES count them.
 */
#ifndef _UAPI_LINUX_BBGEN_H
#define _UAPI_LINUX_BBGEN_H

#define BBGEN_GENL_NAME		"bbgen"
#define BBGEN_GENL_VERSION	1
#define BBGEN_MCGRP_MONITOR	"monitor"	/* see Notifications above */

/* Size of the sequence tag: checksum fix + 48-bit sequence number. */
#define BBGEN_SEQ_TAG_LEN	8
#define BBGEN_SEQ_MAX		((1ULL << 48) - 1)

/* Limits the kernel enforces; userspace uses them for early messages. */
#define BBGEN_FRAME_MIN		60	/* Ethernet frame without FCS */
#define BBGEN_FRAME_MAX		9600
#define BBGEN_INTERVAL_MIN_NS	1ULL
#define BBGEN_INTERVAL_MAX_NS	3600000000000ULL	/* one hour */
#define BBGEN_ID_MAX		0x7fffffff
#define BBGEN_TIME_TAG_LEN	16	/* sequence tag + 8-byte TX time */
#define BBGEN_TEMPLATES_MAX	256
#define BBGEN_CYCLE_MAX		65536	/* template cycle, in frames */
#define BBGEN_RATE_PERIOD_MAX_NS	86400000000000ULL	/* one day */
/* Latencies above this (or negative) are implausible: counted as INVALID. */
#define BBGEN_LATENCY_MAX_NS	60000000000ULL	/* 60 s */
#define BBGEN_TRIGGER_INTERVAL_MIN_MS	10
#define BBGEN_TRIGGER_INTERVAL_MAX_MS	3600000	/* one hour */
#define BBGEN_TRIGGER_INTERVAL_DEFAULT_MS	1000
#define BBGEN_LOSS_EVENTS_MAX	64	/* loss events kept per trigger */
#define BBGEN_HISTORY_MAX	3600	/* snapshots kept per trigger */
#define BBGEN_RTP_HDR_LEN	12	/* RFC 3550 fixed header, no CSRCs */
#define BBGEN_RTP_SAMPLES_MAX	65535	/* RTP timestamp step per frame */
#define BBGEN_CPU_MAX		8191	/* the kernel's NR_CPUS at most */

enum bbgen_cmd {
	BBGEN_CMD_UNSPEC,
	BBGEN_CMD_PORT_ADD,
	BBGEN_CMD_PORT_DEL,
	BBGEN_CMD_PORT_GET,
	BBGEN_CMD_STREAM_ADD,
	BBGEN_CMD_STREAM_DEL,
	BBGEN_CMD_STREAM_START,
	BBGEN_CMD_STREAM_STOP,
	BBGEN_CMD_STREAM_GET,
	BBGEN_CMD_TRIGGER_ADD,
	BBGEN_CMD_TRIGGER_DEL,
	BBGEN_CMD_TRIGGER_GET,
	BBGEN_CMD_TRIGGER_HISTORY,
	BBGEN_CMD_TRIGGER_HISTOGRAM,
	BBGEN_CMD_PORT_GONE_NTF,	/* notifications of BBGEN_MCGRP_MONITOR */
	BBGEN_CMD_STREAM_STATE_NTF,
	BBGEN_CMD_TRIGGER_SNAPSHOT_NTF,

	__BBGEN_CMD_MAX
};
#define BBGEN_CMD_MAX (__BBGEN_CMD_MAX - 1)

enum bbgen_stream_state {
	BBGEN_STREAM_STATE_IDLE,	/* added, never started */
	BBGEN_STREAM_STATE_RUNNING,
	BBGEN_STREAM_STATE_DONE,	/* sent COUNT frames */
	BBGEN_STREAM_STATE_STOPPED,	/* stopped before the end */
};

enum bbgen_xmit_mode {
	/* dev_queue_xmit: through the qdisc, so tc (netem, shapers) applies */
	BBGEN_XMIT_MODE_QUEUE,
	/* the driver's xmit under the TX queue lock, bypassing the qdisc */
	BBGEN_XMIT_MODE_DIRECT,
};

/* Where a port's RX time stamps come from. */
enum bbgen_timestamping {
	/* CLOCK_TAI read in the rx_handler */
	BBGEN_TIMESTAMPING_SOFTWARE,
	/*
	 * the NIC's RX stamp (skb_hwtstamps): refused unless the device
	 * reports SOF_TIMESTAMPING_RX_HARDWARE. bbgen does not configure the
	 * device: enable RX stamping (e.g. hwstamp_ctl -r 1) and keep its PHC
	 * on TAI (phc2sys). A frame without a stamp gets the software time.
	 */
	BBGEN_TIMESTAMPING_HARDWARE,
};

/* The order of the template cycle that WEIGHTS expand into. */
enum bbgen_order {
	/* each template as often as its weight, spread evenly over the cycle */
	BBGEN_ORDER_FIXED,
	/* the same cycle shuffled (Fisher-Yates, seeded by SEED) */
	BBGEN_ORDER_SHUFFLE,
};

enum bbgen_port_attrs {
	BBGEN_A_PORT_UNSPEC,
	BBGEN_A_PORT_IFINDEX,		/* u32 */
	BBGEN_A_PORT_DEV,		/* string, IFNAMSIZ */
	BBGEN_A_PORT_STREAMS,		/* u32, streams on the port */
	BBGEN_A_PORT_TRIGGERS,		/* u32, triggers on the port */
	BBGEN_A_PORT_SOCKET_OWNER,	/* flag: delete when the socket closes */
	BBGEN_A_PORT_TIMESTAMPING,	/* u32, enum bbgen_timestamping */

	__BBGEN_A_PORT_MAX
};
#define BBGEN_A_PORT_MAX (__BBGEN_A_PORT_MAX - 1)

enum bbgen_stream_attrs {
	BBGEN_A_STREAM_UNSPEC,
	BBGEN_A_STREAM_PAD,
	BBGEN_A_STREAM_ID,		/* u32, 1..BBGEN_ID_MAX */
	BBGEN_A_STREAM_IFINDEX,		/* u32 */
	BBGEN_A_STREAM_DEV,		/* string */
	BBGEN_A_STREAM_TEMPLATE,	/* binary, BBGEN_FRAME_MIN..MAX bytes */
	BBGEN_A_STREAM_INTERVAL_NS,	/* u64, inter-frame interval */
	BBGEN_A_STREAM_COUNT,		/* u64, frames to send, >= 1 */
	BBGEN_A_STREAM_SEQ_OFFSET,	/* u32, byte offset of the seq tag */
	BBGEN_A_STREAM_XMIT_MODE,	/* u32, enum bbgen_xmit_mode */
	BBGEN_A_STREAM_STATE,		/* u32, enum bbgen_stream_state */
	BBGEN_A_STREAM_FRAME_SIZE,	/* u32, template length */
	BBGEN_A_STREAM_TX_FRAMES,	/* u64 */
	BBGEN_A_STREAM_TX_BYTES,	/* u64 */
	BBGEN_A_STREAM_TX_BUSY,		/* u64, driver said busy: retried */
	BBGEN_A_STREAM_FIRST_TX_NS,	/* u64 */
	BBGEN_A_STREAM_LAST_TX_NS,	/* u64 */
	BBGEN_A_STREAM_SOCKET_OWNER,	/* flag: delete when the socket closes */
	BBGEN_A_STREAM_RATE_FRAMES,	/* u64, RATE_FRAMES frames every ... */
	BBGEN_A_STREAM_RATE_PERIOD_NS,	/* u64, ... RATE_PERIOD_NS ns */
	BBGEN_A_STREAM_DURATION_NS,	/* u64, send for this long, >= 1 */
	BBGEN_A_STREAM_DELAY_NS,	/* u64, wait after the start */
	BBGEN_A_STREAM_START_TAI_NS,	/* u64, CLOCK_TAI start instant */
	BBGEN_A_STREAM_LATENCY,		/* flag: 16-byte tag with TX time */
	BBGEN_A_STREAM_WEIGHTS,		/* binary, u32[] one per template */
	BBGEN_A_STREAM_ORDER,		/* u32, enum bbgen_order */
	BBGEN_A_STREAM_SEED,		/* u32, shuffle seed */
	BBGEN_A_STREAM_SEQUENCE,	/* binary, u16[] template indices */
	BBGEN_A_STREAM_TEMPLATES,	/* u32, number of templates */
	BBGEN_A_STREAM_CYCLE_LEN,	/* u32, frames in one template cycle */
	BBGEN_A_STREAM_RTP_OFFSET,	/* u32, byte offset of an RTP header */
	BBGEN_A_STREAM_RTP_SAMPLES,	/* u32, RTP timestamp step per frame */
	BBGEN_A_STREAM_TX_TIME_ERROR_NS, /* u64, bound on a TX time's error */
	BBGEN_A_STREAM_CPU,		/* u32, CPU of its TX worker */

	__BBGEN_A_STREAM_MAX
};
#define BBGEN_A_STREAM_MAX (__BBGEN_A_STREAM_MAX - 1)

enum bbgen_trigger_attrs {
	BBGEN_A_TRIGGER_UNSPEC,
	BBGEN_A_TRIGGER_PAD,
	BBGEN_A_TRIGGER_ID,		/* u32, 1..BBGEN_ID_MAX */
	BBGEN_A_TRIGGER_IFINDEX,	/* u32 */
	BBGEN_A_TRIGGER_DEV,		/* string */
	BBGEN_A_TRIGGER_UDP_DPORT,	/* u16, host order, 1..65535 */
	BBGEN_A_TRIGGER_UDP_SPORT,	/* u16, host order, 1..65535 */
	BBGEN_A_TRIGGER_SRC_IPV4,	/* binary, 4 bytes, network order */
	BBGEN_A_TRIGGER_DST_IPV4,	/* binary, 4 bytes */
	BBGEN_A_TRIGGER_SRC_IPV6,	/* binary, 16 bytes */
	BBGEN_A_TRIGGER_DST_IPV6,	/* binary, 16 bytes */
	BBGEN_A_TRIGGER_RX_FRAMES,	/* u64 */
	BBGEN_A_TRIGGER_RX_BYTES,	/* u64, Ethernet frame without FCS */
	BBGEN_A_TRIGGER_HIGHEST_SEQ,	/* u64 */
	BBGEN_A_TRIGGER_LOST,		/* u64 */
	BBGEN_A_TRIGGER_OUT_OF_SEQUENCE,	/* u64 */
	BBGEN_A_TRIGGER_DUPLICATES,	/* u64 */
	BBGEN_A_TRIGGER_FIRST_RX_NS,	/* u64 */
	BBGEN_A_TRIGGER_LAST_RX_NS,	/* u64 */
	BBGEN_A_TRIGGER_SOCKET_OWNER,	/* flag: delete when the socket closes */
	BBGEN_A_TRIGGER_LATENCY,	/* flag: frames carry the time tag */
	BBGEN_A_TRIGGER_RANGE_MIN_NS,	/* u64, reporting range, default 0 */
	BBGEN_A_TRIGGER_RANGE_MAX_NS,	/* u64, default BBGEN_LATENCY_MAX_NS */
	BBGEN_A_TRIGGER_INTERVAL_MS,	/* u32, snapshot interval */
	BBGEN_A_TRIGGER_VLAN_ID,	/* u16, outer VLAN id, 1..4094 */
	BBGEN_A_TRIGGER_LATENCY_STATS,	/* nest, enum bbgen_latency_attrs */
	BBGEN_A_TRIGGER_LOSS_EVENT,	/* nest, bbgen_loss_event_attrs; repeated */
	BBGEN_A_TRIGGER_LOSS_EVENTS_TOTAL,	/* u64, gaps detected */
	BBGEN_A_TRIGGER_HISTORY_DROPPED,	/* u64, snapshots lost (see above) */
	BBGEN_A_TRIGGER_SNAPSHOT,	/* nest, bbgen_snapshot_attrs; repeated */
	BBGEN_A_TRIGGER_BUCKET,		/* nest, bbgen_bucket_attrs; repeated */
	BBGEN_A_TRIGGER_RTP,		/* flag: RTP first in the UDP payload */
	BBGEN_A_TRIGGER_RTP_SEQ_ERRORS,	/* u64 */
	BBGEN_A_TRIGGER_HISTORY_FROM,	/* u64, first snapshot INDEX wanted */

	__BBGEN_A_TRIGGER_MAX
};
#define BBGEN_A_TRIGGER_MAX (__BBGEN_A_TRIGGER_MAX - 1)

/* Nested in BBGEN_A_TRIGGER_LATENCY_STATS; all u64 nanoseconds or counts. */
enum bbgen_latency_attrs {
	BBGEN_A_LATENCY_UNSPEC,
	BBGEN_A_LATENCY_PAD,
	BBGEN_A_LATENCY_COUNT,		/* frames in the statistics */
	BBGEN_A_LATENCY_MIN_NS,
	BBGEN_A_LATENCY_AVG_NS,
	BBGEN_A_LATENCY_MAX_NS,
	BBGEN_A_LATENCY_JITTER_NS,	/* RFC 3550 interarrival jitter */
	BBGEN_A_LATENCY_P50_NS,
	BBGEN_A_LATENCY_P90_NS,
	BBGEN_A_LATENCY_P99_NS,
	BBGEN_A_LATENCY_P999_NS,
	BBGEN_A_LATENCY_P9999_NS,
	BBGEN_A_LATENCY_BELOW_RANGE,
	BBGEN_A_LATENCY_ABOVE_RANGE,
	BBGEN_A_LATENCY_INVALID,	/* negative or > BBGEN_LATENCY_MAX_NS */

	__BBGEN_A_LATENCY_MAX
};
#define BBGEN_A_LATENCY_MAX (__BBGEN_A_LATENCY_MAX - 1)

/* Nested in BBGEN_A_TRIGGER_LOSS_EVENT; u64s. */
enum bbgen_loss_event_attrs {
	BBGEN_A_LOSS_EVENT_UNSPEC,
	BBGEN_A_LOSS_EVENT_PAD,
	BBGEN_A_LOSS_EVENT_FIRST_SEQ,	/* first missing sequence number */
	BBGEN_A_LOSS_EVENT_COUNT,	/* numbers missing at detection */
	BBGEN_A_LOSS_EVENT_RX_NS,	/* RX time of the frame after the gap */

	__BBGEN_A_LOSS_EVENT_MAX
};
#define BBGEN_A_LOSS_EVENT_MAX (__BBGEN_A_LOSS_EVENT_MAX - 1)

/* Nested in BBGEN_A_TRIGGER_SNAPSHOT; u64s. */
enum bbgen_snapshot_attrs {
	BBGEN_A_SNAPSHOT_UNSPEC,
	BBGEN_A_SNAPSHOT_PAD,
	BBGEN_A_SNAPSHOT_START_NS,	/* CLOCK_TAI, a multiple of the interval */
	BBGEN_A_SNAPSHOT_FRAMES,
	BBGEN_A_SNAPSHOT_BYTES,
	BBGEN_A_SNAPSHOT_LOST,		/* gap sizes found in this interval */
	BBGEN_A_SNAPSHOT_OUT_OF_SEQUENCE,
	BBGEN_A_SNAPSHOT_LATENCY_COUNT,	/* valid latencies in this interval */
	BBGEN_A_SNAPSHOT_LATENCY_MIN_NS,
	BBGEN_A_SNAPSHOT_LATENCY_AVG_NS,
	BBGEN_A_SNAPSHOT_LATENCY_MAX_NS,
	BBGEN_A_SNAPSHOT_JITTER_NS,
	BBGEN_A_SNAPSHOT_INDEX,		/* 0, 1, ... in the order stored */

	__BBGEN_A_SNAPSHOT_MAX
};
#define BBGEN_A_SNAPSHOT_MAX (__BBGEN_A_SNAPSHOT_MAX - 1)

/* Nested in BBGEN_A_TRIGGER_BUCKET; u64s. */
enum bbgen_bucket_attrs {
	BBGEN_A_BUCKET_UNSPEC,
	BBGEN_A_BUCKET_PAD,
	BBGEN_A_BUCKET_UPPER_NS,	/* highest latency the bucket holds */
	BBGEN_A_BUCKET_COUNT,

	__BBGEN_A_BUCKET_MAX
};
#define BBGEN_A_BUCKET_MAX (__BBGEN_A_BUCKET_MAX - 1)

#endif /* _UAPI_LINUX_BBGEN_H */
