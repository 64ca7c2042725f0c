#include "scanner/scanner.h"

#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "scanner_test_util.h"

using magpie::scanner::Finding;
using magpie::scanner::ScanOptions;
using magpie::scanner::Scanner;
using magpie::testing::ScannerOrDie;
using magpie::testing::ScanOrDie;
using magpie::testing::CompileOrDie;
using magpie::testing::Rule;

namespace {

const char kToken[] = "tok_Q7xV9pL2mZ8rT4wK";  // matches tok_[A-Za-z0-9]{16}

auto TokenRules() { return CompileOrDie({Rule("test-token", "\\b(tok_[A-Za-z0-9]{16})\\b")}); }

std::string Filler(size_t n, uint32_t seed, bool newlines) {
  std::mt19937 rng(seed);
  static const char kAlphabet[] = "abcdefghij klmnopqrstuvwxyz\n(){};=+-_ABCDEF0123456789";
  std::string s;
  while (s.size() < n) {
    const char c = kAlphabet[rng() % (sizeof kAlphabet - 1)];
    if (c != '\n' || newlines) s.push_back(c);
  }
  return s;
}

}  // namespace

TEST_CASE("a hit is extracted with exact offsets, line and column", "[scanner]") {
  auto scanner = ScannerOrDie(TokenRules());
  const std::string data = std::string("first line\n  key = ") + kToken + ";\n";
  const std::vector<Finding> findings = ScanOrDie(*scanner, data);
  REQUIRE(findings.size() == 1);
  const Finding& f = findings[0];
  CHECK(f.rule_id == "test-token");
  CHECK(f.secret == kToken);
  CHECK(f.start.offset == 19);
  CHECK(f.end.offset == 19 + std::string(kToken).size());
  CHECK(f.start.line == 2);
  CHECK(f.start.column == 9);
  CHECK(f.end.line == 2);
  CHECK(f.end.column == 9 + std::string(kToken).size());
  CHECK(f.context == std::string("  key = ") + kToken + ";");
  CHECK(f.context.substr(f.context_secret_offset, f.secret.size()) == kToken);
}

TEST_CASE("look-alikes do not match", "[scanner]") {
  auto scanner = ScannerOrDie(TokenRules());
  CHECK(ScanOrDie(*scanner, "tok_Q7xV9pL2mZ8rT4w").empty());        // too short
  CHECK(ScanOrDie(*scanner, "tok_Q7xV9pL2mZ8rT4wKZ").empty());      // too long for \b
  CHECK(ScanOrDie(*scanner, "xtok_Q7xV9pL2mZ8rT4wK").empty());      // no boundary before
  CHECK(ScanOrDie(*scanner, "").empty());
}

TEST_CASE("each occurrence is reported once, in offset order", "[scanner]") {
  auto scanner = ScannerOrDie(TokenRules());
  std::string data;
  for (int i = 0; i < 50; ++i) data += std::string(kToken) + " " + Filler(37, i, /*newlines=*/false) + "\n";
  const std::vector<Finding> findings = ScanOrDie(*scanner, data);
  REQUIRE(findings.size() == 50);
  for (size_t i = 1; i < findings.size(); ++i) {
    CHECK(findings[i - 1].start.offset < findings[i].start.offset);
    CHECK(findings[i].start.line == i + 1);
  }
}

TEST_CASE("secrets across chunk boundaries are found exactly once", "[scanner]") {
  ScanOptions small;
  small.chunk_size = 256;
  small.chunk_overlap = 64;
  auto rules = TokenRules();
  auto chunked = ScannerOrDie(rules, small);
  auto whole = ScannerOrDie(rules);
  const std::string token(kToken);
  // Slide the token over every position around the first two chunk boundaries.
  for (size_t pos = 150; pos < 520; ++pos) {
    std::string data = std::string(pos, ' ') + token + std::string(300, ' ');
    const auto a = ScanOrDie(*chunked, data);
    const auto b = ScanOrDie(*whole, data);
    INFO("token at " << pos);
    REQUIRE(a.size() == 1);
    REQUIRE(b.size() == 1);
    CHECK(a[0].start.offset == pos);
    CHECK(a[0].end.offset == b[0].end.offset);
  }
}

TEST_CASE("variable-length secrets are extracted whole, not cut at the first hit", "[scanner]") {
  auto scanner = ScannerOrDie(CompileOrDie({Rule("var", "(xoxb-[0-9A-Za-z-]{10,200})")}));
  const std::string token = std::string("xoxb-") +
                            "Q7xV9pL2mZ8rT4wKa3Bn5Cd7Ef9Gh1Jk3Lm5Np7Qr9St1Uv3Wx5Yz7" +
                            "Q7xV9pL2mZ8rT4wKa3Bn5Cd7Ef9Gh1Jk3Lm5Np7Qr9St1Uv3Wx5Yz7" +
                            "-8f3k2m9q4w7z1x5c8v2b6n0m3k7j9h2g5f8d1s4a7p0o3i6u9y2t5r8e1";
  const auto findings = ScanOrDie(*scanner, "SLACK=" + token + "\n");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].secret == token);
}

TEST_CASE("multi-line secrets get the end line and column of their last byte", "[scanner]") {
  auto scanner = ScannerOrDie(
      CompileOrDie({Rule("block", "(-----BEGIN KEY-----[\\s\\S]{1,400}?-----END KEY-----)")}));
  const std::string data = "x\n-----BEGIN KEY-----\nAAAA\nBBBBBB\n-----END KEY-----\n";
  const auto findings = ScanOrDie(*scanner, data);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].start.line == 2);
  CHECK(findings[0].start.column == 1);
  CHECK(findings[0].end.line == 5);
  CHECK(findings[0].end.column == 18);  // "-----END KEY-----" is 17 bytes
}

