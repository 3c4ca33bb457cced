// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Path-aware getters for the scenario parser: each error names the JSON
 * path of the value, what was wrong and what is allowed. Defaults are
 * written into the (normalized) object so that the report shows them.
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "scenario_int.h"

/* Bytes of a control character at s (C0, DEL, or C1 as UTF-8), or 0. */
static size_t control_at(const unsigned char *s)
{
	if (*s < 0x20 || *s == 0x7f)
		return 1;
	return s[0] == 0xc2 && s[1] >= 0x80 && s[1] <= 0x9f ? 2 : 0;
}

void sc_one_line(char *s)
{
	size_t n;

	while (*s) {
		n = control_at((unsigned char *)s);
		memset(s, '?', n);
		s += n ? n : 1;
	}
}

static int vfail(struct sc_ctx *c, const char *path, const char *key,
		 const char *fmt, va_list ap)
{
	int n;

	if (key && *path)
		n = snprintf(c->err, c->errlen, "%s.%s: ", path, key);
	else
		n = snprintf(c->err, c->errlen, "%s: ", key ? key : path);
	if (n >= 0 && (size_t)n < c->errlen)
		vsnprintf(c->err + n, c->errlen - (size_t)n, fmt, ap);
	if (c->errlen)
		sc_one_line(c->err);
	return -EINVAL;
}

int sc_printable(struct sc_ctx *c, const char *path, const char *key,
		 const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i, n;

	for (i = 0; u[i]; i++) {
		n = control_at(u + i);
		if (n)
			return sc_fail_key(c, path, key, "has control character U+%04X at byte %zu; names and groups must be printable text",
					   n == 1 ? u[i] : u[i + 1], i);
	}
	return 0;
}

void sc_path(char *out, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(out, SC_PATH_MAX, fmt, ap);
	va_end(ap);
}

int sc_fail(struct sc_ctx *c, const char *path, const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = vfail(c, path, NULL, fmt, ap);
	va_end(ap);
	return ret;
}

int sc_fail_key(struct sc_ctx *c, const char *path, const char *key,
		const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = vfail(c, path, key, fmt, ap);
	va_end(ap);
	return ret;
}

int sc_check_object(struct sc_ctx *c, json_t *o, const char *path,
		    const char *what, const char *const *allowed)
{
	char list[512] = "";
	const char *key;
	size_t i, n = 0;
	json_t *v;

	if (!json_is_object(o))
		return sc_fail(c, path, "must be an object");
	for (i = 0; allowed[i]; i++)
		n += (size_t)snprintf(list + n, n < sizeof(list) ? sizeof(list) - n : 0,
				      "%s%s", i ? ", " : "", allowed[i]);
	json_object_foreach(o, key, v) {
		for (i = 0; allowed[i] && strcmp(allowed[i], key); i++)
			;
		if (!allowed[i])
			return sc_fail_key(c, path, key, "unknown key in %s (allowed: %s)",
					   what, list);
	}
	return 0;
}

int sc_bool(struct sc_ctx *c, json_t *o, const char *path, const char *key,
	    const bool *dflt, bool *out)
{
	json_t *v = json_object_get(o, key);

	if (!v) {
		if (!dflt)
			return 1;
		json_object_set_new(o, key, json_boolean(*dflt));
		*out = *dflt;
		return 0;
	}
	if (!json_is_boolean(v))
		return sc_fail_key(c, path, key, "must be true or false");
	*out = json_is_true(v);
	return 0;
}

int sc_number(struct sc_ctx *c, json_t *o, const char *path, const char *key,
	      double min, bool min_open, double max, const double *dflt,
	      double *out)
{
	json_t *v = json_object_get(o, key);
	double d;

	if (!v) {
		if (!dflt)
			return 1;
		json_object_set_new(o, key, json_real(*dflt));
		*out = *dflt;
		return 0;
	}
	d = json_number_value(v);
	if (!json_is_number(v) || !isfinite(d) || d < min || d > max ||
	    (min_open && d <= min)) {
		if (min_open)
			return sc_fail_key(c, path, key, "must be a number above %g and at most %g",
					   min, max);
		return sc_fail_key(c, path, key, "must be a number from %g to %g",
				   min, max);
	}
	*out = d;
	return 0;
}

