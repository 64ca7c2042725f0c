// The ordered output stage of every scan: takes each item's result in output order, passes its
// findings through the Suppressor, feeds the reporter, prints problems on the log (stderr) and
// keeps the summary. It decides nothing else: the exit code and --write-ignore are the
// command's (cli/), which reads outcome() at the end.
// Thread safety: one thread at a time (the driver's serial output stage).
#ifndef MAGPIE_PIPELINE_REPORT_SINK_H_
#define MAGPIE_PIPELINE_REPORT_SINK_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <ostream>
#include <string>

#include "pipeline/item_result.h"
#include "pipeline/source.h"
#include "report/reporter.h"
#include "suppress/suppressor.h"

namespace magpie::pipeline {

struct ReportSinkOptions {
  bool verbose = false;          // list policy skips and notes on the log
  bool quiet = false;            // no summary line on the log
  bool show_suppressed = false;  // report suppressed findings too, with their reason
  // Report the findings inline markers suppressed even without show_suppressed: a marker in
  // the scanned code is the code speaking for itself, so machine-read reports (JSON, SARIF)
  // always show what it hid (issue 10).
  bool list_inline_suppressed = false;
  // A shard's JSON or SARIF report (issue 13): the history findings suppressed and not listed
  // are written all the same, marked merge-only (report::SecretHistory::merge_only): `magpie
  // merge` needs every part of a secret to count and place it as one machine does, then drops
  // them.
  bool suppressed_for_merge = false;
  std::string config_file;       // named in the summary ("" for none)
};

// What the scan came to.
struct ScanOutcome {
  report::Summary summary;
  uint64_t errors = 0;  // diagnostics that are problems, not policy skips
};

class ReportSink : public ItemSink {
 public:
  // `reporter`, `suppressor` and `log` must outlive the sink. `on_reported` (may be empty) sees
  // every finding that is reported (not suppressed), after the reporter.
  ReportSink(report::Reporter& reporter, suppress::Suppressor& suppressor, std::ostream& log,
             ReportSinkOptions options,
             std::function<void(const report::ReportedFinding&)> on_reported = {});

  void Begin();
  // The items are git blobs (a history scan): the summary counts them so.
  void SetScanKind(report::ScanKind kind) { outcome_.summary.kind = kind; }
  // What the source met while listing its items.
  void AddPrelude(const Prelude& prelude);
  void Add(ItemResult item) override;
  void AddDiagnostic(const report::Diagnostic& diagnostic);
  // Ends the report and prints the summary line.
  void Finish();

  const ScanOutcome& outcome() const { return outcome_; }

 private:
  report::Reporter& reporter_;
  suppress::Suppressor& suppressor_;
  std::ostream& log_;
  ReportSinkOptions options_;
  std::function<void(const report::ReportedFinding&)> on_reported_;
  ScanOutcome outcome_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace magpie::pipeline

#endif  // MAGPIE_PIPELINE_REPORT_SINK_H_
