#!/usr/bin/env python3
"""Scores magpie against the labelled corpus (precision, recall) and the noise corpus (FP/1,000 files).

    tools/score.py path/to/magpie                       # scan tests/corpus/{labelled,noise} and score
    tools/score.py --findings-json out.json             # score a saved `magpie scan --format json` output
    tools/score.py magpie --min-precision 0.95 --min-recall 0.90 --max-noise-per-1000 5

magpie is run as `magpie scan --format json --show-secrets --no-repo-config [extra args] .` with the
corpus folder as the working directory; finding paths (relative to the git work tree's top level
when the corpus is inside one) are made relative to the corpus folder, like the labels'.

Matching (per file): a finding is a true positive when its path equals a label's path and
  - its secret contains the label's secret (or the label's decoded plaintext), or is contained
    in one of them (at least 6 characters, so a stray fragment cannot claim a label); or
  - it is on the label's line and shares at least min(8, shorter length) consecutive characters
    with the label's secret.
Recall is also given per category: issue 12's shape kinds are named shape-<category>-<form>
(base64, assign, auth, key), every other kind counts as "other".
Several findings on one label are all true positives (reported as duplicates); a finding that
matches no label is a false positive; a label that no finding matches is a false negative. Every
finding in the noise folder is a false positive.

Exit status: 0, or 1 when a --min-*/--max-* threshold is given and not met, or 2 when magpie fails.
"""

import argparse
import difflib
import functools
import json
import os
import subprocess
import sys
from collections import Counter, defaultdict

MIN_CONTAINED = 6


@functools.lru_cache(maxsize=None)
def work_tree_top(root):
    """The git work tree holding `root`, or None: magpie reports paths relative to it."""
    r = subprocess.run(["git", "-C", root, "rev-parse", "--show-toplevel"],
                       capture_output=True, text=True)
    return r.stdout.strip() if r.returncode == 0 and r.stdout.strip() else None


def norm_path(path, root):
    p = path.replace("\\", "/")
    top = work_tree_top(root) if not os.path.isabs(p) else None
    if top:  # inside a git work tree magpie's paths are relative to its top level
        p = os.path.join(top, p)
    if os.path.isabs(p):
        p = os.path.relpath(p, root).replace("\\", "/")
    while p.startswith("./"):
        p = p[2:]
    return p


def run_magpie(magpie, root, extra):
    # --no-repo-config: inside magpie's own repository its .magpieignore (which leaves tests/
    # out) would apply to the corpus; the corpus has no configuration of its own.
    cmd = [os.path.abspath(magpie) if os.path.exists(magpie) else magpie,
           "scan", "--format", "json", "--show-secrets", "--no-repo-config", *extra, "."]
    r = subprocess.run(cmd, cwd=root, capture_output=True, text=True)
    if r.returncode not in (0, 1):
        sys.stderr.write(f"score.py: {' '.join(cmd)} (in {root}) exited {r.returncode}\n{r.stderr}")
        sys.exit(2)
    try:
        return json.loads(r.stdout)
    except json.JSONDecodeError as e:
        sys.stderr.write(f"score.py: magpie output is not JSON ({e}); stderr:\n{r.stderr}")
        sys.exit(2)


def load_findings(doc, root):
    out = []
    for f in doc.get("findings", []):
        # A sensitive file (.env, a key file: issue 15) is a finding about the file, not a
        # secret at a line: the labels count secrets, so these are left to their own tests.
        if f.get("kind") == "sensitive-file":
            continue
        out.append({"rule": f.get("rule", "?"), "path": norm_path(f.get("path", ""), root),
                    "line": int(f.get("start_line", 0) or 0),
                    "end_line": int(f.get("end_line", f.get("start_line", 0)) or 0),
                    "secret": f.get("secret") or "", "confidence": f.get("confidence"),
                    "decoded": f.get("decoded")})
    return out


def count_files(root):
    return sum(len(names) for _, _, names in os.walk(root))


def _overlap(a, b):
    if not a or not b:
        return 0
    m = difflib.SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return m.size


