#include "report/cleanup_lists.h"

#include <cstdio>

namespace magpie::report {
namespace {

constexpr std::string_view kReplacement = "==>***REMOVED***\n";

// A byte that a line of either file cannot hold as it is: filter-repo strips trailing "\r\n"
// and reads line by line.
bool NeedsRegex(std::string_view text) {
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\t') return true;
    if (u == 0x7f) return true;
  }
  return false;
}

// A Python bytes-regex matching exactly `text`: ASCII letters and digits as they are, every
// other byte escaped (`\n`, `\xNN`, `\.`), so no byte has a regex meaning.
std::string EscapeRegex(std::string_view text) {
  std::string out;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if ((u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || c == '_') {
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (u < 0x20 || u >= 0x7f) {
      char hex[5];
      std::snprintf(hex, sizeof hex, "\\x%02x", u);
      out += hex;
    } else {
      out += '\\';
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string ReplacementLine(std::string_view secret) {
  std::string line = NeedsRegex(secret) ? "regex:" + EscapeRegex(secret)
                                        : "literal:" + std::string(secret);
  line += kReplacement;
  return line;
}

std::string PathLine(std::string_view path) {
  // A "==>" would read as a rename, a control byte would break the line.
  if (NeedsRegex(path) || path.find("==>") != std::string_view::npos) {
    return "regex:^" + EscapeRegex(path) + "$\n";
  }
  return "literal:" + std::string(path) + "\n";
}

void CleanupLists::Add(const ReportedFinding& reported) {
  const scanner::Finding& f = reported.finding;
  if (f.sensitive_file) {
    const std::string& path = OriginPath(reported.origin);
    if (!path.empty()) paths_.insert(path);
    return;
  }
  if (f.secret.empty()) return;
  secrets_.insert(f.secret);
  if (!f.decoded.empty() && f.end.offset > f.start.offset) {
    // The blob holds the encoded text: take it from the context when it is there whole.
    const uint64_t length = f.end.offset - f.start.offset;
    if (f.context_secret_offset + length <= f.context.size()) {
      secrets_.insert(f.context.substr(f.context_secret_offset, length));
    }
  }
}

std::string CleanupLists::ReplacementsText() const {
  std::string out;
  for (const std::string& secret : secrets_) out += ReplacementLine(secret);
  return out;
}

std::string CleanupLists::PathsText() const {
  std::string out;
  for (const std::string& path : paths_) out += PathLine(path);
  return out;
}

}  // namespace magpie::report
