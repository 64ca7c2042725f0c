#include "scanner/text_encoding.h"

#include <algorithm>
#include <cstdint>
#include <utility>

#include "scanner/binary.h"

namespace magpie::scanner {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

bool Starts(std::string_view data, std::string_view prefix) {
  return data.substr(0, prefix.size()) == prefix;
}

uint16_t Unit(std::string_view s, size_t i, bool big_endian) {
  const auto lo = static_cast<uint8_t>(s[i + (big_endian ? 1 : 0)]);
  const auto hi = static_cast<uint8_t>(s[i + (big_endian ? 0 : 1)]);
  return static_cast<uint16_t>(hi << 8 | lo);
}

bool IsTextAscii(uint16_t u) { return (u >= 0x20 && u < 0x7F) || u == '\t' || u == '\n' || u == '\r'; }

// True when the sample's code units are never U+0000 (text does not hold NUL characters).
bool NoNulUnits(std::string_view sample, bool big_endian) {
  for (size_t i = 0; i + 1 < sample.size(); i += 2) {
    if (Unit(sample, i, big_endian) == 0) return false;
  }
  return true;
}

void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

}  // namespace

TextEncoding DetectEncoding(std::string_view data) {
  if (data.size() < 2) return TextEncoding::kUtf8;
  if (Starts(data, "\xEF\xBB\xBF")) return TextEncoding::kUtf8Bom;
  const std::string_view sample = data.substr(0, kBinarySniffBytes);
  if (Starts(data, "\xFF\xFE") && NoNulUnits(sample.substr(2), false)) {
    return TextEncoding::kUtf16LeBom;
  }
  if (Starts(data, "\xFE\xFF") && NoNulUnits(sample.substr(2), true)) {
    return TextEncoding::kUtf16BeBom;
  }
  // BOM-less UTF-16LE: ASCII text leaves a zero at every odd offset. Asking for at least 8
  // code units, 90% of them printable ASCII and no U+0000, keeps binary formats out.
  if (data[1] != '\0' || data[0] == '\0' || data.size() < 16) return TextEncoding::kUtf8;
  size_t units = 0;
  size_t ascii = 0;
  for (size_t i = 0; i + 1 < sample.size(); i += 2) {
    const uint16_t u = Unit(sample, i, false);
    if (u == 0) return TextEncoding::kUtf8;
    ++units;
    ascii += IsTextAscii(u);
  }
  return ascii * 10 >= units * 9 ? TextEncoding::kUtf16Le : TextEncoding::kUtf8;
}

void Utf16ToUtf8(std::string_view utf16, bool big_endian, std::string* out) {
  out->reserve(out->size() + utf16.size() / 2 + 16);
  size_t i = 0;
  for (; i + 1 < utf16.size(); i += 2) {
    const uint16_t u = Unit(utf16, i, big_endian);
    if (u < 0xD800 || u > 0xDFFF) {
      AppendUtf8(u, out);
      continue;
    }
    // A high surrogate followed by a low one is one character; anything else is invalid.
    if (u <= 0xDBFF && i + 3 < utf16.size()) {
      const uint16_t low = Unit(utf16, i + 2, big_endian);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        AppendUtf8(0x10000 + ((char32_t{u} - 0xD800) << 10) + (low - 0xDC00), out);
        i += 2;
        continue;
      }
    }
    AppendUtf8(kReplacement, out);
  }
  if (i < utf16.size()) AppendUtf8(kReplacement, out);  // an odd trailing byte
}

std::string_view ScannableText(std::string_view data, std::string* storage) {
  // The common case costs two byte compares: no BOM and no zero second byte.
  if (data.size() < 2 || (data[1] != '\0' && static_cast<uint8_t>(data[0]) < 0xEF)) return data;
  switch (DetectEncoding(data)) {
    case TextEncoding::kUtf8:
      return data;
    case TextEncoding::kUtf8Bom:
      return data.substr(3);
    case TextEncoding::kUtf16LeBom:
      storage->clear();
      Utf16ToUtf8(data.substr(2), false, storage);
      return *storage;
    case TextEncoding::kUtf16BeBom:
      storage->clear();
      Utf16ToUtf8(data.substr(2), true, storage);
      return *storage;
    case TextEncoding::kUtf16Le:
      storage->clear();
      Utf16ToUtf8(data, false, storage);
      return *storage;
  }
  return data;
}

namespace {

// Replays `pending` (the head, its BOM dropped), then reads `raw`; UTF-16 is decoded in
// whole code units, a high surrogate at the end of a read held back for its low half, so that
// the text is the same however the reads are split.
class TextStream : public ByteStream {
 public:
  TextStream(ByteStream& raw, std::string head)
      : raw_(raw), encoding_(DetectEncoding(head)), pending_(std::move(head)) {
    switch (encoding_) {
      case TextEncoding::kUtf8: break;
      case TextEncoding::kUtf8Bom: pending_.erase(0, 3); break;
      case TextEncoding::kUtf16LeBom:
      case TextEncoding::kUtf16BeBom: pending_.erase(0, 2); break;
      case TextEncoding::kUtf16Le: break;
    }
  }

  Result<size_t> Read(char* buffer, size_t n) override {
    const bool utf16 = encoding_ != TextEncoding::kUtf8 && encoding_ != TextEncoding::kUtf8Bom;
    if (!utf16) {  // the rest of the head, then straight from the stream
      if (pending_.empty()) return raw_.Read(buffer, n);
      n = std::min(n, pending_.size());
      std::copy_n(pending_.data(), n, buffer);
      pending_.erase(0, n);
      return n;
    }
    while (decoded_.size() == delivered_ && !(ended_ && pending_.empty())) {
      Status refill = Decode();
      if (!refill.ok()) return refill;
    }
    n = std::min(n, decoded_.size() - delivered_);
    std::copy_n(decoded_.data() + delivered_, n, buffer);
    delivered_ += n;
    return n;
  }

  uint64_t expected_size() const override { return raw_.expected_size(); }

 private:
  // Reads more raw bytes (unless the stream has ended) and decodes what whole units it can.
  Status Decode() {
    if (!ended_) {
      const size_t have = pending_.size();
      pending_.resize(have + kChunk);
      Result<size_t> got = raw_.Read(pending_.data() + have, kChunk);
      if (!got.ok()) return got.status();
      pending_.resize(have + *got);
      ended_ = *got == 0;
    }
    const bool big_endian = encoding_ == TextEncoding::kUtf16BeBom;
    size_t usable = ended_ ? pending_.size() : pending_.size() & ~size_t{1};
    if (!ended_ && usable >= 2) {
      const uint16_t last = Unit(pending_, usable - 2, big_endian);
      if (last >= 0xD800 && last <= 0xDBFF) usable -= 2;  // wait for its low surrogate
    }
    decoded_.clear();
    delivered_ = 0;
    Utf16ToUtf8(std::string_view(pending_).substr(0, usable), big_endian, &decoded_);
    pending_.erase(0, usable);
    return Status();
  }

  static constexpr size_t kChunk = size_t{1} << 20;
  ByteStream& raw_;
  TextEncoding encoding_;
  std::string pending_;  // raw bytes not yet decoded (or, for UTF-8, not yet delivered)
  std::string decoded_;
  size_t delivered_ = 0;
  bool ended_ = false;
};

}  // namespace

std::unique_ptr<ByteStream> ScannableStream(ByteStream& raw, std::string head) {
  return std::make_unique<TextStream>(raw, std::move(head));
}

}  // namespace magpie::scanner
