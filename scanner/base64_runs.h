// Private to the scanner library: base64 that stands alone. Whole lines of base64 (a `.b64`
// file, a `base64 -d <<'EOF'` heredoc, a YAML block scalar, `echo … | base64 -d`) hold a
// credential or a config with one as often as a `key: <base64>` value does, but nothing marks
// them but their shape. The decoding stage (decoder.h) flags such runs; this file decides
// which are worth decoding and decodes them.
//
// Cost: a run is decoded only when it looks like base64 of text (each 4-character group's
// first character encodes the top bits of a printable byte), so PEM bodies, certificates,
// images and digests, which are base64 of binary, are refused after one cheap pass and
// without allocating. Thread safety: pure functions.
#ifndef MAGPIE_SCANNER_BASE64_RUNS_H_
#define MAGPIE_SCANNER_BASE64_RUNS_H_

#include <optional>
#include <string>
#include <string_view>

namespace magpie::scanner::internal {

// The decoder pattern (RE2, multi-line) whose group 1 is a run: one line of 24+ base64
// characters, or consecutive lines of 16+ ending in a line of 2+, each alone on its line
// but for indentation. Hyperscan's prefilter, Base64RunPrefilter(), flags runs that open a
// buffer, a heredoc or a YAML block scalar; RE2 then reads every run in the flag's window.
const char* Base64RunPattern();
const char* Base64RunPrefilter();

// True when `run` (base64 characters, whitespace allowed between them) plausibly encodes
// text: at least 90% of its 4-character groups start with a character that encodes a byte in
// 0x20..0x7f or a tab or line break.
bool LooksLikeBase64OfText(std::string_view run);

// Decodes a run: drops whitespace (line breaks, indentation, CR), then decodes it as standard
// or URL-safe base64. Returns nullopt when the run does not look like base64 of text or does
// not decode; the caller checks that the result is printable.
std::optional<std::string> DecodeBase64Run(std::string_view run);

}  // namespace magpie::scanner::internal

#endif  // MAGPIE_SCANNER_BASE64_RUNS_H_
