#include "scanner/base64.h"

#include <array>
#include <cstdint>

namespace magpie::scanner {
namespace {

constexpr int8_t kInvalid = -1;

// Sextet value of each byte under one alphabet, kInvalid for bytes outside it.
using DecodeTable = std::array<int8_t, 256>;

constexpr DecodeTable MakeTable(bool standard, bool url) {
  DecodeTable table{};
  for (int8_t& v : table) v = kInvalid;
  for (int i = 0; i < 26; ++i) {
    table['A' + i] = static_cast<int8_t>(i);
    table['a' + i] = static_cast<int8_t>(26 + i);
  }
  for (int i = 0; i < 10; ++i) table['0' + i] = static_cast<int8_t>(52 + i);
  if (standard) {
    table['+'] = 62;
    table['/'] = 63;
  }
  if (url) {
    table['-'] = 62;
    table['_'] = 63;
  }
  return table;
}

constexpr DecodeTable kStandardTable = MakeTable(true, false);
constexpr DecodeTable kUrlTable = MakeTable(false, true);
constexpr DecodeTable kEitherTable = MakeTable(true, true);

const DecodeTable& TableFor(Base64Alphabet alphabet) {
  switch (alphabet) {
    case Base64Alphabet::kStandard:
      return kStandardTable;
    case Base64Alphabet::kUrl:
      return kUrlTable;
    case Base64Alphabet::kEither:
      break;
  }
  return kEitherTable;
}

}  // namespace

std::optional<std::string> DecodeBase64(std::string_view text, Base64Alphabet alphabet) {
  // Strip correct padding; any other '=' is rejected below as outside the alphabet.
  size_t padding = 0;
  while (padding < text.size() && padding < 2 && text[text.size() - 1 - padding] == '=') {
    ++padding;
  }
  if (padding > 0 && text.size() % 4 != 0) return std::nullopt;
  const std::string_view body = text.substr(0, text.size() - padding);
  if (body.size() % 4 == 1) return std::nullopt;  // 6 bits cannot make a byte
  if (padding > 0 && (body.size() % 4) + padding != 4) return std::nullopt;

  const DecodeTable& table = TableFor(alphabet);
  std::string out;
  out.reserve(body.size() / 4 * 3 + 2);
  uint32_t bits = 0;
  int bit_count = 0;
  for (const char c : body) {
    const int8_t v = table[static_cast<unsigned char>(c)];
    if (v == kInvalid) return std::nullopt;
    bits = (bits << 6) | static_cast<uint32_t>(v);
    bit_count += 6;
    if (bit_count >= 8) {
      bit_count -= 8;
      out.push_back(static_cast<char>((bits >> bit_count) & 0xFF));
    }
  }
  return out;
}

}  // namespace magpie::scanner
