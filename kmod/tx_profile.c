// SPDX-License-Identifier: GPL-2.0
/*
 * The TX engine's phase timers (tx_profile.h), summed per CPU, shown in
 * debugfs bbgen/tx_profile (writing anything to it clears them):
 *
 *   bursts B timed T frames F timed_frames TF
 *   PHASE NS_TOTAL NS_PER_FRAME PERCENT
 *   ...
 *
 * NS_PER_FRAME divides a phase's time in the timed bursts by the frames
 * of those bursts.
 */
#include <linux/debugfs.h>
#include <linux/percpu.h>
#include <linux/sched/clock.h>
#include <linux/seq_file.h>

#include "tx_profile.h"

struct prof_cpu {
	u64 bursts, timed, frames, timed_frames;
	u64 ns[BBGEN_PH_N];
};

static DEFINE_PER_CPU(struct prof_cpu, prof);
static struct dentry *prof_dir;

static const char *const phase_names[BBGEN_PH_N] = {
	[BBGEN_PH_PICK] = "pick", [BBGEN_PH_BUILD] = "build",
	[BBGEN_PH_LOCK] = "lock", [BBGEN_PH_TIMER] = "timer",
	[BBGEN_PH_CLOCK] = "clock",
	[BBGEN_PH_TAG] = "tag", [BBGEN_PH_XMIT] = "xmit",
	[BBGEN_PH_UNLOCK] = "unlock", [BBGEN_PH_COUNT] = "count",
};

void bbgen_prof_begin(struct bbgen_prof *p)
{
	struct prof_cpu *c = get_cpu_ptr(&prof);

	p->on = !(c->bursts++ % BBGEN_PROF_EVERY);
	put_cpu_ptr(&prof);
	memset(p->ns, 0, sizeof(p->ns));
	if (p->on)
		p->t = local_clock();
}

void bbgen_prof_end(struct bbgen_prof *p, unsigned int frames)
{
	struct prof_cpu *c = get_cpu_ptr(&prof);
	int i;

	c->frames += frames;
	if (p->on) {
		c->timed++;
		c->timed_frames += frames;
		for (i = 0; i < BBGEN_PH_N; i++)
			c->ns[i] += p->ns[i];
	}
	put_cpu_ptr(&prof);
}

static int prof_show(struct seq_file *m, void *v)
{
	struct prof_cpu sum = { 0 };
	u64 total = 0;
	int cpu, i;

	for_each_possible_cpu(cpu) {
		const struct prof_cpu *c = per_cpu_ptr(&prof, cpu);

		sum.bursts += c->bursts;
		sum.timed += c->timed;
		sum.frames += c->frames;
		sum.timed_frames += c->timed_frames;
		for (i = 0; i < BBGEN_PH_N; i++)
			sum.ns[i] += c->ns[i];
	}
	for (i = 0; i < BBGEN_PH_N; i++)
		total += sum.ns[i];
	seq_printf(m, "bursts %llu timed %llu frames %llu timed_frames %llu\n",
		   sum.bursts, sum.timed, sum.frames, sum.timed_frames);
	for (i = 0; i < BBGEN_PH_N; i++)
		seq_printf(m, "%-6s %12llu %8llu %3llu\n", phase_names[i],
			   sum.ns[i],
			   sum.timed_frames ? div64_u64(sum.ns[i], sum.timed_frames) : 0,
			   total ? div64_u64(100 * sum.ns[i], total) : 0);
	return 0;
}

static int prof_open(struct inode *inode, struct file *file)
{
	return single_open(file, prof_show, NULL);
}

/* Any write clears the sums (between bench runs). */
static ssize_t prof_write(struct file *file, const char __user *buf,
			  size_t len, loff_t *pos)
{
	int cpu;

	for_each_possible_cpu(cpu)
		memset(per_cpu_ptr(&prof, cpu), 0, sizeof(struct prof_cpu));
	return len;
}

static const struct file_operations prof_fops = {
	.owner = THIS_MODULE,
	.open = prof_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = single_release,
	.write = prof_write,
};

/* debugfs failures are not errors: the module works without the file */
void bbgen_prof_init(void)
{
	prof_dir = debugfs_create_dir(KBUILD_MODNAME, NULL);
	debugfs_create_file("tx_profile", 0600, prof_dir, NULL, &prof_fops);
}

void bbgen_prof_exit(void)
{
	debugfs_remove(prof_dir);
	prof_dir = NULL;
}
