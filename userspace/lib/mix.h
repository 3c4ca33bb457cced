/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Frame-size mixes of a stream: one size, a list sent in turn, an IMIX
 * (sizes picked by weight, by the kernel), or a sampled distribution whose
 * distinct sizes become the templates and whose sample order is sent as
 * the template sequence. Sizes are Ethernet frames without FCS, as built
 * (VLAN tags included). Range checks against the frame's minimum size are
 * the caller's: it knows the headers.
 */
#ifndef BB_MIX_H
#define BB_MIX_H

#include <stdint.h>

#define BB_MIX_MAX		4096	/* templates, and sequence length */
#define BB_MIX_WEIGHT_MAX	65536	/* = BBGEN_CYCLE_MAX */
#define BB_SIZE_DIST_SAMPLES	4096

/* ByteBlower's default IMIX (Imix.DEFAULT_IMIX_FRAME_CONFIG). */
#define BB_IMIX_DEFAULT "72:34,124:6,252:4,508:4,1020:9,1276:25,1510:18"

enum bb_mix_kind {
	BB_MIX_ONE,		/* one size */
	BB_MIX_CYCLE,		/* sizes B1,B2,...: sent in turn */
	BB_MIX_WEIGHTED,	/* imix: picked by weight */
	BB_MIX_SEQUENCE,	/* size-dist: seq[] is the order */
};

struct bb_mix {
	enum bb_mix_kind kind;
	unsigned int n;			/* templates */
	uint32_t size[BB_MIX_MAX];
	/* WEIGHTED: as given; SEQUENCE: occurrences in seq; else 1 */
	uint32_t weight[BB_MIX_MAX];
	unsigned int seq_len;		/* SEQUENCE only */
	uint16_t seq[BB_MIX_MAX];	/* template indices */
};

/* Parameters of size-dist normal MEAN STDDEV MIN MAX. */
struct bb_size_dist {
	double mean;
	double stddev;
	uint32_t min;
	uint32_t max;
};

void bb_mix_one(struct bb_mix *m, uint32_t size);

/*
 * "B1,B2,...": decimal sizes, at least one, at most BB_MIX_MAX, each
 * 1..65535 (the caller checks the frame limits). 0 or -EINVAL.
 */
int bb_mix_parse_sizes(const char *s, struct bb_mix *m);

/*
 * "default" (BB_IMIX_DEFAULT) or "SIZE:WEIGHT,...". Returns 0, -EINVAL if
 * malformed, -ERANGE if a weight is outside 1..BB_MIX_WEIGHT_MAX, -EEXIST
 * if a size is listed twice; *bad is then that size (or weight).
 */
int bb_mix_parse_imix(const char *s, struct bb_mix *m, uint32_t *bad);

/*
 * Sample samples (<= BB_MIX_MAX) sizes from the normal distribution,
 * rounded to the nearest byte and clamped to [min, max], with a generator
 * seeded with seed. The distinct sizes, ascending, are the templates.
 * -EINVAL if min > max, stddev < 0 or a value is not finite.
 */
int bb_mix_normal(struct bb_mix *m, const struct bb_size_dist *dist,
		  unsigned int samples, uint64_t seed);

/* Smallest and largest size of the mix. */
uint32_t bb_mix_min(const struct bb_mix *m);
uint32_t bb_mix_max(const struct bb_mix *m);

/*
 * For bit rates: *bytes = sum of weight * (size + extra), *weight = sum
 * of the weights; the mean frame is *bytes / *weight bytes.
 */
void bb_mix_wire(const struct bb_mix *m, unsigned int extra, uint64_t *bytes,
		 uint64_t *weight);

/* Sum of the template sizes (the bytes sent to the kernel). */
uint64_t bb_mix_template_bytes(const struct bb_mix *m);

#endif
