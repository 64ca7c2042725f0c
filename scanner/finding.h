// A secret found in a buffer. Knows nothing of where the buffer came from (file, blob, stdin):
// provenance is attached by the caller (report::Origin).
#ifndef MAGPIE_SCANNER_FINDING_H_
#define MAGPIE_SCANNER_FINDING_H_

#include <cstdint>
#include <string>
#include <vector>

#include "rules/rule_spec.h"

namespace magpie::scanner {

struct TextPosition {
  uint64_t offset = 0;  // byte offset in the scanned buffer
  uint32_t line = 1;    // 1-based
  uint32_t column = 1;  // 1-based, in bytes
};

struct Finding {
  std::string rule_id;
  std::string rule_name;
  // The full secret. Kept in memory only; every reporter redacts it unless asked not to.
  std::string secret;
  TextPosition start;  // first byte of the secret
  TextPosition end;    // one past the last byte; end.column is the column of the last byte + 1
  // The line holding the start of the secret (without its newline), cut to at most
  // kMaxContextBytes around the secret. context_secret_offset is where the secret begins in it.
  std::string context;
  uint32_t context_secret_offset = 0;
  // Every secret's bytes within `context`: this finding's and those of every other secret found
  // on the line, at any confidence (below --min-confidence, duplicates, suppressed later: a
  // secret is a secret), encoded spans included; clipped to the context, sorted, merged.
  // Reporters hide each one unless asked to show secrets (report/redaction.cc).
  struct Span {
    uint32_t begin = 0;  // [begin, end) in `context`
    uint32_t end = 0;
    bool operator==(const Span&) const = default;
  };
  std::vector<Span> context_secrets;
  rules::Severity severity = rules::Severity::kHigh;
  rules::Confidence confidence = rules::Confidence::kMedium;
  double entropy = 0.0;    // Shannon bits per byte of the secret
  bool validated = false;  // a structural validator accepted the secret
  // A file that should never be committed, found by its path (rules of kind path,
  // scanner/path_rules.h): `secret` and `context` are empty, the positions those of the file's
  // start. Reported as a `sensitive-file` finding and counted apart.
  bool sensitive_file = false;
  // Non-empty when the secret was found in decoded content ("base64", "percent",
  // "base64>percent"...); start/end then point at the encoded span in the buffer.
  std::string decoded;
};

inline constexpr size_t kMaxContextBytes = 240;

// Order used for deterministic output: by start offset, then end, then rule id.
bool FindingLess(const Finding& a, const Finding& b);

}  // namespace magpie::scanner

#endif  // MAGPIE_SCANNER_FINDING_H_
