#include "pipeline/driver.h"

#include <tbb/global_control.h>
#include <tbb/parallel_pipeline.h>

#include <exception>
#include <string>
#include <utility>

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

ItemResult ScanLoaded(const Source& source, ScanSession& session, size_t index,
                      SourceItem loaded, bool inline_allows) {
  ItemResult item;
  item.origin = std::move(loaded.origin);
  if (loaded.skipped()) {
    item.skip_reason = std::move(loaded.skip_reason);
    item.diagnostic = std::move(loaded.diagnostic);
    return item;
  }
  Result<scanner::Scanner*> scanner = session.ThreadScanner();
  if (!scanner.ok()) return ErrorItem(std::move(item.origin), scanner.status().message());
  Result<std::vector<scanner::Finding>> findings = (*scanner)->Scan(loaded.bytes);
  if (!findings.ok()) {
    return ErrorItem(std::move(item.origin), "scan failed: " + findings.status().message());
  }
  item.bytes = loaded.bytes.size();
  item.scanned = true;
  item.findings = *std::move(findings);
  source.KeepReported(index, &item.findings);
  if (inline_allows) {
    std::vector<std::string> warnings;
    suppress::MarkerContext context;
    context.rules = &session.compiled().rule_set();
    context.warnings = &warnings;
    suppress::ApplyInlineAllows(loaded.bytes, &item.findings, &item.suppressed, context);
    for (std::string& w : warnings) {
      item.warnings.push_back(
          {report::OriginPath(item.origin), kMarkerWarning, std::move(w)});
    }
  }
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

void Drive(const Source& source, ScanSession& session, ItemSink& sink,
           const DriveOptions& options) {
  const size_t count = source.size();
  const int threads = options.threads > 0 ? options.threads : 1;
  if (threads == 1 || source.total_bytes() < options.serial_below_bytes) {
    for (size_t i = 0; i < count; ++i) {
      sink.Add(ScanItem(source, session, i, options.inline_allows));
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
                                       if (next >= count) {
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
              [&](ItemResult item) { sink.Add(std::move(item)); }));
}

}  // namespace magpie::pipeline
