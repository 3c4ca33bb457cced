// SPDX-License-Identifier: GPL-2.0-only OR MIT
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mix.h"
#include "rng.h"

/* Largest size a list element may name; frame limits are the caller's. */
#define SIZE_MAX_PARSE 65535

void bb_mix_one(struct bb_mix *m, uint32_t size)
{
	m->kind = BB_MIX_ONE;
	m->n = 1;
	m->size[0] = size;
	m->weight[0] = 1;
	m->seq_len = 0;
}

/* Decimal digits at *p, up to max; *p moves past them. */
static int take_uint(const char **p, uint32_t max, uint32_t *v)
{
	uint64_t acc = 0;
	const char *s = *p;

	if (*s < '0' || *s > '9')
		return -EINVAL;
	for (; *s >= '0' && *s <= '9'; s++)
		if ((acc = acc * 10 + (uint64_t)(*s - '0')) > max)
			acc = (uint64_t)max + 1;	/* saturate, keep going */
	*p = s;
	*v = (uint32_t)acc;
	return acc > max ? -ERANGE : 0;
}

/* After an element: ',' and another element, or the end. */
static int next_elem(const char **p, unsigned int count)
{
	if (!**p)
		return 0;
	if (**p != ',' || !(*p)[1] || count >= BB_MIX_MAX)
		return -EINVAL;
	(*p)++;
	return 1;
}

int bb_mix_parse_sizes(const char *s, struct bb_mix *m)
{
	int more = 1;

	m->kind = BB_MIX_CYCLE;
	m->n = 0;
	m->seq_len = 0;
	while (more > 0) {
		if (take_uint(&s, SIZE_MAX_PARSE, &m->size[m->n]))
			return -EINVAL;
		m->weight[m->n++] = 1;
		more = next_elem(&s, m->n);
	}
	return more;
}

static int find_size(const struct bb_mix *m, uint32_t size)
{
	unsigned int i;

	for (i = 0; i < m->n; i++)
		if (m->size[i] == size)
			return (int)i;
	return -1;
}

/* One "SIZE:WEIGHT" at *p into the mix. */
static int imix_elem(const char **p, struct bb_mix *m, uint32_t *bad)
{
	uint32_t size, w;
	int ret;

	if (take_uint(p, SIZE_MAX_PARSE, &size) || **p != ':')
		return -EINVAL;
	(*p)++;
	ret = take_uint(p, BB_MIX_WEIGHT_MAX, &w);
	if (ret == -EINVAL)
		return ret;
	if (ret || !w) {
		*bad = w;
		return -ERANGE;
	}
	if (find_size(m, size) >= 0) {
		*bad = size;
		return -EEXIST;
	}
	m->size[m->n] = size;
	m->weight[m->n++] = w;
	return 0;
}

int bb_mix_parse_imix(const char *s, struct bb_mix *m, uint32_t *bad)
{
	int more = 1, ret;

	if (!strcmp(s, "default"))
		s = BB_IMIX_DEFAULT;
	m->kind = BB_MIX_WEIGHTED;
	m->n = 0;
	m->seq_len = 0;
	*bad = 0;
	while (more > 0) {
		ret = imix_elem(&s, m, bad);
		if (ret)
			return ret;
		more = next_elem(&s, m->n);
	}
	return more;
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return (x > y) - (x < y);
}

/* Turn samples into sorted distinct templates, their counts, and the
 * sequence of template indices in sample order. */
static void index_samples(struct bb_mix *m, const uint32_t *sample,
			  unsigned int samples)
{
	uint32_t *key;
	unsigned int i;

	memcpy(m->size, sample, samples * sizeof(*sample));
	qsort(m->size, samples, sizeof(m->size[0]), cmp_u32);
	m->n = 0;
	for (i = 0; i < samples; i++)
		if (!m->n || m->size[m->n - 1] != m->size[i])
			m->size[m->n++] = m->size[i];
	memset(m->weight, 0, m->n * sizeof(m->weight[0]));
	for (i = 0; i < samples; i++) {
		key = bsearch(&sample[i], m->size, m->n, sizeof(m->size[0]),
			      cmp_u32);
		m->seq[i] = (uint16_t)(key - m->size);
		m->weight[m->seq[i]]++;
	}
	m->seq_len = samples;
}

int bb_mix_normal(struct bb_mix *m, const struct bb_size_dist *d,
		  unsigned int samples, uint64_t seed)
{
	uint32_t sample[BB_MIX_MAX];
	struct bb_rng rng;
	unsigned int i;
	double v;

	if (d->min > d->max || d->max > SIZE_MAX_PARSE || !isfinite(d->mean) ||
	    !isfinite(d->stddev) || d->stddev < 0 || !samples ||
	    samples > BB_MIX_MAX)
		return -EINVAL;
	bb_rng_seed(&rng, seed);
	for (i = 0; i < samples; i++) {
		v = round(bb_rng_normal(&rng, d->mean, d->stddev));
		sample[i] = v < d->min ? d->min : v > d->max ? d->max :
			    (uint32_t)v;
	}
	m->kind = BB_MIX_SEQUENCE;
	index_samples(m, sample, samples);
	return 0;
}

uint32_t bb_mix_min(const struct bb_mix *m)
{
	uint32_t v = m->size[0];
	unsigned int i;

	for (i = 1; i < m->n; i++)
		if (m->size[i] < v)
			v = m->size[i];
	return v;
}

uint32_t bb_mix_max(const struct bb_mix *m)
{
	uint32_t v = m->size[0];
	unsigned int i;

	for (i = 1; i < m->n; i++)
		if (m->size[i] > v)
			v = m->size[i];
	return v;
}

void bb_mix_wire(const struct bb_mix *m, unsigned int extra, uint64_t *bytes,
		 uint64_t *weight)
{
	unsigned int i;

	*bytes = 0;
	*weight = 0;
	for (i = 0; i < m->n; i++) {
		*bytes += (uint64_t)m->weight[i] * (m->size[i] + extra);
		*weight += m->weight[i];
	}
}

uint64_t bb_mix_template_bytes(const struct bb_mix *m)
{
	uint64_t sum = 0;
	unsigned int i;

	for (i = 0; i < m->n; i++)
		sum += m->size[i];
	return sum;
}
