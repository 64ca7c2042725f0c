// magpie's SARIF 2.1.0 report (report/sarif_reporter.cc) read for merging and written back:
// one run; results carry magpie's fingerprint ("magpie/v1") and git provenance in properties;
// the invocation carries the diagnostics as notifications and magpie's summary in properties.
// The rules table is rebuilt from the merged results (each rule once, ruleIndex renumbered).
#include <map>
#include <string>
#include <utility>

#include "merge/merge_internal.h"

namespace magpie::merge::internal {
namespace {

constexpr const char* kFingerprintKey = "magpie/v1";

Status Bad(const std::string& what) { return InvalidArgument("not a magpie SARIF report: " + what); }

}  // namespace

Status ReadSarifReport(ParsedReport* report) {
  Json* runs = report->doc.contains("runs") ? &report->doc["runs"] : nullptr;
  if (runs == nullptr || !runs->is_array() || runs->size() != 1 || !(*runs)[0].is_object()) {
    return Bad("not exactly one run");
  }
  Json& run = (*runs)[0];
  const Json* driver = Member(Or(Member(run, "tool"), Json()), "driver");
  if (driver == nullptr || !driver->is_object()) return Bad("no tool.driver");
  const Json* version = Member(*driver, "version");
  if (version == nullptr || !version->is_string()) return Bad("no tool.driver.version");
  report->version = version->get<std::string>();
  if (const Json* rules = Member(*driver, "rules")) {
    if (!rules->is_array()) return Bad("tool.driver.rules is not an array");
    for (const Json& rule : *rules) {
      if (!rule.is_object() || !Member(rule, "id") || !rule["id"].is_string()) {
        return Bad("a rule without an id");
      }
      report->rules.push_back(rule);
    }
  }
  Json* results = run.contains("results") ? &run["results"] : nullptr;
  if (results == nullptr || !results->is_array()) return Bad("no results");
  for (Json& result : *results) {
    if (!result.is_object()) return Bad("a result is not an object");
    const Json* rule = Member(result, "ruleId");
    const Json* fingerprint = Member(Or(Member(result, "partialFingerprints"), Json()),
                                     kFingerprintKey);
    if (rule == nullptr || !rule->is_string() || fingerprint == nullptr ||
        !fingerprint->is_string()) {
      return Bad("a result without ruleId or a magpie/v1 fingerprint");
    }
    const Json* git = Member(Or(Member(result, "properties"), Json()), "git");
    if (git != nullptr && !git->is_object()) return Bad("a result's properties.git");
    if (git != nullptr) {
      if (Status s = CheckRegroup(*git); !s.ok()) return s;
    }
    report->findings.push_back(std::move(result));
  }
  const Json* invocations = Member(run, "invocations");
  if (invocations == nullptr || !invocations->is_array() || invocations->empty() ||
      !(*invocations)[0].is_object()) {
    return Bad("no invocation");
  }
  Json& invocation = run["invocations"][0];
  const Json* properties = Member(invocation, "properties");
  const Json* summary = properties ? Member(*properties, "summary") : nullptr;
  if (summary == nullptr) return Bad("no magpie summary in the invocation's properties");
  if (Status s = CheckSummary(*summary); !s.ok()) return s;
  report->summary = *summary;
  if (const Json* shard = Member(*properties, "shard")) {
    Result<ShardOf> of = ReadShard(*shard);
    if (!of.ok()) return of.status();
    report->shard = *of;
  }
  if (invocation.contains("toolExecutionNotifications")) {
    Json& notifications = invocation["toolExecutionNotifications"];
    if (!notifications.is_array()) return Bad("toolExecutionNotifications is not an array");
    for (Json& n : notifications) {
      if (!n.is_object()) return Bad("a notification is not an object");
      report->diagnostics.push_back(std::move(n));
    }
  }
  return Status();
}

bool SarifSuppressed(const Json& result) {
  const Json* suppressions = Member(result, "suppressions");
  return suppressions != nullptr && suppressions->is_array() && !suppressions->empty();
}

FindingKey SarifResultKey(const Json& result) {
  const Json empty = Json::object();
  const Json& git = Or(Member(Or(Member(result, "properties"), empty), "git"), empty);
  const Json* locations = Member(result, "locations");
  const Json& location =
      locations && locations->is_array() && !locations->empty() ? (*locations)[0] : empty;
  const Json& physical = Or(Member(location, "physicalLocation"), empty);
  const Json& region = Or(Member(physical, "region"), empty);
  std::string path = StringAt(git, "path");
  if (path.empty()) path = StringAt(Or(Member(physical, "artifactLocation"), empty), "uri");
  const uint64_t start = NumberAt(region, "byteOffset");
  return {StringAt(git, "repository"), path, StringAt(git, "commit_time"),
          NumberAt(Or(Member(git, "regroup"), empty), "commit_order"), StringAt(git, "commit"),
          StringAt(git, "blob"), start,
          start + NumberAt(region, "byteLength"), StringAt(result, "ruleId"),
          StringAt(Or(Member(result, "partialFingerprints"), empty), kFingerprintKey)};
}

std::string SarifNotificationKind(const Json& notification) {
  return StringAt(Or(Member(notification, "descriptor"), Json::object()), "id");
}

DiagnosticOrder DiagnosticKey(const Json& d, bool sarif) {
  const Json empty = Json::object();
  std::string where, text;
  if (sarif) {
    const Json* locations = Member(d, "locations");
    const Json& location =
        locations && locations->is_array() && !locations->empty() ? (*locations)[0] : empty;
    where = StringAt(Or(Member(Or(Member(location, "physicalLocation"), empty),
                               "artifactLocation"), empty), "uri");
    text = StringAt(Or(Member(d, "message"), empty), "text");
  } else {
    where = StringAt(d, "path");
    text = StringAt(d, "message");
  }
  return {where.empty(), where, sarif ? SarifNotificationKind(d) : JsonDiagnosticKind(d), text};
}

Json SarifNotification(const report::Diagnostic& d) {
  Json j;
  j["level"] = std::string(report::DiagnosticLevel(d.kind));
  j["message"]["text"] = d.path.empty() ? d.message : d.path + ": " + d.message;
  j["descriptor"]["id"] = d.kind;
  return j;
}

std::string WriteSarif(const std::vector<ParsedReport>& reports, Merged merged) {
  if (reports.empty()) return Dump(Json::object()) + "\n";  // MergeReports writes JSON then
  Json doc = reports.front().doc;  // carries $schema, version, and whatever else it holds
  Json& run = doc["runs"][0];
  // Each rule once, in the order the merged results first use it.
  std::map<std::string, const Json*> definitions;
  for (const ParsedReport& r : reports) {
    for (const Json& rule : r.rules) definitions.emplace(rule["id"].get<std::string>(), &rule);
  }
  std::map<std::string, size_t> index;
  Json rules = Json::array();
  for (Json& result : merged.findings) {
    const std::string id = result["ruleId"].get<std::string>();
    auto it = index.find(id);
    if (it == index.end()) {
      it = index.emplace(id, rules.size()).first;
      const auto definition = definitions.find(id);
      if (definition != definitions.end()) {
        rules.push_back(*definition->second);
      } else {
        Json bare;  // a result whose rule no report described: named, at least
        bare["id"] = id;
        rules.push_back(std::move(bare));
      }
    }
    result["ruleIndex"] = it->second;
  }
  const bool complete = merged.summary["errors"].get<uint64_t>() == 0;
  run["results"] = Json::array();
  for (Json& result : merged.findings) run["results"].push_back(std::move(result));
  run["tool"]["driver"]["rules"] = std::move(rules);
  Json& invocation = run["invocations"][0];
  invocation["executionSuccessful"] = complete;
  if (merged.diagnostics.empty()) {
    invocation.erase("toolExecutionNotifications");
  } else {
    Json notifications = Json::array();
    for (Json& d : merged.diagnostics) notifications.push_back(std::move(d));
    invocation["toolExecutionNotifications"] = std::move(notifications);
  }
  invocation["properties"]["summary"] = std::move(merged.summary);
  invocation["properties"].erase("shard");
  return Dump(doc) + "\n";
}

}  // namespace magpie::merge::internal
