// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The E-model for G.711 (ITU-T G.107): R = R0 - Id - Ie,eff, with the
 * simultaneous impairments Is and the advantage factor A at their defaults
 * (R0 - Is = 93.2, A = 0, as G.107 gives for default parameters).
 */
#include "emodel.h"

#define R_DEFAULT	93.2	/* Ro - Is with every G.107 default */
#define G711_IE		0.0	/* equipment impairment of G.711 */
#define G711_BPL	25.1	/* packet-loss robustness, G.711 with PLC */
#define BURST_R		1.0	/* random (independent) loss */
#define JB_PACKETS	2.0	/* jitter buffer depth, in packets */

double bb_emodel_delay_ms(const struct bb_emodel_in *in)
{
	/*
	 * Network latency, one packet of packetization (the first sample
	 * waits for the last), and a jitter buffer of two packets or twice
	 * the measured jitter, whichever is larger: what a typical phone
	 * adds on top of the network.
	 */
	double jb = JB_PACKETS * in->packetization_ms;

	if (2.0 * in->jitter_ms > jb)
		jb = 2.0 * in->jitter_ms;
	return in->latency_ms + in->packetization_ms + jb;
}

double bb_emodel_id(double d_ms)
{
	/*
	 * G.107's Idte + Idd at default echo parameters, in the widely used
	 * linear fit (Cole and Rosenbluth, ACM CCR 2001): flat slope up to
	 * 177.3 ms, steep beyond, where talkers start to collide.
	 */
	double id = 0.024 * d_ms;

	if (d_ms > 177.3)
		id += 0.11 * (d_ms - 177.3);
	return id;
}

double bb_emodel_ie_eff(double loss_pct)
{
	double ppl = loss_pct < 0 ? 0 : loss_pct;

	return G711_IE + (95.0 - G711_IE) * ppl / (ppl / BURST_R + G711_BPL);
}

double bb_emodel_r(const struct bb_emodel_in *in)
{
	return R_DEFAULT - bb_emodel_id(bb_emodel_delay_ms(in)) -
	       bb_emodel_ie_eff(in->loss_pct);
}

double bb_emodel_mos_of_r(double r)
{
	if (r <= 0)
		return 1.0;
	if (r >= 100)
		return 4.5;
	return 1.0 + 0.035 * r + r * (r - 60.0) * (100.0 - r) * 7e-6;
}

double bb_emodel_mos(const struct bb_emodel_in *in)
{
	return bb_emodel_mos_of_r(bb_emodel_r(in));
}
