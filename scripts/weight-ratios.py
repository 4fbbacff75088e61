#!/usr/bin/env python3
"""Ratios of generated weights to `pallet_balances::transfer_keep_alive`.

Reads runtime/src/weights/<pallet>.rs files written by scripts/bench.sh and prints, per
extrinsic, its ref_time (execution + database accesses at ParityDB's weights, the runtime's
`DbWeight`) and the ratio to `transfer_keep_alive` from the same machine. Components (e.g. a
batch size) are reported at the value given with --at (default 1), slope included.
Usage: scripts/weight-ratios.py [--at N] pallet_enterprise_identity [...]
"""
import argparse
import pathlib
import re

# frame_support::weights::constants::ParityDbWeight (picoseconds).
READ_PS = 8_000_000
WRITE_PS = 50_000_000
WEIGHTS = pathlib.Path(__file__).resolve().parent.parent / "runtime/src/weights"


def extrinsics(text):
    """(name, component arguments, body) of every weight function of a generated weight file."""
    for m in re.finditer(r"fn (\w+)\(([^)]*)\) -> Weight \{(.*?)\n\t\}", text, re.S):
        yield m.group(1), m.group(2), m.group(3)


def weights(pallet, at):
    text = (WEIGHTS / f"{pallet}.rs").read_text()
    out = {}
    for name, args, body in extrinsics(text):
        exec_ps = sum(int(x.replace("_", "")) for x in re.findall(r"Weight::from_parts\(([\d_]+), 0\)\s*$", body, re.M))
        slopes = re.findall(r"Weight::from_parts\(([\d_]+), 0\)\.saturating_mul\((\w+)\.into\(\)\)", body)
        exec_ps += sum(int(s.replace("_", "")) * at for s, _ in slopes)
        reads = sum(int(x) for x in re.findall(r"\.reads\((\d+)\)", body))
        writes = sum(int(x) for x in re.findall(r"\.writes\((\d+)\)", body))
        reads += at * sum(int(x) for x in re.findall(r"\.reads\(\(?(\d+)_u64\)?\.saturating_mul", body))
        writes += at * sum(int(x) for x in re.findall(r"\.writes\(\(?(\d+)_u64\)?\.saturating_mul", body))
        total = exec_ps + reads * READ_PS + writes * WRITE_PS
        out[name] = (exec_ps, reads, writes, total, args.strip())
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--at", type=int, default=1, help="value of every component")
    parser.add_argument("pallets", nargs="+")
    a = parser.parse_args()
    ref = weights("pallet_balances", a.at)["transfer_keep_alive"][3]
    print(f"reference: pallet_balances::transfer_keep_alive = {ref / 1e6:.1f} us (ref_time incl. DB)")
    print("| extrinsic | execution (us) | reads / writes | total ref_time (us) | x transfer_keep_alive |")
    print("|---|---:|---:|---:|---:|")
    for pallet in a.pallets:
        for name, (exec_ps, r, w, total, args) in weights(pallet, a.at).items():
            label = f"{pallet}::{name}" + (f" ({args} = {a.at})" if args else "")
            print(f"| {label} | {exec_ps / 1e6:.1f} | {r} / {w} | {total / 1e6:.1f} | {total / ref:.2f} |")


if __name__ == "__main__":
    main()
