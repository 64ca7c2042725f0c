// The Hyperscan expression built from a rule's pattern (scanner/hs_expression.h), a pattern
// being hostile input (an in-repo config's rules): the first line of the input is the pattern,
// the rest a text. Whenever RE2 accepts the pattern, it accepts the expression too, and the
// expression matches the text wherever the pattern does (it only ever relaxes); likewise the
// line-scoped expression, line by line.
#include <re2/re2.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/fuzz_check.h"
#include "rules/re2_options.h"
#include "scanner/hs_expression.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input = magpie::fuzz::AsView(data, size);
  const size_t newline = input.find('\n');
  const std::string_view pattern = input.substr(0, newline);
  const std::string_view text =
      newline == std::string_view::npos ? std::string_view() : input.substr(newline + 1);
  const std::string expression = magpie::scanner::internal::HyperscanExpression(pattern);
  MAGPIE_FUZZ_CHECK(expression.size() <= 2 * pattern.size());  // \b becomes (?:)
  RE2::Options options = magpie::rules::Re2Options();
  options.set_log_errors(false);
  const RE2 original(re2::StringPiece(pattern.data(), pattern.size()), options);
  if (!original.ok()) return 0;
  const RE2 relaxed(expression, options);
  MAGPIE_FUZZ_CHECK(relaxed.ok());
  const re2::StringPiece subject(text.data(), text.size());
  if (RE2::PartialMatch(subject, original)) MAGPIE_FUZZ_CHECK(RE2::PartialMatch(subject, relaxed));
  // The line-scoped expression (the generic detector's): wherever the pattern matches within a
  // line of the text, the expression matches within that line.
  const std::string line_scoped =
      magpie::scanner::internal::LineScopedHyperscanExpression(pattern);
  MAGPIE_FUZZ_CHECK(line_scoped.size() <= 2 * pattern.size());
  const RE2 loosened(line_scoped, options);
  MAGPIE_FUZZ_CHECK(loosened.ok());
  for (size_t begin = 0; begin <= text.size();) {
    const size_t newline = text.find('\n', begin);
    const size_t end = newline == std::string_view::npos ? text.size() : newline;
    const re2::StringPiece line(text.data() + begin, end - begin);
    if (RE2::PartialMatch(line, original)) MAGPIE_FUZZ_CHECK(RE2::PartialMatch(line, loosened));
    begin = end + 1;
  }
  return 0;
}
