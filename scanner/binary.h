// The one text/binary test. Files (file_reader.h) use it directly; git/, which may not include
// scanner/, gets it from its caller as a predicate (git::HistoryOptions::is_binary,
// git::StagedOptions::is_binary), so that a file and the same content in a commit or the
// index are never judged differently.
// Thread safety: a pure function.
#ifndef MAGPIE_SCANNER_BINARY_H_
#define MAGPIE_SCANNER_BINARY_H_

#include <cstddef>
#include <string_view>

namespace magpie::scanner {

// How far LooksBinary looks: the bytes git itself inspects.
inline constexpr size_t kBinarySniffBytes = 8000;

// Git's heuristic: a NUL byte in the first kBinarySniffBytes bytes means binary, except for
// UTF-16 text (text_encoding.h: with a BOM, or BOM-less UTF-16LE that is clearly text), which
// is decoded and scanned where git would call it binary.
bool LooksBinary(std::string_view data);

}  // namespace magpie::scanner

#endif  // MAGPIE_SCANNER_BINARY_H_
