// SPDX-License-Identifier: GPL-2.0
/* TX times of frames sent in bursts (see txtime.h). */
#include <linux/math64.h>
#include <linux/minmax.h>

#include "txtime.h"

bool bbgen_txtime_burst(struct bbgen_txtime *t, unsigned int n, u64 t0,
			u64 end)
{
	u64 span = end - t0, err, step;
	bool grew = false;

	if (n < 2)
		return false;	/* one frame: its own read, exact */
	err = max(span, (u64)(n - 1) * t->step_ns);
	if (err > t->err_ns) {
		t->err_ns = err;
		grew = true;
	}
	step = div_u64(span, n);
	if (!t->step_ns || step < t->step_ns)
		t->step_ns = step;
	return grew;
}
