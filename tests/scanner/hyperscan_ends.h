// Test helpers: what Hyperscan reports for one expression compiled alone, and the check that a
// rule's Hyperscan expression reports the end of each of its examples' matches (issue 12: the
// expression may match more than the pattern, never miss an end).
#ifndef MAGPIE_TESTS_SCANNER_HYPERSCAN_ENDS_H_
#define MAGPIE_TESTS_SCANNER_HYPERSCAN_ENDS_H_

#include <catch2/catch.hpp>
#include <hs/hs.h>
#include <re2/re2.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "rules/re2_options.h"
#include "rules/rule_spec.h"

namespace magpie::testing {

// The ends Hyperscan reports for `expression`, compiled alone in block mode, over `text`.
inline std::vector<size_t> HyperscanEnds(const std::string& expression, std::string_view text) {
  hs_database_t* database = nullptr;
  hs_compile_error_t* error = nullptr;
  if (hs_compile(expression.c_str(), 0, HS_MODE_BLOCK, nullptr, &database, &error) !=
      HS_SUCCESS) {
    hs_free_compile_error(error);
    FAIL("Hyperscan refuses " << expression);
  }
  hs_scratch_t* scratch = nullptr;
  REQUIRE(hs_alloc_scratch(database, &scratch) == HS_SUCCESS);
  std::vector<size_t> ends;
  hs_scan(database, text.data(), static_cast<unsigned int>(text.size()), 0, scratch,
          [](unsigned int, unsigned long long, unsigned long long to, unsigned int,
             void* context) {
            static_cast<std::vector<size_t>*>(context)->push_back(static_cast<size_t>(to));
            return 0;
          },
          &ends);
  hs_free_scratch(scratch);
  hs_free_database(database);
  return ends;
}

// For each example of `spec`, between the lines `before` and `after` (so that the match does
// not open or close the buffer): Hyperscan reports for `expression` the end of the first match
// of the rule's pattern.
inline void CheckExampleEndsReported(const rules::RuleSpec& spec, const std::string& expression,
                                     const std::string& before, const std::string& after) {
  RE2 re(spec.pattern, rules::Re2Options());
  REQUIRE(re.ok());
  for (const std::string& example : spec.examples) {
    const std::string text = before + "\n" + example + "\n" + after + "\n";
    re2::StringPiece match;
    REQUIRE(re.Match(text, 0, text.size(), RE2::UNANCHORED, &match, 1));
    const size_t end = static_cast<size_t>(match.data() - text.data()) + match.size();
    const std::vector<size_t> ends = HyperscanEnds(expression, text);
    INFO(spec.id << ": " << expression << "\nexample: " << example);
    CHECK(std::find(ends.begin(), ends.end(), end) != ends.end());
  }
}

}  // namespace magpie::testing

#endif  // MAGPIE_TESTS_SCANNER_HYPERSCAN_ENDS_H_
