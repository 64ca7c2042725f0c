#include "report/summary_line.h"
#include "report/terminal_text.h"

#include <cstdint>
#include <cstdio>

namespace magpie::report {
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

}  // namespace

std::string SummaryLine(const Summary& summary) {
  const double seconds = summary.elapsed_seconds > 0 ? summary.elapsed_seconds : 1e-9;
  const char* noun = summary.kind == ScanKind::kHistory ? " blob" : " file";
  std::string line = "magpie: scanned " + std::to_string(summary.files_scanned) + noun +
                     (summary.files_scanned == 1 ? "" : "s") + " (" +
                     HumanBytes(summary.bytes_scanned) + ") in ";
  char timing[64];
  std::snprintf(timing, sizeof timing, "%.2f s (%.1f MB/s)", summary.elapsed_seconds,
                summary.bytes_scanned / 1e6 / seconds);
  line += timing;
  line += "; " + std::to_string(summary.findings) + " finding" +
          (summary.findings == 1 ? "" : "s");
  if (summary.sensitive_files > 0) {
    line += " (" + std::to_string(summary.sensitive_files) + " sensitive file" +
            (summary.sensitive_files == 1 ? "" : "s") + ")";
  }
  if (summary.errors > 0) {
    line += "; " + std::to_string(summary.errors) + " error" + (summary.errors == 1 ? "" : "s") +
            " (incomplete scan)";
  }
  if (!summary.skipped.empty()) {
    line += "; skipped:";
    const char* sep = " ";
    for (const auto& [reason, count] : summary.skipped) {
      line += sep + std::to_string(count) + " " + EscapeControls(reason);
      sep = ", ";
    }
  }
  for (const auto& [reason, count] : summary.suppressed) {
    line += "; suppressed " + std::to_string(count) + " (" + EscapeControls(reason) + ")";
  }
  if (!summary.config_file.empty()) line += "; config: " + EscapeControls(summary.config_file);
  return line;
}

}  // namespace magpie::report
