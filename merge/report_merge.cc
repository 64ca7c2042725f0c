// The merge itself, format-neutral: parse each input under limits, validate it whole, check
// the shards add up, then dedup, sort and recount. json_format.cc and sarif_format.cc read
// and write the two formats.
#include "merge/report_merge.h"

#include <algorithm>
#include <cstdint>
#include <exception>
#include <map>
#include <set>
#include <utility>

#include "merge/merge_internal.h"

namespace magpie::merge {
namespace {

using internal::Json;
using internal::ParsedReport;

constexpr const char* kBadReport = "bad-report";
constexpr const char* kIncomplete = "incomplete-merge";

struct TooDeep : std::exception {
  const char* what() const noexcept override { return "nested too deeply"; }
};

// Parses `input` into `report`: JSON under the limits, then the format's own checks.
Status Parse(const ReportInput& input, const MergeOptions& options, ParsedReport* report) {
  if (!input.read_error.empty()) return IoError(input.read_error);
  if (input.bytes.size() > options.max_report_bytes) {
    return InvalidArgument("larger than " + std::to_string(options.max_report_bytes >> 20) +
                           " MiB");
  }
  const int max_depth = options.max_depth;
  try {
    report->doc = Json::parse(
        input.bytes,
        [max_depth](int depth, Json::parse_event_t, Json&) {
          if (depth > max_depth) throw TooDeep();
          return true;
        },
        /*allow_exceptions=*/false);
  } catch (const std::exception& e) {  // TooDeep, or bad_alloc on a hostile size
    return InvalidArgument(std::string("not a magpie report: ") + e.what());
  }
  if (report->doc.is_discarded() || !report->doc.is_object()) {
    if (input.bytes.rfind("{\"type\":", 0) == 0) {
      return InvalidArgument("a JSONL report: merge the shards' -f json or -f sarif reports");
    }
    return InvalidArgument("not a magpie report (not a JSON object)");
  }
  if (report->doc.contains("runs")) {
    report->format = MergedFormat::kSarif;
    return internal::ReadSarifReport(report);
  }
  report->format = MergedFormat::kJson;
  return internal::ReadJsonReport(report);
}

std::string ShardName(uint64_t index, uint64_t count) {
  return std::to_string(index) + "/" + std::to_string(count);
}

// Keeps one report per shard index and names what is missing; reports without a shard are
// all kept (merging whole reports is allowed). Sorts the kept reports by shard index.
std::vector<ParsedReport> CheckShards(std::vector<ParsedReport> reports,
                                      std::vector<report::Diagnostic>* problems) {
  std::optional<uint64_t> count;
  for (const ParsedReport& r : reports) {
    if (r.shard && !count) count = r.shard->count;
  }
  std::vector<ParsedReport> kept;
  std::map<uint64_t, std::string> seen;  // index -> report name
  for (ParsedReport& r : reports) {
    if (r.shard) {
      if (r.shard->count != *count) {
        problems->push_back({r.name, kIncomplete,
                             "shard " + ShardName(r.shard->index, r.shard->count) +
                                 " does not belong to a split in " + std::to_string(*count) +
                                 ": left out"});
        continue;
      }
      auto [it, inserted] = seen.emplace(r.shard->index, r.name);
      if (!inserted) {
        problems->push_back({r.name, kIncomplete,
                             "shard " + ShardName(r.shard->index, *count) + " is also in '" +
                                 it->second + "': left out"});
        continue;
      }
    }
    kept.push_back(std::move(r));
  }
  if (count) {
    for (uint64_t i = 0; i < *count; ++i) {
      if (seen.count(i) == 0) {
        problems->push_back({"", kIncomplete,
                             "shard " + ShardName(i, *count) + " is missing: its blobs are not "
                             "in the merged report"});
      }
    }
  }
  std::stable_sort(kept.begin(), kept.end(), [](const ParsedReport& a, const ParsedReport& b) {
    const uint64_t x = a.shard ? a.shard->index : UINT64_MAX;
    const uint64_t y = b.shard ? b.shard->index : UINT64_MAX;
    return x < y;
  });
  return kept;
}

// Sorted, deduplicated by the full key (fingerprint and location).
std::vector<Json> DedupSorted(std::vector<std::pair<internal::FindingKey, Json>> keyed) {
  std::stable_sort(keyed.begin(), keyed.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<Json> out;
  out.reserve(keyed.size());
  const internal::FindingKey* last = nullptr;
  bool last_suppressed = false;
  for (auto& [key, value] : keyed) {
    const bool suppressed = internal::SarifSuppressed(value);
    if (last != nullptr && *last == key && last_suppressed == suppressed) continue;
    last = &key;
    last_suppressed = suppressed;
    out.push_back(std::move(value));
  }
  return out;
}

// Counts from hostile reports: saturate rather than wrap (a wrapped error count could read 0).
uint64_t Add(uint64_t a, uint64_t b) { return a > UINT64_MAX - b ? UINT64_MAX : a + b; }

void AddCounts(const Json& from, Json* to) {
  if (!from.is_object()) return;  // CheckSummary: an object of counts
  for (const auto& [name, count] : from.items()) {
    (*to)[name] = Add(to->contains(name) ? (*to)[name].get<uint64_t>() : 0, count.get<uint64_t>());
  }
}

// One kind of scan per merge (report::ScanKind): files_scanned of a history counts blobs, of a
// directory files, and a sum of both would be neither. The first report that names its kind
// decides; one naming another kind is left out whole, as a report in another format is. A
// report without the field (older than it) merges with any, as before.
std::vector<ParsedReport> SameScanKind(std::vector<ParsedReport> reports,
                                       std::vector<report::Diagnostic>* problems) {
  std::vector<ParsedReport> kept;
  std::string decided_kind, decided_by;  // empty: no report has named its kind yet
  for (ParsedReport& r : reports) {
    const std::string kind = internal::StringAt(r.summary, "scan_kind");
    if (!kind.empty() && decided_kind.empty()) {
      decided_kind = kind;
      decided_by = r.name;
    } else if (!kind.empty() && kind != decided_kind) {
      problems->push_back({r.name, kBadReport,
                           "a scan of another kind (" + kind + ") than '" + decided_by + "' (" +
                               decided_kind + "): reports of different kinds are not merged "
                               "together: left out"});
      continue;
    }
    kept.push_back(std::move(r));
  }
  return kept;
}

}  // namespace

MergedReport MergeReports(const std::vector<ReportInput>& inputs, const MergeOptions& options) {
  MergedReport result;
  std::vector<ParsedReport> parsed;
  for (const ReportInput& input : inputs) {
    ParsedReport report;
    report.name = input.name;
    const Status status = Parse(input, options, &report);
    if (!status.ok()) {
      result.problems.push_back({input.name, kBadReport, status.message() + ": left out"});
      continue;
    }
    parsed.push_back(std::move(report));
  }
  // One format per merge: the first usable input decides.
  std::vector<ParsedReport> same_format;
  for (ParsedReport& r : parsed) {
    if (!same_format.empty() && r.format != same_format.front().format) {
      result.problems.push_back({r.name, kBadReport,
                                 "a different format from '" + same_format.front().name +
                                     "' (JSON and SARIF reports are not merged together): "
                                     "left out"});
      continue;
    }
    same_format.push_back(std::move(r));
  }
  std::vector<ParsedReport> same_kind = SameScanKind(std::move(same_format), &result.problems);
  std::vector<ParsedReport> reports = CheckShards(std::move(same_kind), &result.problems);
  for (const ParsedReport& r : reports) {
    if (r.version != reports.front().version) {
      result.problems.push_back({r.name, kIncomplete,
                                 "written by magpie " + r.version + ", '" +
                                     reports.front().name + "' by " + reports.front().version +
                                     ": rules may differ"});
    }
  }
  result.format = reports.empty() ? MergedFormat::kJson : reports.front().format;
  const bool sarif = result.format == MergedFormat::kSarif;

  internal::Merged merged;
  std::vector<std::pair<internal::FindingKey, Json>> findings;
  std::vector<std::pair<internal::FindingKey, Json>> suppressed;
  Json summary = Json::object();
  Json skipped = Json::object();
  Json suppressed_counts = Json::object();
  uint64_t files = 0, bytes = 0, errors = 0;
  double elapsed = 0;
  std::string config_file;
  for (ParsedReport& r : reports) {
    for (Json& f : r.findings) {
      internal::FindingKey key = sarif ? internal::SarifResultKey(f) : internal::JsonFindingKey(f);
      findings.emplace_back(std::move(key), std::move(f));
    }
    for (Json& f : r.suppressed) {
      internal::FindingKey key = internal::JsonFindingKey(f);
      suppressed.emplace_back(std::move(key), std::move(f));
    }
    uint64_t error_diagnostics = 0;
    for (Json& d : r.diagnostics) {
      const std::string kind =
          sarif ? internal::SarifNotificationKind(d) : internal::JsonDiagnosticKind(d);
      if (report::DiagnosticLevel(kind) == "error") ++error_diagnostics;
      merged.diagnostics.push_back(std::move(d));
    }
    // A shard's summary may count errors it could not list; never fewer than it listed.
    errors = Add(errors, std::max(internal::NumberAt(r.summary, "errors"), error_diagnostics));
    files = Add(files, internal::NumberAt(r.summary, "files_scanned"));
    bytes = Add(bytes, internal::NumberAt(r.summary, "bytes_scanned"));
    if (const Json* s = internal::Member(r.summary, "skipped")) AddCounts(*s, &skipped);
    if (const Json* s = internal::Member(r.summary, "suppressed")) AddCounts(*s, &suppressed_counts);
    if (const Json* e = internal::Member(r.summary, "elapsed_seconds"); e && e->is_number()) {
      elapsed = std::max(elapsed, e->get<double>());
    }
    if (config_file.empty()) config_file = internal::StringAt(r.summary, "config_file");
    for (const auto& [key, value] : r.summary.items()) {
      if (!summary.contains(key)) summary[key] = value;  // unknown fields: the first report's
    }
  }
  // A shard's history findings hold only its share of each secret's versions (issue 11).
  for (const auto& [reason, folded] :
       internal::RegroupHistory(sarif, &findings, &suppressed)) {
    if (!suppressed_counts.contains(reason)) continue;
    const uint64_t counted = suppressed_counts[reason].get<uint64_t>();
    suppressed_counts[reason] = counted > folded ? counted - folded : 0;
  }
  merged.findings = DedupSorted(std::move(findings));
  merged.suppressed = DedupSorted(std::move(suppressed));
  // The shards' diagnostics in the order one machine writes them (report/json_reporter.cc,
  // report/sarif_reporter.cc); the merge's own after them.
  std::stable_sort(merged.diagnostics.begin(), merged.diagnostics.end(),
                   [sarif](const Json& a, const Json& b) {
                     return internal::DiagnosticKey(a, sarif) < internal::DiagnosticKey(b, sarif);
                   });
  for (const report::Diagnostic& d : result.problems) {
    merged.diagnostics.push_back(sarif ? internal::SarifNotification(d)
                                       : internal::JsonDiagnostic(d));
  }
  errors = Add(errors, result.problems.size());
  // Counted again, not summed: a secret split over shards is one finding (issue 13).
  uint64_t reported = 0, sensitive = 0;
  const Json no_properties = Json::object();
  for (const Json& f : merged.findings) {
    if (internal::SarifSuppressed(f)) continue;
    ++reported;
    const Json& holder = sarif ? internal::Or(internal::Member(f, "properties"), no_properties) : f;
    if (internal::StringAt(holder, "kind") == "sensitive-file") ++sensitive;
  }
  summary["files_scanned"] = files;
  summary["bytes_scanned"] = bytes;
  summary["findings"] = reported;
  summary["sensitive_files"] = sensitive;
  summary["errors"] = errors;
  summary["skipped"] = skipped;
  summary["suppressed"] = suppressed_counts;
  summary["elapsed_seconds"] = elapsed;
  summary["config_file"] = config_file;
  merged.summary = summary;

  result.summary.files_scanned = files;
  result.summary.bytes_scanned = bytes;
  result.summary.findings = reported;
  result.summary.sensitive_files = sensitive;
  result.summary.errors = errors;
  for (const auto& [name, count] : skipped.items()) result.summary.skipped[name] = count;
  for (const auto& [name, count] : suppressed_counts.items()) {
    result.summary.suppressed[name] = count;
  }
  result.summary.elapsed_seconds = elapsed;
  result.summary.config_file = config_file;
  // The shards' kind (SameScanKind: one at most), so that the summary line names what was
  // counted; none named (older reports) or one this magpie does not know: files, as before.
  if (const auto kind = report::ParseScanKind(internal::StringAt(summary, "scan_kind"))) {
    result.summary.kind = *kind;
  }
  result.document = sarif ? internal::WriteSarif(reports, std::move(merged))
                          : internal::WriteJson(reports, std::move(merged));
  return result;
}

}  // namespace magpie::merge