int sc_uint(struct sc_ctx *c, json_t *o, const char *path, const char *key,
	    uint64_t min, uint64_t max, const uint64_t *dflt, uint64_t *out)
{
	json_t *v = json_object_get(o, key);
	json_int_t i = json_integer_value(v);

	if (!v) {
		if (!dflt)
			return 1;
		json_object_set_new(o, key, json_integer((json_int_t)*dflt));
		*out = *dflt;
		return 0;
	}
	if (!json_is_integer(v) || i < 0 || (uint64_t)i < min || (uint64_t)i > max)
		return sc_fail_key(c, path, key, "must be an integer from %llu to %llu",
				   (unsigned long long)min, (unsigned long long)max);
	*out = (uint64_t)i;
	return 0;
}

int sc_string(struct sc_ctx *c, json_t *o, const char *path, const char *key,
	      bool required, char *out, size_t size)
{
	json_t *v = json_object_get(o, key);

	if (!v && !required)
		return 1;
	if (!v)
		return sc_fail_key(c, path, key, "missing (required)");
	if (!json_is_string(v) || !json_string_length(v) ||
	    json_string_length(v) >= size ||
	    strlen(json_string_value(v)) != json_string_length(v))
		return sc_fail_key(c, path, key, "must be a string of 1 to %zu characters",
				   size - 1);
	memcpy(out, json_string_value(v), json_string_length(v) + 1);
	return 0;
}

static int container(struct sc_ctx *c, json_t *o, const char *path,
		     const char *key, bool required, json_t **out, bool arr)
{
	json_t *v = json_object_get(o, key);

	if (!v && !required)
		return 1;
	if (!v)
		return sc_fail_key(c, path, key, "missing (required)");
	if (arr ? !json_is_array(v) : !json_is_object(v))
		return sc_fail_key(c, path, key, "must be %s", arr ? "an array" : "an object");
	*out = v;
	return 0;
}

int sc_array(struct sc_ctx *c, json_t *o, const char *path, const char *key,
	     bool required, json_t **out)
{
	return container(c, o, path, key, required, out, true);
}

int sc_object(struct sc_ctx *c, json_t *o, const char *path,
	      const char *key, bool required, json_t **out)
{
	return container(c, o, path, key, required, out, false);
}

int sc_conflict(struct sc_ctx *c, json_t *o, const char *path,
		const char *a, const char *b)
{
	if (json_object_get(o, a) && json_object_get(o, b))
		return sc_fail_key(c, path, b, "conflicts with %s.%s", path, a);
	return 0;
}

int sc_labels(struct sc_ctx *c, json_t *o, const char *path, const char *key,
	      json_t **out)
{
	char lpath[SC_PATH_MAX];
	json_t *arr, *l;
	size_t i;
	int ret = sc_array(c, o, path, key, false, &arr);

	*out = NULL;
	if (ret)
		return ret == 1 ? 0 : ret;
	if (!json_array_size(arr) || json_array_size(arr) > BB_SCENARIO_GROUPS_MAX)
		return sc_fail_key(c, path, key, "must list 1 to %d names", BB_SCENARIO_GROUPS_MAX);
	json_array_foreach(arr, i, l) {
		sc_path(lpath, "%s.%s[%zu]", path, key, i);
		if (!json_is_string(l) || !json_string_length(l) ||
		    json_string_length(l) >= BB_SCENARIO_NAME_MAX ||
		    strlen(json_string_value(l)) != json_string_length(l))
			return sc_fail(c, lpath, "must be a string of 1 to %d characters",
				       BB_SCENARIO_NAME_MAX - 1);
		if (sc_printable(c, lpath, NULL, json_string_value(l)))
			return -EINVAL;
	}
	*out = arr;
	return 0;
}
