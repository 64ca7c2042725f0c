// The wiring every scanning command shares: from resolved settings, build the scan session,
// load the suppression, open the report; then drive a source through the pipeline into the
// report and turn the outcome into an exit code (and, with --write-ignore, the ignore file).
//
// Usage (see scan_command.cc):
//   auto settings = ResolveSettings(flags, root);          // cli/settings.h
//   auto run = ScanRun::Prepare(*settings);                // prints nothing; errors as values
//   auto source = pipeline::FileSource::Create(paths, ..., &(*run)->excluder());
//   (*run)->Scan(**source);
//   return (*run)->Finish();
#ifndef MAGPIE_CLI_SCAN_RUN_H_
#define MAGPIE_CLI_SCAN_RUN_H_

#include <fstream>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "cli/exit_codes.h"
#include "cli/settings.h"
#include "pipeline/history_group_sink.h"
#include "pipeline/item_result.h"
#include "pipeline/report_sink.h"
#include "pipeline/session.h"
#include "pipeline/shard.h"
#include "pipeline/source.h"
#include "report/reporter.h"
#include "suppress/ignore_collector.h"
#include "suppress/suppression.h"

namespace magpie::cli {

// The summary's reason for the blobs a scan store let a scan skip (cli/scan_store_flag.h).
inline constexpr const char* kAlreadyScanned = "already-scanned";

// How a command's items are driven.
struct ScanMode {
  // Hold findings for git order, one per secret, and where each lives now
  // (pipeline/history_group_sink.h, with `history`).
  bool history_order = false;
  pipeline::HistoryGroupOptions history;
  uint64_t serial_below_bytes = 0;  // see pipeline::DriveOptions
  // A shard's scan (issue 13): only blobs in the share are reported (the source yields no
  // others). Its prelude (the walk's own diagnostics, the same on every shard) is reported by
  // shard 0.
  pipeline::Shard shard;
  std::string repository;  // `magpie estate`: named in each git origin
  // Sees every item as scanned, before anything else does (the scan store collects the clean
  // ones: cli/scan_store_flag.h). May be empty.
  std::function<void(const pipeline::ItemResult&)> on_item;
  // Blobs not loaded because the scan store knows them clean: counted in the summary.
  uint64_t already_scanned = 0;
  // What the summary says was scanned (report::ScanKind): kFiles or kStaged; a history_order
  // scan is always kHistory.
  report::ScanKind kind = report::ScanKind::kFiles;
};

class ScanRun {
 public:
  // Errors: the suppression files, the rules or the output file cannot be loaded or opened.
  static Result<std::unique_ptr<ScanRun>> Prepare(ScanSettings settings);
  ~ScanRun();

  const ScanSettings& settings() const { return settings_; }
  const suppress::PathExcluder& excluder() const { return suppression_.excluder; }
  const pipeline::ScanSession& session() const { return *session_; }

  // Begins the report (the first time) and scans every item of `source` into it. May be
  // called once per source (`magpie estate`: one per repository), all into one report.
  // False when the scan was aborted (a diagnostic in the report says why).
  bool Scan(const pipeline::Source& source, const ScanMode& mode = {});
  // What the summary says was scanned, for a run that may end without calling Scan (an
  // estate shard whose share holds no repository); Scan sets it from its mode.
  void SetScanKind(report::ScanKind kind);
  // A problem met outside any source (an estate line that is no repository). After Scan or
  // BeginReport.
  void AddDiagnostic(const report::Diagnostic& diagnostic);
  // Begins the report if no Scan has.
  void BeginReport();
  // Calls `observer` with every finding reported (not suppressed), in output order. Before Scan.
  void AddObserver(std::function<void(const report::ReportedFinding&)> observer) {
    observers_.push_back(std::move(observer));
  }
  // Reports an item that no source produced (a finding about the run itself). After Scan.
  void AddItem(pipeline::ItemResult item);
  // Ends the report, prints the summary, writes the ignore file with --write-ignore and returns
  // the exit code.
  int Finish();

  const report::Summary& summary() const { return sink_->outcome().summary; }

  // For a command after which the process exits (`magpie staged`, the hook): the session (the
  // rule table, the Hyperscan database, thousands of small blocks) is left for the exit to
  // reclaim, not freed with the run, ~2 ms of a hook's run (bench/staged_latency.sh). It stays
  // reachable from a static, so a leak checker does not report it.
  void LeaveSessionToExit() { leave_session_to_exit_ = true; }

 private:
  explicit ScanRun(ScanSettings settings) : settings_(std::move(settings)) {}
  ScanSettings settings_;
  std::unique_ptr<pipeline::ScanSession> session_;
  suppress::Suppression suppression_;
  std::unique_ptr<std::ofstream> file_out_;
  std::unique_ptr<report::Reporter> reporter_;
  suppress::IgnoreCollector to_ignore_;
  std::unique_ptr<pipeline::ReportSink> sink_;
  bool begun_ = false;
  bool leave_session_to_exit_ = false;
  std::vector<std::function<void(const report::ReportedFinding&)>> observers_;
};

}  // namespace magpie::cli

#endif  // MAGPIE_CLI_SCAN_RUN_H_
