#include <memory>
#include <optional>
#include <ostream>
#include <string_view>
#include <utility>

#include "report/report_internal.h"
#include "report/reporter.h"

namespace magpie::report {

std::optional<Format> ParseFormat(std::string_view name) {
  if (name == "text") return Format::kText;
  if (name == "json") return Format::kJson;
  if (name == "jsonl") return Format::kJsonl;
  if (name == "sarif") return Format::kSarif;
  if (name == "html") return Format::kHtml;
  return std::nullopt;
}

std::string_view ScanKindName(ScanKind kind) {
  switch (kind) {
    case ScanKind::kHistory:
      return "history";
    case ScanKind::kStaged:
      return "staged";
    case ScanKind::kFiles:
      break;
  }
  return "files";
}

std::optional<ScanKind> ParseScanKind(std::string_view name) {
  for (ScanKind kind : {ScanKind::kFiles, ScanKind::kHistory, ScanKind::kStaged}) {
    if (name == ScanKindName(kind)) return kind;
  }
  return std::nullopt;
}

bool IsPolicySkip(std::string_view kind) {
  // A closed list: a kind nobody classified is an error, so a new failure can never pass as
  // a clean scan by omission.
  static constexpr std::string_view kPolicy[] = {"binary",   "too-large", "symlink",
                                                 "not-regular", "excluded", "submodule",
                                                 "report-file"};
  for (std::string_view policy : kPolicy) {
    if (kind == policy) return true;
  }
  return false;
}

std::string_view DiagnosticLevel(std::string_view kind) {
  if (IsPolicySkip(kind)) return "note";
  // pipeline::kMarkerWarning, pipeline::kPresenceUnknown: worth reading, the scan is complete.
  if (kind == "allow-marker" || kind == "presence-unknown") return "warning";
  return "error";
}

std::unique_ptr<Reporter> MakeReporter(Format format, std::ostream& out, ReportOptions options) {
  switch (format) {
    case Format::kText:
      return internal::MakeTextReporter(out, std::move(options));
    case Format::kJson:
      return internal::MakeJsonReporter(out, std::move(options));
    case Format::kJsonl:
      return internal::MakeJsonlReporter(out, std::move(options));
    case Format::kSarif:
      return internal::MakeSarifReporter(out, std::move(options));
    case Format::kHtml:
      return internal::MakeHtmlReporter(out, std::move(options));
  }
  return internal::MakeTextReporter(out, std::move(options));
}

}  // namespace magpie::report
