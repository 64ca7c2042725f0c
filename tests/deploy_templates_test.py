#!/usr/bin/env python3
"""Issue 13: the set-ups in deploy/ cannot rot.

Finds every magpie command the Kubernetes manifests, the Slurm scripts and the GitHub Actions
workflow run (YAML is parsed, so that a broken file fails too) and checks that each flag they
pass exists in that command's --help. Usage: deploy_templates_test.py MAGPIE REPO_ROOT
"""
import re
import subprocess
import sys
from pathlib import Path

import yaml

COMMANDS = {"git", "estate", "merge"}


def help_flags(magpie, command):
    out = subprocess.run([magpie, command, "--help"], capture_output=True, text=True, check=True)
    return set(re.findall(r"(?<![\w-])--?[a-z][a-z-]*", out.stdout))


def commands(text):
    """(command, flags) of every `magpie CMD ...` or `"$magpie" CMD ...` invocation."""
    text = re.sub(r"\\\n\s*", " ", text)  # shell line continuations
    for match in re.finditer(r'(?:\bmagpie|"\$magpie"|\$\{MAGPIE:-magpie\})\s+([a-z-]+)([^\n;|&]*)',
                             text):
        command, rest = match.group(1), match.group(2)
        if command in COMMANDS:
            yield command, re.findall(r"(?<![\w$/{:-])(--?[a-z][a-z-]*)", rest)


def main():
    magpie, root = sys.argv[1], Path(sys.argv[2])
    known = {c: help_flags(magpie, c) for c in COMMANDS}
    errors, seen = [], set()
    files = sorted((root / "deploy").rglob("*"))
    for path in files:
        if not path.is_file() or path.suffix == ".md":
            continue
        text = path.read_text()
        if path.suffix in (".yaml", ".yml"):
            list(yaml.safe_load_all(text))  # a file that does not parse fails here
        for command, flags in commands(text):
            seen.add((path.name, command))
            for flag in flags:
                if flag not in known[command]:
                    errors.append(f"{path.relative_to(root)}: magpie {command} has no {flag}")
    for name, command in [("magpie-estate-job.yaml", "estate"), ("magpie-merge-job.yaml", "merge"),
                          ("magpie-estate.sbatch", "estate"), ("submit.sh", "merge"),
                          ("magpie-estate.yml", "git"), ("magpie-estate.yml", "merge")]:
        if (name, command) not in seen:
            errors.append(f"deploy/: {name} no longer runs magpie {command}")
    for error in errors:
        print(error, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
