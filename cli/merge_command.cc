// `magpie merge REPORT…`: the shards' reports of a split scan → one report (merge/report_merge.h).
// The exit code follows docs/exit-codes.md from the merged result: 1 with findings, else 2
// when a shard is missing, unreadable or was itself incomplete, else 0.
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "base/file_io.h"
#include "cli/estate_commands.h"
#include "merge/report_merge.h"
#include "report/summary_line.h"
#include "report/terminal_text.h"

namespace magpie::cli {

int RunMerge(const MergeFlags& flags) {
  std::vector<merge::ReportInput> inputs;
  for (const std::string& path : flags.reports) {
    merge::ReportInput input;
    input.name = path;
    Result<std::string> bytes = ReadWholeFile(path);
    if (bytes.ok()) {
      input.bytes = *std::move(bytes);
    } else {
      input.read_error = "cannot read: " + bytes.status().message();
    }
    inputs.push_back(std::move(input));
  }
  const merge::MergedReport merged = merge::MergeReports(inputs);
  for (const report::Diagnostic& d : merged.problems) {
    std::cerr << "magpie: warning: "
              << report::EscapeControls(d.path.empty() ? "" : d.path + ": ")
              << report::EscapeControls(d.message) << " (" << d.kind << ")\n";
  }
  if (flags.output.empty()) {
    std::cout << merged.document << std::flush;
  } else {
    // Atomic: a reader (the next CI step) never sees half a merged report.
    const Status written = WriteFileAtomically(flags.output, merged.document);
    if (!written.ok()) return ReportError(written);
  }
  if (!flags.quiet) std::cerr << report::SummaryLine(merged.summary) << "\n";
  if (merged.summary.findings > 0) return kExitFindings;
  return merged.summary.errors > 0 ? kExitError : kExitClean;
}

}  // namespace magpie::cli
