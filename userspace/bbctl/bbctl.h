/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* bbctl internals: the object/command tables and the shared helpers. */
#ifndef BBCTL_H
#define BBCTL_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <netlink/msg.h>

#include "addr.h"
#include "genl.h"
#include "gen_history.h"
#include "gen_stream.h"

/* Exit codes, as iproute2's */
#define EXIT_OK		0
#define EXIT_USAGE	1	/* bad command line; the object's usage follows */
#define EXIT_KERNEL	2	/* the kernel (or netlink) said no */
/* Bad input (a file's content) whose one error line is printed: exit 1
 * like EXIT_USAGE, but the usage does not follow. Internal: main()
 * turns it into 1. */
#define EXIT_INPUT	0x101

/* Default UDP ports of streams: an ephemeral source, a fixed destination. */
#define BBCTL_SPORT	49152
#define BBCTL_DPORT	4000

struct cmd {
	const char *name;	/* may be abbreviated on the command line */
	int (*fn)(int argc, char **argv);
	bool alias;		/* another name, left out of messages */
};

struct object {
	const char *name;
	const struct cmd *cmds;	/* NULL-terminated; the first is the default */
	const char *usage;	/* its usage lines, "Usage: " prepended */
	/* a command without subcommands (bbctl run FILE): gets every
	 * argument after the object's name */
	int (*direct)(int argc, char **argv);
};

extern const struct object port_object, stream_object, trigger_object;
extern const struct object scenario_run_object;	/* bbctl run */
extern const struct object scenario_object;	/* bbctl scenario check */
extern const struct object runs_object, report_object;	/* runs.c, report.c */
extern const struct object http_object;	/* bbctl http get|serve */
extern const struct object status_object, stop_object;	/* daemon.c */
extern const struct object capture_object;	/* bbctl capture */
extern const struct object support_object;	/* bbctl support-bundle */
extern const struct object monitor_object;	/* bbctl monitor */

/* Print one object of a get/dump reply (text line or JSON object). */
int port_print(const struct bb_reply *r, void *arg);
int stream_print(const struct bb_reply *r, void *arg);
int trigger_print(const struct bb_reply *r, void *arg);
/* trigger history / histogram replies: one array item per SNAPSHOT or
 * BUCKET nest. */
int trigger_print_history(const struct bb_reply *r, void *arg);
int trigger_print_histogram(const struct bb_reply *r, void *arg);
/* Snapshots the history replies printed so far said were overwritten
 * before this read (from the cursor on). */
uint64_t trigger_history_missed(void);
/* The fields of one snapshot (history items, monitor events). */
void trigger_snapshot_fields(const struct bb_gen_snapshot *s);
/* "idle", "running", "done", "stopped" of the stream's state; NULL if
 * absent or unknown. */
const char *stream_state_name(const struct bb_gen_stream *s);

/* --- args.c: the command line -------------------------------------- */

/* Keywords a command may take, and how often one may repeat. */
#define ARGS_MAX	40
#define ARGS_REPEAT_MAX	8

/*
 * One KEYWORD VALUE... group a command accepts, or one positional word
 * (a FILE, a RUN). Every bbctl command reads its arguments this one way,
 * iproute2's: `bbctl run FILE report-dir DIR`, `bbctl port add dev X`.
 * A word keyword may also be written as a long option (--report-dir DIR):
 * the same keyword, so scripts written either way keep working.
 */
struct arg_spec {
	const char *key;	/* NULL ends the spec */
	const char *meta;	/* what the values are, for messages: "IFNAME" */
	bool required;
	unsigned char nvals;	/* values after the keyword; 0 means 1 */
	bool repeat;		/* may be given up to ARGS_REPEAT_MAX times */
	bool positional;	/* a word of its own, no keyword; key names it */
};

/* spec entries: a KEYWORD VALUE pair, or one with n values / repeatable */
#define ARG(k, m, req)		{ .key = (k), .meta = (m), .required = (req) }
#define ARGN(k, m, n)		{ .key = (k), .meta = (m), .nvals = (n) }
#define ARG_REPEAT(k, m)	{ .key = (k), .meta = (m), .repeat = true }
#define ARG_POS(m, req)		{ .key = (m), .meta = (m), .required = (req), \
				  .positional = true }

/* What the command line gave for one keyword. */
struct arg_val {
	unsigned int n;			/* times given */
	char **at[ARGS_REPEAT_MAX];	/* each time: its values in argv
					 * (a positional: the word itself) */
};

/* The first value given for a keyword, or NULL. */
static inline const char *arg_str(const struct arg_val *a)
{
	return a->n ? a->at[0][0] : NULL;
}

/*
 * Match argv against spec (NULL-key terminated, at most ARGS_MAX keys):
 * vals[i] gets what was given for spec[i]. A word that is no keyword
 * fills the next positional entry. Unknown keywords (and global options
 * given after the object), missing values, repeats and missing required
 * arguments are reported; returns 0 or EXIT_USAGE.
 */
int args_parse(const char *what, int argc, char **argv,
	       const struct arg_spec *spec, struct arg_val *vals);

