#include "scanner/hs_expression.h"

#include <cctype>
#include <string>

#include "scanner/generic_detector.h"

namespace magpie::scanner::internal {
namespace {

bool IsQuantifier(char c) { return c == '*' || c == '+' || c == '?' || c == '{'; }

// The index just past the character class that opens at pattern[open] ('['): RE2 syntax, a
// ']' right after '[' or '[^' is a literal, '[:alpha:]' is a named class, a backslash escapes
// the next byte. pattern.size() when the class does not close (RE2 refused such a pattern).
size_t ClassEnd(std::string_view pattern, size_t open) {
  size_t i = open + 1;
  if (i < pattern.size() && pattern[i] == '^') ++i;
  if (i < pattern.size() && pattern[i] == ']') ++i;
  while (i < pattern.size()) {
    const char c = pattern[i];
    if (c == '\\') {
      i += 2;
    } else if (c == '[' && i + 1 < pattern.size() && pattern[i + 1] == ':') {
      const size_t close = pattern.find(":]", i + 2);
      i = close == std::string_view::npos ? i + 1 : close + 2;
    } else if (c == ']') {
      return i + 1;
    } else {
      ++i;
    }
  }
  return pattern.size();
}

// A line's bytes, unbounded (greedy or lazy): the run LinePrefixEnd looks for.
constexpr std::string_view kLineRuns[] = {"[^\\r\\n]*?", "[^\\r\\n]*", "[^\\n]*?", "[^\\n]*"};

// Where the line prefix of `pattern` ends (see LinePrefixDropped), or 0 when it has none: the
// pattern opens with `(?m)^`, has no alternation at top level, and holds at top level (outside
// groups, classes and quotes) a run of kLineRuns, with no flag group `(?i)` at top level before
// it, followed by a literal byte that no quantifier follows, so that what is left can never
// match the empty string (Hyperscan refuses that).
size_t LinePrefixEnd(std::string_view pattern) {
  constexpr std::string_view kOpen = "(?m)^";
  if (pattern.substr(0, kOpen.size()) != kOpen) return 0;
  size_t cut = 0;
  int depth = 0;
  for (size_t i = kOpen.size(); i < pattern.size();) {
    const char c = pattern[i];
    if (depth == 0 && cut == 0 && c == '[') {
      for (std::string_view run : kLineRuns) {
        if (pattern.substr(i, run.size()) == run) {
          cut = i + run.size();
          break;
        }
      }
    }
    if (c == '[') {
      i = ClassEnd(pattern, i);
    } else if (c == '\\' && i + 1 < pattern.size() && pattern[i + 1] == 'Q') {
      const size_t close = pattern.find("\\E", i + 2);
      i = close == std::string_view::npos ? pattern.size() : close + 2;
    } else if (c == '\\') {
      i += 2;
    } else {
      // A flag group at top level, `(?i)`, holds for what follows it: dropping it would narrow
      // what is left.
      if (c == '(' && depth == 0 && cut == 0 && pattern.substr(i, 2) == "(?") {
        size_t j = i + 2;
        while (j < pattern.size() && (std::isalpha(static_cast<unsigned char>(pattern[j])) ||
                                      pattern[j] == '-')) {
          ++j;
        }
        if (j < pattern.size() && pattern[j] == ')') return 0;
      }
      if (c == '(') ++depth;
      if (c == ')') --depth;
      if (c == '|' && depth == 0) return 0;  // an alternative might not hold the run
      ++i;
    }
  }
  if (cut == 0 || cut >= pattern.size()) return 0;
  // The literal that must lead what is left: an escaped punctuation byte or a letter or digit.
  size_t literal = 0;
  const auto punct = [](char c) { return std::ispunct(static_cast<unsigned char>(c)) != 0; };
  const auto alnum = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  if (pattern[cut] == '\\' && cut + 1 < pattern.size() && punct(pattern[cut + 1])) {
    literal = 2;
  } else if (alnum(pattern[cut])) {
    literal = 1;
  }
  if (literal == 0) return 0;
  const size_t after = cut + literal;
  if (after < pattern.size() && IsQuantifier(pattern[after])) return 0;
  return cut;
}

// The word-boundary relaxation of HyperscanExpression (see the header), alone.
std::string RelaxWordBoundaries(std::string_view pattern) {
  std::string out;
  out.reserve(pattern.size());
  size_t i = 0;
  while (i < pattern.size()) {
    const char c = pattern[i];
    if (c == '[') {
      const size_t end = ClassEnd(pattern, i);
      out.append(pattern.substr(i, end - i));
      i = end;
      continue;
    }
    if (c != '\\' || i + 1 >= pattern.size()) {
      out.push_back(c);
      ++i;
      continue;
    }
    const char escaped = pattern[i + 1];
    if (escaped == 'Q') {  // \Q...\E: everything up to \E (or the end) is literal
      const size_t close = pattern.find("\\E", i + 2);
      const size_t end = close == std::string_view::npos ? pattern.size() : close + 2;
      out.append(pattern.substr(i, end - i));
      i = end;
      continue;
    }
    const bool boundary = escaped == 'b' || escaped == 'B';
    if (!boundary || (i + 2 < pattern.size() && IsQuantifier(pattern[i + 2]))) {
      out.append(pattern.substr(i, 2));
    } else {
      // An empty group, not nothing: dropping the two bytes could join its neighbours into
      // another token (`a{2\b}`, a literal, would become the repetition `a{2}`).
      out.append("(?:)");
    }
    i += 2;
  }
  return out;
}

// Whether the class pattern[open, end) (ClassEnd's span) can never match '\n'. Conservative:
// anything not understood counts as a class that may.
bool ClassExcludesNewline(std::string_view pattern, size_t open, size_t end) {
  size_t i = open + 1;
  const bool negated = i < end && pattern[i] == '^';
  if (negated) ++i;
  const std::string_view body = pattern.substr(i, end - 1 - i);
  if (negated) {
    // A negated class leaves '\n' out when it names it or \s.
    for (size_t k = 0; k + 1 < body.size(); ++k) {
      if (body[k] != '\\') continue;
      if (body[k + 1] == 's' || body[k + 1] == 'n') return true;
      ++k;
    }
    return false;
  }
  if (body.empty()) return false;
  for (size_t k = 0; k < body.size(); ++k) {
    const unsigned char c = static_cast<unsigned char>(body[k]);
    if (c == '\\') {
      if (k + 1 >= body.size()) return false;
      const char e = body[k + 1];
      const bool ok = e == 't' || e == 'w' || e == 'd' ||
                      std::ispunct(static_cast<unsigned char>(e)) != 0;
      if (!ok) return false;
      // \t opening a range reaches up past '\n' (0x0A) to a printable end: [\t-~].
      if (e == 't' && k + 3 < body.size() && body[k + 2] == '-') return false;
      ++k;
    } else if (c < 0x20 || c > 0x7E || c == '[') {
      return false;  // a control byte, a byte outside ASCII, a named class
    }
    // A range between two printable bytes holds printable bytes only; an escape as a range's
    // end passes the check above only when it is punctuation, itself printable (\t, below it,
    // cannot end a range that starts at a printable byte).
  }
  return true;
}

// The counted repeat `{m}`, `{m,}` or `{m,n}` at pattern[open] ('{'): its end and bounds
// (max -1 when unbounded); false when it is not one (RE2 reads such a '{' as a literal).
bool ParseCount(std::string_view pattern, size_t open, size_t* end, long* min, long* max) {
  size_t i = open + 1;
  const auto number = [&](long* out) {
    const size_t start = i;
    long value = 0;
    while (i < pattern.size() && std::isdigit(static_cast<unsigned char>(pattern[i])) &&
           i - start < 6) {
      value = value * 10 + (pattern[i] - '0');
      ++i;
    }
    *out = value;
    return i > start;
  };
  if (!number(min)) return false;
  *max = *min;
  if (i < pattern.size() && pattern[i] == ',') {
    ++i;
    *max = -1;
    if (i < pattern.size() && pattern[i] != '}' && !number(max)) return false;
  }
  if (i >= pattern.size() || pattern[i] != '}') return false;
  *end = i + 1;
  return true;
}

}  // namespace

std::string LineScopedHyperscanExpression(std::string_view pattern) {
  const std::string relaxed = HyperscanExpression(pattern);
  const std::string_view in = relaxed;
  std::string out;
  out.reserve(in.size());
  // The last loosened repeat: where its quantifier starts in `out` and how long it is there,
  // where it ended in `in`, and its least count; cut to {m} when only ')' follow it.
  size_t last_open = std::string::npos;
  size_t last_written = 0;
  size_t last_end = 0;
  long last_min = 0;
  size_t i = 0;
  while (i < in.size()) {
    const char c = in[i];
    if (c == '\\' && i + 1 < in.size() && in[i + 1] == 'Q') {
      const size_t close = in.find("\\E", i + 2);
      const size_t end = close == std::string_view::npos ? in.size() : close + 2;
      out.append(in.substr(i, end - i));
      i = end;
      continue;
    }
    if (c == '\\') {
      out.append(in.substr(i, 2));
      i += 2;
      continue;
    }
    if (c != '[') {
      out.push_back(c);
      ++i;
      continue;
    }
    const size_t class_open = i;
    const size_t class_end = ClassEnd(in, class_open);
    out.append(in.substr(class_open, class_end - class_open));
    i = class_end;
    size_t count_end = 0;
    long min = 0;
    long max = 0;
    if (class_end >= in.size() || in[class_end] != '{' ||
        !ParseCount(in, class_end, &count_end, &min, &max) ||
        !ClassExcludesNewline(in, class_open, class_end) || (max >= 0 && max == min)) {
      continue;  // the quantifier, if any, is copied as it stands
    }
    // Appended piece by piece: GCC 12 warns (-Wrestrict, a false positive) on "{" + s + ",}".
    std::string loosened = min == 0 ? "*" : min == 1 ? "+" : "{";
    if (min >= 2) loosened.append(std::to_string(min)).append(",}");
    last_open = out.size();
    last_written = loosened.size();
    out += loosened;
    i = count_end;
    last_end = count_end;
    last_min = min;
  }
  // The cut: nothing but ')' after the repeat (a '?' would make it lazy, a quantifier on a
  // group would repeat it: both are left), and the repeat requires at least one byte.
  if (last_open != std::string::npos && last_min >= 1 &&
      in.find_first_not_of(')', last_end) == std::string_view::npos) {
    const std::string tail = out.substr(last_open + last_written);
    out.resize(last_open);
    out.append("{").append(std::to_string(last_min)).append("}").append(tail);
  }
  return out;
}

std::string RuleHyperscanExpression(const rules::RuleSpec& spec) {
  static const std::string& kBuiltInGeneric = *new std::string(GenericRuleSpec().pattern);
  if (spec.id == rules::kGenericRuleId && spec.hyperscan.empty() &&
      spec.pattern == kBuiltInGeneric) {
    return LineScopedHyperscanExpression(spec.pattern);
  }
  return HyperscanExpression(spec.hyperscan.empty() ? spec.pattern : spec.hyperscan);
}

bool LinePrefixDropped(std::string_view pattern) { return LinePrefixEnd(pattern) != 0; }

std::string HyperscanExpression(std::string_view pattern) {
  if (const size_t cut = LinePrefixEnd(pattern); cut != 0) {
    return "(?m)" + RelaxWordBoundaries(pattern.substr(cut));
  }
  return RelaxWordBoundaries(pattern);
}

}  // namespace magpie::scanner::internal
