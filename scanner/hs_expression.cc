#include "scanner/hs_expression.h"

#include <cctype>

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

}  // namespace

bool LinePrefixDropped(std::string_view pattern) { return LinePrefixEnd(pattern) != 0; }

std::string HyperscanExpression(std::string_view pattern) {
  if (const size_t cut = LinePrefixEnd(pattern); cut != 0) {
    return "(?m)" + RelaxWordBoundaries(pattern.substr(cut));
  }
  return RelaxWordBoundaries(pattern);
}

}  // namespace magpie::scanner::internal
