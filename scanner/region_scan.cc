#include "scanner/region_scan.h"

#include <hs/hs.h>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <tuple>
#include <utility>

#include "scanner/compiled_rules_impl.h"
#include "scanner/confirm.h"
#include "scanner/line_counter.h"

namespace magpie::scanner {
namespace {

using internal::kConfirmWindow;

constexpr int64_t kUnbounded = std::numeric_limits<int64_t>::max() / 4;

// A maximal piece of the target copied from the base in one piece. `lo`/`hi` are where its
// sameness with the base stops: its target bounds, or unbounded where the target and the base
// both end (a finding there saw the same buffer end in both).
struct Run {
  int64_t target_begin;
  int64_t target_end;
  int64_t base_begin;
  int64_t lo;
  int64_t hi;
};

// Merges copies that continue each other in both buffers; nullopt when `layout` does not fit
// `text` (a hostile or misread delta).
std::optional<std::vector<Run>> MergeRuns(const DeltaLayout& layout, uint64_t text_size) {
  std::vector<Run> runs;
  uint64_t last_end = 0;
  for (const CopyRun& c : layout.copies) {
    if (c.length == 0) continue;
    if (c.target_begin < last_end || c.length > text_size ||
        c.target_begin > text_size - c.length || c.length > layout.base_size ||
        c.base_begin > layout.base_size - c.length) {
      return std::nullopt;
    }
    last_end = c.target_begin + c.length;
    const auto tb = static_cast<int64_t>(c.target_begin);
    const auto bb = static_cast<int64_t>(c.base_begin);
    const auto len = static_cast<int64_t>(c.length);
    if (!runs.empty() && runs.back().target_end == tb &&
        runs.back().base_begin + (runs.back().target_end - runs.back().target_begin) == bb) {
      runs.back().target_end = tb + len;
      continue;
    }
    runs.push_back({tb, tb + len, bb, 0, 0});
  }
  for (Run& r : runs) {
    r.lo = r.target_begin == 0 && r.base_begin == 0 ? -kUnbounded : r.target_begin;
    const int64_t base_end = r.base_begin + (r.target_end - r.target_begin);
    r.hi = r.target_end == static_cast<int64_t>(text_size) &&
                   base_end == static_cast<int64_t>(layout.base_size)
               ? kUnbounded
               : r.target_end;
  }
  return runs;
}

// True when [start - margin, end + margin) lies where `run` is the same as the base.
bool FarInRun(const Run& run, int64_t start, int64_t end, int64_t margin) {
  return start >= run.target_begin && end <= run.target_end && start - margin >= run.lo &&
         end + margin <= run.hi;
}

// True when the target span [start, end) is far from every change (see the header).
bool Far(const std::vector<Run>& runs, int64_t start, int64_t end, int64_t margin) {
  auto it = std::upper_bound(runs.begin(), runs.end(), start,
                             [](int64_t s, const Run& r) { return s < r.target_begin; });
  if (it == runs.begin()) return false;
  return FarInRun(*std::prev(it), start, end, margin);
}

// The byte ranges to scan: every change (insert, or a point where sameness stops) widened by
// `margin`, clipped and merged.
std::vector<std::pair<uint64_t, uint64_t>> ScanWindows(const std::vector<Run>& runs,
                                                       uint64_t size, int64_t margin) {
  std::vector<std::pair<int64_t, int64_t>> changes;  // [begin, end) of each change
  int64_t covered = 0;
  for (const Run& r : runs) {
    if (r.target_begin > covered) changes.emplace_back(covered, r.target_begin);  // insert
    if (r.lo != -kUnbounded) changes.emplace_back(r.lo, r.lo);
    if (r.hi != kUnbounded) changes.emplace_back(r.hi, r.hi);
    covered = r.target_end;
  }
  const auto end = static_cast<int64_t>(size);
  if (covered < end) changes.emplace_back(covered, end);
  std::sort(changes.begin(), changes.end());
  std::vector<std::pair<uint64_t, uint64_t>> windows;
  for (const auto& [b, e] : changes) {
    const auto lo = static_cast<uint64_t>(std::max<int64_t>(0, b - margin));
    const auto hi = static_cast<uint64_t>(std::min<int64_t>(end, e + margin));
    if (!windows.empty() && lo <= windows.back().second) {
      windows.back().second = std::max(windows.back().second, hi);
    } else if (lo < hi) {
      windows.emplace_back(lo, hi);
    }
  }
  return windows;
}

void Shift(Finding* f, int64_t by) {
  f->start.offset = static_cast<uint64_t>(static_cast<int64_t>(f->start.offset) + by);
  f->end.offset = static_cast<uint64_t>(static_cast<int64_t>(f->end.offset) + by);
}

// Line and column of every finding's start and end, from `text` (as MakeFindings sets them):
// one forward walk over the offsets asked for.
void SetPositions(std::string_view text, std::vector<Finding>* findings) {
  struct Query {
    uint64_t offset;
    uint32_t* line;
    uint32_t* column;
    uint32_t column_bias;  // 1 for a start; 2 for an end (which names its last byte)
  };
  std::vector<Query> queries;
  queries.reserve(findings->size() * 2);
  for (Finding& f : *findings) {
    queries.push_back({f.start.offset, &f.start.line, &f.start.column, 1});
    const uint64_t last = f.end.offset > f.start.offset ? f.end.offset - 1 : f.start.offset;
    queries.push_back({last, &f.end.line, &f.end.column, 2});
  }
  std::sort(queries.begin(), queries.end(),
            [](const Query& a, const Query& b) { return a.offset < b.offset; });
  internal::LineCounter lines(text);
  for (const Query& q : queries) {
    uint64_t line_begin = 0;
    lines.Locate(std::min<uint64_t>(q.offset, text.size()), q.line, &line_begin);
    *q.column = static_cast<uint32_t>(q.offset - line_begin + q.column_bias);
  }
}

bool OutputLess(const Finding& a, const Finding& b) {
  return std::tie(a.start.offset, a.end.offset, a.rule_id, a.secret, a.decoded) <
         std::tie(b.start.offset, b.end.offset, b.rule_id, b.secret, b.decoded);
}

}  // namespace

uint64_t MatchReach(const CompiledRules& rules) {
  const CompiledRules::Impl& impl = internal::ImplOf(rules);
  uint64_t reach = 1;
  for (const CompiledRule& rule : impl.rules) {
    hs_expr_info_t* info = nullptr;
    hs_compile_error_t* error = nullptr;
    const unsigned int flags = rule.prefiltered ? HS_FLAG_PREFILTER : 0u;
    if (hs_expression_info(rule.spec->pattern.c_str(), flags, &info, &error) != HS_SUCCESS) {
      hs_free_compile_error(error);
      return kConfirmWindow;  // not analysable: assume the documented limit
    }
    const uint64_t width = info->max_width == UINT_MAX ? kConfirmWindow : info->max_width;
    std::free(info);  // hs_expression_info allocates with the misc allocator: malloc by default
    reach = std::max(reach, std::min<uint64_t>(width, kConfirmWindow));
    // The analysis costs ~1 ms a pattern: once at the cap, no later rule can raise it.
    if (reach >= kConfirmWindow) break;
  }
  return reach;
}

uint64_t ChangeWindow(uint64_t reach) {
  const uint64_t width = std::min<uint64_t>(reach, kConfirmWindow);
  return 2 * (width + kConfirmWindow + 1) + width;  // 2R + W: see the header
}

Result<std::optional<RegionScan>> ScanChanged(Scanner& scanner, uint64_t reach,
                                              std::string_view text, const DeltaLayout& layout,
                                              const ScanRecord& base, std::string* fallback) {
  const std::optional<std::vector<Run>> runs =
      layout.base_size == base.size ? MergeRuns(layout, text.size()) : std::nullopt;
  if (!runs) {
    *fallback = "layout";
    return std::optional<RegionScan>();
  }
  const auto width = static_cast<int64_t>(std::min<uint64_t>(reach, kConfirmWindow));
  const int64_t near = width + static_cast<int64_t>(kConfirmWindow) + 1;  // R in the header
  const auto margin = static_cast<int64_t>(ChangeWindow(reach));
  const auto too_long = [&](const Finding& f) {
    return static_cast<int64_t>(f.end.offset - f.start.offset) > width;
  };
  for (const Finding& f : base.findings) {
    if (too_long(f)) {
      *fallback = "long-match";
      return std::optional<RegionScan>();
    }
  }
  RegionScan out;
  const uint64_t budget = std::max<uint64_t>(scanner.options().decode_budget, text.size());
  out.decoded_bytes = base.decoded_bytes;
  for (const auto& [begin, end] : ScanWindows(*runs, text.size(), margin)) {
    Result<std::vector<Finding>> found = scanner.Scan(text.substr(begin, end - begin));
    if (!found.ok()) return found.status();
    out.scanned_bytes += end - begin;
    out.decoded_bytes += scanner.decoded_bytes();
    if (scanner.undecoded_bytes() != 0 || out.decoded_bytes > budget) {
      *fallback = "decode-budget";
      return std::optional<RegionScan>();
    }
    for (Finding& f : *found) {
      Shift(&f, static_cast<int64_t>(begin));
      if (Far(*runs, static_cast<int64_t>(f.start.offset), static_cast<int64_t>(f.end.offset),
              near)) {
        continue;  // the base's finding, carried below
      }
      if (too_long(f)) {
        *fallback = "long-match";
        return std::optional<RegionScan>();
      }
      out.findings.push_back(std::move(f));
    }
  }
  // The base's findings, into every run that copied them far from a change.
  std::vector<const Finding*> by_start;
  by_start.reserve(base.findings.size());
  for (const Finding& f : base.findings) by_start.push_back(&f);
  std::sort(by_start.begin(), by_start.end(), [](const Finding* a, const Finding* b) {
    return a->start.offset < b->start.offset;
  });
  for (const Run& run : *runs) {
    const auto from = static_cast<uint64_t>(run.base_begin);
    auto it = std::lower_bound(by_start.begin(), by_start.end(), from,
                               [](const Finding* f, uint64_t o) { return f->start.offset < o; });
    const int64_t shift = run.target_begin - run.base_begin;
    for (; it != by_start.end(); ++it) {
      const Finding& f = **it;
      const int64_t start = static_cast<int64_t>(f.start.offset) + shift;
      if (start >= run.target_end) break;
      if (!FarInRun(run, start, static_cast<int64_t>(f.end.offset) + shift, near)) continue;
      out.findings.push_back(f);
      Shift(&out.findings.back(), shift);
    }
  }
  std::sort(out.findings.begin(), out.findings.end(), OutputLess);
  SetPositions(text, &out.findings);
  return std::optional<RegionScan>(std::move(out));
}

}  // namespace magpie::scanner
