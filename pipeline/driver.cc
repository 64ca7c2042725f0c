#include "pipeline/driver.h"

#include <tbb/global_control.h>
#include <tbb/parallel_pipeline.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <iterator>
#include <new>
#include <string>
#include <utility>

#include "base/fault_injection.h"
#include "scanner/text_encoding.h"

namespace magpie::pipeline {
namespace {

constexpr const char* kScanError = "scan-error";

ItemResult ErrorItem(report::Origin origin, std::string message) {
  ItemResult item;
  const std::string path = report::OriginPath(origin);
  item.origin = std::move(origin);
  item.skip_reason = kScanError;
  item.diagnostic = report::Diagnostic{path, kScanError, std::move(message)};
  return item;
}

// Findings inside what the decode budget left undecoded are unknown: an incomplete scan, never
// silence (docs/exit-codes.md).
void NoteUndecoded(uint64_t undecoded, ItemResult* item) {
  if (undecoded == 0) return;
  item->diagnostic = report::Diagnostic{
      report::OriginPath(item->origin), "decode-budget",
      "decode budget exhausted: " + std::to_string(undecoded) +
          " bytes of encoded candidates left undecoded (secrets in them are not reported)"};
}

// Applies inline allow markers read in `text` to `findings` (moving allowed ones to
// `item->suppressed`), read against the session's rule ids; marker warnings go on the item.
void ApplyMarkers(const ScanSession& session, std::string_view text,
                  std::vector<scanner::Finding>* findings, ItemResult* item) {
  std::vector<std::string> warnings;
  suppress::MarkerContext context;
  context.rules = &session.compiled().rule_set();
  context.warnings = &warnings;
  suppress::ApplyInlineAllows(text, findings, &item->suppressed, context);
  for (std::string& w : warnings) {
    item->warnings.push_back({report::OriginPath(item->origin), kMarkerWarning, std::move(w)});
  }
}

// An item too large to hold, scanned window by window; inline allow markers are applied per
// window, while its bytes are alive.
ItemResult ScanStreamed(const Source& source, ScanSession& session, size_t index,
                        scanner::Scanner& scanner, ByteStream& stream, bool inline_allows,
                        ItemResult item) {
  scanner::WindowHook hook;
  if (inline_allows) {
    hook = [&item, &session](std::string_view window, const scanner::WindowPlace& place,
                             std::vector<scanner::Finding>* findings) {
      const size_t before = item.suppressed.size();
      ApplyMarkers(session, window, findings, &item);
      for (size_t i = before; i < item.suppressed.size(); ++i) {
        place.Shift(&item.suppressed[i].finding);
      }
    };
  }
  Result<scanner::StreamScan> scan =
      scanner::ScanStream(scanner, stream, session.stream_options(), hook);
  if (!scan.ok()) {
    return ErrorItem(std::move(item.origin), "scan failed: " + scan.status().message());
  }
  if (scan->binary) {
    item.skip_reason = "binary";
    item.diagnostic = report::Diagnostic{report::OriginPath(item.origin), item.skip_reason,
                                         "binary content (NUL byte in the first 8000 bytes)"};
    item.suppressed.clear();
    return item;
  }
  item.bytes = scan->bytes;
  item.scanned = true;
  std::vector<scanner::Finding> sensitive = std::move(item.findings);
  item.findings = std::move(scan->findings);
  NoteUndecoded(scan->undecoded_bytes, &item);
  source.KeepReported(index, &item.findings);
  item.findings.insert(item.findings.begin(), std::make_move_iterator(sensitive.begin()),
                       std::make_move_iterator(sensitive.end()));
  return item;
}

// A file that should never be committed is reported from its path, whatever the binary or
// size policy decided about its bytes (a .p12 is binary); never for a path the user excluded
// or one that could not be looked at (issue 15).
void AddSensitiveFiles(const ScanSession& session, const SourceItem& loaded, ItemResult* item) {
  const scanner::PathRules& rules = session.path_rules();
  if (rules.empty()) return;
  const std::string& reason = loaded.skip_reason;
  if (!reason.empty() && reason != "binary" && reason != "too-large") return;
  const std::string_view* content = loaded.skipped() || loaded.stream ? nullptr : &loaded.bytes;
  for (scanner::Finding& f : rules.MatchPath(report::OriginPath(item->origin), content)) {
    if (f.confidence < session.scan_options().min_confidence) continue;
    item->findings.insert(item->findings.begin(), std::move(f));
  }
}

// Scans an item's text: by its changes when the source says it is a delta of an item already
// scanned and the region scan can promise a full scan's findings (scanner/region_scan.h),
// whole otherwise; a source that records scans is told which, and why.
Result<std::vector<scanner::Finding>> ScanText(const Source& source, ScanSession& session,
                                               scanner::Scanner& scanner, size_t index,
                                               const SourceItem& loaded, std::string_view text) {
  if (!source.RecordsScans()) return scanner.Scan(text);
  ItemScan scan;
  scan.bytes = text.size();
  const bool raw = text.data() == loaded.bytes.data() && text.size() == loaded.bytes.size();
  scan.whole_because = loaded.delta_note;
  if (loaded.delta && !raw) {
    scan.whole_because = "encoding";
  } else if (loaded.delta && !loaded.delta->base) {
    scan.whole_because = "base-not-scanned";
  } else if (loaded.delta) {
    Result<std::optional<scanner::RegionScan>> region =
        scanner::ScanChanged(scanner, session.match_reach(), text, loaded.delta->layout,
                             *loaded.delta->base, &scan.whole_because);
    if (!region.ok()) return region.status();
    if (region->has_value()) {
      scanner::RegionScan& r = **region;
      scan.by_region = true;
      scan.region_bytes = r.scanned_bytes;
      scan.whole_because.clear();
      scan.record = std::make_shared<scanner::ScanRecord>(
          scanner::ScanRecord{r.findings, r.decoded_bytes, text.size()});
      source.Scanned(index, scan);
      return std::move(r.findings);
    }
  }
  if (scan.whole_because.empty()) scan.whole_because = "unknown";
  Result<std::vector<scanner::Finding>> findings = scanner.Scan(text);
  if (!findings.ok()) return findings;
  if (raw && scanner.undecoded_bytes() == 0) {
    scan.record = std::make_shared<scanner::ScanRecord>(
        scanner::ScanRecord{*findings, scanner.decoded_bytes(), text.size()});
  }
  source.Scanned(index, scan);
  return findings;
}

ItemResult ScanLoaded(const Source& source, ScanSession& session, size_t index,
                      SourceItem loaded, bool inline_allows) {
  ItemResult item;
  item.origin = std::move(loaded.origin);
  AddSensitiveFiles(session, loaded, &item);
  if (loaded.skipped()) {
    item.skip_reason = std::move(loaded.skip_reason);
    item.diagnostic = std::move(loaded.diagnostic);
    return item;
  }
  if (fault::InjectedFor(fault::Point::kScanItem, report::OriginPath(item.origin)) != 0) {
    throw std::bad_alloc();  // as an allocation anywhere in the scan would
  }
  Result<scanner::Scanner*> scanner = session.ThreadScanner();
  if (!scanner.ok()) return ErrorItem(std::move(item.origin), scanner.status().message());
  if (loaded.stream) {
    return ScanStreamed(source, session, index, **scanner, *loaded.stream, inline_allows,
                        std::move(item));
  }
  // UTF-16 is decoded and a UTF-8 BOM dropped (text_encoding.h): positions, context and inline
  // markers are then those of the decoded text.
  std::string decoded;
  const std::string_view text = scanner::ScannableText(loaded.bytes, &decoded);
  Result<std::vector<scanner::Finding>> findings = ScanText(source, session, **scanner, index,
                                                            loaded, text);
  if (!findings.ok()) {
    return ErrorItem(std::move(item.origin), "scan failed: " + findings.status().message());
  }
  item.bytes = loaded.bytes.size();
  item.scanned = true;
  std::vector<scanner::Finding> sensitive = std::move(item.findings);
  item.findings = *std::move(findings);
  session.path_rules().AddDotenvFindings(report::OriginPath(item.origin), text, &item.findings);
  NoteUndecoded((*scanner)->undecoded_bytes(), &item);
  source.KeepReported(index, &item.findings);
  if (inline_allows) ApplyMarkers(session, text, &item.findings, &item);
  // The file itself is what is sensitive, not a line of it: kept whatever lines are new.
  item.findings.insert(item.findings.begin(), std::make_move_iterator(sensitive.begin()),
                       std::make_move_iterator(sensitive.end()));
  return item;
}

}  // namespace

ItemResult ScanItem(const Source& source, ScanSession& session, size_t index,
                    bool inline_allows) {
  report::Origin origin;
  try {
    SourceItem loaded = source.Load(index);
    origin = loaded.origin;
    return ScanLoaded(source, session, index, std::move(loaded), inline_allows);
  } catch (const std::exception& e) {
    return ErrorItem(std::move(origin), std::string("scan failed: ") + e.what());
  } catch (...) {
    return ErrorItem(std::move(origin), "scan failed");
  }
}

namespace {

// The output stage's step, with its fault point.
void Deliver(ItemSink& sink, ItemResult item) {
  if (fault::InjectedFor(fault::Point::kOutputStage, report::OriginPath(item.origin)) != 0) {
    throw std::bad_alloc();
  }
  sink.Add(std::move(item));
}

// The output stage: delivers items in order until one delivery throws (an allocation failing
// in a sink or an error handler); from then on it drops what is still in flight. The exception
// never crosses TBB: oneTBB 2021 leaks the items buffered between stages when a stage throws
// (LeakSanitizer showed it), so the failure is kept here and the input stage stops instead.
class OrderedOutput {
 public:
  explicit OrderedOutput(ItemSink& sink) : sink_(sink) {}

