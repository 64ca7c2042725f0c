// The single ordered writer at the end of every scan pipeline: receives each item's findings in
// output order, attaches fingerprints, feeds the reporter, prints diagnostics on stderr and keeps
// the summary. Thread safety: one thread at a time (the pipeline's serial output stage).
#ifndef MAGPIE_CLI_RESULT_SINK_H_
#define MAGPIE_CLI_RESULT_SINK_H_

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "report/reporter.h"
#include "scanner/finding.h"

namespace magpie::cli {

// What scanning one file or blob produced.
struct ItemResult {
  report::Origin origin;
  std::vector<scanner::Finding> findings;  // sorted by offset
  uint64_t bytes = 0;
  bool scanned = false;
  std::string skip_reason;                 // "binary", "too-large", ... when not scanned
  std::optional<report::Diagnostic> diagnostic;
};

class ResultSink {
 public:
  ResultSink(report::Reporter& reporter, bool verbose, bool quiet);

  void Begin();
  void Add(ItemResult item);
  void AddDiagnostic(const report::Diagnostic& diagnostic);
  void CountSkipped(const std::string& reason, uint64_t count = 1);
  // Ends the report, prints the summary on stderr and returns the exit code.
  int Finish();

  const report::Summary& summary() const { return summary_; }
  uint64_t errors() const { return errors_; }

 private:
  report::Reporter& reporter_;
  bool verbose_;
  bool quiet_;
  report::Summary summary_;
  uint64_t errors_ = 0;  // unreadable inputs
  std::chrono::steady_clock::time_point start_;
};

}  // namespace magpie::cli

#endif  // MAGPIE_CLI_RESULT_SINK_H_
