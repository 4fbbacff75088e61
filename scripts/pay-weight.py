#!/usr/bin/env python3
"""Weight of `Settlement::pay` with one financed document, as a multiple of
`pallet_balances::transfer_keep_alive` from the same weight files (issue 14's figure).

Charged after dispatch: settlement `pay(1)` + financing `apply_proceeds(1)`; declared before
dispatch: `pay(1)` + `apply_proceeds(8)` (every pledge slot). Each argument is a git revision
whose committed weight files are read, or `work` for the working tree.
Usage: scripts/pay-weight.py 6adf89e work
"""
import importlib.util
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("ratios", ROOT / "scripts/weight-ratios.py")
ratios = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ratios)


def weights(rev, pallet, at):
    """The parsed weights of `pallet` at `rev`, components at `at`."""
    if rev == "work":
        return ratios.weights(pallet, at)
    text = subprocess.check_output(
        ["git", "-C", str(ROOT), "show", f"{rev}:runtime/src/weights/{pallet}.rs"]
    ).decode()
    with tempfile.TemporaryDirectory() as tmp:
        (pathlib.Path(tmp) / f"{pallet}.rs").write_text(text)
        saved, ratios.WEIGHTS = ratios.WEIGHTS, pathlib.Path(tmp)
        try:
            return ratios.weights(pallet, at)
        finally:
            ratios.WEIGHTS = saved


def us(ps):
    return ps / 1e6


for rev in sys.argv[1:]:
    tka = weights(rev, "pallet_balances", 1)["transfer_keep_alive"][3]
    pay = weights(rev, "pallet_settlement", 1)["pay"][3]
    one = weights(rev, "pallet_financing", 1)["apply_proceeds"][3]
    eight = weights(rev, "pallet_financing", 8)["apply_proceeds"][3]
    print(f"{rev}: transfer_keep_alive {us(tka):.1f} us; pay(1 doc) {us(pay):.1f} us; "
          f"apply_proceeds(1) {us(one):.1f}; apply_proceeds(8) {us(eight):.1f}")
    print(f"  charged after dispatch: {us(pay + one):.1f} us = {(pay + one) / tka:.2f} x transfer_keep_alive")
    print(f"  declared before dispatch: {us(pay + eight):.1f} us = {(pay + eight) / tka:.2f} x transfer_keep_alive")
