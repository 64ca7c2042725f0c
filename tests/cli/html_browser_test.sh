#!/usr/bin/env bash
# Issue 15: the HTML report rendered by a real browser (headless Chromium from Debian). A git
# history with hostile names and lines is reported with `magpie git -f html`; Chromium runs the
# page's script and dumps the DOM: the table and the SVG charts are there, sorting and
# filtering through the URL hash work, nothing from the scanned data became markup, no full
# secret is in the page, and a screenshot is taken.
# Usage: html_browser_test.sh MAGPIE   Exit 77 (ctest SKIP_RETURN_CODE) when no Chromium can run.
set -euo pipefail
magpie="$1"
tmp="$(mktemp -d)"
trap '[ -n "${KEEP_TMP:-}" ] || rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

browser=""
for candidate in chromium chromium-browser google-chrome; do
  if command -v "$candidate" >/dev/null; then browser="$(command -v "$candidate")"; break; fi
done
if [ -z "$browser" ]; then
  echo "SKIP: no chromium found (Debian: apt-get install chromium; scripts/install-deps.sh)" >&2
  exit 77
fi

# Chromium as root, in a container, without a display: no sandbox, its own profile and HOME.
export HOME="$tmp/home"
mkdir -p "$HOME"
run_browser() {  # run_browser OUTPUT_DOM URL [extra flags...]
  local out="$1" url="$2"
  shift 2
  local headless
  for headless in --headless=new --headless; do
    if timeout 60 "$browser" "$headless" --no-sandbox --disable-gpu --disable-dev-shm-usage \
         --no-first-run --no-default-browser-check --user-data-dir="$tmp/profile" \
         --virtual-time-budget=1000 "$@" --dump-dom "$url" >"$out" 2>"$tmp/browser.err" &&
       [ -s "$out" ]; then
      return 0
    fi
  done
  return 1
}

# A history: four secrets, one file deleted since, a file name and a line that try to inject.
repo="$tmp/repo"
mkdir -p "$repo"
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
git() { command git -C "$repo" -c user.name=Tester -c user.email=t@example.com "$@"; }
git init -q -b main
key=AKIAQYLPMN5HHHFPZAM2
evil_name='<script>document.body.setAttribute("data-pwned","1")'  # no '/' in a file name
evil="$evil_name</script>"
# Each file different: history scans each distinct blob once.
printf 'AWS_ACCESS_KEY_ID=%s\n# a\n' "$key" >"$repo/a.env"
printf 'AWS_ACCESS_KEY_ID=%s\n# b\n' "$key" >"$repo/b.env"
printf '%s <img src=x onerror=document.body.setAttribute("data-pwned","2")> %s\n' \
  "$evil" "$key" >"$repo/$evil_name.env"
git add -A && git commit -q -m "add config"
printf 'AWS_ACCESS_KEY_ID=%s\n# c\n' "$key" >"$repo/c.env"
git add -A && git commit -q -m "add c"
git rm -q b.env && git commit -q -m "remove b"
git remote add origin https://github.com/example/demo.git

report="$tmp/report.html"
set +e
"$magpie" git -f html -o "$report" "$repo" 2>"$tmp/magpie.err"
status=$?
set -e
[ "$status" -eq 1 ] || fail "magpie git exited $status: $(cat "$tmp/magpie.err")"
grep -q "$key" "$report" && fail "a full secret is in the page"

dom="$tmp/dom.html"
if ! run_browser "$dom" "file://$report"; then
  echo "SKIP: $browser cannot run here: $(tail -3 "$tmp/browser.err")" >&2
  exit 77
fi
grep -q 'data-report-ready="1"' "$dom" || fail "the page's script did not run"
grep -q 'id="findings-table"' "$dom" || fail "no findings table"
for chart in severity rule year presence paths; do
  grep -q "data-chart=\"$chart\"" "$dom" || fail "no $chart chart"
done
[ "$(grep -o '<svg' "$dom" | wc -l)" -ge 5 ] || fail "fewer than 5 SVG charts"
grep -q 'data-visible-rows="4"' "$dom" || fail "not 4 rows shown: $(grep -o 'data-visible-rows="[0-9]*"' "$dom")"
grep -q 'href="https://github.com/example/demo/commit/' "$dom" || fail "no commit link"
grep -q 'href="https://github.com/example/demo/blob/[0-9a-f]*/a.env#L1"' "$dom" || fail "no path link"
grep -q 'data-pwned' "$dom" && grep -q 'data-pwned="[12]"' "$dom" && fail "scanned data ran as script"
[ "$(grep -o '<script' "$dom" | wc -l)" -eq 1 ] || fail "a <script> element besides the report's"
grep -q '&lt;script&gt;document.body' "$dom" || fail "the hostile file name is not shown as text"
grep -q "$key" "$dom" && fail "a full secret is in the rendered page"

# Sorting and filtering, driven through the URL hash (the page's test hook).
sorted="$tmp/sorted.html"
run_browser "$sorted" "file://$report#sort=path&dir=desc" || fail "no DOM for the sorted page"
grep -q 'data-sorted-by="path"' "$sorted" || fail "not sorted by path"
grep -q 'data-sort-dir="desc"' "$sorted" || fail "not sorted descending"
first_path="$(grep -o '<td class="path" data-sort="[^"]*"' "$sorted" | head -1)"
[ "$first_path" = '<td class="path" data-sort="c.env:0000000001"' ] ||
  fail "first row after a descending path sort: $first_path"
filtered="$tmp/filtered.html"
run_browser "$filtered" "file://$report#q=b.env" || fail "no DOM for the filtered page"
grep -q 'data-visible-rows="1"' "$filtered" || fail "the filter did not leave one row"

shot="$tmp/report.png"
run_browser "$tmp/ignored.html" "file://$report" --screenshot="$shot" --window-size=1400,1000 ||
  fail "no screenshot"
[ -s "$shot" ] || fail "empty screenshot"
echo "ok: rendered in $("$browser" --version 2>/dev/null || echo "$browser")"
