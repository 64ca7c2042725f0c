#!/usr/bin/env bash
# An estate scan on a real Slurm job array, on this machine (issue 13):
#   1. starts munged, slurmctld and slurmd for a one-node cluster in a temporary directory
#      (as the current user; ports and state all under the directory),
#   2. generates an estate of small repositories with secrets,
#   3. submits deploy/slurm/magpie-estate.sbatch as an array of N shards (the shard comes from
#      SLURM_ARRAY_TASK_ID/COUNT, no --shard flag), then merges the shards' reports,
#   4. compares the merged report with the one-machine `magpie estate` report (same findings,
#      same diagnostics, same summary counts),
#   5. stops the daemons and removes everything it made, whatever happened.
# Exit: 0 equal, 1 different (or the array failed), 77 the daemons could not start (a skip:
# ctest's SKIP_RETURN_CODE, never a pass), 2 bad usage.
# Usage: scripts/slurm-demo.sh MAGPIE_BINARY [SHARDS]   (slurm-wlm and munge from Debian)
set -uo pipefail
magpie="$(realpath "${1:?usage: slurm-demo.sh MAGPIE_BINARY [SHARDS]}")"
shards="${2:-3}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
skip() { echo "SKIP: slurm-demo: $*" >&2; exit 77; }
fail() { echo "FAIL: slurm-demo: $*" >&2; exit 1; }

for tool in munged slurmctld slurmd sbatch sinfo python3 git; do
  command -v "$tool" >/dev/null 2>&1 || skip "'$tool' is not installed (apt-get install slurm-wlm munge)"
done

tmp="$(mktemp -d /tmp/magpie-slurm.XXXXXX)"
chmod 0755 "$tmp"  # slurmd's job steps read the estate and the binary from here
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null
  done
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

user="$(id -un)"
node="magpie-node"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
ctld_port="$(free_port)"
slurmd_port="$(free_port)"
mkdir -p "$tmp"/{munge,state,spool,log,estate,reports}
chmod 0700 "$tmp/munge"

# munge: a private key and socket, so nothing of the machine's own munge is touched.
head -c 1024 /dev/urandom > "$tmp/munge/munge.key"
chmod 0400 "$tmp/munge/munge.key"
munged --socket="$tmp/munge/munge.socket" --key-file="$tmp/munge/munge.key" \
  --pid-file="$tmp/munge/munged.pid" --log-file="$tmp/log/munged.log" \
  --seed-file="$tmp/munge/munge.seed" --force --foreground >/dev/null 2>&1 &
pids+=($!)

cat > "$tmp/slurm.conf" <<CONF
ClusterName=magpiedemo
SlurmctldHost=localhost
SlurmUser=$user
SlurmdUser=$user
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$tmp/munge/munge.socket
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool/%n
SlurmctldPidFile=$tmp/slurmctld.pid
SlurmdPidFile=$tmp/slurmd.pid
SlurmctldLogFile=$tmp/log/slurmctld.log
SlurmdLogFile=$tmp/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SwitchType=switch/none
ReturnToService=2
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
NodeName=$node NodeHostname=$(hostname) NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=demo Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$tmp/slurm.conf"

for _ in $(seq 50); do [ -S "$tmp/munge/munge.socket" ] && break; sleep 0.1; done
[ -S "$tmp/munge/munge.socket" ] || skip "munged did not start ($(tail -1 "$tmp/log/munged.log" 2>/dev/null))"
slurmctld -D -i -f "$SLURM_CONF" >"$tmp/log/slurmctld.out" 2>&1 &
pids+=($!)
slurmd -D -N "$node" -f "$SLURM_CONF" >"$tmp/log/slurmd.out" 2>&1 &
pids+=($!)
state=""
for _ in $(seq 150); do
  state="$(sinfo -h -n "$node" -o %T 2>/dev/null | head -1)"
  case "$state" in idle*|mixed*|allocated*) break ;; esac
  sleep 0.2
done
case "$state" in
  idle*|mixed*|allocated*) ;;
  *) skip "the Slurm daemons did not come up (node state '${state:-none}'): $(tail -2 "$tmp/log/slurmctld.log" "$tmp/log/slurmd.log" "$tmp/log/slurmd.out" 2>/dev/null | tr '\n' ' ')" ;;
