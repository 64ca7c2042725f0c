// One Scanner over the built-in rules.yaml, shared by the tests that check the shipped rules.
#ifndef MAGPIE_TESTS_SCANNER_BUILTIN_SCANNER_H_
#define MAGPIE_TESTS_SCANNER_BUILTIN_SCANNER_H_

#include <stdexcept>

#include "rules/rule_set.h"
#include "scanner/compiled_rules.h"
#include "scanner/scanner.h"
#include "scanner_test_util.h"

namespace magpie::testing {

// Built once per test binary (compiling every rule is the slow part); throws when the built-in
// rules do not load or compile, which fails the calling test.
inline scanner::Scanner& BuiltinScanner() {
  static const auto scanner = [] {
    auto loaded = rules::LoadBuiltinRules();
    if (!loaded.ok()) throw std::runtime_error("built-in rules do not load");
    auto compiled = scanner::CompiledRules::Compile(loaded.rules, {});
    if (!compiled.ok()) throw std::runtime_error("built-in rules do not compile");
    return ScannerOrDie(*compiled);
  }();
  return *scanner;
}

}  // namespace magpie::testing

#endif  // MAGPIE_TESTS_SCANNER_BUILTIN_SCANNER_H_
