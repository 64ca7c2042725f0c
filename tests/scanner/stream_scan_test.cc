#include "scanner/stream_scan.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "scanner/finding.h"
#include "scanner/text_encoding.h"
#include "tests/scanner/scanner_test_util.h"
#include "tests/scanner/string_stream.h"

using namespace magpie;
using namespace magpie::scanner;

using testing::StringStream;

namespace {

constexpr size_t kWindow = 256 << 10;
constexpr size_t kOverlap = 64 << 10;

auto Key(const Finding& f) {
  return std::tie(f.rule_id, f.secret, f.start.offset, f.start.line, f.start.column, f.end.offset,
                  f.end.line, f.end.column, f.context, f.context_secret_offset);
}

void CheckSame(const std::vector<Finding>& streamed, const std::vector<Finding>& whole) {
  REQUIRE(streamed.size() == whole.size());
  for (size_t i = 0; i < whole.size(); ++i) {
    INFO("finding " << i << " at " << whole[i].start.offset);
    CHECK(Key(streamed[i]) == Key(whole[i]));
    CHECK(streamed[i].context_secrets == whole[i].context_secrets);
  }
}

std::shared_ptr<const CompiledRules> TestRules() {
  return testing::CompileOrDie({testing::Rule("akia", R"(\b(AKIA[2-7A-Z]{16})\b)"),
                                testing::Rule("token", R"(token=([a-z0-9]{24}))")},
                               /*generic=*/true);
}

// `filler_line` repeated, with a secret planted `before` bytes before each place a window
// boundary or a reporting cut falls (negative: after it), and at the very start and end.
std::string Planted(const std::string& filler_line, size_t size, int before) {
  std::vector<size_t> spots = {0};
  for (size_t base = 0; base < size; base += kWindow - kOverlap) {
    for (size_t edge : {base + kWindow, base + kWindow - kOverlap / 2}) {
      spots.push_back(static_cast<size_t>(static_cast<int64_t>(edge) - before));
    }
  }
  std::sort(spots.begin(), spots.end());
  std::string out;
  size_t n = 0;
  for (size_t spot : spots) {
    if (spot >= size) break;
    while (out.size() < spot) out += filler_line;
    out.resize(spot);
    out += (n++ % 2 ? " AKIAQYLPMN5HHHFPZAM" + std::string(1, "234567"[n % 6])
                    : " token=k3j9x2m8q7w1e5r4t6y0u8i" + std::string(1, "abcdef"[n % 6]));
    out += " password=\"Zq8Vn2rLx7TfK9mWz\" ";
  }
  while (out.size() < size) out += filler_line;
  return out + " AKIAQYLPMN5HHHFPZAM7";
}

}  // namespace

TEST_CASE("issue 14: a streamed scan finds exactly what a whole-buffer scan finds", "[scanner]") {
  auto compiled = TestRules();
  auto scanner = testing::ScannerOrDie(compiled);
  StreamScanOptions options;
  options.window = kWindow;
  options.overlap = kOverlap;
  for (const std::string& filler : {std::string("lorem ipsum dolor sit amet, 12345\n"),
                                    std::string("no newline at all in this input ")}) {
    for (int before : {40, 25, 10, 1, 0, -3}) {
      INFO("filler: " << filler << " secrets " << before << " bytes before each cut");
      const std::string input = Planted(filler, 5 * kWindow / 2, before);
      const std::vector<Finding> whole = testing::ScanOrDie(*scanner, input);
      REQUIRE(whole.size() >= 12);
      StringStream stream(input);
      Result<StreamScan> streamed = ScanStream(*scanner, stream, options, nullptr);
      REQUIRE(streamed.ok());
      CHECK(streamed->bytes == input.size());
      CHECK_FALSE(streamed->binary);
      CheckSame(streamed->findings, whole);
    }
  }
}

