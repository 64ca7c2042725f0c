"""Writes a generated file tree to disk and lists where the tree on disk drifted from it."""

import os
import shutil


def write_tree(root, files):
    """Replaces the folder root with files ({relative path: text}), written as UTF-8 without newline translation."""
    if os.path.isdir(root):
        shutil.rmtree(root)
    for rel, content in files.items():
        p = os.path.join(root, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "w", encoding="utf-8", newline="") as f:
            f.write(content)


def tree_drift(root, files):
    """Relative paths where root differs from files: missing or changed ones in files' order, then extra ones sorted."""
    on_disk = {os.path.relpath(os.path.join(d, n), root) for d, _, ns in os.walk(root) for n in ns}
    drift = []
    for rel, content in files.items():
        if rel not in on_disk:
            drift.append(rel)
            continue
        with open(os.path.join(root, rel), encoding="utf-8", newline="") as f:
            if f.read() != content:
                drift.append(rel)
    return drift + sorted(on_disk - set(files))
