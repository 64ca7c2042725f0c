// Private to report/: helpers shared by the format writers. Not installed, not included
// outside report/ and tests/report/. nlohmann types are fine here (magpie_report links it
// PRIVATE; only this room and its tests see this header).
#ifndef MAGPIE_REPORT_REPORT_INTERNAL_H_
#define MAGPIE_REPORT_REPORT_INTERNAL_H_

#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "report/origin.h"
#include "report/reporter.h"
#include "scanner/finding.h"

namespace magpie::report::internal {

using Json = nlohmann::ordered_json;  // keeps keys in the order written: stable, readable output

// The context line as it may be printed. When redacting, the secret's span (at
// context_secret_offset, clamped to the line) is replaced by Redact(secret), every other
// secret's span on the line (Finding::context_secrets) by the redaction of its bytes, and any
// other occurrence of the secret in the line too, so no full secret survives.
struct OutputContext {
  std::string text;
  // Where the (possibly redacted) secret sits in `text`, for highlighting; npos when the
  // offsets did not point inside the line.
  size_t secret_begin = std::string::npos;
  size_t secret_end = std::string::npos;
};
OutputContext ContextForOutput(const scanner::Finding& finding, const ReportOptions& options);

// `text` with every occurrence of `secret` replaced by Redact(secret), unless show_secrets.
// For free text that might quote the secret (a commit message, say).
std::string ScrubSecret(std::string text, std::string_view secret, const ReportOptions& options);

// The rule `id` in options.rules, or null (no rule set given, or a rule it does not hold).
const rules::RuleSpec* RuleOf(const ReportOptions& options, std::string_view id);
// The first line of the rule's remediation ("" when it has none): what text output shows.
std::string RemediationLine(const ReportOptions& options, std::string_view rule_id);

// "2024-01-02T03:04:05Z".
std::string FormatUtc(int64_t seconds_since_epoch);

// The finding object shared by JSON, JSONL (plus "type") and, for "git", SARIF properties.
Json FindingJson(const ReportedFinding& reported, const ReportOptions& options);
Json GitJson(const GitOrigin& git, std::string_view secret, const ReportOptions& options);
Json SummaryJson(const Summary& summary);

// Where a history finding's secret lives now, in one short line: "still in: main, v1.2 (+3
// more)" (at most `max_names` names), "deleted from every branch and tag (...)", or why it is
// not known. Ref names come from the repository: escape before printing to a terminal.
std::string PresenceText(const SecretHistory& history, size_t max_names = 3);
// "main" for refs/heads/main, "origin/dev" for refs/remotes/origin/dev, "v1" for refs/tags/v1.
std::string_view ShortRefName(std::string_view ref);
Json DiagnosticJson(const Diagnostic& diagnostic);
// {"index", "count"} of a shard's report; null when the report is not a shard's.
Json ShardJson(const ReportOptions& options);

// Serialises without throwing: bytes that are not UTF-8 (file contents can be anything)
// become U+FFFD instead of nlohmann's type_error.
std::string Dump(const Json& value, int indent = -1);
// Dump(value, 2) with every line after the first indented by `indent` more spaces, so a
// value streamed into an enclosing document looks as if the whole document were dumped.
std::string DumpNested(const Json& value, int indent);

std::unique_ptr<Reporter> MakeTextReporter(std::ostream& out, ReportOptions options);
std::unique_ptr<Reporter> MakeJsonReporter(std::ostream& out, ReportOptions options);
std::unique_ptr<Reporter> MakeJsonlReporter(std::ostream& out, ReportOptions options);
std::unique_ptr<Reporter> MakeSarifReporter(std::ostream& out, ReportOptions options);
std::unique_ptr<Reporter> MakeHtmlReporter(std::ostream& out, ReportOptions options);

}  // namespace magpie::report::internal

#endif  // MAGPIE_REPORT_REPORT_INTERNAL_H_
