#!/usr/bin/env python3
"""Summarises a cargo `--timings` report: where a build spent its time.

Reads the HTML file cargo writes to $CARGO_TARGET_DIR/cargo-timings/ (keep it out of the
repository) and prints the wall time, the CPU time of all units, the slowest units, the time
of build-script runs (the runtime's build script is its WASM build), of the workspace's own
crates, of tests and binaries, and the crates compiled more than once (other features, host
and target, or lib and test).
Usage: scripts/build-timings.py path/to/cargo-timing-*.html [--top N]
"""
import argparse
import collections
import json
import re


def units(path):
    text = open(path, encoding="utf-8").read()
    m = re.search(r"const UNIT_DATA = (\[.*?\]);\n", text, re.S)
    if not m:
        raise SystemExit(f"{path}: no UNIT_DATA (not a cargo timings report?)")
    return json.loads(m.group(1))


def label(u):
    target = u.get("target", "").strip()
    mode = u.get("mode", "")
    extra = f" {target}" if target else ""
    extra += "" if mode in ("todo", "build") else f" ({mode})"
    return f"{u['name']} v{u['version']}{extra}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("report")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--workspace", default="tradefin,pallet-enterprise-identity,pallet-trade-credit,"
                    "pallet-financing,pallet-settlement,pallet-upgrades")
    a = ap.parse_args()
    us = units(a.report)
    wall = max(u["start"] + u["duration"] for u in us)
    cpu = sum(u["duration"] for u in us)
    print(f"units {len(us)}, wall {wall:.0f} s ({wall/60:.1f} min), sum of unit times {cpu:.0f} s")
    print(f"\n-- the {a.top} slowest units (s)")
    for u in sorted(us, key=lambda u: -u["duration"])[: a.top]:
        print(f"{u['duration']:8.1f}  {label(u)}")
    groups = collections.OrderedDict(
        [("build-script runs", lambda u: "run-custom-build" in u.get("mode", "")
          or u.get("target", "").strip() == "(build script run)" or "build script (run)" in u.get("target", "")),
         ("workspace crates", lambda u: any(u["name"].startswith(w) for w in a.workspace.split(","))),
         ("tests and binaries", lambda u: re.search(r'\b(test|bin)\b', u.get("target", "")) is not None)])
    for name, pred in groups.items():
        sel = [u for u in us if pred(u)]
        print(f"\n-- {name}: {len(sel)} units, {sum(u['duration'] for u in sel):.0f} s")
        for u in sorted(sel, key=lambda u: -u["duration"])[:10]:
            print(f"{u['duration']:8.1f}  {label(u)}")
    by = collections.defaultdict(list)
    for u in us:
        if "build" in u.get("target", "") and "script" in u.get("target", ""):
            continue
        by[(u["name"], u["version"])].append(u)
    twice = sorted(((k, v) for k, v in by.items() if len(v) > 1), key=lambda kv: -sum(u["duration"] for u in kv[1][1:]))
    extra = sum(sum(u["duration"] for u in v) - max(u["duration"] for u in v) for _, v in twice)
    print(f"\n-- crates compiled more than once: {len(twice)}, {extra:.0f} s beyond one compile each")
    for (n, ver), v in twice[:15]:
        print(f"{sum(u['duration'] for u in v):8.1f}  {n} v{ver} x{len(v)}: " + ", ".join(f"{u['duration']:.0f}" for u in v))


if __name__ == "__main__":
    main()
