// SARIF 2.1.0 writer: one run, one result per finding.
//
// Results are written as they are added, so the run object lists "results" before "tool"
// (JSON objects are unordered; SARIF readers parse the whole document): the rules table,
// which must hold each reported rule exactly once with a stable ruleIndex, is only complete
// at End(). Diagnostics become toolExecutionNotifications of the single invocation: level
// "error" for what made the scan incomplete (then executionSuccessful is false), "note" for a
// skip by policy, "warning" for the rest (report::DiagnosticLevel).
//
// Columns: run.columnKind is "unicodeCodePoints". magpie counts columns in bytes, so they are
// converted with the context line where it starts at the line's start (the usual case); a
// line cut on the left, or the end of a multi-line secret, keeps byte columns, which only
// differ when the line holds non-ASCII text.
#include <algorithm>
#include <map>
#include <ostream>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <variant>

#include "report/history_text.h"
#include "report/report_internal.h"
#include "rules/rule_set.h"
#include "rules/rule_spec.h"

namespace magpie::report::internal {
namespace {

constexpr std::string_view kSchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr std::string_view kInformationUri = "https://github.com/magpie-scanner/magpie";
constexpr std::string_view kFingerprintKey = "magpie/v1";
constexpr std::string_view kRemediation =
    "Treat the secret as exposed: revoke or rotate it, then remove it from the code (and from "
    "git history if it was committed) and load it from a secret store or the environment.";
constexpr std::string_view kSuppression =
    "If this is a false positive, suppress it: add a `magpie:allow RULE-ID` comment on the "
    "line, or add its fingerprint (the \"magpie/v1\" partial fingerprint) to .magpieignore "
    "(`magpie scan --write-ignore` does it). See docs/suppression.md.";
constexpr size_t kShortCommit = 12;

std::string_view Level(rules::Severity severity) {
  switch (severity) {
    case rules::Severity::kCritical:
    case rules::Severity::kHigh:
      return "error";
    case rules::Severity::kMedium:
      return "warning";
    case rules::Severity::kLow:
      return "note";
  }
  return "error";
}

// GitHub code scanning reads this property to rank alerts (9.0+ critical, 7.0+ high...).
std::string_view SecuritySeverity(rules::Severity severity) {
  switch (severity) {
    case rules::Severity::kCritical:
      return "9.0";
    case rules::Severity::kHigh:
      return "7.0";
    case rules::Severity::kMedium:
      return "5.0";
    case rules::Severity::kLow:
      return "3.0";
  }
  return "7.0";
}

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// "AWS access key ID" -> "AWSAccessKeyID": SARIF's reportingDescriptor.name is meant to be
// an identifier-like word.
std::string PascalCase(std::string_view text) {
  std::string out;
  bool word_start = true;
  for (char c : text) {
    if (!IsAsciiAlnum(c)) {
      word_start = true;
      continue;
    }
    out += (word_start && c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    word_start = false;
  }
  return out;
}

// A relative path as a URI reference: every byte but unreserved characters and '/'
// percent-encoded (spaces, '%', '#', '?', ':' and non-ASCII bytes included). Absolute paths
// become file:// URIs.
std::string ArtifactUri(std::string_view path) {
  constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  if (!path.empty() && path.front() == '/') out = "file://";
  while (path.substr(0, 2) == "./") path.remove_prefix(2);
  for (char c : path) {
    if (IsAsciiAlnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out += c;
    } else {
      const auto byte = static_cast<unsigned char>(c);
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0xF];
    }
  }
  return out;
}

uint32_t CountCodePoints(std::string_view bytes) {
  return static_cast<uint32_t>(std::count_if(bytes.begin(), bytes.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

struct Columns {
  uint32_t start;
  uint32_t end;
};

Columns CodePointColumns(const scanner::Finding& f) {
  Columns columns{std::max<uint32_t>(1, f.start.column), std::max<uint32_t>(1, f.end.column)};
  const size_t offset = f.context_secret_offset;
  // Only when the context starts at the start of the line do we know every byte before it.
  if (offset + 1 != f.start.column || offset > f.context.size()) return columns;
  columns.start = 1 + CountCodePoints(std::string_view(f.context).substr(0, offset));
  if (f.end.line == f.start.line && f.end.column >= f.start.column) {
    const size_t span = f.end.column - f.start.column;
    const size_t known = std::min(span, f.context.size() - offset);
    columns.end = columns.start +
                  CountCodePoints(std::string_view(f.context).substr(offset, known)) +
                  static_cast<uint32_t>(span - known);
  }
  return columns;
}

Json Text(std::string text) {
  Json j;
  j["text"] = std::move(text);
  return j;
}

bool NotificationLess(const Json& a, const Json& b) {
  auto uri = [](const Json& n) -> std::string {
    if (!n.contains("locations")) return {};
    return n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].get<std::string>();
  };
  auto id = [](const Json& n) -> std::string {
    return n.contains("descriptor") ? n["descriptor"]["id"].get<std::string>() : std::string();
  };
  const std::string x = uri(a), y = uri(b);
  if (x.empty() != y.empty()) return y.empty();
  return std::make_tuple(x, id(a), a["message"]["text"].get<std::string>()) <
         std::make_tuple(y, id(b), b["message"]["text"].get<std::string>());
}

class SarifReporter final : public Reporter {
 public:
  SarifReporter(std::ostream& out, ReportOptions options)
      : out_(out), options_(std::move(options)) {}

  void Begin() override { Start(); }

  void Add(const ReportedFinding& finding) override { Write(Result(finding)); }

  // A suppressed finding is still a result, marked so that code scanning shows it as
  // suppressed: "inSource" for an inline marker, "external" for .magpieignore or a baseline.
  void AddSuppressed(const ReportedFinding& finding, std::string_view reason) override {
    Json result = Result(finding);
    Json suppression;
    suppression["kind"] = reason == "inline" ? "inSource" : "external";
    suppression["justification"] = "magpie: suppressed (" + std::string(reason) + ")";
    result["suppressions"] = Json::array({std::move(suppression)});
    Write(std::move(result));
  }

  void AddDiagnostic(const Diagnostic& diagnostic) override {
    Json notification;
    notification["level"] = std::string(DiagnosticLevel(diagnostic.kind));
    notification["message"] = Text(diagnostic.message);
    if (!diagnostic.kind.empty()) notification["descriptor"]["id"] = diagnostic.kind;
    if (!diagnostic.path.empty()) {
      Json location;
      location["physicalLocation"]["artifactLocation"]["uri"] = ArtifactUri(diagnostic.path);
      notification["locations"] = Json::array({location});
    }
    notifications_.push_back(std::move(notification));
  }

  void End(const Summary& summary) override {
    Start();
    Json driver;
    driver["name"] = "magpie";
    driver["version"] = options_.tool_version;
    driver["semanticVersion"] = options_.tool_version;
    driver["informationUri"] = kInformationUri;
    driver["rules"] = rules_;
    Json tool;
    tool["driver"] = std::move(driver);

    Json invocation;
    // An incomplete scan did not succeed, whatever it found (docs/exit-codes.md).
    invocation["executionSuccessful"] = summary.errors == 0;
    // By (location, with none last, kind, text): an order that does not depend on how the
    // items were packed or split, so that `magpie merge` of shards writes the same one.
    std::stable_sort(notifications_.begin(), notifications_.end(), NotificationLess);
    if (!notifications_.empty()) invocation["toolExecutionNotifications"] = notifications_;
    invocation["properties"]["summary"] = SummaryJson(summary);
    if (options_.shard_count > 0) invocation["properties"]["shard"] = ShardJson(options_);

    // The same bytes as Dump(whole_document, 2), results first (see the file comment).
    out_ << (results_ == 0 ? "]" : "\n      ]");
    out_ << ",\n      \"tool\": " << DumpNested(tool, 6);
    out_ << ",\n      \"invocations\": " << DumpNested(Json::array({invocation}), 6);
    out_ << ",\n      \"columnKind\": \"unicodeCodePoints\"\n    }\n  ]\n}\n";
    out_.flush();
  }

 private:
  void Write(const Json& result) {
    Start();
    out_ << (results_ == 0 ? "\n        " : ",\n        ") << DumpNested(result, 8);
    ++results_;
  }

  void Start() {
    if (started_) return;
    started_ = true;
    out_ << "{\n  \"$schema\": " << Dump(Json(kSchemaUri)) << ",\n  \"version\": \"2.1.0\","
         << "\n  \"runs\": [\n    {\n      \"results\": [";
  }

  // Index of the finding's rule in tool.driver.rules, adding it on first use.
  int RuleIndex(const scanner::Finding& f) {
    const auto [it, inserted] = rule_index_.try_emplace(f.rule_id, static_cast<int>(rules_.size()));
    if (!inserted) return it->second;

    const rules::RuleSpec* spec = nullptr;
    if (options_.rules != nullptr) {
      const int found = options_.rules->Find(f.rule_id);
      if (found >= 0) spec = &options_.rules->rules()[static_cast<size_t>(found)];
    }
    const std::string& title = spec != nullptr ? spec->name : f.rule_name;
    const std::string name = !title.empty() ? title : f.rule_id;
    const std::string description =
        spec != nullptr && !spec->description.empty() ? spec->description : name;
    const rules::Severity severity = spec != nullptr ? spec->severity : f.severity;
    const rules::Confidence confidence = spec != nullptr ? spec->confidence : f.confidence;

    Json rule;
    rule["id"] = f.rule_id;
    const std::string pascal = PascalCase(name);
    rule["name"] = pascal.empty() ? f.rule_id : pascal;
    rule["shortDescription"] = Text(name);
    rule["fullDescription"] = Text(description);
    // The rule's own rotation guidance when it has some (issue 15), else the generic advice;
    // markdown too, which GitHub code scanning shows.
    const std::string remediation = spec != nullptr && !spec->remediation.empty()
                                        ? spec->remediation
                                        : std::string(kRemediation);
    rule["help"] = Text(description + "\n\n" + remediation + "\n\n" + std::string(kSuppression));
    rule["help"]["markdown"] = description + "\n\n**Remediation.** " + remediation + "\n\n" +
                               std::string(kSuppression);
    if (spec != nullptr && !spec->references.empty()) rule["helpUri"] = spec->references.front();
    rule["defaultConfiguration"]["level"] = Level(severity);
    rule["properties"]["tags"] = Json::array({"security", "secret"});
    rule["properties"]["precision"] = rules::ToString(confidence);
    rule["properties"]["security-severity"] = SecuritySeverity(severity);
    rules_.push_back(std::move(rule));
    return it->second;
  }

  Json Result(const ReportedFinding& reported) {
    const scanner::Finding& f = reported.finding;
    const std::string secret = SecretForOutput(f.secret, options_);
    const auto* git = std::get_if<GitOrigin>(&reported.origin);

    std::string message = (f.rule_name.empty() ? f.rule_id : f.rule_name) + ": " +
                          (f.sensitive_file ? "a file that should never be committed" : secret);
    if (git != nullptr && git->history) {
      // The commit, the path and where the secret lives now (issue 11): code scanning shows
      // the message, and a history alert must say it is about a commit, not the checkout.
      message += " in " + OriginPath(reported.origin);
      if (!git->commit.empty()) {
        message += ", introduced by commit " + git->commit.substr(0, kShortCommit);
      }
      message += HistoryMessageTail(*git->history);
    } else if (git != nullptr && !git->commit.empty()) {
      message += " (commit " + git->commit.substr(0, kShortCommit) + ")";
    } else if (git != nullptr && git->staged) {
      message += " (staged)";
    }

    Json result;
    result["ruleId"] = f.rule_id;
    result["ruleIndex"] = RuleIndex(f);
    result["level"] = Level(f.severity);
    result["message"] = Text(std::move(message));

    const Columns columns = CodePointColumns(f);
    Json physical;
    physical["artifactLocation"]["uri"] = ArtifactUri(OriginPath(reported.origin));
    Json& region = physical["region"];
    region["startLine"] = std::max<uint32_t>(1, f.start.line);
    region["startColumn"] = columns.start;
    region["endLine"] = std::max<uint32_t>(1, std::max(f.start.line, f.end.line));
    region["endColumn"] = columns.end;
    region["byteOffset"] = f.start.offset;
    region["byteLength"] = f.end.offset > f.start.offset ? f.end.offset - f.start.offset : 0;
    region["snippet"] = Text(secret);
    if (!f.context.empty() && f.end.line <= f.start.line) {
      Json& context_region = physical["contextRegion"];
      context_region["startLine"] = std::max<uint32_t>(1, f.start.line);
      context_region["snippet"] = Text(ContextForOutput(f, options_).text);
    }
    if (git != nullptr && !git->commit.empty()) {
      // The region is in the blob at this commit, not necessarily in the checkout.
      physical["artifactLocation"]["properties"]["commit"] = git->commit;
      physical["artifactLocation"]["properties"]["blob"] = git->blob_id;
    }
    Json location;
    location["physicalLocation"] = std::move(physical);
    if (git != nullptr && !git->commit.empty()) {
      Json commit;
      commit["name"] = git->commit.substr(0, kShortCommit);
      commit["fullyQualifiedName"] = git->commit;
      commit["kind"] = "commit";  // SARIF §3.33.7 lets a tool name its own kinds
      location["logicalLocations"] = Json::array({std::move(commit)});
    }
    result["locations"] = Json::array({std::move(location)});
    result["partialFingerprints"][std::string(kFingerprintKey)] = reported.fingerprint;

    Json& properties = result["properties"];
    properties["confidence"] = rules::ToString(f.confidence);
    properties["severity"] = rules::ToString(f.severity);
    properties["validated"] = f.validated;
    if (f.sensitive_file) properties["kind"] = "sensitive-file";  // as in JSON; merge counts it
    properties["redacted"] = !options_.show_secrets;
    if (!f.decoded.empty()) properties["decoded"] = f.decoded;
    if (git != nullptr) properties["git"] = GitJson(*git, f.secret, options_);
    return result;
  }

  std::ostream& out_;
  const ReportOptions options_;
  bool started_ = false;
  uint64_t results_ = 0;
  Json rules_ = Json::array();
  std::map<std::string, int> rule_index_;
  Json notifications_ = Json::array();
};

}  // namespace

std::unique_ptr<Reporter> MakeSarifReporter(std::ostream& out, ReportOptions options) {
  return std::make_unique<SarifReporter>(out, std::move(options));
}

}  // namespace magpie::report::internal

namespace magpie::report {

std::string HistoryMessageTail(const SecretHistory& history) {
  std::string tail;
  if (history.versions > 1) {
    tail += " (" + std::to_string(history.versions) + " versions";
    if (!history.last_commit.empty()) {
      tail += ", last " + history.last_commit.substr(0, internal::kShortCommit);
    }
    tail += ")";
  }
  return tail + "; " + internal::PresenceText(history);
}

}  // namespace magpie::report
