#include "scanner/region_scan.h"

#include <hs/hs.h>

#include <algorithm>
#include <climits>
#include <functional>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <tuple>
#include <utility>

#include "base/fault_injection.h"
#include "scanner/compiled_rules_impl.h"
#include "scanner/confirm.h"
#include "scanner/line_counter.h"

namespace magpie::scanner {
namespace {

using internal::kConfirmWindow;
using internal::ReachSplit;

// Rules whose longest match is longer than this are confirmed over the whole version; the rest
// only around its changes, whose windows grow with the longest of them (measured: see
// bench/README.md, "the reach split").
constexpr uint64_t kSplitReach = 512;

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

// Where the line holding `pos` begins (just after a newline, or 0).
int64_t LineStart(std::string_view text, int64_t pos) {
  pos = std::clamp<int64_t>(pos, 0, static_cast<int64_t>(text.size()));
  if (pos == 0) return 0;
  const void* nl = memrchr(text.data(), '\n', static_cast<size_t>(pos));
  return nl == nullptr ? 0 : static_cast<const char*>(nl) - text.data() + 1;
}

// Where the line holding `pos` ends, its newline included (or the text's end).
int64_t LineStop(std::string_view text, int64_t pos) {
  const auto size = static_cast<int64_t>(text.size());
  pos = std::clamp<int64_t>(pos, 0, size);
  const void* nl = std::memchr(text.data() + pos, '\n', static_cast<size_t>(size - pos));
  return nl == nullptr ? size : static_cast<const char*>(nl) - text.data() + 1;
}

using Spans = std::vector<std::pair<int64_t, int64_t>>;

// Sorts and merges touching or overlapping [begin, end) spans.
void Merge(Spans* spans) {
  std::sort(spans->begin(), spans->end());
  Spans merged;
  for (const auto& [b, e] : *spans) {
    if (!merged.empty() && b <= merged.back().second) {
      merged.back().second = std::max(merged.back().second, e);
    } else if (b < e) {
      merged.emplace_back(b, e);
    }
  }
  *spans = std::move(merged);
}

// True when [start, end) meets one of the sorted, disjoint `spans`.
bool Meets(const Spans& spans, int64_t start, int64_t end) {
  auto it = std::upper_bound(spans.begin(), spans.end(), start,
                             [](int64_t v, const std::pair<int64_t, int64_t>& s) {
                               return v < s.second;
                             });
  return it != spans.end() && it->first < std::max(end, start + 1);
}

// The changes of `text` against its base (see the header): every insert, and both bytes
// around each point where sameness with the base stops.
Spans Changes(const std::vector<Run>& runs, int64_t size) {
  Spans changes;
  int64_t covered = 0;
  auto point = [&](int64_t p) { changes.emplace_back(std::max<int64_t>(0, p - 1), p + 1); };
  for (const Run& r : runs) {
    if (r.target_begin > covered) changes.emplace_back(covered, r.target_begin);  // insert
    if (r.lo != -kUnbounded) point(r.lo);
    if (r.hi != kUnbounded) point(r.hi);
    covered = r.target_end;
  }
  if (covered < size) changes.emplace_back(covered, size);
  for (auto& [b, e] : changes) e = std::min(e, size);
  return changes;
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

// How far a finding's bytes reach (see the header): its context either side, and twice the
// longest bounded match (the match itself, then a secret overlapping its context).
int64_t Dependence(int64_t width) { return kMaxContextBytes + 2 * width + 2; }

const ReachSplit& SplitOf(const CompiledRules& rules) {
  const CompiledRules::Impl& impl = internal::ImplOf(rules);
  std::call_once(impl.split_once, [&impl] {
    ReachSplit& split = impl.split;
    split.everywhere.assign(impl.rules.size() + impl.decoders.size(), 0);
    for (size_t i = 0; i < impl.rules.size(); ++i) {
      const CompiledRule& rule = impl.rules[i];
      if (rule.generic) continue;  // line-scoped: its reach is its line
      hs_expr_info_t* info = nullptr;
      hs_compile_error_t* error = nullptr;
      const unsigned int flags = rule.prefiltered ? HS_FLAG_PREFILTER : 0u;
      uint64_t width = UINT_MAX;
      if (hs_expression_info(rule.spec->pattern.c_str(), flags, &info, &error) == HS_SUCCESS) {
        width = info->max_width;
        std::free(info);  // allocated with the misc allocator: malloc by default
      } else {
        hs_free_compile_error(error);  // not analysable: confirmed everywhere
      }
      if (width > kSplitReach) {
        split.everywhere[i] = 1;
      } else {
        split.bounded_reach = std::max(split.bounded_reach, width);
      }
    }
    for (size_t d = 0; d < impl.decoders.size(); ++d) {
      split.everywhere[impl.rules.size() + d] = !internal::IsLineScoped(impl.decoders[d].encoding);
    }
    for (char e : split.everywhere) {
      split.any_everywhere |= e != 0;
      split.bounded.push_back(e == 0);
    }
    if (split.any_everywhere) {
      split.database = internal::CompileDatabaseOf(impl, split.everywhere, &split.error);
      if (split.database == nullptr && split.error.empty()) split.error = "not compiled";
    }
  });
  return impl.split;
}

}  // namespace

// The scanner's door to Scanner::ScanSelected (a friend of Scanner).
namespace internal {
class SelectedScan {
 public:
  using Spans = Scanner::Spans;
  static Result<std::vector<Finding>> Run(Scanner& scanner, std::string_view text,
                                          const ReachSplit& split,
                                          const std::function<Spans(const Spans&)>& windows_for) {
    return scanner.ScanSelected(text, split, windows_for);
  }
};
}  // namespace internal

uint64_t MatchReach(const CompiledRules& rules) { return SplitOf(rules).bounded_reach; }

uint64_t ChangeWindow(uint64_t reach) {
  const auto width = static_cast<int64_t>(std::min<uint64_t>(reach, kConfirmWindow));
  return static_cast<uint64_t>(Dependence(width) + 2 * width + kMaxContextBytes + 1);
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
  // A version scanned in chunks, or a base that was, is outside the argument (the chunks'
  // overlap, not the reach, would bound a match).
  if (std::max<uint64_t>(text.size(), base.size) > scanner.options().chunk_size) {
    *fallback = "large";
    return std::optional<RegionScan>();
  }
  // A record keeps the findings at the scan's confidence: an unbounded match below it would be
  // invisible in the base, yet its span hides bytes in the contexts around it.
  if (scanner.options().min_confidence != rules::Confidence::kLow) {
    *fallback = "min-confidence";
    return std::optional<RegionScan>();
  }
  const CompiledRules::Impl& impl = internal::ImplOf(scanner.rules());
  const ReachSplit& split = SplitOf(scanner.rules());
  if (split.any_everywhere && split.database == nullptr) {
    *fallback = "split";  // the everywhere database did not compile (split.error)
    return std::optional<RegionScan>();
  }
  const auto everywhere = [&](const Finding& f) {
    const int rule = impl.rule_set.Find(f.rule_id);
    return rule >= 0 && static_cast<size_t>(rule) < impl.rules.size() && split.everywhere[rule];
  };
  const auto width = static_cast<int64_t>(std::min<uint64_t>(reach, kConfirmWindow));
  const int64_t dependence = Dependence(width);
  const auto size = static_cast<int64_t>(text.size());
  const auto too_long = [&](const Finding& f) {
    return static_cast<int64_t>(f.end.offset - f.start.offset) > width;
  };
  // What changed, and where the base's unbounded matches lie in this version (a finding whose
  // context meets one of them takes part of its span: that must be seen again).
  Spans cores = Changes(*runs, size);
  for (const Finding& f : base.findings) {
    if (!f.decoded.empty()) {
      *fallback = "decoded";  // see the header: a decoded token is not bounded by the reach
      return std::optional<RegionScan>();
    }
    if (everywhere(f)) {
      const auto start = static_cast<int64_t>(f.start.offset);
      const int64_t end = std::max(static_cast<int64_t>(f.end.offset), start + 1);
      for (const Run& r : *runs) {
        const int64_t base_end = r.base_begin + (r.target_end - r.target_begin);
        const int64_t lo = std::max(start, r.base_begin);
        const int64_t hi = std::min(end, base_end);
        if (lo < hi) cores.emplace_back(lo - r.base_begin + r.target_begin,
                                        hi - r.base_begin + r.target_begin);
      }
    } else if (too_long(f)) {
      *fallback = "long-match";
      return std::optional<RegionScan>();
    }
  }
  // Near zones (a finding meeting one is taken from this scan) and the windows whose
  // candidates are confirmed, from the cores and the unbounded matches the scan found.
  Spans zones;
  uint64_t window_bytes = 0;
  const auto windows_for = [&](const internal::SelectedScan::Spans& found) {
    Spans all = cores;
    for (const auto& [b, e] : found) {
      all.emplace_back(static_cast<int64_t>(b), std::max<int64_t>(e, b + 1));
    }
    Spans windows;
    zones.clear();
    for (const auto& [b, e] : all) {
      const int64_t line_begin = LineStart(text, b);
      const int64_t line_end = LineStop(text, e - 1);
      zones.emplace_back(line_begin - dependence, line_end + dependence);
      const int64_t margin = dependence + 2 * width + kMaxContextBytes + 1;
      windows.emplace_back(LineStart(text, line_begin - margin), LineStop(text, line_end + margin));
    }
    Merge(&zones);
    Merge(&windows);
    internal::SelectedScan::Spans out;
    out.reserve(windows.size());
    for (const auto& [b, e] : windows) {
      out.emplace_back(b, e);
      window_bytes += static_cast<uint64_t>(e - b);
    }
    return out;
  };
  Result<std::vector<Finding>> found =
      internal::SelectedScan::Run(scanner, text, split, windows_for);
  if (!found.ok()) return found.status();
  RegionScan out;
  out.scanned_bytes = window_bytes;
  out.decoded_bytes = base.decoded_bytes + scanner.decoded_bytes();
  const uint64_t budget = std::max<uint64_t>(scanner.options().decode_budget, text.size());
  if (scanner.undecoded_bytes() != 0 || out.decoded_bytes > budget) {
    *fallback = "decode-budget";
    return std::optional<RegionScan>();
  }
  for (Finding& f : *found) {
    if (!f.decoded.empty()) {
      *fallback = "decoded";
      return std::optional<RegionScan>();
    }
    const bool near = Meets(zones, static_cast<int64_t>(f.start.offset),
                            static_cast<int64_t>(f.end.offset));
    if (!everywhere(f) && !near) continue;  // the base's finding, carried below
    if (!everywhere(f) && too_long(f)) {
      *fallback = "long-match";
      return std::optional<RegionScan>();
    }
    out.findings.push_back(std::move(f));
  }
  // The base's bounded findings, into every run that copied them away from every zone.
  std::vector<const Finding*> by_start;
  by_start.reserve(base.findings.size());
  for (const Finding& f : base.findings) {
    if (!everywhere(f)) by_start.push_back(&f);
  }
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
      const int64_t end = static_cast<int64_t>(f.end.offset) + shift;
      if (end > run.target_end || Meets(zones, start, end)) continue;
      out.findings.push_back(f);
      Shift(&out.findings.back(), shift);
    }
  }
  std::sort(out.findings.begin(), out.findings.end(), OutputLess);
  SetPositions(text, &out.findings);
  return std::optional<RegionScan>(std::move(out));
}

}  // namespace magpie::scanner
