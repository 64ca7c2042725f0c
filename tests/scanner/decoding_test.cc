// Secrets inside base64 and percent-encoded spans (issue 3's decoding stage).
#include <catch2/catch.hpp>

#include "scanner/base64.h"
#include "scanner/scanner.h"
#include "scanner_test_util.h"

using magpie::scanner::Finding;
using magpie::scanner::ScanOptions;
using magpie::testing::ScannerOrDie;
using magpie::testing::ScanOrDie;
using magpie::testing::CompileOrDie;
using magpie::testing::Rule;

namespace {

std::string Base64(const std::string& in) { return magpie::testing::Base64Encode(in); }

auto AwsRules() { return CompileOrDie({Rule("aws", "\\b(AKIA[A-Z2-7]{16})\\b")}); }
const std::string kKey = "AKIAQYLPMN5HHHFPZAM2";

}  // namespace

TEST_CASE("a secret inside a base64 value is found and points at the encoded span", "[scanner][decode]") {
  const std::string encoded = Base64("aws_access_key_id=" + kKey + "\n");
  const std::string data = "apiVersion: v1\nkind: Secret\ndata:\n  credentials: " + encoded + "\n";
  auto scanner = ScannerOrDie(AwsRules());
  const std::vector<Finding> findings = ScanOrDie(*scanner, data);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].secret == kKey);
  CHECK(findings[0].decoded == "base64");
  CHECK(findings[0].start.offset == data.find(encoded));
  CHECK(findings[0].end.offset == data.find(encoded) + encoded.size());
  CHECK(findings[0].start.line == 4);
}

TEST_CASE("nested encodings are decoded to the depth limit only", "[scanner][decode]") {
  const std::string twice = Base64("token: " + Base64("key=" + kKey));
  const std::string data = "blob = " + twice + "\n";
  ScanOptions deep;
  deep.decode_depth = 2;
  ScanOptions shallow;
  shallow.decode_depth = 1;
  ScanOptions off;
  off.decode_depth = 0;
  auto rules = AwsRules();
  const auto found = ScanOrDie(*ScannerOrDie(rules, deep), data);
  REQUIRE(found.size() == 1);
  CHECK(found[0].decoded == "base64>base64");
  CHECK(ScanOrDie(*ScannerOrDie(rules, shallow), data).empty());
  CHECK(ScanOrDie(*ScannerOrDie(rules, off), "x: " + Base64("key=" + kKey)).empty());
}

TEST_CASE("percent-encoded secrets are decoded", "[scanner][decode]") {
  auto scanner = ScannerOrDie(AwsRules());
  const std::string data = "https://api.example.com/v1?key=%41KIAQYLPMN5HHHFPZAM2&x=1\n";
  const auto findings = ScanOrDie(*scanner, data);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].decoded == "percent");
  CHECK(findings[0].secret == kKey);
  // A secret already visible as is is reported once, not again from the decoded span.
  const auto plain = ScanOrDie(*scanner, "https://api.example.com/v1?key=" + kKey + "&q=a%20b\n");
  REQUIRE(plain.size() == 1);
  CHECK(plain[0].decoded.empty());
}

TEST_CASE("binary-looking decodings and plain identifiers are not scanned", "[scanner][decode]") {
  auto scanner = ScannerOrDie(AwsRules());
  std::string binary(48, '\0');
  for (size_t i = 0; i < binary.size(); ++i) binary[i] = static_cast<char>(i * 37 + 1);
  CHECK(ScanOrDie(*scanner, "icon: " + Base64(binary + kKey) + "\n").empty());
}

TEST_CASE("issue 14: the decode budget grows with the file and what it leaves is counted",
          "[scanner][decode]") {
  // 5 MiB of base64 values, more than the 4 MiB floor: the budget is the file's size, so a
  // file made of base64 is decoded whole, and decoding stays linear in the input.
  std::string data;
  const std::string line = "v: " + Base64(std::string(3000, 'a') + "\n" + kKey) + "\n";
  while (data.size() < (5u << 20)) data += line;
  auto scanner = ScannerOrDie(AwsRules());
  CHECK(ScanOrDie(*scanner, data).size() == data.size() / line.size());
  CHECK(scanner->undecoded_bytes() == 0);

  // Values that decode to values that decode again take about 1.7 times their size: the
  // budget runs out, and the scanner says how much it left (the pipeline reports it).
  std::string nested;
  for (int i = 0; i < 200; ++i) {
    nested += "v: " + Base64("token: " + Base64("key=" + std::string(40, 'a') + " " + kKey)) + "\n";
  }
  ScanOptions tight;
  tight.decode_budget = 1;  // the budget is then the buffer's size
  auto bounded = ScannerOrDie(AwsRules(), tight);
  const size_t found = ScanOrDie(*bounded, nested).size();
  CHECK(found > 0);
  CHECK(found < 200);
  CHECK(bounded->undecoded_bytes() > 0);
  CHECK(bounded->undecoded_bytes() <= nested.size());
  // The next Scan starts afresh.
  CHECK(ScanOrDie(*bounded, "v: " + Base64("key=" + kKey) + "\n").size() == 1);
  CHECK(bounded->undecoded_bytes() == 0);
}