def matches(finding, label):
    if finding["path"] != label["path"]:
        return False
    fs = finding["secret"]
    cands = [c for c in (label["secret"], label.get("decoded")) if c]
    for c in cands:
        if fs and (c in fs or (len(fs) >= MIN_CONTAINED and fs in c)):
            return True
    if finding["line"] <= label["line"] <= max(finding["line"], finding["end_line"]):
        for c in cands:
            if _overlap(fs, c) >= min(8, len(fs), len(c)) > 0:
                return True
    return False


def score_labelled(findings, labels):
    by_path = defaultdict(list)
    for i, l in enumerate(labels):
        by_path[l["path"]].append(i)
    hit = [0] * len(labels)
    tp, fp = [], []
    for f in findings:
        cands = [i for i in by_path.get(f["path"], []) if matches(f, labels[i])]
        if not cands:
            fp.append(f)
            continue
        # Prefer a label nobody claimed yet, then the nearest line.
        best = min(cands, key=lambda i: (hit[i] > 0, abs(labels[i]["line"] - f["line"])))
        hit[best] += 1
        tp.append((f, best))
    fn = [labels[i] for i in range(len(labels)) if not hit[i]]
    dup = sum(h - 1 for h in hit if h > 1)
    n_find = len(findings)
    precision = len(tp) / n_find if n_find else 1.0
    recall = (len(labels) - len(fn)) / len(labels) if labels else 1.0
    per_kind = defaultdict(lambda: [0, 0])
    for i, l in enumerate(labels):
        per_kind[l["kind"]][1] += 1
        per_kind[l["kind"]][0] += 1 if hit[i] else 0
    per_category = defaultdict(lambda: [0, 0])
    for kind, (found, total) in per_kind.items():
        per_category[category(kind)][0] += found
        per_category[category(kind)][1] += total
    return {"findings": n_find, "true_positives": len(tp), "duplicates": dup,
            "false_positives": fp, "false_negatives": fn, "labels": len(labels),
            "labels_found": len(labels) - len(fn), "precision": precision, "recall": recall,
            "f1": (2 * precision * recall / (precision + recall)) if precision + recall else 0.0,
            "per_kind": {k: {"found": v[0], "total": v[1]} for k, v in sorted(per_kind.items())},
            "per_category": {k: {"found": v[0], "total": v[1]} for k, v in sorted(per_category.items())}}


def category(kind):
    """Issue 12's shape kinds are shape-<category>-<form>; every other kind is one category."""
    parts = kind.split("-")
    return "-".join(parts[:2]) if parts[0] == "shape" and len(parts) > 2 else "other"


