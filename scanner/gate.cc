// The gate of the keyword-gated rules (gate.h). Issue 12.
#include "scanner/gate.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>


namespace magpie::scanner::internal {

// Parses "[...]" at `pattern[pos]` (ranges, single bytes, \-escapes of punctuation); false on
// anything else (negation, \w, classes of classes).
static bool ParseClass(std::string_view pattern, size_t* pos, ByteSet* set) {
  if (*pos >= pattern.size() || pattern[*pos] != '[') return false;
  size_t i = *pos + 1;
  if (i < pattern.size() && pattern[i] == '^') return false;
  std::vector<unsigned char> items;
  std::vector<bool> is_range_dash;
  while (i < pattern.size() && pattern[i] != ']') {
    unsigned char c = static_cast<unsigned char>(pattern[i]);
    if (c == '\\') {
      if (i + 1 >= pattern.size()) return false;
      const char e = pattern[i + 1];
      if (std::isalnum(static_cast<unsigned char>(e))) return false;  // \w, \d, \s, \x...
      items.push_back(static_cast<unsigned char>(e));
      is_range_dash.push_back(false);
      i += 2;
      continue;
    }
    if (c == '[') return false;
    items.push_back(c);
    is_range_dash.push_back(c == '-' && !items.empty() && i + 1 < pattern.size() &&
                            pattern[i + 1] != ']' && items.size() > 1);
    ++i;
  }
  if (i >= pattern.size()) return false;
  set->fill(false);
  for (size_t k = 0; k < items.size(); ++k) {
    if (k + 2 < items.size() && is_range_dash[k + 1]) {
      for (int c = items[k]; c <= items[k + 2]; ++c) (*set)[c] = true;
      k += 2;
    } else {
      (*set)[items[k]] = true;
    }
  }
  *pos = i + 1;
  return true;
}

std::optional<Gate> GateOf(std::string_view pattern) {
  static constexpr std::string_view kTemplates[] = {
      "(?:=>|:=|[:=>,])[ \\t]{0,10}[\"']?(", "(?:=>|:=|[:=>,])[ \\t]{0,10}[\"\\']?("};
  if (pattern.find("(?i)") != std::string_view::npos) return std::nullopt;
  size_t at = std::string::npos;
  size_t len = 0;
  for (std::string_view t : kTemplates) {
    const size_t found = pattern.find(t);
    if (found != std::string_view::npos) {
      if (pattern.find(t, found + 1) != std::string_view::npos) return std::nullopt;
      at = found;
      len = t.size();
    }
  }
  if (at == std::string_view::npos) return std::nullopt;
  // Depth 0 at the template, and no alternation at depth 0 anywhere: then every match passes
  // through it. Inside the value group, no alternation at its own level either.
  int depth = 0;
  bool in_class = false;
  int value_depth = -1;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\') {
      ++i;
      continue;
    }
    if (in_class) {
      if (c == ']') in_class = false;
      continue;
    }
    if (c == '[') {
      in_class = true;
    } else if (c == '(') {
      if (i == at && depth != 0) return std::nullopt;
      ++depth;
      if (i == at + len - 1) value_depth = depth;
    } else if (c == ')') {
      if (depth == value_depth) {
        // the value group's quantifier must not make it optional
        if (i + 1 < pattern.size() && (pattern[i + 1] == '?' || pattern[i + 1] == '*' ||
                                       pattern[i + 1] == '{')) {
          return std::nullopt;
        }
        value_depth = -2;
      }
      --depth;
    } else if (c == '|' && (depth == 0 || depth == value_depth)) {
      return std::nullopt;
    }
  }
  size_t pos = at + len;
  Gate gate;
  const size_t class_begin = pos;
  if (!ParseClass(pattern, &pos, &gate.cls)) return std::nullopt;
  if (pos >= pattern.size() || pattern[pos] != '{') return std::nullopt;
  size_t digits = pos + 1;
  while (digits < pattern.size() && digits < pos + 6 &&
         std::isdigit(static_cast<unsigned char>(pattern[digits]))) {
    gate.min = gate.min * 10 + static_cast<size_t>(pattern[digits] - '0');
    ++digits;
  }
  if (gate.min == 0) return std::nullopt;
  gate.text = std::string(pattern.substr(class_begin, pos - class_begin)) + "{" +
              std::to_string(gate.min) + "}";
  return gate;
}

static bool IsBlank(unsigned char c) { return c == ' ' || c == '\t'; }

static constexpr bool InU(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
         c == '+' || c == '/';
}

