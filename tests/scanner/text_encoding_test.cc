#include "scanner/text_encoding.h"

#include <catch2/catch.hpp>

#include <string>

#include "scanner/binary.h"
#include "tests/scanner/scanner_test_util.h"

using namespace magpie;
using namespace magpie::scanner;

namespace {

// `ascii` as UTF-16 code units, little- or big-endian.
std::string Utf16(const std::string& ascii, bool big_endian = false) {
  std::string out;
  for (char c : ascii) {
    if (big_endian) out += '\0';
    out += c;
    if (!big_endian) out += '\0';
  }
  return out;
}

const std::string kLe = "\xFF\xFE";
const std::string kBe = "\xFE\xFF";
const std::string kText = "line one\r\nkey = AKIAQYLPMN5HHHFPZAM2\r\n";

}  // namespace

TEST_CASE("issue 14: UTF-16 and a UTF-8 BOM are detected and UTF-16 is never called binary",
          "[scanner]") {
  CHECK(DetectEncoding(kLe + Utf16(kText)) == TextEncoding::kUtf16LeBom);
  CHECK(DetectEncoding(kBe + Utf16(kText, true)) == TextEncoding::kUtf16BeBom);
  CHECK(DetectEncoding(Utf16(kText)) == TextEncoding::kUtf16Le);
  CHECK(DetectEncoding("\xEF\xBB\xBF" + kText) == TextEncoding::kUtf8Bom);
  CHECK(DetectEncoding(kText) == TextEncoding::kUtf8);
  for (const std::string& text : {kLe + Utf16(kText), kBe + Utf16(kText, true), Utf16(kText)}) {
    CHECK_FALSE(LooksBinary(text));
  }
  // Binary stays binary: NUL code units, mostly non-ASCII units, too short to tell.
  CHECK(LooksBinary(kLe + std::string("\0\0\x01\x02", 4) + Utf16(kText)));
  CHECK(LooksBinary(std::string("a\0\0\0b\0c\0d\0e\0f\0g\0h\0i\0", 20)));
  CHECK(LooksBinary(std::string("\x90\x01\x91\x02\x92\x03\x93\x04\x94\x05\x95\x06\x96\x07\x97\0", 16)));
  CHECK(LooksBinary(std::string("a\0b\0", 4)));
  CHECK(LooksBinary(std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0", 18)));
}

TEST_CASE("issue 14: UTF-16 is decoded to UTF-8 with surrogates and invalid units handled",
          "[scanner]") {
  std::string storage;
  CHECK(ScannableText(kLe + Utf16(kText), &storage) == kText);
  CHECK(ScannableText(kBe + Utf16(kText, true), &storage) == kText);
  CHECK(ScannableText(Utf16(kText), &storage) == kText);
  CHECK(ScannableText("\xEF\xBB\xBF" + kText, &storage) == kText);
  const std::string plain = kText;
  CHECK(ScannableText(plain, &storage).data() == plain.data());  // no copy for plain text

  std::string out;
  // U+00E9, U+65E5, U+1F600 (a surrogate pair).
  Utf16ToUtf8(std::string("\xE9\x00\xE5\x65\x3D\xD8\x00\xDE", 8), false, &out);
  CHECK(out == "\xC3\xA9\xE6\x97\xA5\xF0\x9F\x98\x80");
  out.clear();
  // A lone high surrogate, a lone low surrogate, a high one at the end, an odd trailing byte.
  Utf16ToUtf8(std::string("\x3D\xD8" "a\0" "\x00\xDE" "b\0" "\x3D\xD8" "c", 11), false, &out);
  CHECK(out == "\xEF\xBF\xBD" "a" "\xEF\xBF\xBD" "b" "\xEF\xBF\xBD" "\xEF\xBF\xBD");
}

TEST_CASE("issue 14: a secret in UTF-16 is found at its line and column in the decoded text",
          "[scanner]") {
  auto scanner = testing::ScannerOrDie(
      testing::CompileOrDie({testing::Rule("akia", R"(\b(AKIA[2-7A-Z]{16})\b)")}));
  for (const std::string& input : {kLe + Utf16(kText), kBe + Utf16(kText, true), Utf16(kText),
                                   "\xEF\xBB\xBF" + kText}) {
    std::string storage;
    const auto findings = testing::ScanOrDie(*scanner, ScannableText(input, &storage));
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].secret == "AKIAQYLPMN5HHHFPZAM2");
    CHECK(findings[0].start.line == 2);
    CHECK(findings[0].start.column == 7);
  }
}