TEST_CASE("issue 14: the window hook sees each finding once with window positions", "[scanner]") {
  auto scanner = testing::ScannerOrDie(TestRules());
  const std::string input = Planted("abc def\n", 3 * kWindow, 10);
  StreamScanOptions options;
  options.window = kWindow;
  options.overlap = kOverlap;
  size_t hooked = 0;
  size_t windows = 0;
  StringStream stream(input);
  Result<StreamScan> streamed = ScanStream(
      *scanner, stream, options,
      [&](std::string_view window, const WindowPlace& place, std::vector<Finding>* findings) {
        ++windows;
        for (const Finding& f : *findings) {
          CHECK(window.substr(f.start.offset, f.secret.size()) == f.secret);
          CHECK(input.substr(place.base + f.start.offset, f.secret.size()) == f.secret);
        }
        hooked += findings->size();
        if (!findings->empty()) findings->erase(findings->begin());  // a hook may take some
      });
  REQUIRE(streamed.ok());
  CHECK(windows >= 3);
  CHECK(hooked > windows);
  CHECK(streamed->findings.size() + windows == hooked);
}

TEST_CASE("issue 14: a stream that fails is an error and binary input is skipped", "[scanner]") {
  auto scanner = testing::ScannerOrDie(TestRules());
  StreamScanOptions options;
  options.window = kWindow;
  options.overlap = kOverlap;
  StringStream failing(std::string(3 * kWindow, 'a'), kWindow + 5);
  Result<StreamScan> failed = ScanStream(*scanner, failing, options, nullptr);
  REQUIRE_FALSE(failed.ok());
  CHECK(failed.status().message().find("injected read error") != std::string::npos);

  StringStream binary(std::string("\x7f" "ELF\0\0", 6) + std::string(kWindow * 2, 'b'));
  Result<StreamScan> skipped = ScanStream(*scanner, binary, options, nullptr);
  REQUIRE(skipped.ok());
  CHECK(skipped->binary);
  CHECK(skipped->findings.empty());
}

TEST_CASE("issue 14: a streamed UTF-16 input is decoded as a whole one is", "[scanner]") {
  auto scanner = testing::ScannerOrDie(TestRules());
  StreamScanOptions options;
  options.window = kWindow;
  options.overlap = kOverlap;
  // Text with characters outside ASCII and outside the BMP (surrogate pairs), as UTF-8.
  const std::string utf8 = Planted("caf\xC3\xA9 \xF0\x9F\x98\x80 text\n", 5 * kWindow / 4, 5);
  std::u16string units;
  // ASCII, 2-byte and 4-byte sequences (a sequence Planted cut short becomes some other unit).
  for (size_t i = 0; i + 3 < utf8.size();) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    if (c < 0x80) {
      units += static_cast<char16_t>(c);
      i += 1;
    } else if (c < 0xE0) {
      units += static_cast<char16_t>((c & 0x1F) << 6 | (utf8[i + 1] & 0x3F));
      i += 2;
    } else {
      const char32_t cp = (c & 0x07) << 18 | (utf8[i + 1] & 0x3F) << 12 |
                          (utf8[i + 2] & 0x3F) << 6 | (utf8[i + 3] & 0x3F);
      units += static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10));
      units += static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF));
      i += 4;
    }
  }
  for (bool big_endian : {false, true}) {
    std::string raw = big_endian ? "\xFE\xFF" : "\xFF\xFE";
    for (char16_t u : units) {
      const char hi = static_cast<char>(u >> 8);
      const char lo = static_cast<char>(u & 0xFF);
      raw += big_endian ? std::string{hi, lo} : std::string{lo, hi};
    }
    std::string decoded;
    const std::vector<Finding> whole = testing::ScanOrDie(*scanner, ScannableText(raw, &decoded));
    REQUIRE(whole.size() >= 6);
    StringStream stream(raw);  // reads of odd sizes split code units and surrogate pairs
    Result<StreamScan> streamed = ScanStream(*scanner, stream, options, nullptr);
    REQUIRE(streamed.ok());
    CHECK(streamed->bytes == raw.size());
    CheckSame(streamed->findings, whole);
  }
}
