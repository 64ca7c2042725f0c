#include "cli/scan_run.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "cli/exit_codes.h"
#include "pipeline/driver.h"
#include "pipeline/progress_sink.h"
#include "report/progress.h"
#include "report/terminal_text.h"

namespace magpie::cli {
namespace {

// A progress line on stderr (a terminal: ScanSettings::progress), sized to it.
// MAGPIE_PROGRESS_DELAY_MS replaces the one-second delay: a test seam, for the pty test.
report::ProgressOptions TerminalProgress(const char* unit, size_t total) {
  report::ProgressOptions options;
  options.unit = unit;
  options.total = total;
  if (const char* delay = std::getenv("MAGPIE_PROGRESS_DELAY_MS"); delay && *delay) {
    options.delay_seconds = std::strtod(delay, nullptr) / 1000;
  }
  options.width = [] {
    winsize size{};
    return ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0 ? size.ws_col : 80;
  };
  return options;
}

}  // namespace

ScanRun::~ScanRun() {
  if (!leave_session_to_exit_) return;
  // Never destroyed; the report and sink destroyed after this body may still point into it.
  static auto* const kept = new std::vector<std::unique_ptr<pipeline::ScanSession>>();
  kept->push_back(std::move(session_));
}

Result<std::unique_ptr<ScanRun>> ScanRun::Prepare(ScanSettings settings) {
  std::unique_ptr<ScanRun> run(new ScanRun(std::move(settings)));
  const ScanSettings& s = run->settings_;
  Result<suppress::Suppression> suppression = suppress::LoadSuppression(s.suppression);
  if (!suppression.ok()) return suppression.status();
  run->suppression_ = *std::move(suppression);
  Result<std::unique_ptr<pipeline::ScanSession>> session =
      pipeline::ScanSession::Create(s.session);
  if (!session.ok()) return session.status();
  run->session_ = *std::move(session);

  std::ostream* out = &std::cout;
  if (!s.output.empty()) {
    run->file_out_ = std::make_unique<std::ofstream>(s.output, std::ios::binary | std::ios::trunc);
    if (!*run->file_out_) return IoError("cannot write --output '" + s.output + "'");
    out = run->file_out_.get();
  }
  report::ReportOptions report_options = s.report;
  report_options.rules = &run->session_->compiled().rule_set();
  run->reporter_ = report::MakeReporter(s.format, *out, report_options);
  std::function<void(const report::ReportedFinding&)> on_reported =
      [r = run.get()](const report::ReportedFinding& f) {
        if (r->settings_.write_ignore) r->to_ignore_.Add(f);
        for (const auto& observer : r->observers_) observer(f);
      };
  run->sink_ = std::make_unique<pipeline::ReportSink>(
      *run->reporter_, run->suppression_.suppressor, std::cerr, s.sink, std::move(on_reported));
  return run;
}

namespace {

// Names the repository in every git origin (`magpie estate`).
// Shows each item to an observer, then passes it on.
class TapSink : public pipeline::ItemSink {
 public:
  TapSink(pipeline::ItemSink& next, const std::function<void(const pipeline::ItemResult&)>& tap)
      : next_(next), tap_(tap) {}
  void Add(pipeline::ItemResult item) override {
    tap_(item);
    next_.Add(std::move(item));
  }

 private:
  pipeline::ItemSink& next_;
  const std::function<void(const pipeline::ItemResult&)>& tap_;
};

class RepositorySink : public pipeline::ItemSink {
 public:
  RepositorySink(pipeline::ItemSink& next, std::string repository)
      : next_(next), repository_(std::move(repository)) {}
  void Add(pipeline::ItemResult item) override {
    if (auto* git = std::get_if<report::GitOrigin>(&item.origin)) git->repository = repository_;
    next_.Add(std::move(item));
  }

