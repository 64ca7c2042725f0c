"""The gen_noise command line: draws the noise files, then writes them (--out) or compares them with
the files on disk (--check)."""

import argparse
import os
import sys

from genutil.tree import tree_drift, write_tree

from .build import build

_TOOLS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main(description):
    """Runs tools/gen_noise.py; description is its --help text."""
    ap = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=os.path.join(_TOOLS, "..", "tests", "corpus", "noise"))
    ap.add_argument("--count", type=int, default=300)
    ap.add_argument("--check", action="store_true", help="exit 1 if files on disk differ from the generated ones")
    args = ap.parse_args()
    files = build(args.count)
    out = os.path.normpath(args.out)
    if args.check:
        drift = tree_drift(out, files)
        for d in drift:
            print("drift:", d)
        sys.exit(1 if drift else 0)
    write_tree(out, files)
    print(f"wrote {len(files)} files -> {out}")
