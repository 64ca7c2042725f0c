// Terminal-safe text: the one place that decides how scanned bytes (file names, contexts,
// commit messages, rule names from a hostile rules file) are written to a terminal or CI log.
#include "report/terminal_text.h"

#include <cstdint>

namespace magpie::report {
namespace {

void AppendHexEscape(std::string& out, unsigned char byte) {
  constexpr char kHex[] = "0123456789abcdef";
  out += "\\x";
  out += kHex[byte >> 4];
  out += kHex[byte & 0xF];
}

// Length of the valid UTF-8 sequence at s[i], or 0 when it is not one (overlong forms,
// surrogates and truncated sequences included).
size_t Utf8SequenceLength(std::string_view s, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char lead = byte(i);
  size_t length = 0;
  uint32_t cp = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2, cp = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3, cp = lead & 0x0F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4, cp = lead & 0x07;
  } else {
    return 0;
  }
  if (i + length > s.size()) return 0;
  for (size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  if ((length == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
      (length == 4 && (cp < 0x10000 || cp > 0x10FFFF))) {
    return 0;
  }
  if (cp >= 0x80 && cp <= 0x9F) return 0;  // C1 controls (U+009B is a CSI in some terminals)
  // Bidirectional overrides and isolates reorder what a reader sees ("Trojan Source").
  if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) return 0;
  return length;
}

}  // namespace

std::string EscapeControls(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if ((c < 0x20 && c != '\t') || c == 0x7F) {
        AppendHexEscape(out, c);
      } else {
        out += static_cast<char>(c);
      }
      ++i;
      continue;
    }
    const size_t length = Utf8SequenceLength(s, i);
    if (length == 0) {
      AppendHexEscape(out, c);
      ++i;
    } else {
      out.append(s.substr(i, length));
      i += length;
    }
  }
  return out;
}

std::string EscapeLine(std::string_view s) {
  std::string out = EscapeControls(s);
  // CI runners read commands from log lines that start with these ("::error::", "##[group]"):
  // a line that starts with scanned data must not start with them.
  if (out.rfind("::", 0) == 0 || out.rfind("##[", 0) == 0) out.insert(0, "\\");
  return out;
}

}  // namespace magpie::report