def short(s, n=60):
    s = s.replace("\n", "\\n")
    return s if len(s) <= n else s[:n] + "…"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    corpus = os.path.normpath(os.path.join(here, "..", "tests", "corpus"))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("magpie", nargs="?", help="path of the magpie binary")
    ap.add_argument("--labelled", default=os.path.join(corpus, "labelled"))
    ap.add_argument("--labels", default=os.path.join(corpus, "labels.jsonl"))
    ap.add_argument("--noise", default=os.path.join(corpus, "noise"), help="noise folder ('' to skip)")
    ap.add_argument("--findings-json", help="saved magpie JSON for the labelled folder (instead of running)")
    ap.add_argument("--noise-findings-json", help="saved magpie JSON for the noise folder")
    ap.add_argument("--magpie-arg", action="append", default=[],
                    help="extra argument for `magpie scan` (repeatable), e.g. --magpie-arg=--min-confidence=medium")
    ap.add_argument("--top", type=int, default=20, help="how many FP/FN lines to print (0: all)")
    ap.add_argument("--json", action="store_true", help="print machine-readable results")
    ap.add_argument("--min-precision", type=float)
    ap.add_argument("--min-recall", type=float)
    ap.add_argument("--max-noise-per-1000", type=float)
    args = ap.parse_args()
    if not args.magpie and not args.findings_json:
        ap.error("give the magpie binary or --findings-json")

    with open(args.labels, encoding="utf-8") as f:
        labels = [json.loads(line) for line in f if line.strip()]
    if args.findings_json:
        with open(args.findings_json, encoding="utf-8") as f:
            doc = json.load(f)
    else:
        doc = run_magpie(args.magpie, args.labelled, args.magpie_arg)
    res = score_labelled(load_findings(doc, args.labelled), labels)

    noise = None
    if args.noise and (args.noise_findings_json or (args.magpie and os.path.isdir(args.noise))):
        if args.noise_findings_json:
            with open(args.noise_findings_json, encoding="utf-8") as f:
                ndoc = json.load(f)
        else:
            ndoc = run_magpie(args.magpie, args.noise, args.magpie_arg)
        nf = load_findings(ndoc, args.noise)
        files = count_files(args.noise) if os.path.isdir(args.noise) else 0
        noise = {"files": files, "findings": nf,
                 "per_1000": (1000.0 * len(nf) / files) if files else 0.0}

    failures = []
    if args.min_precision is not None and res["precision"] < args.min_precision:
        failures.append(f"precision {res['precision']:.3f} < {args.min_precision}")
    if args.min_recall is not None and res["recall"] < args.min_recall:
        failures.append(f"recall {res['recall']:.3f} < {args.min_recall}")
    if args.max_noise_per_1000 is not None and noise and noise["per_1000"] > args.max_noise_per_1000:
        failures.append(f"noise {noise['per_1000']:.1f}/1000 files > {args.max_noise_per_1000}")

    if args.json:
        def fjson(f):
            return {"rule": f["rule"], "path": f["path"], "line": f["line"], "secret": f["secret"]}
        out = {k: v for k, v in res.items() if k not in ("false_positives", "false_negatives")}
        out["false_positives"] = [fjson(f) for f in res["false_positives"]]
        out["false_negatives"] = res["false_negatives"]
        if noise:
            out["noise"] = {"files": noise["files"], "false_positives": len(noise["findings"]),
                            "per_1000_files": noise["per_1000"],
                            "findings": [fjson(f) for f in noise["findings"]]}
        out["failures"] = failures
        print(json.dumps(out, indent=2))
    else:
        top = args.top or None
        print(f"labelled: {res['labels']} labels in {len({l['path'] for l in labels})} files; "
              f"{res['findings']} findings")
        print(f"precision {res['precision']:.3f}  recall {res['recall']:.3f}  f1 {res['f1']:.3f}  "
              f"(TP {res['true_positives']} incl. {res['duplicates']} duplicates, "
              f"FP {len(res['false_positives'])}, FN {len(res['false_negatives'])})")
        print("recall by category: " + ", ".join(
            f"{c} {v['found']}/{v['total']}" for c, v in res["per_category"].items()))
        if noise:
            print(f"noise: {len(noise['findings'])} findings in {noise['files']} files = "
                  f"{noise['per_1000']:.1f} FP per 1,000 files")
        fps = res["false_positives"]
        if fps:
            print(f"\nfalse positives by rule: " + ", ".join(f"{r} {n}" for r, n in
                                                          Counter(f["rule"] for f in fps).most_common()))
            print(f"false positives ({len(fps)}):")
            for f in fps[:top]:
                print(f"  {f['path']}:{f['line']}  {f['rule']}  {short(f['secret'])}")
        fns = res["false_negatives"]
        if fns:
            print(f"\nfalse negatives ({len(fns)}):")
            for l in fns[:top]:
                print(f"  {l['path']}:{l['line']}  {l['kind']}  {short(l['secret'])}")
        if noise and noise["findings"]:
            nfs = noise["findings"]
            print(f"\nnoise false positives by rule: " + ", ".join(
                f"{r} {n}" for r, n in Counter(f["rule"] for f in nfs).most_common()))
            for f in nfs[:top]:
                print(f"  {f['path']}:{f['line']}  {f['rule']}  {short(f['secret'])}")
        for msg in failures:
            print("FAILED:", msg)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
