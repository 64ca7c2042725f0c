#include "scanner/decoder.h"

#include <cctype>

#include "scanner/base64.h"
#include "scanner/base64_runs.h"

namespace magpie::scanner::internal {
namespace {

bool MostlyPrintable(std::string_view s) {
  if (s.size() < 8) return false;
  size_t printable = 0;
  for (unsigned char c : s) {
    if ((c >= 0x20 && c < 0x7f) || c == '\n' || c == '\r' || c == '\t') ++printable;
  }
  return printable * 100 >= s.size() * 95;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<std::string> PercentDecode(std::string_view token) {
  std::string out;
  out.reserve(token.size());
  bool changed = false;
  for (size_t i = 0; i < token.size(); ++i) {
    if (token[i] == '%' && i + 2 < token.size()) {
      const int hi = HexValue(token[i + 1]);
      const int lo = HexValue(token[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out.push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
        changed = true;
        continue;
      }
    }
    out.push_back(token[i]);
  }
  if (!changed) return std::nullopt;
  return out;
}

}  // namespace

std::string_view ToString(Encoding e) {
  return e == Encoding::kPercent ? "percent" : "base64";
}

const std::vector<DecoderSpec>& DecoderSpecs() {
  // Base64: a value after an assignment or key (`data: …`, `"auth": "…"`, `X=…`), 16+
  // characters. Percent: a token with at least one %XX escape (URLs, form bodies).
  static const std::vector<DecoderSpec> kSpecs = {
      {Encoding::kBase64, "[=:>][ \\t]{0,4}[\"']?[A-Za-z0-9+/_-]{16}",
       "[=:>][ \\t]{0,4}[\"']?([A-Za-z0-9+/_-]{16,}={0,2})"},
      {Encoding::kPercent, "%[0-9A-Fa-f]{2}",
       "([A-Za-z0-9._~:/?#@!$&'()*+,;=-]{0,512}%[0-9A-Fa-f]{2}[A-Za-z0-9._~:/?#@!$&'()*+,;=%-]{0,512})"},
      {Encoding::kBase64Run, Base64RunPrefilter(), Base64RunPattern()},
      // `echo '…' | base64 -d`, `base64 -d <<< "…"`: a piped or here-string value.
      {Encoding::kBase64, "(?:echo|printf|<<<)[ \\t]*(?:-[ne]{1,2}[ \\t]+)?[\"']?[A-Za-z0-9+/]{16}",
       "(?:echo|printf|<<<)[ \\t]*(?:-[ne]{1,2}[ \\t]+)?[\"']?([A-Za-z0-9+/]{16,}={0,2})"},
  };
  return kSpecs;
}

std::optional<std::string> DecodeCandidate(Encoding encoding, std::string_view token) {
  if (token.size() > kMaxEncodedToken) return std::nullopt;
  std::optional<std::string> decoded;
  if (encoding == Encoding::kBase64Run) {
    decoded = DecodeBase64Run(token);
  } else if (encoding == Encoding::kBase64) {
    decoded = DecodeBase64(token, Base64Alphabet::kEither);
  } else {
    decoded = PercentDecode(token);
  }
  if (!decoded || !MostlyPrintable(*decoded)) return std::nullopt;
  return decoded;
}

}  // namespace magpie::scanner::internal
