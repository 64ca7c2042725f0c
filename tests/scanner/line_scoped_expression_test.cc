// The Hyperscan expression of a line-scoped rule, the generic detector
// (scanner/hs_expression.h, LineScopedHyperscanExpression): bounded repeats of newline-free
// classes loosened, a trailing {m,} cut to {m}; Hyperscan still reports an end on the line of
// every match of the pattern.
#include <catch2/catch.hpp>

#include <hs/hs.h>
#include <re2/re2.h>

#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "rules/re2_options.h"
#include "scanner/generic_detector.h"
#include "scanner/hs_expression.h"
#include "tests/scanner/hyperscan_ends.h"

using magpie::scanner::internal::HyperscanExpression;
using magpie::scanner::internal::LineScopedHyperscanExpression;
using magpie::testing::HyperscanEnds;

namespace {

// The [begin, end) of the line holding byte `at` of `text`.
std::pair<size_t, size_t> LineOf(std::string_view text, size_t at) {
  const size_t newline_before = at == 0 ? std::string_view::npos : text.rfind('\n', at - 1);
  const size_t begin = newline_before == std::string_view::npos ? 0 : newline_before + 1;
  const size_t newline_after = text.find('\n', at);
  return {begin, newline_after == std::string_view::npos ? text.size() : newline_after};
}

// Every match of `pattern` in `text` (RE2, leftmost-first, searched from each match's end)
// has a Hyperscan report of LineScopedHyperscanExpression(pattern) on the line of its end;
// the number of matches checked.
size_t CheckEveryMatchLineReported(const std::string& pattern, std::string_view text) {
  const std::string expression = LineScopedHyperscanExpression(pattern);
  const std::vector<size_t> ends = HyperscanEnds(expression, text);
  RE2 re(pattern, magpie::rules::Re2Options());
  REQUIRE(re.ok());
  size_t checked = 0;
  for (size_t from = 0; from <= text.size();) {
    re2::StringPiece match;
    if (!re.Match(text, from, text.size(), RE2::UNANCHORED, &match, 1)) break;
    const size_t end = static_cast<size_t>(match.data() - text.data()) + match.size();
    const auto [line_begin, line_end] = LineOf(text, end > 0 ? end - 1 : 0);
    bool reported = false;
    for (size_t e : ends) reported |= e > line_begin && e <= line_end;
    INFO(pattern << " -> " << expression << "\nmatch: " << std::string(match.data(), match.size()));
    CHECK(reported);
    ++checked;
    from = end > from ? end : from + 1;
  }
  return checked;
}

}  // namespace

TEST_CASE("issue 12: a line-scoped expression loosens its newline-free repeats", "[scanner]") {
  CHECK(LineScopedHyperscanExpression(R"(key[ \t]{0,8}=[ \t]{0,8}([^\s"']{8,}))") ==
        R"(key[ \t]*=[ \t]*([^\s"']{8}))");
  CHECK(LineScopedHyperscanExpression(R"(a[\w.-]{0,20}?b)") == R"(a[\w.-]*?b)");
  CHECK(LineScopedHyperscanExpression(R"(a[x-z]{1,5}b[x-z]{2,5}c)") == R"(a[x-z]+b[x-z]{2,}c)");
  CHECK(LineScopedHyperscanExpression(R"(\bkey[ ]{0,2}x)") == R"((?:)key[ ]*x)");
  CHECK(LineScopedHyperscanExpression(R"(a[^\r\n]{0,60}b)") == R"(a[^\r\n]*b)");
  // The last repeat is cut, inside groups too, and after a written {m,} or a loosened {m,n}.
  CHECK(LineScopedHyperscanExpression(R"((a|(b[c]{3,})))") == R"((a|(b[c]{3})))");
  CHECK(LineScopedHyperscanExpression(R"(a[c]{1,9})") == R"(a[c]{1})");
}

TEST_CASE("issue 12: a line-scoped expression keeps what could cross a line or lose a match",
          "[scanner]") {
  const std::vector<std::string> kept = {
      R"(a[^"]{0,8}b)",          // a negated class without \n or \s holds '\n'
      R"(a[\s]{0,3}b)",          // \s holds '\n'
      R"(a[\S]{0,3}b)",          // so does \S
      R"(a[\x00-\x7f]{0,3}b)",   // an escape not understood
      R"(a[[:alpha:]]{0,3}b)",   // a named class
      R"(a[^\\s]{1,3}b)",        // an escaped backslash, then 's': '\n' is in it
      R"(a[b]{4}c)",             // an exact count is no bound to loosen
      R"(a[b]{2,}?)",            // lazy at the end: no cut
      R"((a[b]{2,})+)",          // a quantified group after it: no cut
      R"(a[b]{2,}c)",            // something after it: no cut
      R"(a(?:x){0,3}b)",         // a group's repeat
      R"(a\Q[b]{0,3}\Eb)",       // quoted: literal text
      R"(a\[b]{0,3})",           // an escaped bracket: no class
      R"(a[b]{,3})",             // not a counted repeat in RE2
  };
  for (const std::string& pattern : kept) {
    INFO(pattern);
    CHECK(LineScopedHyperscanExpression(pattern) == HyperscanExpression(pattern));
  }
}

TEST_CASE("issue 12: Hyperscan reports a line-scoped match's line from the loosened expression",
          "[scanner]") {
  const magpie::rules::RuleSpec generic = magpie::scanner::internal::GenericRuleSpec();
  INFO(LineScopedHyperscanExpression(generic.pattern));
  // The detector's own examples, with lines around them, and each with a value longer than
  // its least, so that the cut end and the match's end differ.
  std::string text = "first line\n";
  for (const std::string& example : generic.examples) text += example + "\n" + example + "Zq9\n";
  for (const std::string& example : generic.negative_examples) text += example + "\n";
  CHECK(CheckEveryMatchLineReported(generic.pattern, text) >= 2 * generic.examples.size());
  // Random lines built from the pattern's own pieces: key words, blanks of every length,
  // operators, quotes and values of either side of the bounds.
  const std::vector<std::string> pieces = {
      "password", "pass", "secret_key_for_the_payment_gateway_client", "token", "api_key",
      " ", "\t", "        ", "                                   ", "=", ":", ":=", "=>", "||=",
      "??", " | ", "\"", "'", "`", "(", ")", ",", "[]", "]", "&", "'static ", "str", "value",
      "x", "Zq8Vn2rLx7TfK9", "short", "a_b.c-d", "\\\"", "[]byte(", "#define ", "\n"};
  std::mt19937 random(12);
  std::string lines;
  for (int line = 0; line < 4000; ++line) {
    const int count = 2 + static_cast<int>(random() % 10);
    for (int k = 0; k < count; ++k) lines += pieces[random() % pieces.size()];
    lines += "\n";
  }
  CHECK(CheckEveryMatchLineReported(generic.pattern, lines) > 100);
}
