// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* A libpcap capture into a pcap file (capture.h). */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <pcap/pcap.h>

#include "capture.h"

bool bb_capture_fits(uint64_t file_bytes, uint32_t caplen, uint64_t max_bytes)
{
	return !max_bytes || file_bytes + BB_CAPTURE_REC_HDR + caplen <= max_bytes;
}

int bb_capture_check_filter(const char *filter, unsigned int snaplen,
			    char *err, size_t errlen)
{
	pcap_t *p = pcap_open_dead_with_tstamp_precision(DLT_EN10MB, (int)snaplen,
							 PCAP_TSTAMP_PRECISION_NANO);
	struct bpf_program prog;
	int ret = 0;

	if (!p) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	if (pcap_compile(p, &prog, filter, 1, PCAP_NETMASK_UNKNOWN)) {
		snprintf(err, errlen, "%s", pcap_geterr(p));
		ret = -1;
	} else {
		pcap_freecode(&prog);
	}
	pcap_close(p);
	return ret;
}

/* The adapter's RX stamps if the device offers them, else the host's. */
static bool adapter_stamps(pcap_t *p)
{
	int *types = NULL, n = pcap_list_tstamp_types(p, &types), i;
	bool hw = false;

	for (i = 0; i < n && !hw; i++)
		if (types[i] == PCAP_TSTAMP_ADAPTER_UNSYNCED ||
		    types[i] == PCAP_TSTAMP_ADAPTER)
			hw = !pcap_set_tstamp_type(p, types[i]);
	if (n > 0)
		pcap_free_tstamp_types(types);
	return hw;
}

static int fail(struct bb_capture *c, char *err, size_t errlen,
		const char *what, const char *why)
{
	snprintf(err, errlen, "%s: %s", what, why);
	bb_capture_close(c);
	return -1;
}

static int set_filter(struct bb_capture *c, char *err, size_t errlen)
{
	pcap_t *p = c->pcap;
	struct bpf_program prog;
	int ret;

	if (!c->cfg.filter || !c->cfg.filter[0])
		return 0;
	if (pcap_compile(p, &prog, c->cfg.filter, 1, PCAP_NETMASK_UNKNOWN))
		return fail(c, err, errlen, "filter", pcap_geterr(p));
	ret = pcap_setfilter(p, &prog);
	pcap_freecode(&prog);
	if (ret)
		return fail(c, err, errlen, "filter", pcap_geterr(p));
	return 0;
}

static int activate(struct bb_capture *c, char *err, size_t errlen)
{
	pcap_t *p = c->pcap;
	int ret;

	pcap_set_snaplen(p, (int)c->cfg.snaplen);
	pcap_set_promisc(p, c->cfg.promisc);
	pcap_set_immediate_mode(p, 1);
	pcap_set_buffer_size(p, BB_CAPTURE_BUFFER);
	pcap_set_tstamp_precision(p, PCAP_TSTAMP_PRECISION_NANO);
	c->st.adapter_stamps = adapter_stamps(p);
	ret = pcap_activate(p);
	if (ret < 0) {
		/* the generic codes carry no text of their own */
		const char *why = ret == PCAP_ERROR_NO_SUCH_DEVICE ? "no such device" :
				  ret == PCAP_ERROR_PERM_DENIED ? "permission denied (needs CAP_NET_RAW)" :
				  pcap_geterr(p);
		return fail(c, err, errlen, c->cfg.dev, why[0] ? why : pcap_statustostr(ret));
	}
	if (pcap_setnonblock(p, 1, err))
		return fail(c, err, errlen, c->cfg.dev, pcap_geterr(p));
	return 0;
}

int bb_capture_open(struct bb_capture *c, const struct bb_capture_cfg *cfg,
		    const char *path, char *err, size_t errlen)
{
	char ebuf[PCAP_ERRBUF_SIZE] = "";

	memset(c, 0, sizeof(*c));
	c->cfg = *cfg;
	if (!c->cfg.snaplen)
		c->cfg.snaplen = BB_CAPTURE_SNAPLEN_DFLT;
	c->pcap = pcap_create(cfg->dev, ebuf);
	if (!c->pcap)
		return fail(c, err, errlen, cfg->dev, ebuf);
	if (activate(c, err, errlen) || set_filter(c, err, errlen))
		return -1;
	c->dumper = pcap_dump_open(c->pcap, path);
	if (!c->dumper)
		return fail(c, err, errlen, path, pcap_geterr(c->pcap));
	c->st.file_bytes = BB_CAPTURE_FILE_HDR;
	return 0;
}

int bb_capture_fd(const struct bb_capture *c)
{
	return pcap_get_selectable_fd(c->pcap);
}

static void one_frame(u_char *arg, const struct pcap_pkthdr *h, const u_char *data)
{
	struct bb_capture *c = (struct bb_capture *)arg;

	if (c->st.limited)
		return;
	if (!bb_capture_fits(c->st.file_bytes, h->caplen, c->cfg.max_bytes)) {
		c->st.limited = true;
		return;
	}
	pcap_dump(c->dumper, h, data);
	c->st.frames++;
	c->st.file_bytes += BB_CAPTURE_REC_HDR + h->caplen;
	if (c->cfg.max_frames && c->st.frames >= c->cfg.max_frames)
		c->st.limited = true;
}

int bb_capture_read(struct bb_capture *c, char *err, size_t errlen)
{
	int n;

	do {
		n = pcap_dispatch(c->pcap, -1, one_frame, (u_char *)c);
	} while (n > 0 && !c->st.limited);
	if (n == PCAP_ERROR) {
		snprintf(err, errlen, "%s: %s", c->cfg.dev, pcap_geterr(c->pcap));
		return -1;
	}
	/* a full disk or a reader gone (tshark quit): stop, say so */
	if (ferror(pcap_dump_file(c->dumper))) {
		snprintf(err, errlen, "writing the file: %s", strerror(errno));
		return -1;
	}
	return c->st.limited;
}

void bb_capture_stats(struct bb_capture *c, struct bb_capture_stats *st)
{
	struct pcap_stat ps;

	if (c->pcap && !pcap_stats(c->pcap, &ps)) {
		c->st.dropped = ps.ps_drop;
		c->st.if_dropped = ps.ps_ifdrop;
	}
	*st = c->st;
}

void bb_capture_close(struct bb_capture *c)
{
	if (c->dumper)
		pcap_dump_close(c->dumper);
	if (c->pcap)
		pcap_close(c->pcap);
	c->dumper = NULL;
	c->pcap = NULL;
}
