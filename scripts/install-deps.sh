#!/usr/bin/env bash
# Installs magpie's build dependencies from Debian 12 packages, only those missing.
# Idempotent and quiet when everything is present, so the README commands can call it each time.
# Usage: scripts/install-deps.sh [--fuzz]   (--fuzz: also clang and libFuzzer, for fuzz/)
set -euo pipefail
pkgs=(build-essential cmake pkg-config git ca-certificates
      libvectorscan-dev libre2-dev libgit2-dev libtbb-dev nlohmann-json3-dev
      libyaml-cpp-dev libcli11-dev catch2 libbenchmark-dev zlib1g-dev libssl-dev python3 python3-jsonschema
      libsqlite3-dev sqlite3  # the scan store (store/, issue 13); sqlite3: its tests plant foreign stores
      pre-commit  # pre-commit: tests/cli/precommit_test.cc drives .pre-commit-hooks.yaml with it
      help2man python3-yaml  # help2man: the man page (dist/); python3-yaml: tests/ci_templates_test.py
      zsh fish  # tests/package_test.sh checks the installed zsh and fish completions
      chromium  # headless browser for the HTML report's test (tests/cli/html_browser_test.sh)
      slurm-wlm munge)  # the Slurm array job test (scripts/slurm-demo.sh, ctest -L slow)
pkgs+=(git-filter-repo)  # tests/cli/remediation_test.cc rewrites history with it (issue 15)
pkgs+=(libdeflate-dev)  # git/pack_reader.cc inflates pack records with it (issue 13 §1)
pkgs+=(valgrind)  # bench/stage_cost.sh counts the Hyperscan stage under callgrind (issue 12)
pkgs+=(libmbedtls-dev)  # cli/main_no_tls_trust.cc: mbedTLS prototypes (libgit2-dev pulls it in too)
if [ "${1:-}" = "--fuzz" ]; then
  pkgs+=(clang libclang-rt-dev)  # libclang-rt-dev: libFuzzer and the sanitizer runtimes
fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
echo "magpie: installing missing packages: ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
