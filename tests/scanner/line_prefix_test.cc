// Rules whose line prefix leaves the Hyperscan expression (scanner/hs_expression.h, issue 12)
// against hostile text: CRLF and lone CR line ends, a CR inside the line, a match at offset 0
// and on a last line with no newline, lines that hold the literal but not the line's start,
// long prefixes, and the line's start in an earlier window of a streamed scan. The scanner must
// report exactly the secrets a plain RE2 search of the same text finds.
#include <catch2/catch.hpp>

#include <re2/re2.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "rules/re2_options.h"
#include "scanner/hs_expression.h"
#include "scanner/stream_scan.h"
#include "tests/scanner/scanner_test_util.h"
#include "tests/scanner/string_stream.h"

namespace magpie::scanner {
namespace {

using Span = std::pair<uint64_t, uint64_t>;

// The rules: each drops its line prefix (checked below), each a different shape of it.
const std::vector<std::pair<std::string, std::string>>& Patterns() {
  static const auto* patterns = new std::vector<std::pair<std::string, std::string>>{
      {"table", R"((?m)^[ \t]*\|[^\r\n]*\|[ \t]*password[ \t]*\|[ \t]*([A-Za-z0-9]{12,40})[ \t]*\|)"},
      {"lazy", R"((?m)^[^\r\n]*?key=([a-z0-9]{16}))"},
      {"cr-run", R"((?m)^#[^\n]*tok:([A-Z0-9]{10}))"},
      {"dollar", R"((?m)^a[^\r\n]*b([0-9]{6})$)"},
  };
  return *patterns;
}

// Every match of `pattern` in `text`, leftmost first, as RE2 finds them one after another:
// the spans of group 1.
std::vector<Span> Re2Secrets(const std::string& pattern, const std::string& text) {
  RE2 re(pattern, rules::Re2Options());
  REQUIRE(re.ok());
  std::vector<Span> out;
  size_t at = 0;
  re2::StringPiece groups[2];
  while (at <= text.size() &&
         re.Match(text, at, text.size(), RE2::UNANCHORED, groups, 2)) {
    const uint64_t start = static_cast<uint64_t>(groups[1].data() - text.data());
    out.emplace_back(start, start + groups[1].size());
    const size_t end = static_cast<size_t>(groups[0].data() - text.data()) + groups[0].size();
    at = end > at ? end : at + 1;
  }
  return out;
}

std::string Fragment(std::mt19937& random) {
  static const char* const kEnds[] = {"\n", "\r\n", "\r", "\n\n"};
  const std::string end = kEnds[random() % 4];
  const std::string pad(random() % 3 == 0 ? random() % 3000 : random() % 20, 'p');
  switch (random() % 12) {
    case 0: return " | user | " + pad + " | password | Zq8Vn2rLx7TfK9mW |" + end;
    case 1: return "| x |\r| password | Zq8Vn2rLx7TfK9mW |" + end;  // CR: a line of its own
    case 2: return "x" + pad + "key=k3j9x2m8q7w1e5r4" + end;
    case 3: return "key=k3j9x2m8q7w1e5r4" + end;
    case 4: return "#" + pad + "\r tok:ABCDEF1234" + end;      // CR inside: [^\n] takes it
    case 5: return "#" + pad + "\n tok:ABCDEF1234" + end;      // the literal on the next line
    case 6: return "a" + pad + "b123456" + end;
    case 7: return "a" + pad + "b123456\r\n";                  // $ is not before \r
    case 8: return " tok:ABCDEF1234 key=k3j9x2m8q7w1e5r4 b123456 | password | Zq8Vn2rLx7TfK9mW |" + end;
    case 9: return "| password | short |" + end;
    case 10: return pad + end;
    default: return "lorem ipsum dolor" + end;
  }
}

std::vector<Span> SecretsOf(const std::vector<Finding>& findings, const std::string& rule) {
  std::vector<Span> out;
  for (const Finding& f : findings) {
    if (f.rule_id == rule) out.emplace_back(f.start.offset, f.end.offset);
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST_CASE("issue 12: a dropped line prefix finds what a plain RE2 search finds", "[scanner]") {
  std::vector<rules::RuleSpec> specs;
  for (const auto& [id, pattern] : Patterns()) {
    INFO(pattern);
    REQUIRE(internal::LinePrefixDropped(pattern));
    specs.push_back(testing::Rule(id, pattern));
  }
  auto scanner = testing::ScannerOrDie(testing::CompileOrDie(specs));
  std::mt19937 random(12);
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const int n = 1 + static_cast<int>(random() % 12);
    for (int i = 0; i < n; ++i) text += Fragment(random);
    if (round % 3 == 0 && !text.empty()) text.pop_back();  // a last line with no line end
    INFO("round " << round << ": " << text.substr(0, 300));
    const std::vector<Finding> findings = testing::ScanOrDie(*scanner, text);
    for (const auto& [id, pattern] : Patterns()) {
      INFO(id);
      CHECK(SecretsOf(findings, id) == Re2Secrets(pattern, text));
    }
  }
}

TEST_CASE("issue 12: a dropped line prefix whose line starts in an earlier window of a stream",
          "[scanner]") {
  std::vector<rules::RuleSpec> specs;
  for (const auto& [id, pattern] : Patterns()) specs.push_back(testing::Rule(id, pattern));
  auto scanner = testing::ScannerOrDie(testing::CompileOrDie(specs));
  StreamScanOptions options;
  options.window = 64 << 10;
  options.overlap = 16 << 10;
  // Lines whose start lies a little before each window's start, their literal after it; and
  // lines that start exactly at a window's start.
  for (int64_t shift : {-3000, -100, -1, 0, 1, 100}) {
    INFO("shift " << shift);
    std::string text;
    for (uint64_t window = 1; window < 6; ++window) {
      const uint64_t edge = window * (options.window - options.overlap);
      const uint64_t line_at = static_cast<uint64_t>(static_cast<int64_t>(edge) + shift);
      while (text.size() + 1 < line_at) text += text.size() % 61 == 60 ? '\n' : 'f';
      text += '\n';
      text += "| a | " + std::string(200, 'p') + " | password | Zq8Vn2rLx7TfK9mW |\n";
      text += "x" + std::string(150, 'p') + "key=k3j9x2m8q7w1e5r4\r\n";
      text += "| password | notalinestart |\n";
    }
    const std::vector<Finding> whole = testing::ScanOrDie(*scanner, text);
    testing::StringStream stream(text);
    Result<StreamScan> streamed = ScanStream(*scanner, stream, options, nullptr);
    REQUIRE(streamed.ok());
    for (const auto& [id, pattern] : Patterns()) {
      INFO(id);
      const std::vector<Span> expected = Re2Secrets(pattern, text);
      CHECK(SecretsOf(whole, id) == expected);
      CHECK(SecretsOf(streamed->findings, id) == expected);
    }
  }
}

}  // namespace
}  // namespace magpie::scanner
