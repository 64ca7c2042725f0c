// Streaming report sinks: text, JSON, JSONL, SARIF 2.1.0, HTML.
// Contract: Begin once, then Add/AddDiagnostic in output order (the caller already sorted them),
// then End once. Secrets are redacted (Redact) in every field, context included, unless
// ReportOptions::show_secrets. Thread safety: one thread at a time.
#ifndef MAGPIE_REPORT_REPORTER_H_
#define MAGPIE_REPORT_REPORTER_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "report/origin.h"
#include "rules/rule_set.h"
#include "scanner/finding.h"

namespace magpie::report {

struct ReportedFinding {
  scanner::Finding finding;
  Origin origin;
  std::string fingerprint;  // scanner::Fingerprint(rule, path, secret)
};

struct Diagnostic {
  std::string path;     // file, blob or "" for global
  std::string kind;     // "unreadable", "binary", "too-large", "corrupt-object", "config", ...
  std::string message;  // one line, no secret in it
};

// The exit-code contract (docs/exit-codes.md) in one place: a diagnostic of a policy kind is a
// skip the user chose or accepts (binary, over --max-file-size, a link not followed, not a
// regular file, excluded, a submodule, the report file): counted, listed with -v, never an
// error. Every other kind, including any kind added later, means the scan is incomplete: it is
// an error in the report (JSON "level", SARIF notification level and executionSuccessful) and
// makes a run without findings exit 2.
bool IsPolicySkip(std::string_view kind);
// The level of a diagnostic of `kind`, in SARIF's words: "note" for a policy skip, "warning"
// for what deserves reading but leaves the scan complete (an inline allow marker that names no
// rule: "allow-marker"; where history findings live now unknown: "presence-unknown"), "error"
// for everything else (the scan is incomplete).
std::string_view DiagnosticLevel(std::string_view kind);

// What kind of scan a report is of, so that a reader (the summary line, `magpie merge` of
// shards) knows what files_scanned counts: the files of a directory (or those named), the
// distinct blobs of a history, or the files of the staged change. Written in the JSON summary
// as "scan_kind" (SARIF: the invocation's properties.summary); a report without it (older
// than the field) is read as files.
enum class ScanKind { kFiles, kHistory, kStaged };
std::string_view ScanKindName(ScanKind kind);  // "files", "history", "staged"
std::optional<ScanKind> ParseScanKind(std::string_view name);

struct Summary {
  ScanKind kind = ScanKind::kFiles;
  uint64_t files_scanned = 0;  // files, or blobs of a history (kind)
  uint64_t bytes_scanned = 0;
  uint64_t findings = 0;
  uint64_t sensitive_files = 0;  // of `findings`: files that should never be committed
  // Diagnostics that are not policy skips (IsPolicySkip): what made the scan incomplete.
  uint64_t errors = 0;
  std::map<std::string, uint64_t> skipped;     // reason -> count
  std::map<std::string, uint64_t> suppressed;  // reason -> count
  double elapsed_seconds = 0;
  std::string config_file;  // config used, "" for none
};

enum class Format { kText, kJson, kJsonl, kSarif, kHtml };
std::optional<Format> ParseFormat(std::string_view name);

// Where the scanned repository can be browsed, for links in the HTML report; empty strings for
// no links. `commit` + a commit id is a commit's page; `blob` + a revision (a commit id, or
// "HEAD" for a directory scan) + "/" + a percent-encoded path is a file's. Only https URLs are
// used.
struct WebLinks {
  std::string commit;  // "https://github.com/owner/repo/commit/"
  std::string blob;    // "https://github.com/owner/repo/blob/"
};

struct ReportOptions {
  bool show_secrets = false;
  bool color = false;           // ANSI colours in text
  bool quiet = false;           // text: no "No secrets found." line (-q)
  std::string tool_version = "0.0.0";
  // For SARIF tool.driver.rules (names, help) and each finding's remediation (text, JSON).
  const rules::RuleSet* rules = nullptr;
  WebLinks web_links;                     // HTML: commit and path links
  // A shard's report (issue 13, `magpie git --shard I/N`): written as "shard": {"index",
  // "count"} (JSON: top level; JSONL: the summary line; SARIF: the invocation's properties) so
  // that `magpie merge` can tell a missing or repeated shard. 0: not a shard.
  uint32_t shard_index = 0;
  uint32_t shard_count = 0;
};

class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void Begin() {}
  virtual void Add(const ReportedFinding& finding) = 0;
  virtual void AddDiagnostic(const Diagnostic& diagnostic) { (void)diagnostic; }
  // A finding that was suppressed (reason: "inline", "ignore-file", "baseline"), reported only
  // when the user asks to see them (--show-suppressed). Formats that cannot show them ignore it.
  virtual void AddSuppressed(const ReportedFinding& finding, std::string_view reason) {
    (void)finding;
    (void)reason;
  }
  virtual void End(const Summary& summary) = 0;
};

std::unique_ptr<Reporter> MakeReporter(Format format, std::ostream& out, ReportOptions options);

// "AKIA…" : the first 4 bytes (fewer for short secrets: at most a quarter) then "…".
std::string Redact(std::string_view secret);
// The value to print for a secret under `options`.
std::string SecretForOutput(std::string_view secret, const ReportOptions& options);

}  // namespace magpie::report

#endif  // MAGPIE_REPORT_REPORTER_H_
