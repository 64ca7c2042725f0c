#!/usr/bin/env bash
# Peak private memory of one command (issue 13 §4: "keep the private, non-file-backed part under
# 300 MB"). Runs the command, samples /proc/PID/status every ~20 ms and prints one line:
#
#   peak_rss_anon_MiB=N peak_rss_file_MiB=N peak_rss_MiB=N cpu_s=N wall_s=N rc=N
#
# RssAnon is what the process allocated (heap, arenas, anonymous mmaps: what the issue bounds);
# RssFile is mapped files (the pack, the libraries), which the kernel can drop and re-read. The
# command is exec'd, so the PID sampled is the command itself; CPU is user+sys of it and its
# children (/usr/bin/time). The sampler reads /proc with shell builtins only (no process per
# sample), so it costs the measured run next to nothing.
#
# Usage: bench/peak_private.sh [--runs N] [--cpus LIST] [--trace FILE] -- COMMAND [ARGS...]
#   --runs   repeat the command N times (default 1) and print each line, then the medians
#   --cpus   run under `taskset -c LIST`
#   --trace  write every sample of the last run to FILE ("seconds anon_kB file_kB"), to see
#            which phase holds the peak
# Example (git/git's full mirror, the plain history path, store off, two threads):
#   bench/peak_private.sh --runs 2 -- build/cli/magpie git /tmp/git.git --no-store -j2 -q
set -euo pipefail

runs=1 cpus="" trace=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --cpus) cpus="$2"; shift 2 ;;
    --trace) trace="$2"; shift 2 ;;
    --) shift; break ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) break ;;
  esac
done
[[ $# -gt 0 ]] || { echo "usage: $0 [--runs N] [--cpus LIST] -- COMMAND..." >&2; exit 2; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# Prints "anon_kB file_kB rss_kB" peaks of PID $1 until it exits; with $2, every sample to it.
sample() {
  local pid="$1" series="${2:-/dev/null}" key value unit anon=0 file=0 rss=0 a f r tick
  # A pipe nobody writes to: `read -t` on it is a 20 ms sleep without a process.
  exec {tick}<> <(:)
  while [[ -e "/proc/$pid/status" ]]; do
    a=0 f=0 r=0
    while read -r key value unit; do
      case "$key" in
        RssAnon:) a=$value ;;
        RssFile:) f=$value ;;
        VmRSS:) r=$value ;;
      esac
    done < "/proc/$pid/status" 2>/dev/null || true
    (( a > anon )) && anon=$a
    (( f > file )) && file=$f
    (( r > rss )) && rss=$r
    [[ -n "${2:-}" ]] && echo "$EPOCHREALTIME $a $f" >> "$series"
    read -r -t 0.02 -u "$tick" || true
  done
  exec {tick}<&-
  echo "$anon $file $rss"
}

one_run() {
  local rc=0 pid
  [[ -n "$trace" ]] && : > "$trace"
  # The measured command is /usr/bin/time's child (taskset and bash exec into it).
  /usr/bin/time -f "%e %U %S" -o "$tmp/time" ${cpus:+taskset -c "$cpus"} \
    bash -c 'exec "$@" >/dev/null 2>&1' _ "$@" &
  local timer=$!
  for _ in $(seq 50); do
    pid=$(cat "/proc/$timer/task/$timer/children" 2>/dev/null | awk '{print $1}')
    [[ -n "$pid" ]] && break
    sleep 0.005
  done
  local peaks="0 0 0"
  [[ -n "$pid" ]] && peaks=$(sample "$pid" "$trace")
  if [[ -n "$trace" && -s "$trace" ]]; then  # seconds since the first sample
    awk 'NR==1{t0=$1} {printf "%.2f %s %s\n", $1-t0, $2, $3}' "$trace" > "$tmp/trace" &&
      mv "$tmp/trace" "$trace"
  fi
  wait "$timer" || rc=$?
  # /usr/bin/time exits with the command's status.
  read -r wall user sys < <(tail -1 "$tmp/time")
  read -r anon file rss <<< "$peaks"
  awk -v a="$anon" -v f="$file" -v r="$rss" -v u="$user" -v s="$sys" -v w="$wall" -v rc="$rc" \
    'BEGIN{printf "peak_rss_anon_MiB=%.0f peak_rss_file_MiB=%.0f peak_rss_MiB=%.0f cpu_s=%.2f wall_s=%.2f rc=%d\n",
           a/1024, f/1024, r/1024, u+s, w, rc}'
}

for ((i = 0; i < runs; i++)); do one_run "$@" | tee -a "$tmp/lines"; done
if (( runs > 1 )); then
  line="median:"
  for field in 1 2 3 4 5; do
    name=$(head -1 "$tmp/lines" | awk -v f="$field" '{split($f, kv, "="); print kv[1]}')
    value=$(awk -v f="$field" '{split($f, kv, "="); print kv[2]}' "$tmp/lines" | sort -g |
      awk '{a[NR]=$1} END{print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}')
    line+=" $name=$value"
  done
  echo "$line"
fi
