// Text that is not UTF-8 (or carries a byte-order mark) made scannable: the rules are written
// for ASCII/UTF-8, so UTF-16 text (LE or BE with a BOM, and BOM-less UTF-16LE that is clearly
// text, as Windows tools write it) is decoded to UTF-8 before it is scanned, and a UTF-8 BOM is
// dropped. Findings' lines and columns are then those of the decoded text (columns in UTF-8
// bytes, the BOM not counted).
//
// binary.h asks DetectEncoding first, so UTF-16 text is never judged binary.
// Thread safety: pure functions.
#ifndef MAGPIE_SCANNER_TEXT_ENCODING_H_
#define MAGPIE_SCANNER_TEXT_ENCODING_H_

#include <memory>
#include <string>
#include <string_view>

#include "base/byte_stream.h"

namespace magpie::scanner {

enum class TextEncoding {
  kUtf8,        // or anything else: scanned as it is
  kUtf8Bom,     // EF BB BF, then UTF-8
  kUtf16LeBom,  // FF FE, then UTF-16LE
  kUtf16BeBom,  // FE FF, then UTF-16BE
  kUtf16Le,     // no BOM, but its first code units are mostly ASCII text with a zero high byte
};

// Looks at the BOM and, when the second byte is 0, at up to the first 8000 bytes. A BOM-ed
// UTF-16 sample holding a U+0000 code unit is not text (binary formats may start with FF FE).
TextEncoding DetectEncoding(std::string_view data);

// The bytes to scan for `data`: `data` itself (kUtf8), `data` without its BOM (kUtf8Bom), or
// its UTF-16 decoded to UTF-8 into `*storage`. Invalid UTF-16 (a lone or reversed surrogate,
// an odd trailing byte) becomes U+FFFD, so offsets after it stay meaningful.
std::string_view ScannableText(std::string_view data, std::string* storage);

// UTF-16 (little- or big-endian, no BOM expected) to UTF-8, appended to `*out`.
void Utf16ToUtf8(std::string_view utf16, bool big_endian, std::string* out);

// ScannableText for a stream too large to hold: `head` holds the first bytes already read from
// `raw` (at least kBinarySniffBytes unless the stream is shorter: the encoding is decided on
// them); the result yields the scannable text of head + the rest of `raw`, decoding as it
// goes. `raw` must outlive the result.
std::unique_ptr<ByteStream> ScannableStream(ByteStream& raw, std::string head);

}  // namespace magpie::scanner

#endif  // MAGPIE_SCANNER_TEXT_ENCODING_H_
