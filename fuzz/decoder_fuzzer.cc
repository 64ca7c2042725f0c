// The decoders the scanner runs on candidate spans of scanned bytes: base64 in each alphabet
// (scanner/base64.h, also used by the validators) and DecodeCandidate's base64, percent and
// standalone base64 runs (scanner/base64_runs.h, issue 12); the percent and base64 decoders'
// linear token finders against the regexes they replaced (issue 13); and the base64 decoder's
// linear prefilter against its expression (issue 12).
#include <re2/re2.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "fuzz/fuzz_check.h"
#include "rules/re2_options.h"
#include "scanner/base64.h"
#include "scanner/base64_runs.h"
#include "scanner/decoder.h"

namespace {

// Both token loops over `text`, as scanner.cc's DecodeTokens runs them, with a linear finder
// and the regex it replaced: they must agree.
void CheckTokens(std::string_view text, magpie::scanner::internal::TokenFinder find,
                 const RE2& regex) {
  re2::StringPiece groups[2];
  size_t regex_pos = 0;
  size_t linear_pos = 0;
  while (true) {
    bool regex_found = false;
    while (regex_pos < text.size()) {
      if (!regex.Match(re2::StringPiece(text.data(), text.size()), regex_pos, text.size(),
                       RE2::UNANCHORED, groups, 2)) {
        regex_pos = text.size();
        break;
      }
      const size_t end = groups[0].data() - text.data() + groups[0].size();
      regex_pos = std::max(end, regex_pos + 1);
      if (!groups[1].empty()) {
        regex_found = true;
        break;
      }
    }
    const auto token =
        linear_pos < text.size() ? find(text, linear_pos, text.size()) : std::nullopt;
    MAGPIE_FUZZ_CHECK(token.has_value() == regex_found);
    if (!token) return;
    MAGPIE_FUZZ_CHECK(token->begin == static_cast<size_t>(groups[1].data() - text.data()));
    MAGPIE_FUZZ_CHECK(token->end == token->begin + groups[1].size());
    linear_pos = std::max(token->end, linear_pos + 1);
  }
}

// The base64 prefilter's match ends in `text`, from the linear scanner and from RE2 (a match
// is at most 22 bytes long, so RE2 looks at the 22 bytes before each offset): they must agree.
void CheckBase64Prefilter(std::string_view text) {
  static const RE2 regex(
      "(?:" + std::string(magpie::scanner::internal::kBase64PrefilterPattern) + ")\\z",
      magpie::rules::Re2Options());
  std::vector<size_t> linear;
  magpie::scanner::internal::FindBase64Prefilter(
      text,
      [](size_t end, void* context) {
        static_cast<std::vector<size_t>*>(context)->push_back(end);
      },
      &linear);
  size_t next = 0;
  for (size_t end = 1; end <= text.size(); ++end) {
    const size_t begin = end > 22 ? end - 22 : 0;
    const bool matches =
        RE2::PartialMatch(re2::StringPiece(text.data() + begin, end - begin), regex);
    const bool reported = next < linear.size() && linear[next] == end;
    MAGPIE_FUZZ_CHECK(matches == reported);
    if (reported) ++next;
  }
  MAGPIE_FUZZ_CHECK(next == linear.size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace magpie::scanner;
  const std::string_view text = magpie::fuzz::AsView(data, size);
  for (const Base64Alphabet alphabet :
       {Base64Alphabet::kStandard, Base64Alphabet::kUrl, Base64Alphabet::kEither}) {
    const std::optional<std::string> decoded = DecodeBase64(text, alphabet);
    // Four characters carry three bytes.
    if (decoded) MAGPIE_FUZZ_CHECK(decoded->size() <= text.size() / 4 * 3 + 2);
  }
  for (const internal::Encoding encoding : {internal::Encoding::kBase64, internal::Encoding::kPercent,
                                           internal::Encoding::kBase64Run}) {
    const std::optional<std::string> decoded = internal::DecodeCandidate(encoding, text);
    // Decoding never grows the text.
    if (decoded) MAGPIE_FUZZ_CHECK(decoded->size() <= text.size());
  }
  static const RE2 percent_regex(std::string(internal::kPercentTokenPattern),
                                 magpie::rules::Re2Options());
  static const RE2 base64_regex(std::string(internal::kBase64TokenPattern),
                                magpie::rules::Re2Options());
  CheckTokens(text, &internal::FindPercentToken, percent_regex);
  CheckTokens(text, &internal::FindBase64Token, base64_regex);
  CheckBase64Prefilter(text);
  // A run decodes only if it looks like base64 of text, and never to more than 3/4 of it.
  const std::optional<std::string> run = internal::DecodeBase64Run(text);
  if (run) {
    MAGPIE_FUZZ_CHECK(internal::LooksLikeBase64OfText(text));
    MAGPIE_FUZZ_CHECK(run->size() <= text.size() / 4 * 3 + 2);
  }
  return 0;
}
