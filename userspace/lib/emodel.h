/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Voice quality of a G.711 call from what a trigger measured: the ITU-T
 * G.107 E-model, reduced to the terms a network test can know (see
 * Documentation/voice-mos.md for the formulas and the defaults taken).
 */
#ifndef BB_EMODEL_H
#define BB_EMODEL_H

struct bb_emodel_in {
	double loss_pct;	/* packet loss, % of packets sent */
	double latency_ms;	/* one-way network latency, average */
	double jitter_ms;	/* RFC 3550 interarrival jitter */
	double packetization_ms;	/* 10 or 20 */
};

/* Mouth-to-ear delay: network + packetization + jitter buffer. */
double bb_emodel_delay_ms(const struct bb_emodel_in *in);
/* Delay impairment Id for mouth-to-ear delay @d_ms. */
double bb_emodel_id(double d_ms);
/* Effective equipment impairment of G.711 with PLC at @loss_pct random loss. */
double bb_emodel_ie_eff(double loss_pct);
/* Transmission rating R. */
double bb_emodel_r(const struct bb_emodel_in *in);
/* MOS-CQE from R (G.107 Annex B), 1.0 .. 4.5. */
double bb_emodel_mos_of_r(double r);
/* MOS of the call: bb_emodel_mos_of_r(bb_emodel_r(in)). */
double bb_emodel_mos(const struct bb_emodel_in *in);

#endif
