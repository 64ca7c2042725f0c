// The percent decoder's token finder (issue 13): a linear scanner replaced an RE2 search whose
// two {0,512} repeats made RE2 build DFA states for nearly every new text. It must find exactly
// the tokens the regex found, so the findings of a scan do not change.
#include <re2/re2.h>

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "rules/re2_options.h"
#include "scanner/decoder.h"

using magpie::scanner::internal::FindPercentToken;
using magpie::scanner::internal::kPercentTokenPattern;
using magpie::scanner::internal::TokenSpan;

namespace {

using Spans = std::vector<std::pair<size_t, size_t>>;

// The tokens the old decoding loop took from data[begin, end): RE2 searches from `pos`, a
// match moves `pos` past it (by one byte at least), an empty group 1 is skipped.
Spans RegexTokens(std::string_view data, size_t begin, size_t end) {
  static const RE2 re(std::string(kPercentTokenPattern), magpie::rules::Re2Options());
  REQUIRE(re.ok());
  Spans out;
  re2::StringPiece groups[2];
  const re2::StringPiece text(data.data(), data.size());
  size_t pos = begin;
  while (pos < end) {
    if (!re.Match(text, pos, end, RE2::UNANCHORED, groups, 2)) break;
    const size_t match_end = groups[0].data() - data.data() + groups[0].size();
    pos = match_end > pos ? match_end : pos + 1;
    if (groups[1].empty()) continue;
    const size_t start = groups[1].data() - data.data();
    out.emplace_back(start, start + groups[1].size());
  }
  return out;
}

// The same loop over FindPercentToken.
Spans LinearTokens(std::string_view data, size_t begin, size_t end) {
  Spans out;
  size_t pos = begin;
  while (pos < end) {
    const std::optional<TokenSpan> token = FindPercentToken(data, pos, end);
    if (!token) break;
    out.emplace_back(token->begin, token->end);
    pos = std::max(token->end, pos + 1);
  }
  return out;
}

void CheckSame(const std::string& data, size_t begin, size_t end) {
  INFO("input of " << data.size() << " bytes, window [" << begin << ", " << end << ")");
  CHECK(LinearTokens(data, begin, end) == RegexTokens(data, begin, end));
}

void CheckSameAllWindows(const std::string& data) {
  CheckSame(data, 0, data.size());
  // Windows that cut tokens, escapes and runs anywhere.
  for (size_t begin : {size_t{1}, size_t{3}, data.size() / 3, data.size() / 2}) {
    for (size_t end : {data.size() - 1, data.size() - 2, data.size() * 2 / 3}) {
      if (begin < end && end <= data.size()) CheckSame(data, begin, end);
    }
  }
}

}  // namespace

TEST_CASE("issue 13: the linear percent-token finder gives exactly the old regex tokens on hostile inputs",
          "[scanner][decode]") {
  const std::string url(600, 'a');
  const std::vector<std::string> inputs = {
      "",
      "%",
      "%4",
      "%41",
      "%4G",
      "%%41",
      "%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%",
      "x%41%4",
      "a%41b%",
      "https://user:p%40ss@host/path?q=a%20b&r=%zz#frag",
      "user=%41%42%43 and %44%45 [%46] \"%47\"",
      "%41" + std::string(600, '%'),
      std::string(600, '%') + "%41",
      url + "%41" + url,                      // 512+ runs either side
      std::string(512, 'b') + "%41",          // exactly 512 before
      std::string(513, 'b') + "%41",          // one too many
      std::string(511, 'b') + "%41" + std::string(512, 'c') + "%42",
      "%41" + std::string(512, 'c') + "%42" + std::string(700, 'd'),
      [] {
        std::string s;
        for (int i = 0; i < 400; ++i) s += "%4";  // truncated escapes, many
        return s;
      }(),
      [] {
        std::string s;
        for (int i = 0; i < 400; ++i) s += "%41";  // a 1200-byte run of escapes
        return s;
      }(),
      std::string("\x80\xff%41\xc3\xa9%C3%A9\n%0A\0%00", 20),
  };
  for (const std::string& data : inputs) CheckSameAllWindows(data);
}

TEST_CASE("issue 13: the linear percent-token finder gives exactly the old regex tokens on random inputs",
          "[scanner][decode]") {
  // Bytes that matter to the pattern, weighted so that escapes, runs and their ends are common.
  const std::string alphabet = "%%%%%%4Aa0fFgG._~:/?#@!$&'()*+,;=-  \n[]\"<>\x80\xff";
  std::mt19937 rng(13);
  for (int i = 0; i < 3000; ++i) {
    std::uniform_int_distribution<size_t> length(0, i % 10 == 0 ? 3000 : 80);
    std::uniform_int_distribution<size_t> pick(0, alphabet.size() - 1);
    std::string data(length(rng), ' ');
    for (char& c : data) c = alphabet[pick(rng)];
    // Now and then a long run of URL bytes, to cross the 512 bounds.
    if (i % 7 == 0 && !data.empty()) {
      data.insert(std::uniform_int_distribution<size_t>(0, data.size())(rng),
                  std::string(std::uniform_int_distribution<size_t>(500, 530)(rng), 'u'));
    }
    CheckSameAllWindows(data);
  }
}
