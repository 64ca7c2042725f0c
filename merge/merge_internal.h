// Private to merge/: one validated input report, and the helpers the two formats share.
#ifndef MAGPIE_MERGE_MERGE_INTERNAL_H_
#define MAGPIE_MERGE_MERGE_INTERNAL_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"
#include "merge/report_merge.h"

namespace magpie::merge::internal {

using Json = nlohmann::ordered_json;  // keeps the keys in the order the reports wrote them

struct ShardOf {
  uint64_t index = 0;
  uint64_t count = 0;
};

// One input, checked: every field the merge reads has the type it expects. Anything else in
// the document is carried through untouched.
struct ParsedReport {
  std::string name;
  MergedFormat format = MergedFormat::kJson;
  Json doc;
  std::string version;              // magpie's version that wrote it
  std::optional<ShardOf> shard;
  std::vector<Json> findings;       // JSON: "findings"; SARIF: every result
  std::vector<Json> suppressed;     // JSON: "suppressed" (SARIF marks results instead)
  std::vector<Json> diagnostics;    // JSON: "diagnostics"; SARIF: the notifications
  Json summary;                     // magpie's summary object
  std::vector<Json> rules;          // SARIF: tool.driver.rules
};

// Safe accessors: a missing key or a value of another type reads as empty/zero.
const Json* Member(const Json& object, const char* key);
std::string StringAt(const Json& object, const char* key);
uint64_t NumberAt(const Json& object, const char* key);
bool IsCount(const Json& value);  // a non-negative integer
inline const Json& Or(const Json* value, const Json& fallback) { return value ? *value : fallback; }

// Checks a magpie summary object: counts are counts, maps map names to counts.
Status CheckSummary(const Json& summary);
// Checks {"index", "count"}: 0 <= index < count <= 65536.
Result<ShardOf> ReadShard(const Json& shard);

// Per-format reading and writing (json_format.cc, sarif_format.cc).
Status ReadJsonReport(ParsedReport* report);
Status ReadSarifReport(ParsedReport* report);

// What the merge of several reports came to, format-neutral.
struct Merged {
  std::vector<Json> findings;     // deduplicated, sorted
  std::vector<Json> suppressed;   // JSON only
  std::vector<Json> diagnostics;  // every input's, then the merge's own (in the output format)
  Json summary;                   // recomputed
};

// The sort key of a finding (JSON) or result (SARIF): (repository, path, commit time, commit
// order, commit, blob, start offset, end offset, rule, fingerprint), a single machine's order
// (pipeline/history_group_sink.h). The commit order is a shard's git.regroup's, else 0.
using FindingKey = std::tuple<std::string, std::string, std::string, uint64_t, std::string,
                              std::string, uint64_t, uint64_t, std::string, std::string>;
FindingKey JsonFindingKey(const Json& finding);
FindingKey SarifResultKey(const Json& result);
// The kind of a diagnostic (JSON "kind"; SARIF descriptor.id).
std::string JsonDiagnosticKind(const Json& diagnostic);
std::string SarifNotificationKind(const Json& notification);
// The order of a report's diagnostics: (no location, location, kind, message), as its writer
// sorts them (JSON: path, kind, message; SARIF: the location's uri, descriptor.id, text).
using DiagnosticOrder = std::tuple<bool, std::string, std::string, std::string>;
DiagnosticOrder DiagnosticKey(const Json& diagnostic, bool sarif);
Json JsonDiagnostic(const report::Diagnostic& d);
Json SarifNotification(const report::Diagnostic& d);
// SARIF results that a suppression marks are not findings.
bool SarifSuppressed(const Json& result);

// The merged document in the inputs' format; `first` supplies what is carried through.
// History findings of shard reports (history_regroup.cc). CheckRegroup validates a finding's
// git object's "regroup" and the history fields merging reads (absent "regroup": fine).
// RegroupHistory folds the partial findings of one secret at one path from several shards into
// the one a single machine reports, recomputes paths, present_elsewhere and present_at_head
// across paths, removes "regroup", and returns, per reason, how many suppressed partials were
// folded away (the shards' summaries counted each).
Status CheckRegroup(const Json& git);
std::map<std::string, uint64_t> RegroupHistory(bool sarif,
                                               std::vector<std::pair<FindingKey, Json>>* findings,
                                               std::vector<std::pair<FindingKey, Json>>* suppressed);

std::string WriteJson(const std::vector<ParsedReport>& reports, Merged merged);
std::string WriteSarif(const std::vector<ParsedReport>& reports, Merged merged);

std::string Dump(const Json& value);

}  // namespace magpie::merge::internal

#endif  // MAGPIE_MERGE_MERGE_INTERNAL_H_
