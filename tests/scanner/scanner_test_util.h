// Builders for small in-code rule sets, so scanner tests do not depend on rules.yaml.
#ifndef MAGPIE_TESTS_SCANNER_SCANNER_TEST_UTIL_H_
#define MAGPIE_TESTS_SCANNER_SCANNER_TEST_UTIL_H_

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "rules/rule_set.h"
#include "scanner/compiled_rules.h"
#include "scanner/scanner.h"

namespace magpie::testing {

inline rules::RuleSpec Rule(std::string id, std::string pattern, int group = 1) {
  rules::RuleSpec spec;
  spec.id = std::move(id);
  spec.name = spec.id;
  spec.pattern = std::move(pattern);
  spec.secret_group = group;
  spec.confidence = rules::Confidence::kHigh;
  return spec;
}

// Compiles `specs` (without the generic detector unless asked); fails the test on problems.
inline std::shared_ptr<const scanner::CompiledRules> CompileOrDie(std::vector<rules::RuleSpec> specs,
                                                                  bool generic = false) {
  scanner::CompileOptions options;
  options.generic_detector = generic;
  auto result =
      scanner::CompiledRules::Compile(rules::RuleSet(std::move(specs), "<test>"), options);
  if (!result.ok()) throw std::runtime_error("compile failed: " + result.status().message());
  return *result;
}

// A scanner over `compiled`; fails the test when Scanner::Create does.
inline std::unique_ptr<scanner::Scanner> ScannerOrDie(
    std::shared_ptr<const scanner::CompiledRules> compiled, scanner::ScanOptions options = {}) {
  auto scanner = scanner::Scanner::Create(std::move(compiled), options);
  if (!scanner.ok()) throw std::runtime_error("Scanner::Create: " + scanner.status().message());
  return std::move(*scanner);
}

// The findings of `data`; fails the test when the scan does (Scanner::Scan).
inline std::vector<scanner::Finding> ScanOrDie(scanner::Scanner& scanner, std::string_view data) {
  auto findings = scanner.Scan(data);
  if (!findings.ok()) throw std::runtime_error("Scanner::Scan: " + findings.status().message());
  return *std::move(findings);
}

// Standard base64 with padding: test data for the decoding stage, written independently of
// scanner/base64.cc so that a bug there cannot hide in both.
inline std::string Base64Encode(const std::string& in) {
  static const char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    const uint32_t v = (uint8_t(in[i]) << 16) | (uint8_t(in[i + 1]) << 8) | uint8_t(in[i + 2]);
    for (int s = 18; s >= 0; s -= 6) out.push_back(kAlphabet[(v >> s) & 63]);
  }
  if (i + 1 == in.size()) {
    const uint32_t v = uint8_t(in[i]) << 16;
    out += {kAlphabet[(v >> 18) & 63], kAlphabet[(v >> 12) & 63], '=', '='};
  } else if (i + 2 == in.size()) {
    const uint32_t v = (uint8_t(in[i]) << 16) | (uint8_t(in[i + 1]) << 8);
    out += {kAlphabet[(v >> 18) & 63], kAlphabet[(v >> 12) & 63], kAlphabet[(v >> 6) & 63], '='};
  }
  return out;
}

}  // namespace magpie::testing

#endif  // MAGPIE_TESTS_SCANNER_SCANNER_TEST_UTIL_H_
