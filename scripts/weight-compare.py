#!/usr/bin/env python3
"""Compares two generated weight files of one pallet, extrinsic by extrinsic.

For regenerated weights (another run, another benchmark path): the execution time of each
extrinsic as a ratio new/old, both raw and normalised by each run's
`pallet_balances::transfer_keep_alive` (which cancels a machine that is faster or slower that
day), and whether the parts that do not depend on timing are identical: the proof size, the
database reads and writes and the component slopes' presence.
Usage: scripts/weight-compare.py OLD.rs NEW.rs [--old-ref OLD_balances.rs --new-ref NEW_balances.rs]
"""
import argparse
import importlib.util
import pathlib
import re
import statistics

# The weight-file reader of scripts/weight-ratios.py (one parser for both scripts).
_spec = importlib.util.spec_from_file_location(
    "weight_ratios", pathlib.Path(__file__).resolve().parent / "weight-ratios.py")
weight_ratios = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(weight_ratios)


def parse(path):
    text = open(path, encoding="utf-8").read()
    out = {}
    for name, _args, body in weight_ratios.extrinsics(text):
        base = re.search(r"Weight::from_parts\(([\d_]+), ([\d_]+)\)", body)
        exec_ps = int(base.group(1).replace("_", ""))
        proof = sum(int(x.replace("_", "")) for x in re.findall(r"Weight::from_parts\(0, ([\d_]+)\)\s*$", body, re.M))
        slopes = [int(x.replace("_", "")) for x in re.findall(r"Weight::from_parts\(([\d_]+), 0\)\.saturating_mul", body)]
        reads = re.findall(r"\.reads\(([^)]*)\)", body)
        writes = re.findall(r"\.writes\(([^)]*)\)", body)
        measured = re.search(r"Measured:\s+`([^`]*)`", body)
        out[name] = dict(exec=exec_ps, proof=proof, slopes=slopes, reads=reads, writes=writes,
                         measured=measured.group(1) if measured else None)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("--old-ref")
    ap.add_argument("--new-ref")
    a = ap.parse_args()
    old, new = parse(a.old), parse(a.new)
    norm = 1.0
    if a.old_ref and a.new_ref:
        o = parse(a.old_ref)["transfer_keep_alive"]["exec"]
        n = parse(a.new_ref)["transfer_keep_alive"]["exec"]
        norm = n / o
        print(f"transfer_keep_alive execution: old {o/1e6:.1f} us, new {n/1e6:.1f} us, new/old {norm:.3f}")
    print("| extrinsic | old exec (us) | new exec (us) | new/old | normalised | proof, reads, writes identical |")
    print("|---|---:|---:|---:|---:|---|")
    ratios = []
    for name in old:
        if name not in new:
            print(f"| {name} | {old[name]['exec']/1e6:.1f} | missing | | | |")
            continue
        o, n = old[name], new[name]
        r = n["exec"] / o["exec"]
        ratios.append(r / norm)
        same = all(o[k] == n[k] for k in ("proof", "reads", "writes", "measured")) and len(o["slopes"]) == len(n["slopes"])
        print(f"| {name} | {o['exec']/1e6:.1f} | {n['exec']/1e6:.1f} | {r:.3f} | {r/norm:.3f} | {'yes' if same else 'NO'} |")
    for name in new:
        if name not in old:
            print(f"| {name} | missing | {new[name]['exec']/1e6:.1f} | | | |")
    if ratios:
        print(f"\nnormalised ratio: median {statistics.median(ratios):.3f}, min {min(ratios):.3f}, max {max(ratios):.3f}")


if __name__ == "__main__":
    main()
