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
#include "rules/rule_set.h"
#include "scanner/compiled_rules.h"
#include "scanner/generic_detector.h"
#include "scanner/hs_expression.h"
#include "scanner/scanner.h"
#include "scanner_test_util.h"
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

TEST_CASE("issue 12: a class whose range starts at a tab can match a newline and is kept",
          "[scanner]") {
  // [\t-~] is 0x09..0x7E, '\n' included: cutting its {8,} would end the expression on the line
  // before the one the match ends on.
  const std::string pattern = R"(key=([\t-~]{8,}))";
  CHECK(LineScopedHyperscanExpression(pattern) == HyperscanExpression(pattern));
  CHECK(LineScopedHyperscanExpression(R"(a[\t-~]{0,3}b)") == HyperscanExpression(R"(a[\t-~]{0,3}b)"));
  CHECK(CheckEveryMatchLineReported(pattern, "key=abcdefgh\nij\n") == 1);
  // \t alone, or at a range's end, is still a newline-free class.
  CHECK(LineScopedHyperscanExpression(R"(a[\t ]{0,3}b)") == R"(a[\t ]*b)");
  CHECK(LineScopedHyperscanExpression(R"(a[\t-]{0,3}b)") == R"(a[\t-]*b)");
}

// The scanner reports one candidate per run of consecutive Hyperscan ends of a line-scoped rule
// and confirms it on the run's first line (scanner.cc, OnHyperscanMatch). The built-in
// detector's expression never matches '\n', so a run never leaves its line; a pattern of the
// user's own under the detector's id may, and loosening it joins runs that its bounds kept
// apart: the match on the second line then has no candidate of its own.
TEST_CASE("issue 12: a user's own generic-secret pattern keeps the findings of its bounds",
          "[scanner]") {
  struct Case {
    std::string pattern;
    std::string text;
    std::vector<std::string> secrets;
  };
  const std::vector<Case> cases = {
      // \s? takes the first line's '\n'; [\w]* (loosened) runs on to the second line's key.
      {R"((?i)(password)=\s?([\w]{0,40}))",
       "password=\nthe_quick_brown_fox_jumps_over_the_lazy_dog_db_password=Hk3Jd8Lq2Vn7Pz4R\n",
       {"Hk3Jd8Lq2Vn7Pz4R"}},
      // [\t-~] holds '\n': loosened to *, one run over both lines.
      {R"((?i)(password)=([A-Za-z0-9]{16}[\t-~]{0,3}))",
       "password=Q8vN2rLx7TfK9mWz\npassword=Hk3Jd8Lq2Vn7Pz4R\n",
       {"Q8vN2rLx7TfK9mWz", "Hk3Jd8Lq2Vn7Pz4R"}},
  };
  for (const Case& c : cases) {
    INFO(c.pattern);
    magpie::rules::RuleSpec spec = magpie::testing::Rule("generic-secret", c.pattern, 2);
    magpie::scanner::CompileOptions options;
    auto compiled =
        magpie::scanner::CompiledRules::Compile(magpie::rules::RuleSet({spec}, "<test>"), options);
    REQUIRE(compiled.ok());
    magpie::scanner::ScanOptions scan_options;
    scan_options.decode_depth = 0;
    auto scanner = magpie::testing::ScannerOrDie(*compiled, scan_options);
    std::vector<std::string> secrets;
    for (const auto& finding : magpie::testing::ScanOrDie(*scanner, c.text)) {
      secrets.push_back(finding.secret);
    }
    CHECK(secrets == c.secrets);
  }
}

// Found since the cut (a change of findings, towards an RE2 scan of the whole line): a value
// refused for its length (8,400 bytes) holds `Pwd=` and a secret. Before, the pattern's ends ran
// on from the long value's 8th byte through the secret as one run, one candidate, whose line
// window (8 KiB either side, scanner.cc) stopped short of the secret; the cut gives each value
// start its own end.
TEST_CASE("issue 12: a secret inside a long refused value on a line over 8 KiB is found",
          "[scanner]") {
  std::string long_value;
  while (long_value.size() < 8400) long_value += "Zq8Vn2rLx7TfK9";
  const std::string text = "Password = " + long_value + "Pwd=shortHk3Jd8Lq2Vn7Pz4Rx9TmQ2\"\n";
  magpie::scanner::CompileOptions options;
  options.generic_detector = true;
  auto compiled =
      magpie::scanner::CompiledRules::Compile(magpie::rules::RuleSet({}, "<test>"), options);
  REQUIRE(compiled.ok());
  magpie::scanner::ScanOptions scan_options;
  scan_options.decode_depth = 0;
  auto scanner = magpie::testing::ScannerOrDie(*compiled, scan_options);
  std::vector<std::string> secrets;
  for (const auto& finding : magpie::testing::ScanOrDie(*scanner, text)) {
    secrets.push_back(finding.secret);
  }
  CHECK(secrets == std::vector<std::string>{"shortHk3Jd8Lq2Vn7Pz4Rx9TmQ2"});
}
