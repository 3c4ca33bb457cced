// SPDX-License-Identifier: GPL-2.0
/* TX times of frames sent in bursts (see txtime.h). */
#include "txtime.h"

bool bbgen_txtime_group(struct bbgen_txtime *t, unsigned int frames,
			u64 t_read, u64 t_next)
{
	/* one frame: the read was its own, right before its handover */
	if (frames < 2)
		return false;
	return bbgen_txtime_span(t, t_next - t_read);
}

bool bbgen_txtime_span(struct bbgen_txtime *t, u64 span_ns)
{
	if (span_ns <= t->err_ns)
		return false;
	t->err_ns = span_ns;
	return true;
}