esac
echo "slurm-demo: one-node cluster up in $tmp (ports $ctld_port, $slurmd_port)"

# The estate: repositories with secrets, one packed (split by blob), one missing.
keys=(AKIAQYLPMN5HHHFPZAM2 AKIAZ7RWQ3LXK9TDVB4N AKIAJ2HX6WQ4PLM8NR3T)  # magpie:allow aws-access-key-id -- fake keys planted for the demo estate
for r in alpha beta gamma delta; do
  git init -q -b main "$tmp/estate/$r"
  for i in 0 1 2 3; do
    printf 'key = "%s"\nDB_PASSWORD=q8Vn2rLx7TfK9mWz%s%s\n' "${keys[$((i % 3))]}" "$r" "$i" \
      > "$tmp/estate/$r/f$i.py"
    git -C "$tmp/estate/$r" add -A
    GIT_AUTHOR_DATE="@$((1700000000 + 60 * i)) +0000" GIT_COMMITTER_DATE="@$((1700000000 + 60 * i)) +0000" \
      git -C "$tmp/estate/$r" -c user.name=demo -c user.email=demo@example.com commit -q -m "c$i"
  done
done
git -C "$tmp/estate/beta" gc -q
printf '# generated estate\n%s/estate/alpha\n%s/estate/beta\n\n%s/estate/missing\n%s/estate/gamma\n%s/estate/delta\n' \
  "$tmp" "$tmp" "$tmp" "$tmp" "$tmp" > "$tmp/repos.txt"
export MAGPIE_CACHE_DIR="${MAGPIE_CACHE_DIR:-$tmp/cache}"

# The array job, as a user would submit it (deploy/slurm/), waited for.
MAGPIE="$magpie" REPOS="$tmp/repos.txt" REPORTS="$tmp/reports" MAGPIE_SPLIT_ABOVE_MIB=0 \
  sbatch --wait --array="0-$((shards - 1))" --output="$tmp/log/shard-%a.out" \
  --chdir="$tmp" "$here/deploy/slurm/magpie-estate.sbatch" >"$tmp/log/sbatch.out" 2>&1
sbatch_rc=$?
# The shard that owns the missing repository exits 2 (incomplete), so its task fails and
# sbatch --wait says so; its report is still written and the merge carries the error.
for i in $(seq 0 $((shards - 1))); do
  if [ ! -s "$tmp/reports/shard-$i.json" ]; then
    cat "$tmp/log/sbatch.out" "$tmp"/log/shard-*.out >&2 2>/dev/null
    fail "array task $i wrote no report (sbatch exit $sbatch_rc)"
  fi
done

"$magpie" merge -o "$tmp/merged.json" "$tmp"/reports/shard-*.json
merge_rc=$?
"$magpie" estate -f json -o "$tmp/single.json" --split-above-mib 0 "$tmp/repos.txt" 2>/dev/null
single_rc=$?
[ "$merge_rc" -eq "$single_rc" ] || fail "merge exit $merge_rc, one machine exit $single_rc"

python3 - "$tmp/merged.json" "$tmp/single.json" "$shards" "$tmp"/reports/shard-*.json <<'PY' || fail "the merged report differs"
import json, sys
merged, single = (json.load(open(p)) for p in sys.argv[1:3])
shards = int(sys.argv[3])
seen = sorted(json.load(open(p))["shard"]["index"] for p in sys.argv[4:])
assert seen == list(range(shards)), f"shard indexes from SLURM_ARRAY_TASK_ID: {seen}"
bag = lambda r, k: sorted(json.dumps(x, sort_keys=True) for x in r[k])
assert bag(merged, "findings") == bag(single, "findings"), "findings differ"
assert bag(merged, "diagnostics") == bag(single, "diagnostics"), "diagnostics differ"
for k in ("files_scanned", "bytes_scanned", "findings", "errors", "skipped", "suppressed"):
    assert merged["summary"][k] == single["summary"][k], f"summary.{k} differs"
repos = {f["git"]["repository"].rsplit("/", 1)[-1] for f in merged["findings"]}
assert repos == {"alpha", "beta", "gamma", "delta"}, repos
print(f"slurm-demo: {shards} array tasks merged == one machine: "
      f"{len(merged['findings'])} findings in {len(repos)} repositories, "
      f"{merged['summary']['errors']} error (the missing repository)")
PY
