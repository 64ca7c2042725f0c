// The single ordered writer at the end of every scan pipeline: receives each item's findings in
// output order, attaches fingerprints, applies suppression (the ScanContext's ignore-file and
// baseline fingerprints; inline markers were applied at the scan stage), feeds the reporter,
// prints diagnostics on stderr and keeps the summary. With --write-ignore it also collects the
// reported findings and adds them to the ignore file at Finish.
// Thread safety: one thread at a time (the pipeline's serial output stage).
#ifndef MAGPIE_CLI_RESULT_SINK_H_
#define MAGPIE_CLI_RESULT_SINK_H_

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/ignore_file.h"
#include "cli/suppression.h"
#include "report/reporter.h"
#include "scanner/finding.h"

namespace magpie::cli {

// What scanning one file or blob produced.
struct ItemResult {
  report::Origin origin;
  std::vector<scanner::Finding> findings;  // sorted by offset
  std::vector<SuppressedFinding> suppressed;  // by inline markers (ApplyInlineAllows)
  uint64_t bytes = 0;
  bool scanned = false;
  std::string skip_reason;                 // "binary", "too-large", ... when not scanned
  std::optional<report::Diagnostic> diagnostic;
};

class ScanContext;

// Scans `data` into `item` (findings, bytes, scanned) with the calling thread's scanner. When
// none can be made for this thread (ScanContext::ThreadScanner), records why as the item's
// diagnostic instead, naming `path`, and returns false: that input fails, the scan goes on.
bool ScanInto(ScanContext& ctx, const std::string& path, std::string_view data,
              ItemResult* item);

class ResultSink {
 public:
  // Reports through ctx.reporter(), with ctx's flags and suppression. `ctx` must outlive it.
  explicit ResultSink(ScanContext& ctx);

  void Begin();
  void Add(ItemResult item);
  void AddDiagnostic(const report::Diagnostic& diagnostic);
  void CountSkipped(const std::string& reason, uint64_t count = 1);
  // Ends the report, prints the summary on stderr and returns the exit code. With
  // --write-ignore, first adds the reported findings to the ignore file: exit 0 once written,
  // 2 when it cannot be.
  int Finish();

  const report::Summary& summary() const { return summary_; }
  uint64_t errors() const { return errors_; }

 private:
  void Suppress(const report::ReportedFinding& reported, const std::string& reason);
  // --write-ignore: adds the collected findings to the ignore file; false on failure.
  bool WriteIgnoreFile();

  ScanContext& ctx_;
  report::Reporter& reporter_;
  bool verbose_;
  bool quiet_;
  std::vector<IgnoreEntry> to_ignore_;  // --write-ignore only
  std::string today_;                   // date of the entries written
  report::Summary summary_;
  uint64_t errors_ = 0;  // unreadable inputs
  std::chrono::steady_clock::time_point start_;
};

}  // namespace magpie::cli

#endif  // MAGPIE_CLI_RESULT_SINK_H_
