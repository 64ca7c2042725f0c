#!/usr/bin/env bash
# Submits an estate scan as a Slurm job array of N shards, then the merge as a job that runs
# after every shard has ended (afterany: a failed shard still lets the merge run, and the
# merge reports it missing or incomplete: exit 2).
#   deploy/slurm/submit.sh REPOS.txt N [REPORTS_DIR]
set -euo pipefail
repos="${1:?usage: submit.sh REPOS.txt N [REPORTS_DIR]}"
n="${2:?usage: submit.sh REPOS.txt N [REPORTS_DIR]}"
reports="${3:-reports}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
array=$(REPOS="$repos" REPORTS="$reports" sbatch --parsable --array="0-$((n - 1))" \
        "$here/magpie-estate.sbatch")
sbatch --dependency="afterany:${array}" --job-name=magpie-merge --output=magpie-merge-%j.out \
  --wrap="${MAGPIE:-magpie} merge -o '$reports/estate.json' $reports/shard-*.json"
