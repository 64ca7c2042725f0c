#!/usr/bin/env python3
"""Issue 11: the GitHub Action (action.yml) and the GitLab CI template cannot rot.

Parses both files as YAML, finds every magpie command they run, and checks that each flag they
pass exists in that command's --help; checks that the scripts they call exist and that the Action
uploads SARIF. Usage: ci_templates_test.py MAGPIE REPO_ROOT
"""
import re
import shlex
import subprocess
import sys
from pathlib import Path

import yaml

COMMANDS = {"scan", "git", "staged", "install-hook", "rules"}


def help_flags(magpie, command):
    out = subprocess.run([magpie, command, "--help"], capture_output=True, text=True, check=True)
    return set(re.findall(r"(?<![\w-])--?[a-z][a-z-]*", out.stdout))


def flag_words(text):
    return re.findall(r"(?<![\w$/-])(--?[a-z][a-z-]*)", text)


def array_flags(script):
    """Flags put into the shell array magpie runs with: args=(...) and args+=(...)."""
    return [f for group in re.findall(r"\bargs\+?=\(([^)]*)\)", script) for f in flag_words(group)]


def assigned_flags(line):
    """Flags put into a variable the magpie line expands: strict="--a --b"; config="--c $X"."""
    return [f for value in re.findall(r'\b(?:strict|config)="([^"]*)"', line) for f in flag_words(value)]


def check(errors, where, flags, known):
    for flag in flags:
        if flag not in known:
            errors.append(f"{where}: {flag} is not a flag of magpie (see --help)")


def main():
    magpie, root = sys.argv[1], Path(sys.argv[2])
    errors = []
    git_flags = help_flags(magpie, "git")

    action = yaml.safe_load((root / "action.yml").read_text())
    steps = action["runs"]["steps"]
    assert action["runs"]["using"] == "composite", "action.yml must be a composite action"
    scan = next(s for s in steps if s.get("id") == "scan")
    run = scan["run"]
    if not re.search(r"args=\(git --since ", run) or 'magpie "${args[@]}"' not in run:
        errors.append("action.yml: the scan step no longer runs `magpie git --since BASE`")
    # Every flag in the scan step is one of magpie git's.
    check(errors, "action.yml scan step", array_flags(run), git_flags)
    uploads = [s for s in steps if str(s.get("uses", "")).startswith(
        "github/codeql-action/upload-sarif@")]
    if not uploads or uploads[0]["with"]["sarif_file"] != "${{ inputs.sarif }}":
        errors.append("action.yml: no SARIF upload of the report")
    build = steps[0]["run"]
    for script in re.findall(r"\$GITHUB_ACTION_PATH/(scripts/[\w.-]+)", build):
        if not (root / script).is_file():
            errors.append(f"action.yml: {script} does not exist")

    gitlab = yaml.safe_load((root / "ci/gitlab/magpie.gitlab-ci.yml").read_text())
    job = gitlab["magpie-secrets"]
    assert job["extends"] == ".magpie"
    ran = 0
    for line in job["script"]:
        for words in (shlex.split(part) for part in line.split(";")):
            if "magpie" not in words:
                continue
            ran += 1
            command = words[words.index("magpie") + 1]
            if command not in COMMANDS:
                errors.append(f"gitlab template: unknown magpie command {command}")
                continue
            known = help_flags(magpie, command)
            check(errors, "gitlab template", [w for w in words if w.startswith("-")], known)
        # The flags assembled into variables ($strict, $config) are magpie git's too.
        check(errors, "gitlab template", assigned_flags(line), git_flags)
    if ran == 0:
        errors.append("gitlab template: runs no magpie command")
    for script in re.findall(r"/opt/magpie-src/(scripts/[\w.-]+)", "\n".join(
            gitlab[".magpie"]["before_script"])):
        if not (root / script).is_file():
            errors.append(f"gitlab template: {script} does not exist")

    for error in errors:
        print(error, file=sys.stderr)
    print("ci_templates_test: " + ("FAILED" if errors else "ok"))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
