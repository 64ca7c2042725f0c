#include "pipeline/report_sink.h"

#include <utility>
#include <variant>

#include "report/summary_line.h"
#include "report/terminal_text.h"

namespace magpie::pipeline {

ReportSink::ReportSink(report::Reporter& reporter, suppress::Suppressor& suppressor,
                       std::ostream& log, ReportSinkOptions options,
                       std::function<void(const report::ReportedFinding&)> on_reported)
    : reporter_(reporter),
      suppressor_(suppressor),
      log_(log),
      options_(std::move(options)),
      on_reported_(std::move(on_reported)) {
  outcome_.summary.config_file = options_.config_file;
}

void ReportSink::Begin() {
  start_ = std::chrono::steady_clock::now();
  reporter_.Begin();
}

void ReportSink::AddPrelude(const Prelude& prelude) {
  for (const report::Diagnostic& d : prelude.diagnostics) AddDiagnostic(d);
  for (const auto& [reason, count] : prelude.skipped) {
    if (count > 0) outcome_.summary.skipped[reason] += count;
  }
  if (options_.verbose) {
    for (const std::string& note : prelude.notes) {
      log_ << "magpie: " << report::EscapeControls(note) << "\n";
    }
  }
}

void ReportSink::Add(ItemResult item) {
  if (item.diagnostic) AddDiagnostic(*item.diagnostic);
  for (const report::Diagnostic& warning : item.warnings) AddDiagnostic(warning);
  if (!item.scanned) {
    if (!item.skip_reason.empty()) ++outcome_.summary.skipped[item.skip_reason];
    // A skipped file can still be a sensitive one (a binary key store): reported below.
    if (item.findings.empty()) return;
  } else if (!item.regrouped) {  // a history finding's blobs were counted as they were scanned
    ++outcome_.summary.files_scanned;
    outcome_.summary.bytes_scanned += item.bytes;
  }
  for (const suppress::FilteredFinding& filtered :
       suppressor_.Filter(item.origin, std::move(item.findings), std::move(item.suppressed))) {
    if (filtered.suppressed()) {
      if (options_.show_suppressed ||
          (options_.list_inline_suppressed && filtered.reason == suppress::kReasonInline)) {
        reporter_.AddSuppressed(filtered.finding, filtered.reason);
      } else if (options_.suppressed_for_merge) {
        report::ReportedFinding for_merge = filtered.finding;
        auto* git = std::get_if<report::GitOrigin>(&for_merge.origin);
        if (git != nullptr && git->history) {
          git->history->merge_only = true;
          reporter_.AddSuppressed(for_merge, filtered.reason);
        }
      }
      continue;
    }
    ++outcome_.summary.findings;
    if (filtered.finding.finding.sensitive_file) ++outcome_.summary.sensitive_files;
    reporter_.Add(filtered.finding);
    if (on_reported_) on_reported_(filtered.finding);
  }
}

void ReportSink::AddDiagnostic(const report::Diagnostic& diagnostic) {
  // Skips by policy are counted and listed only with --verbose; warnings are shown and never
  // make the scan incomplete; everything else does (report::DiagnosticLevel,
  // docs/exit-codes.md).
  const std::string_view level = report::DiagnosticLevel(diagnostic.kind);
  const bool policy = level == "note";
  if (level == "error") ++outcome_.errors;
  if (options_.verbose || !policy) {
    // Paths and messages come from the scanned tree (file names, git objects): escaped.
    log_ << "magpie: warning: "
         << report::EscapeControls(diagnostic.path.empty() ? "" : diagnostic.path + ": ")
         << report::EscapeControls(diagnostic.message) << " ("
         << report::EscapeControls(diagnostic.kind) << ")\n";
  }
  reporter_.AddDiagnostic(diagnostic);
}

void ReportSink::Finish() {
  report::Summary& summary = outcome_.summary;
  summary.elapsed_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  summary.suppressed = suppressor_.counts();
  summary.errors = outcome_.errors;
  reporter_.End(summary);
  if (!options_.quiet) log_ << report::SummaryLine(summary) << "\n";
}

}  // namespace magpie::pipeline