bool RunGateable(const Gate& gate) {
  if (gate.min < kMinRun) return false;
  for (int c = 0; c < 256; ++c) {
    if (gate.cls[c] && !InU(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// No class may hold a blank or a quote (null otherwise): then the blanks and the quote after
// the operator are determined, and one walk (GateAt) decides the position.
std::optional<GateSet> BuildGateSet(const std::vector<Gate>& gates) {
  if (gates.empty()) return std::nullopt;
  GateSet set;
  std::vector<ByteSet> classes;
  std::vector<size_t> need;
  for (const Gate& g : gates) {
    if (g.cls[' '] || g.cls['\t'] || g.cls['"'] || g.cls['\'']) return std::nullopt;
    size_t i = std::find(classes.begin(), classes.end(), g.cls) - classes.begin();
    if (i == classes.size()) {
      if (i == 64) return std::nullopt;
      classes.push_back(g.cls);
      need.push_back(g.min);
    }
    need[i] = std::min(need[i], g.min);
  }
  const size_t longest = *std::max_element(need.begin(), need.end());
  set.done_at.assign(longest + 1, 0);
  for (size_t i = 0; i < classes.size(); ++i) {
    for (int c = 0; c < 256; ++c) {
      if (classes[i][c]) set.class_bits[c] |= uint64_t{1} << i;
    }
    for (size_t r = need[i]; r <= longest; ++r) set.done_at[r] |= uint64_t{1} << i;
  }
  return set;
}

static inline bool GateAt(const unsigned char* d, size_t n, size_t p, const GateSet& set) {
  size_t v = p + 1;
  const size_t blank_limit = std::min(n, v + kMaxGateBlanks);
  while (v < blank_limit && IsBlank(d[v])) ++v;
  if (v < n && IsBlank(d[v])) return false;  // more blanks than allowed: no value follows
  if (v < n && (d[v] == '"' || d[v] == '\'')) ++v;
  uint64_t alive = ~uint64_t{0};
  const size_t longest = set.done_at.size() - 1;
  // The first 8 value bytes without a branch each (most operators are followed by a short
  // word or a non-word byte): one decision after them.
  size_t r = 0;
  if (v + 8 <= n && longest >= 8) {
    uint64_t early = 0;
    for (r = 1; r <= 8; ++r) {
      alive &= set.class_bits[d[v + r - 1]];
      early |= alive & set.done_at[r];
    }
    if (early != 0) return true;
    if (alive == 0) return false;
    r = 8;
  }
  for (++r; r <= longest && v + r <= n; ++r) {
    alive &= set.class_bits[d[v + r - 1]];
    if (alive == 0) return false;
    if ((alive & set.done_at[r]) != 0) return true;
  }
  return false;
}

// Every position p of an operator byte after which a gate holds, appended to `hits`.
void FindGates(std::string_view data, const GateSet& set, std::vector<size_t>* hits) {
  const size_t n = data.size();
  const auto* d = reinterpret_cast<const unsigned char*>(data.data());
  size_t i = 0;
#if defined(__SSE2__)
  const __m128i equals = _mm_set1_epi8('=');
  const __m128i colon = _mm_set1_epi8(':');
  const __m128i greater = _mm_set1_epi8('>');
  const __m128i comma = _mm_set1_epi8(',');
  for (; i + 16 <= n; i += 16) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(d + i));
    unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(block, equals), _mm_cmpeq_epi8(block, colon)),
        _mm_or_si128(_mm_cmpeq_epi8(block, greater), _mm_cmpeq_epi8(block, comma)))));
    while (mask != 0) {
      const size_t p = i + static_cast<size_t>(__builtin_ctz(mask));
      mask &= mask - 1;
      if (GateAt(d, n, p, set)) hits->push_back(p);
    }
  }
#endif
  for (; i < n; ++i) {
    const unsigned char c = d[i];
    if ((c == ':' || c == '=' || c == '>' || c == ',') && GateAt(d, n, i, set)) {
      hits->push_back(i);
    }
  }
}

void AppendGateAt(const char* data, size_t size, size_t op, const GateSet& set,
                  std::vector<size_t>* hits) {
  if (GateAt(reinterpret_cast<const unsigned char*>(data), size, op, set)) hits->push_back(op);
}

void AppendGatesByRunStartsFrom(std::string_view data, size_t v, const GateSet& set,
                                std::vector<size_t>* hits) {
  const auto* d = reinterpret_cast<const unsigned char*>(data.data());
  for (; v < data.size(); ++v) {
    if (!InU(d[v]) || (v > 0 && InU(d[v - 1]))) continue;
    if (const size_t op = GateOperatorBefore(data.data(), v); op != kNoOperator) {
      AppendGateAt(data.data(), data.size(), op, set, hits);
    }
  }
}

void FindGatesByRuns(std::string_view data, const GateSet& set, RunSearchPath path,
                     std::vector<size_t>* hits) {
  FindGatesAndBase64Prefilter(data, &set, hits, nullptr, nullptr, path);
}

void FindGatesByRuns(std::string_view data, const GateSet& set, std::vector<size_t>* hits) {
  FindGatesByRuns(data, set, RunSearchPath::kBest, hits);
}

void GateWindows(const std::vector<size_t>& hits, size_t width, size_t size,
                 std::vector<std::pair<size_t, size_t>>* windows) {
  for (size_t i = 0; i < hits.size();) {
    const size_t begin = hits[i] > width + 1 ? hits[i] - width - 1 : 0;
    size_t end = std::min(size, hits[i] + width + 1);
    size_t j = i + 1;
    while (j < hits.size() && (hits[j] > width + 1 ? hits[j] - width - 1 : 0) <= end) {
      end = std::min(size, hits[j] + width + 1);
      ++j;
    }
    windows->emplace_back(begin, end);
    i = j;
  }
}

void GatedScanWindows(std::string_view data, const GateSet& set, size_t width,
                      std::vector<size_t>* hits, std::vector<std::pair<size_t, size_t>>* windows,
                      RunSearchPath path) {
  hits->clear();
  FindGatesByRuns(data, set, path, hits);
  GatedScanWindowsOfHits(*hits, width, data.size(), windows);
}

void GatedScanWindowsOfHits(const std::vector<size_t>& hits, size_t width, size_t size,
                            std::vector<std::pair<size_t, size_t>>* windows) {
  windows->clear();
  GateWindows(hits, width, size, windows);
  size_t covered = 0;
  for (const auto& [begin, end] : *windows) covered += end - begin;
  // hs_scan takes an unsigned int length: a larger buffer keeps its windows.
  if (windows->size() > 1 && size <= UINT32_MAX && covered > size / 1000 * kGateCoverPermille) {
    windows->assign(1, {0, size});
  }
}

}  // namespace magpie::scanner::internal
