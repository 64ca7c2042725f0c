#include "cli/result_sink.h"

#include <cstdio>
#include <iostream>

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

}  // namespace

ResultSink::ResultSink(report::Reporter& reporter, bool verbose, bool quiet)
    : reporter_(reporter), verbose_(verbose), quiet_(quiet) {}

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
  for (scanner::Finding& finding : item.findings) {
    report::ReportedFinding reported;
    reported.fingerprint = scanner::Fingerprint(finding.rule_id, path, finding.secret);
    reported.finding = std::move(finding);
    reported.origin = item.origin;
    ++summary_.findings;
    reporter_.Add(reported);
  }
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
    std::cerr << "\n";
  }
  // Nothing could be read at all: that is an error, never a clean result.
  if (summary_.files_scanned == 0 && errors_ > 0) return kExitError;
  return summary_.findings > 0 ? kExitFindings : kExitClean;
}

}  // namespace magpie::cli
