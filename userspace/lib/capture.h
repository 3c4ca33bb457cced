/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * A libpcap capture into a pcap file: nanosecond timestamps (so a frame's
 * capture time compares with the tag's TX time), the adapter's own RX
 * stamps when the device has them, a BPF filter, a snap length, and
 * limits in frames and file bytes. Non-blocking: the caller polls
 * bb_capture_fd() (bbctl capture, bbd's event loop). Drops are counted by
 * the kernel and reported, never hidden.
 */
#ifndef BB_CAPTURE_H
#define BB_CAPTURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define BB_CAPTURE_SNAPLEN_DFLT	262144u
#define BB_CAPTURE_SNAPLEN_MIN	64u
#define BB_CAPTURE_BUFFER	(16u << 20)	/* the kernel ring, bytes */
#define BB_CAPTURE_FILE_HDR	24u		/* pcap file header */
#define BB_CAPTURE_REC_HDR	16u		/* pcap record header */
#define BB_CAPTURE_ERR_MAX		512u		/* room for an error line */

struct bb_capture_cfg {
	const char *dev;
	const char *filter;	/* BPF program text; NULL or "": every frame */
	unsigned int snaplen;	/* bytes kept of each frame; 0: default */
	uint64_t max_frames;	/* stop after this many; 0: no limit */
	uint64_t max_bytes;	/* the file stays within this; 0: no limit */
	bool promisc;
};

struct bb_capture_stats {
	uint64_t frames;	/* written to the file */
	uint64_t file_bytes;	/* the file's size */
	uint64_t dropped;	/* no room in the kernel's buffer */
	uint64_t if_dropped;	/* dropped by the interface or driver */
	bool limited;		/* max_frames or max_bytes stopped it */
	bool adapter_stamps;	/* the device's own RX timestamps */
};

struct bb_capture {
	void *pcap;		/* pcap_t */
	void *dumper;		/* pcap_dumper_t */
	struct bb_capture_cfg cfg;
	struct bb_capture_stats st;
};

/* Open dev (in the caller's network namespace), compile and set the
 * filter, create the file at path ("-": standard output). 0, or -1 with
 * one line in err (libpcap's own text for a bad filter or device). */
int bb_capture_open(struct bb_capture *c, const struct bb_capture_cfg *cfg,
		    const char *path, char *err, size_t errlen);
/* The descriptor to poll for input. */
int bb_capture_fd(const struct bb_capture *c);
/* Write what has arrived: 1 once a limit is reached, 0 to go on, -1 with
 * err on a read error. */
int bb_capture_read(struct bb_capture *c, char *err, size_t errlen);
/* The counts so far (the kernel's drop counters included). */
void bb_capture_stats(struct bb_capture *c, struct bb_capture_stats *st);
/* Flush and close the file and the capture. */
void bb_capture_close(struct bb_capture *c);

/* Does filter compile (for Ethernet frames of snaplen)? 0, or -1 with
 * libpcap's message in err. Needs no device and no privilege. */
int bb_capture_check_filter(const char *filter, unsigned int snaplen,
			    char *err, size_t errlen);

/* Would a frame of caplen bytes still fit in max_bytes? Pure: tested. */
bool bb_capture_fits(uint64_t file_bytes, uint32_t caplen, uint64_t max_bytes);

#endif
