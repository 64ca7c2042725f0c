// magpie's JSON report (report/json_reporter.cc) read for merging and written back, plus the
// accessors every format uses. Reading checks the types of what the merge uses and nothing
// else: unknown fields are carried through.
#include <set>
#include <string>
#include <utility>

#include "merge/merge_internal.h"

namespace magpie::merge::internal {
namespace {

constexpr uint64_t kMaxShards = 65536;

Status Bad(const std::string& what) { return InvalidArgument("not a magpie report: " + what); }

// Array `key` of objects, moved out into `out`. Absent: fine when `optional`.
Status TakeObjects(Json* doc, const char* key, bool optional, std::vector<Json>* out) {
  if (!doc->contains(key)) return optional ? Status() : Bad(std::string("no \"") + key + "\"");
  Json& array = (*doc)[key];
  if (!array.is_array()) return Bad(std::string("\"") + key + "\" is not an array");
  for (Json& item : array) {
    if (!item.is_object()) return Bad(std::string("an entry of \"") + key + "\" is not an object");
    out->push_back(std::move(item));
  }
  return Status();
}

bool IsStringOrAbsent(const Json& object, const char* key) {
  const Json* value = Member(object, key);
  return value == nullptr || value->is_string();
}

Status CheckFinding(const Json& f) {
  for (const char* key : {"rule", "path", "fingerprint"}) {
    const Json* value = Member(f, key);
    if (value == nullptr || !value->is_string()) {
      return Bad(std::string("a finding without a string \"") + key + "\"");
    }
  }
  for (const char* key : {"start_offset", "end_offset"}) {
    const Json* value = Member(f, key);
    if (value != nullptr && !IsCount(*value)) return Bad("a finding's offset is not a count");
  }
  if (const Json* git = Member(f, "git")) {
    if (!git->is_object()) return Bad("a finding's \"git\" is not an object");
    for (const char* key : {"repository", "path", "commit", "blob", "commit_time"}) {
      if (!IsStringOrAbsent(*git, key)) return Bad("a finding's git." + std::string(key));
    }
    if (Status s = CheckRegroup(*git); !s.ok()) return s;
  }
  return Status();
}

}  // namespace

const Json* Member(const Json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  const auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

std::string StringAt(const Json& object, const char* key) {
  const Json* value = Member(object, key);
  return value != nullptr && value->is_string() ? value->get<std::string>() : std::string();
}

bool IsCount(const Json& value) {
  return value.is_number_unsigned() || (value.is_number_integer() && value.get<int64_t>() >= 0);
}

uint64_t NumberAt(const Json& object, const char* key) {
  const Json* value = Member(object, key);
  return value != nullptr && IsCount(*value) ? value->get<uint64_t>() : 0;
}

Status CheckSummary(const Json& summary) {
  if (!summary.is_object()) return Bad("the summary is not an object");
  for (const char* key : {"files_scanned", "bytes_scanned", "findings", "errors"}) {
    const Json* value = Member(summary, key);
    if (value == nullptr || !IsCount(*value)) return Bad(std::string("summary.") + key);
  }
  for (const char* key : {"skipped", "suppressed"}) {
    const Json* map = Member(summary, key);
    if (map == nullptr) continue;
    if (!map->is_object()) return Bad(std::string("summary.") + key + " is not an object");
    for (const auto& item : map->items()) {
      if (!IsCount(item.value())) return Bad(std::string("summary.") + key + " holds a non-count");
    }
  }
  const Json* elapsed = Member(summary, "elapsed_seconds");
  if (elapsed != nullptr && !elapsed->is_number()) return Bad("summary.elapsed_seconds");
  if (!IsStringOrAbsent(summary, "config_file")) return Bad("summary.config_file");
  // An empty kind would read as a report older than the field, which merges with any kind.
  const Json* kind = Member(summary, "scan_kind");
  if (kind != nullptr && (!kind->is_string() || kind->get_ref<const std::string&>().empty())) {
    return Bad("summary.scan_kind");
  }
  return Status();
}

Result<ShardOf> ReadShard(const Json& shard) {
  const Json* index = Member(shard, "index");
  const Json* count = Member(shard, "count");
  if (index == nullptr || count == nullptr || !IsCount(*index) || !IsCount(*count)) {
    return Bad("\"shard\" is not {\"index\", \"count\"}");
  }
  ShardOf of{index->get<uint64_t>(), count->get<uint64_t>()};
  if (of.count == 0 || of.count > kMaxShards || of.index >= of.count) {
    return Bad("shard " + std::to_string(of.index) + "/" + std::to_string(of.count) +
               " is out of range");
  }
  return of;
}

Status ReadJsonReport(ParsedReport* report) {
  Json& doc = report->doc;
  const Json* version = Member(doc, "version");
  if (version == nullptr || !version->is_string()) return Bad("no \"version\"");
  report->version = version->get<std::string>();
  if (const Json* shard = Member(doc, "shard")) {
    Result<ShardOf> of = ReadShard(*shard);
    if (!of.ok()) return of.status();
    report->shard = *of;
  }
  if (Status s = TakeObjects(&doc, "findings", false, &report->findings); !s.ok()) return s;
  if (Status s = TakeObjects(&doc, "suppressed", true, &report->suppressed); !s.ok()) return s;
  if (Status s = TakeObjects(&doc, "diagnostics", false, &report->diagnostics); !s.ok()) return s;
  for (const Json& f : report->findings) {
    if (Status s = CheckFinding(f); !s.ok()) return s;
  }
  for (const Json& f : report->suppressed) {
    if (Status s = CheckFinding(f); !s.ok()) return s;
  }
  for (const Json& d : report->diagnostics) {
    for (const char* key : {"path", "kind", "message"}) {
      if (!IsStringOrAbsent(d, key)) return Bad(std::string("a diagnostic's ") + key);
    }
  }
  const Json* summary = Member(doc, "summary");
  if (summary == nullptr) return Bad("no \"summary\"");
  if (Status s = CheckSummary(*summary); !s.ok()) return s;
  report->summary = *summary;
  return Status();
}

FindingKey JsonFindingKey(const Json& f) {
  const Json* git = Member(f, "git");
  const Json empty = Json::object();
  const Json& g = git != nullptr ? *git : empty;
  return {StringAt(g, "repository"), StringAt(f, "path"), StringAt(g, "commit_time"),
          NumberAt(Or(Member(g, "regroup"), empty), "commit_order"), StringAt(g, "commit"),
          StringAt(g, "blob"), NumberAt(f, "start_offset"),
          NumberAt(f, "end_offset"), StringAt(f, "rule"), StringAt(f, "fingerprint")};
}

std::string JsonDiagnosticKind(const Json& diagnostic) { return StringAt(diagnostic, "kind"); }

Json JsonDiagnostic(const report::Diagnostic& d) {
  Json j;
  j["path"] = d.path;
  j["kind"] = d.kind;
  j["message"] = d.message;
  j["level"] = std::string(report::DiagnosticLevel(d.kind));
  return j;
}

std::string WriteJson(const std::vector<ParsedReport>& reports, Merged merged) {
  Json doc;
  doc["version"] = reports.empty() ? std::string() : reports.front().version;
  doc["findings"] = Json::array();
  for (Json& f : merged.findings) doc["findings"].push_back(std::move(f));
  if (!merged.suppressed.empty()) {
    doc["suppressed"] = Json::array();
    for (Json& f : merged.suppressed) doc["suppressed"].push_back(std::move(f));
  }
  doc["diagnostics"] = Json::array();
  for (Json& d : merged.diagnostics) doc["diagnostics"].push_back(std::move(d));
  doc["summary"] = std::move(merged.summary);
  // Top-level fields magpie does not know: the first report's. "shard" is the merge's own.
  static const std::set<std::string> kKnown = {"version",     "shard",  "findings",
                                               "suppressed", "diagnostics", "summary"};
  for (const ParsedReport& r : reports) {
    for (const auto& [key, value] : r.doc.items()) {
      if (kKnown.count(key) == 0 && !doc.contains(key)) doc[key] = value;
    }
  }
  return Dump(doc) + "\n";
}

std::string Dump(const Json& value) {
  return value.dump(2, ' ', /*ensure_ascii=*/false, Json::error_handler_t::replace);
}

}  // namespace magpie::merge::internal
