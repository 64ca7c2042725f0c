"""The gen_corpus command line: builds the corpus, then writes it (--out), checks keys (--verify)
or compares it with the files on disk (--check)."""

import argparse
import json
import os
import sys

from genutil.tree import tree_drift, write_tree

from .templates import build_corpus
from .verify import verify_keys

_TOOLS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main(description):
    """Runs tools/gen_corpus.py; description is its --help text."""
    ap = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=os.path.join(_TOOLS, "..", "tests", "corpus"),
                    help="corpus root; writes <out>/labelled and <out>/labels.jsonl")
    ap.add_argument("--verify", action="store_true", help="check planted keys with openssl/ssh-keygen/gpg")
    ap.add_argument("--check", action="store_true",
                    help="do not write; exit 1 if the files on disk differ from what would be generated")
    args = ap.parse_args()

    files, labels = build_corpus()
    labels_text = "".join(json.dumps(l, ensure_ascii=False) + "\n" for l in labels)
    root = os.path.normpath(args.out)
    labelled = os.path.join(root, "labelled")

    if args.check:
        drift = tree_drift(labelled, files)
        lp = os.path.join(root, "labels.jsonl")
        if not os.path.exists(lp) or open(lp, encoding="utf-8").read() != labels_text:
            drift.append("labels.jsonl")
        for d in drift:
            print("drift:", d)
        sys.exit(1 if drift else 0)

    write_tree(labelled, files)
    with open(os.path.join(root, "labels.jsonl"), "w", encoding="utf-8") as f:
        f.write(labels_text)
    kinds = {l["kind"] for l in labels}
    print(f"wrote {len(files)} files, {len(labels)} labels, {len(kinds)} kinds, "
          f"{len({l['path'] for l in labels})} files with secrets -> {labelled}")
    if args.verify:
        problems = verify_keys(labels)
        for p in problems:
            print("key check failed:", p)
        sys.exit(1 if problems else 0)
