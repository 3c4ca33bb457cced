/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* Internet checksum (RFC 1071) helpers for building test frames. */
#ifndef BB_CSUM_H
#define BB_CSUM_H

#include <stddef.h>
#include <stdint.h>

/*
 * Add len bytes at buf to a running 32-bit one's-complement accumulator.
 * Bytes are taken as big-endian 16-bit words, so the result does not
 * depend on the host's byte order; an odd trailing byte is padded with 0.
 * Only the last call of a chain may have an odd length.
 */
uint32_t bb_csum_add(uint32_t sum, const void *buf, size_t len);

/* Fold the accumulator to 16 bits and complement it: the checksum value. */
uint16_t bb_csum_fold(uint32_t sum);

#endif
