// SPDX-License-Identifier: GPL-2.0
/* TX times of frames sent in bursts (see txtime.h). */
#include "txtime.h"

bool bbgen_txtime_group(struct bbgen_txtime *t, unsigned int frames,
			u64 t_read, u64 t_next)
{
	u64 span = t_next - t_read;

	/* one frame: the read was its own, right before its handover */
	if (frames < 2 || span <= t->err_ns)
		return false;
	t->err_ns = span;
	return true;
}
