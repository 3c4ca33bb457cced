#!/usr/bin/python3
"""Prove Documentation/netlink/bbgen.yaml true, as TAP.

1. The spec validates against the kernel's genetlink-c JSON schema.
2. The kernel's own YNL library (tools/net/ynl/lib) loads it.
3. Every name and value in the spec matches include/uapi/linux/bbgen.h:
   a C file of _Static_assert lines generated from the spec is compiled
   against the header, so the two cannot drift apart silently.

Usage: check-spec.py LINUX_SOURCE_TREE
"""
import os
import subprocess
import sys
import tempfile

import jsonschema
import yaml

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SPEC = os.path.join(TOP, "Documentation/netlink/bbgen.yaml")


def c_name(*parts):
    return "".join(parts).upper().replace("-", "_")


def const_value(spec, value):
    if isinstance(value, int):
        return value
    for d in spec.get("definitions", []):
        if d["type"] == "const" and d["name"] == value:
            return d["value"]
    raise KeyError(value)


def asserts_for(spec):
    """Yield (C expression, what) pairs the header must satisfy."""
    yield f'sizeof({c_name(spec["c-family-name"])}) == {len(spec["name"]) + 1}', "family name length"
    for d in spec["definitions"]:
        if d["type"] == "const":
            yield f'{c_name("bbgen-", d["name"])} == {d["value"]}', d["name"]
        elif d["type"] == "enum":
            for i, e in enumerate(d["entries"], d.get("value-start", 0)):
                name = e["name"] if isinstance(e, dict) else e
                yield f'{c_name(d["name-prefix"], name)} == {i}', f'{d["name"]} {name}'
    for aset in spec["attribute-sets"]:
        prefix = aset["name-prefix"]
        for i, attr in enumerate(aset["attributes"], 1):
            i = attr.get("value", i)
            yield f'{c_name(prefix, attr["name"])} == {i}', f'{aset["name"]} {attr["name"]}'
        yield f'{c_name(prefix, "max")} == {len(aset["attributes"])}', f'{aset["name"]} max'
    value = 0
    ops = spec["operations"]
    for op in ops["list"]:
        value = op.get("value", value + 1)
        yield f'{c_name(ops["name-prefix"], op["name"])} == {value}', f'op {op["name"]}'
    yield f'{c_name(ops["name-prefix"], "max")} == {value}', "op max"


def check_header(spec):
    lines = ["#include <linux/bbgen.h>"]
    for expr, what in asserts_for(spec):
        lines.append(f'_Static_assert({expr}, "{what}");')
    with tempfile.NamedTemporaryFile("w", suffix=".c", delete=False) as f:
        f.write("\n".join(lines) + "\n")
        path = f.name
    try:
        r = subprocess.run(["cc", "-std=c11", "-fsyntax-only", "-I",
                            os.path.join(TOP, "include/uapi"), path],
                           capture_output=True, text=True)
    finally:
        os.unlink(path)
    return r.returncode == 0, r.stderr.strip(), len(lines) - 1


def main():
    tree = sys.argv[1]
    schema_path = os.path.join(tree, "Documentation/netlink/genetlink-c.yaml")
    spec = yaml.safe_load(open(SPEC))
    results = []

    try:
        jsonschema.validate(spec, yaml.safe_load(open(schema_path)))
        results.append((True, "spec validates against genetlink-c schema", ""))
    except jsonschema.ValidationError as e:
        results.append((False, "spec validates against genetlink-c schema", e.message))

    sys.path.insert(0, os.path.join(tree, "tools/net/ynl"))
    try:
        from lib.nlspec import SpecFamily
        fam = SpecFamily(SPEC, schema_path)
        ok = len(fam.msgs) == len(spec["operations"]["list"])
        results.append((ok, "YNL library loads the spec", f"{len(fam.msgs)} ops"))
    except Exception as e:  # the library raises plain Exceptions
        results.append((False, "YNL library loads the spec", repr(e)))

    ok, err, n = check_header(spec)
    results.append((ok, f"uapi header matches the spec ({n} names)", err))

    print(f"1..{len(results)}")
    for i, (ok, name, detail) in enumerate(results, 1):
        print(f'{"ok" if ok else "not ok"} {i} {name}')
        if not ok and detail:
            for line in detail.splitlines():
                print(f"# {line}")
    return 0 if all(r[0] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
