#include "cli/result_sink.h"

#include <cstdio>
#include <ctime>
#include <iostream>
#include <variant>

#include "cli/scan_context.h"
#include "scanner/fingerprint.h"

namespace magpie::cli {
namespace {

std::string HumanBytes(uint64_t bytes) {
  char buffer[32];
  if (bytes >= (uint64_t{1} << 30)) {
    std::snprintf(buffer, sizeof buffer, "%.2f GB", bytes / 1e9);
  } else if (bytes >= (uint64_t{1} << 20)) {
    std::snprintf(buffer, sizeof buffer, "%.1f MB", bytes / 1e6);
  } else {
    std::snprintf(buffer, sizeof buffer, "%.1f KB", bytes / 1e3);
  }
  return buffer;
}

// Skips that are policy, not failure: counted in the summary, listed only with --verbose.
bool IsPolicySkip(const std::string& kind) {
  return kind == "binary" || kind == "symlink" || kind == "not-regular";
}

// "2026-01-02", today in UTC: dates the entries --write-ignore adds.
std::string TodayUtc() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[16];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &tm);
  return buffer;
}

// "aws-access-key-id src/a.py:3 2026-01-02" (plus "@<commit>" for a finding from history).
std::string IgnoreComment(const report::ReportedFinding& reported, const std::string& date) {
  std::string comment = reported.finding.rule_id + " " + report::OriginPath(reported.origin) +
                        ":" + std::to_string(reported.finding.start.line);
  if (const auto* git = std::get_if<report::GitOrigin>(&reported.origin);
      git != nullptr && !git->commit.empty()) {
    comment += " @" + git->commit.substr(0, 12);
  }
  return comment + " " + date;
}

}  // namespace

bool ScanInto(ScanContext& ctx, const std::string& path, std::string_view data,
              ItemResult* item) {
  Result<scanner::Scanner*> scanner = ctx.ThreadScanner();
  if (!scanner.ok()) {
    const Status& status = scanner.status();
    item->diagnostic =
        report::Diagnostic{path, std::string(ToString(status.code())), status.message()};
    return false;
  }
  item->bytes = data.size();
  item->scanned = true;
  item->findings = (*scanner)->Scan(data);
  return true;
}

ResultSink::ResultSink(ScanContext& ctx)
    : ctx_(ctx),
      reporter_(ctx.reporter()),
      verbose_(ctx.flags().verbose),
      quiet_(ctx.flags().quiet) {
  summary_.config_file = ctx.config_file();
}

void ResultSink::Begin() {
  start_ = std::chrono::steady_clock::now();
  reporter_.Begin();
}

void ResultSink::Add(ItemResult item) {
  if (item.diagnostic) AddDiagnostic(*item.diagnostic);
  if (!item.scanned) {
    if (!item.skip_reason.empty()) ++summary_.skipped[item.skip_reason];
    return;
  }
  ++summary_.files_scanned;
  summary_.bytes_scanned += item.bytes;
  const std::string& path = report::OriginPath(item.origin);
  for (SuppressedFinding& suppressed : item.suppressed) {
    report::ReportedFinding reported;
    reported.fingerprint = scanner::Fingerprint(suppressed.finding.rule_id, path,
                                                suppressed.finding.secret);
    reported.finding = std::move(suppressed.finding);
    reported.origin = item.origin;
    Suppress(reported, suppressed.reason);
  }
  const Suppressor& suppressor = ctx_.suppressor();
  for (scanner::Finding& finding : item.findings) {
    report::ReportedFinding reported;
    reported.fingerprint = scanner::Fingerprint(finding.rule_id, path, finding.secret);
    reported.finding = std::move(finding);
    reported.origin = item.origin;
    if (const std::string* reason = suppressor.ReasonFor(reported.fingerprint)) {
      Suppress(reported, *reason);
      continue;
    }
    ++summary_.findings;
    if (ctx_.flags().write_ignore) {
      if (today_.empty()) today_ = TodayUtc();
      to_ignore_.push_back({reported.fingerprint, IgnoreComment(reported, today_)});
    }
    reporter_.Add(reported);
  }
}

void ResultSink::Suppress(const report::ReportedFinding& reported, const std::string& reason) {
  ++summary_.suppressed[reason];
  if (ctx_.flags().show_suppressed) reporter_.AddSuppressed(reported, reason);
}

void ResultSink::AddDiagnostic(const report::Diagnostic& diagnostic) {
  if (!IsPolicySkip(diagnostic.kind)) ++errors_;
  if (verbose_ || !IsPolicySkip(diagnostic.kind)) {
    std::cerr << "magpie: warning: " << (diagnostic.path.empty() ? "" : diagnostic.path + ": ")
              << diagnostic.message << " (" << diagnostic.kind << ")\n";
  }
  reporter_.AddDiagnostic(diagnostic);
}

void ResultSink::CountSkipped(const std::string& reason, uint64_t count) {
  if (count > 0) summary_.skipped[reason] += count;
}

int ResultSink::Finish() {
  summary_.elapsed_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  reporter_.End(summary_);
  if (!quiet_) {
    const double seconds = summary_.elapsed_seconds > 0 ? summary_.elapsed_seconds : 1e-9;
    std::cerr << "magpie: scanned " << summary_.files_scanned << " files ("
              << HumanBytes(summary_.bytes_scanned) << ") in ";
    char timing[64];
    std::snprintf(timing, sizeof timing, "%.2f s (%.1f MB/s)", summary_.elapsed_seconds,
                  summary_.bytes_scanned / 1e6 / seconds);
    std::cerr << timing << "; " << summary_.findings << " finding"
              << (summary_.findings == 1 ? "" : "s");
    if (!summary_.skipped.empty()) {
      std::cerr << "; skipped:";
      const char* sep = " ";
      for (const auto& [reason, count] : summary_.skipped) {
        std::cerr << sep << count << " " << reason;
        sep = ", ";
      }
    }
    for (const auto& [reason, count] : summary_.suppressed) {
      std::cerr << "; suppressed " << count << " (" << reason << ")";
    }
    if (!summary_.config_file.empty()) std::cerr << "; config: " << summary_.config_file;
    std::cerr << "\n";
  }
  // Nothing could be read at all: that is an error, never a clean result.
  if (summary_.files_scanned == 0 && errors_ > 0) return kExitError;
  if (ctx_.flags().write_ignore) return WriteIgnoreFile() ? kExitClean : kExitError;
  return summary_.findings > 0 ? kExitFindings : kExitClean;
}

bool ResultSink::WriteIgnoreFile() {
  const std::string& path = ctx_.ignore_file_path();
  const IgnoreWrite written = AppendToIgnoreFile(path, to_ignore_);
  if (!written.ok()) {
    std::cerr << "magpie: error: --write-ignore: " << written.error << "\n";
    return false;
  }
  if (written.added == 0) {
    std::cerr << "magpie: --write-ignore: nothing to add to " << path << "\n";
    return true;
  }
  std::cerr << "magpie: --write-ignore: added " << written.added << " entr"
            << (written.added == 1 ? "y" : "ies") << " to " << path << "\n";
  std::string error;
  const std::string attributes = EnsureUnionMerge(ctx_.scan_root(), &error);
  if (!error.empty()) {
    std::cerr << "magpie: warning: " << error << "\n";
  } else if (!attributes.empty()) {
    std::cerr << "magpie: --write-ignore: added '/" << kIgnoreFileName << " merge=union' to "
              << attributes << " so that branches adding entries merge without conflicts\n";
  }
  return true;
}

}  // namespace magpie::cli
