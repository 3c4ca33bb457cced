/* SPDX-License-Identifier: (GPL-2.0 WITH Linux-syscall-note) OR MIT */
/*
 * bbgen: the kernel half of the bb network traffic tester.
 *
 * Generic netlink family "bbgen", version 1. Every operation needs
 * CAP_NET_ADMIN in the caller's network namespace (GENL_ADMIN_PERM); objects
 * live in the namespace of the socket that created them and ids are per
 * namespace. Documentation/netlink/bbgen.yaml describes the same family as a
 * YNL spec; keep the two in step.
 *
 * Objects
 * -------
 * port     a netdev bound to bbgen: holds the rx_handler that feeds triggers.
 * stream   a TX stream on a port: one frame template sent count times at a
 *          fixed inter-frame interval, every frame carrying a fresh sequence
 *          tag (and, later, a time tag).
 * trigger  an RX classifier on a port: matches UDP test frames and keeps
 *          counters and sequence analysis for them.
 *
 * Commands and their attribute trees
 * ----------------------------------
 * BBGEN_CMD_PORT_ADD     port: IFINDEX | DEV, [SOCKET_OWNER]
 * BBGEN_CMD_PORT_DEL     port: IFINDEX | DEV
 * BBGEN_CMD_PORT_GET     port: IFINDEX | DEV  (do) / nothing (dump)
 *   reply                port: IFINDEX, DEV, STREAMS, TRIGGERS
 *
 * BBGEN_CMD_STREAM_ADD   stream: IFINDEX | DEV, [ID], TEMPLATE, INTERVAL_NS,
 *                        COUNT, [SEQ_OFFSET], [XMIT_MODE], [SOCKET_OWNER]
 *   reply                stream: ID (the id given or allocated)
 * BBGEN_CMD_STREAM_START stream: ID
 * BBGEN_CMD_STREAM_STOP  stream: ID
 * BBGEN_CMD_STREAM_DEL   stream: ID   (stops it first if it runs)
 * BBGEN_CMD_STREAM_GET   stream: ID (do) / nothing (dump)
 *   reply                stream: ID, IFINDEX, DEV, STATE, FRAME_SIZE,
 *                        INTERVAL_NS, COUNT, SEQ_OFFSET, XMIT_MODE,
 *                        TX_FRAMES, TX_BYTES, TX_BUSY, FIRST_TX_NS,
 *                        LAST_TX_NS
 *
 * BBGEN_CMD_TRIGGER_ADD  trigger: IFINDEX | DEV, [ID], UDP_DPORT,
 *                        [UDP_SPORT], [SRC_IPV4 | SRC_IPV6],
 *                        [DST_IPV4 | DST_IPV6], [SOCKET_OWNER]
 *   reply                trigger: ID
 * BBGEN_CMD_TRIGGER_DEL  trigger: ID
 * BBGEN_CMD_TRIGGER_GET  trigger: ID (do) / nothing (dump)
 *   reply                trigger: ID, IFINDEX, DEV, UDP_DPORT, [UDP_SPORT],
 *                        [SRC_*], [DST_*], RX_FRAMES, RX_BYTES,
 *                        [HIGHEST_SEQ], LOST, OUT_OF_SEQUENCE, DUPLICATES,
 *                        [FIRST_RX_NS, LAST_RX_NS]
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
 * Tag wire format
 * ---------------
 * At SEQ_OFFSET in the frame (default: the last 8 bytes of the UDP payload),
 * network byte order:
 *   | checksum fix (2) | sequence number (6) |
 * The fix is chosen per frame so that the one's-complement sum of the tag
 * equals that of the template bytes it overwrites: the UDP checksum that
 * userspace computed for the template stays valid on every frame.
 */
#ifndef _UAPI_LINUX_BBGEN_H
#define _UAPI_LINUX_BBGEN_H

#define BBGEN_GENL_NAME		"bbgen"
#define BBGEN_GENL_VERSION	1

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
	BBGEN_A_STREAM_START_TAI_NS,	/* u64, CLOCK_TAI start (START only) */
	BBGEN_A_STREAM_LATENCY,		/* flag: 16-byte tag with TX time */
	BBGEN_A_STREAM_WEIGHTS,		/* binary, u32[] one per template */
	BBGEN_A_STREAM_ORDER,		/* u32, enum bbgen_order */
	BBGEN_A_STREAM_SEED,		/* u32, shuffle seed */
	BBGEN_A_STREAM_SEQUENCE,	/* binary, u16[] template indices */
	BBGEN_A_STREAM_TEMPLATES,	/* u32, number of templates */
	BBGEN_A_STREAM_CYCLE_LEN,	/* u32, frames in one template cycle */

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

	__BBGEN_A_TRIGGER_MAX
};
#define BBGEN_A_TRIGGER_MAX (__BBGEN_A_TRIGGER_MAX - 1)

#endif /* _UAPI_LINUX_BBGEN_H */