 private:
  pipeline::ItemSink& next_;
  std::string repository_;
};

}  // namespace

void ScanRun::BeginReport() {
  if (begun_) return;
  begun_ = true;
  sink_->Begin();
}

void ScanRun::AddDiagnostic(const report::Diagnostic& diagnostic) {
  BeginReport();
  sink_->AddDiagnostic(diagnostic);
}

void ScanRun::SetScanKind(report::ScanKind kind) { sink_->SetScanKind(kind); }

bool ScanRun::Scan(const pipeline::Source& source, const ScanMode& mode) {
  BeginReport();
  // The report has begun: from here on a failure is a diagnostic in it, so that Finish ends
  // it as a whole document and the run exits 2 (docs/exit-codes.md), never a truncated file.
  try {
    if (mode.shard.index == 0) sink_->AddPrelude(source.prelude());
    if (mode.already_scanned > 0) {
      pipeline::Prelude known;
      known.skipped[kAlreadyScanned] = mode.already_scanned;
      sink_->AddPrelude(known);
    }
    pipeline::DriveOptions drive;
    drive.threads = settings_.threads;
    drive.serial_below_bytes = mode.serial_below_bytes;
    drive.inline_allows = settings_.inline_allows;
    // Drive → [tap] → [repository] → [shard filter] → [HistoryGroupSink] → ReportSink. A shard
    // groups only the blobs of its share; tip versions in other shares are left to the merge.
    std::optional<pipeline::HistoryGroupSink> ordered;
    if (mode.history_order) {
      ordered.emplace(*sink_, mode.history);
    }
    // A history counts blobs, as the progress meter below says.
    sink_->SetScanKind(mode.history_order ? report::ScanKind::kHistory : mode.kind);
    pipeline::ItemSink& grouped = ordered ? static_cast<pipeline::ItemSink&>(*ordered) : *sink_;
    std::optional<pipeline::ShardFilterSink> sharded;
    if (!mode.shard.whole()) sharded.emplace(grouped, mode.shard);
    pipeline::ItemSink& in_share = sharded ? static_cast<pipeline::ItemSink&>(*sharded) : grouped;
    std::optional<RepositorySink> named;
    if (!mode.repository.empty()) named.emplace(in_share, mode.repository);
    pipeline::ItemSink& named_or_not = named ? static_cast<pipeline::ItemSink&>(*named) : in_share;
    std::optional<TapSink> tapped;
    if (mode.on_item) tapped.emplace(named_or_not, mode.on_item);
    pipeline::ItemSink& next = tapped ? static_cast<pipeline::ItemSink&>(*tapped) : named_or_not;
    if (!settings_.progress) {
      pipeline::Drive(source, *session_, next, drive);
    } else {
      report::ProgressMeter meter(
          std::cerr, TerminalProgress(mode.history_order ? "blobs" : "files", source.size()));
      pipeline::ProgressSink with_progress(next, meter);
      pipeline::Drive(source, *session_, with_progress, drive);
    }  // the meter erases its line here, before anything else is printed
    if (ordered) {
      const auto start = std::chrono::steady_clock::now();
      ordered->Flush();
      if (settings_.sink.verbose) {  // the cost of grouping and presence (issue 11), for bench/
        std::cerr << "magpie: history findings grouped in "
                  << std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()
                  << " s\n";
        const pipeline::PresenceSearchStats& search = ordered->search_stats();
        if (search.findings > 0) {  // the bounded search at other paths (issue 11)
          std::cerr << "magpie: " << search.findings
                    << " history findings that would say deleted: " << search.found
                    << " found at another path in some branch or tag, " << search.trees_read
                    << " trees read\n";
        }
      }
    }
  } catch (const std::exception& e) {
    sink_->AddDiagnostic({"", "scan-error", std::string("scan aborted: ") + e.what()});
    return false;
  } catch (...) {
    sink_->AddDiagnostic({"", "scan-error", "scan aborted"});
    return false;
  }
  return true;
}

void ScanRun::AddItem(pipeline::ItemResult item) { sink_->Add(std::move(item)); }

int ScanRun::Finish() {
  BeginReport();
  sink_->Finish();
  const pipeline::ScanOutcome& outcome = sink_->outcome();
  // Nothing could be read at all: that is an error, never a clean result.
  if (outcome.summary.files_scanned == 0 && outcome.errors > 0) return kExitError;
  if (settings_.write_ignore) {
    const Status written = to_ignore_.Write(settings_.ignore_file, settings_.scan_root, std::cerr);
    if (!written.ok()) {
      std::cerr << "magpie: error: --write-ignore: " << report::EscapeControls(written.message())
                << "\n";
      return kExitError;
    }
    return outcome.errors > 0 ? kExitError : kExitClean;  // the list may lack what was unread
  }
  // The exit-code contract (docs/exit-codes.md): findings win; otherwise anything that could
  // not be scanned (not a policy skip) makes the scan incomplete, and incomplete is never clean.
  if (outcome.summary.findings > 0) return kExitFindings;
  return outcome.errors > 0 ? kExitError : kExitClean;
}

}  // namespace magpie::cli