/* The same for single-valued keywords: vals[i] is the value or NULL. */
int args_collect(const char *what, int argc, char **argv,
		 const struct arg_spec *spec, const char **vals);

/* The whole argument list of the commands that take just [id N]; *id is 0
 * when it is optional and absent. Returns 0 or EXIT_USAGE. */
int args_id(const char *what, bool required, int argc, char **argv,
	    uint32_t *id);

/* Enter network namespace NAME (/run/netns/NAME) for the rest of the
 * process; WHAT names the option in errors. 0, EXIT_USAGE or EXIT_KERNEL. */
int netns_enter(const char *what, const char *name);

/* Print "bbctl: <message>" on stderr and return EXIT_USAGE. */
int usage_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Field parsers: each prints its own usage error and returns EXIT_USAGE. */
int arg_id(const char *s, uint32_t *id);
int arg_port(const char *field, const char *s, uint16_t *port);
int arg_dev(const char *s, uint32_t *ifindex);
int arg_ip(const char *field, const char *s, struct bb_ip *ip);
int arg_mac(const char *field, const char *s, uint8_t mac[BB_MAC_LEN]);
int arg_count(const char *s, uint64_t *count);

/* --- values.c: values added with issue 3 ---------------------------- */

struct bb_vlan;

/* An integer in [min, max]: "<field>: must be an integer from min to max". */
int arg_uint(const char *field, const char *s, uint64_t min, uint64_t max,
	     uint64_t *v);
int arg_on_off(const char *field, const char *s, bool *on);
/* Seconds with up to 9 decimals, exactly in ns; 0 only if zero_ok. */
int arg_seconds(const char *field, const char *s, bool zero_ok, uint64_t *ns);
/* ID[:PCP[:DEI]]; the TPID is set to 0x8100. */
int arg_vlan_tag(const char *s, struct bb_vlan *v);
int arg_tpid(const char *s, uint16_t *tpid);
/* N[,N...]: distinct ids, at most max; *n gets how many. */
int arg_id_list(const char *s, uint32_t *ids, unsigned int max,
		unsigned int *n);

/* --- nl.c: talking to bbgen ------------------------------------------ */

/* Open the family; on failure print why and return EXIT_KERNEL. */
int nl_open(struct bb_genl *g);
/* nl_open, and join the family's monitor group: 0 or EXIT_KERNEL (said). */
int nl_open_monitor(struct bb_genl *g);
/* Send msg, feed replies to cb, close g; print a failure, return 0 or
 * EXIT_KERNEL. */
int nl_run(struct bb_genl *g, struct nl_msg *msg, int maxattr,
	   bb_genl_cb cb, void *arg);

/* A request carrying one u32 attribute (none if attr is 0, then a dump
 * if dump is set); NULL if out of memory. */
struct nl_msg *nl_msg_u32(struct bb_genl *g, uint8_t cmd, int attr,
			  uint32_t v, bool dump);
/* Open, send cmd with attr = v (attr 0: nothing), close; for the ops that
 * return nothing (del, start, stop, port add). */
int nl_simple(uint8_t cmd, int attr, uint32_t v);
/* "OBJECT del id N": @what names it in messages, @id_attr carries N. */
int nl_del_cmd(const char *what, uint8_t cmd, int id_attr, int argc, char **argv);
/* Send msg (NULL: out of memory) on g, which is then closed; cb prints
 * each reply (or its items) into one JSON array. */
int nl_show_msg(struct bb_genl *g, struct nl_msg *msg, int maxattr,
		bb_genl_cb cb);
/* A get request of userspace/lib (bb_gen_stream_get_msg...): id 0 dumps. */
typedef struct nl_msg *(*nl_get_fn)(struct bb_genl *g, uint32_t id);
/* "OBJECT show [id N]": every object, or the one with id N. */
int nl_show_cmd(const char *what, nl_get_fn get, int maxattr, bb_genl_cb cb,
		int argc, char **argv);

/* --- show.c: printing reply attributes ------------------------------- */

/* "dev" (NULL: absent), else the ifindex's name (0: absent), shown as
 * "<label> NAME" in text; and "ifindex" in JSON only. */
void show_dev(const char *dev, uint32_t ifindex, const char *label);
/* key (JSON) / label (text) for a u32 or u64 field; null if !has. */
void show_u32(bool has, uint32_t v, const char *key, const char *label);
void show_u64(bool has, uint64_t v, const char *key, const char *label);
/* The name of enum value @v in @names[@n]; NULL if !has or unknown
 * (printed as null). */
const char *enum_name(bool has, uint32_t v, const char *const *names,
		      size_t n);
/* The same, but print nothing at all when the field is absent. */
void show_u32_opt(bool has, uint32_t v, const char *key, const char *label);
void show_u64_opt(bool has, uint64_t v, const char *key, const char *label);
/* @ip if it is of @family; nothing otherwise. */
void show_ip_opt(const struct bb_ip *ip, int family, const char *key,
		 const char *label);
/* Print the id an add op returned: {"id":N} or "<object> N"; arg is a
 * struct added naming the object and its ID attribute. */
struct added {
	const char *object;
	int id_attr;
};
int show_added_id(const struct bb_reply *r, void *arg);

#endif