TEST_CASE("the named group `secret` is the secret", "[scanner]") {
  auto spec = Rule("named", "(key)=(?P<secret>[0-9]{6})\\b", 2);
  auto scanner = ScannerOrDie(CompileOrDie({spec}));
  const auto findings = ScanOrDie(*scanner, "key=123456 ");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].secret == "123456");
}

TEST_CASE("min_entropy drops low-entropy secrets", "[scanner]") {
  auto spec = Rule("ent", "\\bk_([A-Za-z0-9]{16})\\b");
  spec.min_entropy = 3.0;
  auto scanner = ScannerOrDie(CompileOrDie({spec}));
  CHECK(ScanOrDie(*scanner, "k_aaaaaaaaaaaaaaaa").empty());
  CHECK(ScanOrDie(*scanner, "k_Q7xV9pL2mZ8rT4wK").size() == 1);
}

TEST_CASE("patterns Hyperscan cannot compile exactly run in prefilter mode", "[scanner]") {
  auto compiled = CompileOrDie({Rule("big", "((?:[a-z]{10}[0-9]{10}|x){40})_big")});
  REQUIRE(compiled->PrefilteredRuleIds() == std::vector<std::string>{"big"});
  auto scanner = ScannerOrDie(compiled);
  std::string body;
  for (int i = 0; i < 40; ++i) body += (i % 3) ? "x" : "kqzmwhrtyp4829105736";
  CHECK(ScanOrDie(*scanner, body + "_big").size() == 1);
  CHECK(ScanOrDie(*scanner, "1" + body.substr(2) + "_big").empty());
}

TEST_CASE("compile problems name the rule", "[scanner]") {
  auto bad = Rule("bad-re", "(unclosed");
  auto result = magpie::scanner::CompiledRules::Compile(magpie::rules::RuleSet({bad}, "x.yaml"), {});
  REQUIRE_FALSE(result.ok());
  // One line per problem, each a RuleProblem::ToString(): "x.yaml: rule 'bad-re': ...".
  const std::vector<std::string> lines = result.status().Lines();
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].rfind("x.yaml: rule 'bad-re': ", 0) == 0);
  CHECK(lines[0].find("bad-re") != std::string::npos);
}

TEST_CASE("a provider finding hides the generic finding on the same bytes", "[scanner]") {
  auto compiled = CompileOrDie({Rule("aws", "\\b(AKIA[A-Z2-7]{16})\\b")}, /*generic=*/true);
  auto scanner = ScannerOrDie(compiled);
  const auto findings = ScanOrDie(*scanner, "aws_secret_token = AKIAQYLPMN5HHHFPZAM2\n");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].rule_id == "aws");
}

TEST_CASE("the serialized database gives the same scanner", "[scanner]") {
  auto rules = TokenRules();
  const std::string bytes = rules->SerializeDatabase();
  REQUIRE_FALSE(bytes.empty());
  auto restored = magpie::scanner::CompiledRules::FromSerialized(
      magpie::rules::RuleSet({Rule("test-token", "\\b(tok_[A-Za-z0-9]{16})\\b")}), {}, bytes, {});
  REQUIRE(restored.ok());
  auto scanner = ScannerOrDie(*restored);
  CHECK(ScanOrDie(*scanner, std::string("a ") + kToken).size() == 1);
  std::string corrupt = bytes;
  corrupt[corrupt.size() / 2] ^= 0x5a;
  corrupt.resize(corrupt.size() - 7);
  CHECK_FALSE(magpie::scanner::CompiledRules::FromSerialized(
                  magpie::rules::RuleSet({Rule("test-token", "\\b(tok_[A-Za-z0-9]{16})\\b")}), {},
                  corrupt, {})
                  .ok());
}

namespace magpie::scanner {
namespace {

TEST_CASE("issue 10: context_secrets covers every secret on the line, any confidence",
          "[scanner]") {
  rules::RuleSpec high = magpie::testing::Rule("high-token", R"(\b(hi_[a-z0-9]{16})\b)");
  high.confidence = rules::Confidence::kHigh;
  rules::RuleSpec low = magpie::testing::Rule("low-token", R"(\b(lo_[a-z0-9]{16})\b)");
  low.confidence = rules::Confidence::kLow;
  ScanOptions options;
  options.min_confidence = rules::Confidence::kHigh;  // low-token is below the threshold
  auto scanner = magpie::testing::ScannerOrDie(magpie::testing::CompileOrDie({high, low}), options);
  const std::string line = "a=lo_q8vn2rlx7tfk9mwz b=hi_3hpdk2j7x9qv5mtr c=lo_q8vn2rlx7tfk9mwz";
  const std::vector<Finding> findings = ScanOrDie(*scanner, "x\n" + line + "\n");
  REQUIRE(findings.size() == 1);  // only the high-confidence one is reported
  const Finding& f = findings[0];
  CHECK(f.rule_id == "high-token");
  REQUIRE(f.context == line);
  const std::vector<Finding::Span> expected = {{2, 21}, {24, 43}, {46, 65}};
  CHECK(f.context_secrets == expected);
  for (const Finding::Span& s : f.context_secrets) {
    const std::string text = f.context.substr(s.begin, s.end - s.begin);
    CHECK((text.rfind("lo_", 0) == 0 || text.rfind("hi_", 0) == 0));
  }
}

}  // namespace
}  // namespace magpie::scanner
