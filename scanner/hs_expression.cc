#include "scanner/hs_expression.h"

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

}  // namespace

std::string HyperscanExpression(std::string_view pattern) {
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

}  // namespace magpie::scanner::internal
