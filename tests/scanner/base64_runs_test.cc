// Base64 that stands alone (issue 12): whole lines of base64 are decoded when they look like
// base64 of text, and only then.
#include "scanner/base64_runs.h"

#include <catch2/catch.hpp>

#include <string>

#include "scanner/scanner.h"
#include "scanner_test_util.h"

using magpie::scanner::Finding;
using magpie::scanner::ScanOptions;
using magpie::scanner::internal::DecodeBase64Run;
using magpie::scanner::internal::LooksLikeBase64OfText;
using magpie::testing::CompileOrDie;
using magpie::testing::Rule;
using magpie::testing::ScannerOrDie;
using magpie::testing::ScanOrDie;

namespace {

std::string Base64(const std::string& in) { return magpie::testing::Base64Encode(in); }

// `base64` wraps at 76 columns; each line gets `indent` in front.
std::string Wrapped(const std::string& plain, const std::string& indent = "") {
  const std::string encoded = Base64(plain);
  std::string out;
  for (size_t i = 0; i < encoded.size(); i += 76) out += indent + encoded.substr(i, 76) + "\n";
  return out;
}

auto AwsRules() { return CompileOrDie({Rule("aws", "\\b(AKIA[A-Z2-7]{16})\\b")}); }
const std::string kKey = "AKIAQYLPMN5HHHFPZAM2";
const std::string kConfig =
    "# restored by ops/restore/run.sh\n[default]\nregion = eu-west-1\n"
    "aws_access_key_id = " + kKey + "\noutput = json\n";

size_t CountFindings(const std::string& data) {
  auto scanner = ScannerOrDie(AwsRules());
  return ScanOrDie(*scanner, data).size();
}

}  // namespace

TEST_CASE("issue 12: a .b64 file of a config is decoded across its lines", "[scanner][decode][issue12]") {
  const std::string file = Wrapped(kConfig);
  REQUIRE(file.find('\n') < file.size() - 1);  // more than one line
  auto scanner = ScannerOrDie(AwsRules());
  const std::vector<Finding> findings = ScanOrDie(*scanner, file);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].secret == kKey);
  CHECK(findings[0].decoded == "base64");
  CHECK(findings[0].start.line == 1);
}

TEST_CASE("issue 12: base64 heredocs and YAML block scalars are decoded", "[scanner][decode][issue12]") {
  CHECK(CountFindings("#!/bin/sh\nbase64 -d > /etc/aws <<'EOF'\n" + Wrapped(kConfig) + "EOF\n") == 1);
  CHECK(CountFindings("bootstrap:\n  config: |\n" + Wrapped(kConfig, "    ") + "  other: 1\n") == 1);
  CHECK(CountFindings("bootstrap:\n  config: >-\n" + Wrapped(kConfig, "    ") + "kind: X\n") == 1);
  std::string crlf = Wrapped(kConfig);
  for (size_t i = crlf.find('\n'); i != std::string::npos; i = crlf.find('\n', i + 2)) {
    crlf.insert(i, "\r");
  }
  CHECK(CountFindings("base64 -d <<EOF > creds\r\n" + crlf + "EOF\r\n") == 1);
}

TEST_CASE("issue 12: echo and here-string base64 is decoded", "[scanner][decode][issue12]") {
  const std::string encoded = Base64("aws_access_key_id=" + kKey + "\n");
  CHECK(CountFindings("echo \"" + encoded + "\" | base64 --decode >> ~/.aws/credentials\n") == 1);
  CHECK(CountFindings("echo -n " + encoded + " | base64 -d\n") == 1);
  CHECK(CountFindings("base64 -d <<< '" + encoded + "' > creds\n") == 1);
}

TEST_CASE("issue 12: base64 runs of binary and ordinary lines are not decoded",
          "[scanner][decode][issue12]") {
  // A key hidden after a binary header: base64 of binary is refused without decoding.
  std::string binary(300, '\0');
  for (size_t i = 0; i < binary.size(); ++i) binary[i] = static_cast<char>(i * 37 + 1);
  CHECK(CountFindings(Wrapped(binary + kConfig)) == 0);
  CHECK_FALSE(LooksLikeBase64OfText(Base64(binary)));
  // Words and identifiers alone on a line are not base64 of text.
  CHECK_FALSE(DecodeBase64Run("ThisIsAVeryLongIdentifierName").has_value());
  CHECK_FALSE(LooksLikeBase64OfText("0123456789abcdef0123456789abcdef"));
  // A line that is not only base64 ends a run: nothing is joined across prose.
  CHECK(CountFindings("see " + Base64(kConfig) + " here\n") == 0);
  // A run with nothing that introduces it (not at the start, not in a heredoc or a YAML block
  // scalar) is not flagged: the prefilter stays cheap on ordinary source.
  CHECK(CountFindings("int x;\n" + Wrapped(kConfig)) == 0);
}

TEST_CASE("issue 12: a short word closing a run does not spoil its decoding", "[scanner][decode][issue12]") {
  // A one-character last line makes the run 4n+1 characters, which cannot be base64: the run
  // without that line decodes.
  std::string plain = kConfig;
  while (plain.size() % 3 != 0) plain += "\n";
  const std::string run = Wrapped(plain) + "A";
  const auto decoded = DecodeBase64Run(run);
  REQUIRE(decoded.has_value());
  CHECK(*decoded == plain);
}

TEST_CASE("issue 12: decoding base64 runs stays within the decode budget", "[scanner][decode][issue12]") {
  std::string data;
  const std::string block = "config: |\n" + Wrapped(kConfig, "  ") + "---\n";
  while (data.size() < (1u << 20)) data += block;
  ScanOptions tight;
  tight.decode_budget = 1;  // the budget is then the buffer's size
  auto scanner = ScannerOrDie(AwsRules(), tight);
  const size_t found = ScanOrDie(*scanner, data).size();
  CHECK(found == data.size() / block.size());
  CHECK(scanner->undecoded_bytes() == 0);
  ScanOptions off;
  off.decode_depth = 0;
  auto plain = ScannerOrDie(AwsRules(), off);
  CHECK(ScanOrDie(*plain, data).empty());
}