  void Take(ItemResult item) {
    if (failed_.load(std::memory_order_relaxed)) return;
    try {
      Deliver(sink_, std::move(item));
      ++delivered_;
    } catch (const std::exception& e) {
      Fail(e.what());
    } catch (...) {
      Fail("unknown exception");
    }
  }
  bool failed() const { return failed_.load(std::memory_order_relaxed); }
  size_t delivered() const { return delivered_; }
  const std::string& failure() const { return failure_; }

 private:
  void Fail(const char* what) {
    try {
      failure_ = what;
    } catch (...) {
      // The message is a courtesy; the failure itself is the flag.
    }
    failed_.store(true, std::memory_order_relaxed);
  }

  ItemSink& sink_;
  std::atomic<bool> failed_{false};  // written by the output stage, read by the input stage
  size_t delivered_ = 0;             // output stage only
  std::string failure_;              // output stage only; read after the pipeline has ended
};

void RunPipeline(const Source& source, ScanSession& session, const DriveOptions& options,
                 OrderedOutput& output) {
  const size_t count = source.size();
  const int threads = options.threads > 0 ? options.threads : 1;
  if (threads == 1 || source.total_bytes() < options.serial_below_bytes) {
    for (size_t i = 0; i < count && !output.failed(); ++i) {
      output.Take(ScanItem(source, session, i, options.inline_allows));
    }
    return;
  }
  tbb::global_control parallelism(tbb::global_control::max_allowed_parallelism,
                                  static_cast<size_t>(threads));
  size_t next = 0;
  tbb::parallel_pipeline(
      static_cast<size_t>(threads) * 4,
      tbb::make_filter<void, size_t>(tbb::filter_mode::serial_in_order,
                                     [&](tbb::flow_control& fc) -> size_t {
                                       if (next >= count || output.failed()) {
                                         fc.stop();
                                         return 0;
                                       }
                                       return next++;
                                     }) &
          tbb::make_filter<size_t, ItemResult>(
              tbb::filter_mode::parallel,
              [&](size_t index) {
                return ScanItem(source, session, index, options.inline_allows);
              }) &
          tbb::make_filter<ItemResult, void>(
              tbb::filter_mode::serial_in_order,
              [&](ItemResult item) { output.Take(std::move(item)); }));
}

}  // namespace

void Drive(const Source& source, ScanSession& session, ItemSink& sink,
           const DriveOptions& options) {
  OrderedOutput output(sink);
  std::string failure;
  try {
    RunPipeline(source, session, options, output);
    if (!output.failed()) return;
    failure = output.failure();
  } catch (const std::exception& e) {
    failure = e.what();
  } catch (...) {
    failure = "unknown exception";
  }
  // What was not delivered was not scanned: say so as a value, so that the report still
  // closes as a whole document and the run counts as incomplete (exit 2 without findings).
  try {
    const size_t missed = source.size() - std::min(output.delivered(), source.size());
    sink.Add(ErrorItem(report::Origin{}, "scan aborted (" + failure + "): " +
                                             std::to_string(missed) + " of " +
                                             std::to_string(source.size()) +
                                             " items not scanned"));
  } catch (...) {
    // Even that failed: the caller's report still ends; the exit code is its decision.
  }
}

}  // namespace magpie::pipeline
