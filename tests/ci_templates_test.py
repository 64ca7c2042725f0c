#!/usr/bin/env python3
"""Issue 11: the GitHub Action (action.yml) and the GitLab CI template cannot rot.

Parses both files as YAML, finds every magpie command they run, and checks that each flag they
pass exists in that command's --help; checks that the scripts they call exist and that the Action
uploads SARIF. Usage: ci_templates_test.py MAGPIE REPO_ROOT
"""
import re
import os
import shlex
import subprocess
import sys
import tempfile
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


LEAK = 'aws_key = "AKIAQYLPMN5HHHFPZAM2"\n'


def sh(cwd, *args, **kw):
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@t", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@t", GIT_CONFIG_GLOBAL="/dev/null", GIT_CONFIG_NOSYSTEM="1")
    return subprocess.run(args, cwd=cwd, env=env, check=True, capture_output=True, text=True, **kw)


def commit(repo, files, message):
    for name, text in files.items():
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    sh(repo, "git", "add", "-A")
    sh(repo, "git", "commit", "-q", "--no-verify", "-m", message)


def run_scan_steps(magpie, action_script, gitlab_lines):
    """Runs the action's scan step as GitHub would, and the GitLab job's script as GitLab would,
    on a pull (merge) request's checkout (issue 11)."""
    errors = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        origin = tmp / "origin"
        origin.mkdir()
        sh(origin, "git", "init", "-q", "-b", "main")
        commit(origin, {"README": "hi\n", ".github/magpie-ci.yaml": "min_confidence: low\n"}, "base")
        sh(origin, "git", "checkout", "-q", "-b", "other-feature")  # a leak on another branch
        commit(origin, {"leak.py": LEAK}, "someone else's leak")
        sh(origin, "git", "checkout", "-q", "-b", "clean-pr", "main")
        commit(origin, {"app.py": "x = 1\n"}, "a clean change")
        sh(origin, "git", "checkout", "-q", "-b", "policy-pr", "main")  # rewrites the policy
        commit(origin, {".github/magpie-ci.yaml": "disable: [aws-access-key-id]\n",
                        "app.py": LEAK}, "a leak and a policy that hides it")
        work = tmp / "work"
        sh(tmp, "git", "clone", "-q", str(origin), str(work))  # every branch, like fetch-depth: 0

        def scan(where, pr, config):
            sh(work, "git", "checkout", "-q", "--detach", "origin/" + pr)
            output = tmp / "github_output"
            output.write_text("")
            env = dict(os.environ, BASE="", GITHUB_BASE_REF="main", CONFIG=config, STRICT="true",
                       SARIF=str(tmp / "magpie.sarif"), GITHUB_OUTPUT=str(output),
                       RUNNER_TEMP=str(tmp), CI_MERGE_REQUEST_TARGET_BRANCH_NAME="main",
                       MAGPIE_STRICT="true", MAGPIE_CONFIG=config,
                       PATH=str(Path(magpie).resolve().parent) + os.pathsep + os.environ["PATH"])
            if where == "action.yml":
                subprocess.run(["bash", "-c", action_script], cwd=work, env=env,
                               capture_output=True)
                return output.read_text().strip()
            script = "set -eo pipefail\n" + "\n".join(gitlab_lines)
            done = subprocess.run(["bash", "-c", script], cwd=work, env=env, capture_output=True)
            return f"exit-code={done.returncode}"

        for where in ("action.yml", "gitlab template"):
            got = scan(where, "clean-pr", "")
            if got != "exit-code=0":
                errors.append(f"{where}: a clean pull request gives {got} (another branch's "
                              "leak must not fail it)")
            got = scan(where, "policy-pr", ".github/magpie-ci.yaml")
            if got != "exit-code=1":
                errors.append(f"{where}: a pull request that rewrites the config policy gives "
                              f"{got}, not exit-code=1 (the policy is read as the base has it)")
    return errors


def main():
    magpie, root = sys.argv[1], Path(sys.argv[2])
    errors = []
    git_flags = help_flags(magpie, "git")

    action = yaml.safe_load((root / "action.yml").read_text())
    steps = action["runs"]["steps"]
    assert action["runs"]["using"] == "composite", "action.yml must be a composite action"
    scan = next(s for s in steps if s.get("id") == "scan")
    run = scan["run"]
    # --branch HEAD (issue 11): without it every ref of the clone is walked, and a secret on
    # another branch fails the pull request.
    if not re.search(r"args=\(git --branch HEAD --since ", run) or 'magpie "${args[@]}"' not in run:
        errors.append("action.yml: the scan step no longer runs `magpie git --branch HEAD "
                      "--since BASE`")
    # Every flag in the scan step is one of magpie git's.
    check(errors, "action.yml scan step", array_flags(run), git_flags)
    uploads = [s for s in steps if str(s.get("uses", "")).startswith(
        "github/codeql-action/upload-sarif@")]
    if not uploads or uploads[0]["with"]["sarif_file"] != "${{ inputs.sarif }}":
        errors.append("action.yml: no SARIF upload of the report")
    # Third-party actions are pinned to a commit: a tag can be moved to other code.
    for step in steps:
        uses = str(step.get("uses", ""))
        if uses and not re.fullmatch(r"[\w./-]+@[0-9a-f]{40}", uses):
            errors.append(f"action.yml: {uses} is not pinned to a commit id")
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
            if command == "git" and "--branch HEAD" not in " ".join(words):
                errors.append("gitlab template: magpie git without --branch HEAD walks every "
                              "ref of the clone")
        # The flags assembled into variables ($strict, $config) are magpie git's too.
        check(errors, "gitlab template", assigned_flags(line), git_flags)
    if ran == 0:
        errors.append("gitlab template: runs no magpie command")
    for script in re.findall(r"/opt/magpie-src/(scripts/[\w.-]+)", "\n".join(
            gitlab[".magpie"]["before_script"])):
        if not (root / script).is_file():
            errors.append(f"gitlab template: {script} does not exist")

    errors += run_scan_steps(magpie, run, job["script"])

    for error in errors:
        print(error, file=sys.stderr)
    print("ci_templates_test: " + ("FAILED" if errors else "ok"))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
