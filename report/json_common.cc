// The JSON shapes shared by the JSON, JSONL and SARIF writers.
#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <variant>

#include "report/report_internal.h"
#include "rules/rule_spec.h"

namespace magpie::report::internal {
namespace {

double Round(double value, double scale) {
  return std::isfinite(value) ? std::round(value * scale) / scale : 0.0;
}

}  // namespace

const rules::RuleSpec* RuleOf(const ReportOptions& options, std::string_view id) {
  if (options.rules == nullptr) return nullptr;
  const int index = options.rules->Find(id);
  return index < 0 ? nullptr : &options.rules->rules()[static_cast<size_t>(index)];
}

std::string RemediationLine(const ReportOptions& options, std::string_view rule_id) {
  const rules::RuleSpec* spec = RuleOf(options, rule_id);
  if (spec == nullptr) return {};
  const std::string& text = spec->remediation;
  return text.substr(0, text.find('\n'));
}

Json GitJson(const GitOrigin& git, std::string_view secret, const ReportOptions& options) {
  Json j;
  if (!git.repository.empty()) j["repository"] = git.repository;
  j["commit"] = git.commit;
  j["blob"] = git.blob_id;
  j["path"] = git.path;
  j["author_name"] = git.author_name;
  j["author_email"] = git.author_email;
  // A staged blob has no commit yet; an epoch date would read as a real one.
  j["commit_time"] = git.commit.empty() ? std::string() : FormatUtc(git.commit_time);
  j["message"] = ScrubSecret(git.message, secret, options);  // people paste keys in messages
  j["other_occurrences"] = git.other_occurrences;
  j["present_at_head"] = git.present_at_head;
  j["staged"] = git.staged;
  if (git.history) {  // a history finding: one per (rule, secret, path), issue 11
    const SecretHistory& h = *git.history;
    j["last_commit"] = h.last_commit;
    j["last_commit_time"] = h.last_commit.empty() ? std::string() : FormatUtc(h.last_commit_time);
    j["versions"] = h.versions;
    j["paths"] = h.paths;
    // null: not known (the branches and tags could not be read); []: deleted from every one.
    j["present_in"] = h.presence_checked ? Json(h.present_in) : Json(nullptr);
    j["present_elsewhere"] = h.present_elsewhere;
    if (!h.elsewhere.empty()) {  // written only when known, so older reports read the same
      Json places = Json::array();
      for (const SecretHistory::TipPath& place : h.elsewhere) {
        places.push_back({{"ref", place.tip}, {"path", place.path}});
      }
      j["elsewhere"] = std::move(places);
    }
    if (options.shard_count > 0) {
      // What `magpie merge` regroups a secret's versions by, across shards; it removes this.
      Json regroup;
      regroup["secret_id"] = h.secret_id;
      regroup["commit_order"] = git.commit_order;
      regroup["last_commit_order"] = h.last_commit_order;
      regroup["blobs"] = h.blobs;
      Json unresolved = Json::array();
      for (const SecretHistory::TipVersion& version : h.unresolved_tips) {
        Json v;
        v["blob"] = version.blob_id;
        v["tips"] = version.tips;
        unresolved.push_back(std::move(v));
      }
      regroup["unresolved_tips"] = std::move(unresolved);
      if (h.merge_only) regroup["merge_only"] = true;
      j["regroup"] = std::move(regroup);
    }
  }
  if (!git.occurrences.empty()) {  // --all-occurrences
    Json occurrences = Json::array();
    for (const GitOccurrence& o : git.occurrences) {
      Json occurrence;
      occurrence["commit"] = o.commit;
      occurrence["path"] = o.path;
      occurrence["blob"] = o.blob_id;
      if (options.shard_count > 0) occurrence["commit_order"] = o.commit_order;  // for merge
      occurrences.push_back(std::move(occurrence));
    }
    j["occurrences"] = std::move(occurrences);
  }
  return j;
}

std::string PresenceText(const SecretHistory& history, size_t max_names) {
  if (!history.presence_checked) return "unknown (the branches and tags could not be read)";
  if (history.present_in.empty()) {
    if (!history.present_elsewhere) {
      return "deleted from every branch and tag (still in history: rotate it)";
    }
    std::string text = "no branch or tag at this path; still at another path (moved or copied)";
    const size_t shown = std::min(max_names, history.elsewhere.size());
    for (size_t i = 0; i < shown; ++i) {
      text += i == 0 ? ": " : ", ";
      text += std::string(ShortRefName(history.elsewhere[i].tip)) + ":" + history.elsewhere[i].path;
    }
    if (history.elsewhere.size() > shown) {
      text += " (+" + std::to_string(history.elsewhere.size() - shown) + " more)";
    }
    return text;
  }
  std::string text = "still in: ";
  const size_t shown = std::min(max_names, history.present_in.size());
  for (size_t i = 0; i < shown; ++i) {
    if (i > 0) text += ", ";
    text += ShortRefName(history.present_in[i]);
  }
  if (history.present_in.size() > shown) {
    text += " (+" + std::to_string(history.present_in.size() - shown) + " more)";
  }
  return text;
}

std::string_view ShortRefName(std::string_view ref) {
  for (std::string_view prefix : {"refs/heads/", "refs/remotes/", "refs/tags/"}) {
    if (ref.rfind(prefix, 0) == 0 && ref.size() > prefix.size()) return ref.substr(prefix.size());
  }
  return ref;
}

Json FindingJson(const ReportedFinding& reported, const ReportOptions& options) {
  const scanner::Finding& f = reported.finding;
  Json j;
  j["rule"] = f.rule_id;
  j["rule_name"] = f.rule_name;
  if (f.sensitive_file) j["kind"] = "sensitive-file";
  j["path"] = OriginPath(reported.origin);
  j["start_line"] = f.start.line;
  j["start_column"] = f.start.column;
  j["end_line"] = f.end.line;
  j["end_column"] = f.end.column;
  j["start_offset"] = f.start.offset;
  j["end_offset"] = f.end.offset;
  j["secret"] = f.sensitive_file ? std::string() : SecretForOutput(f.secret, options);
  j["redacted"] = !options.show_secrets;
  j["fingerprint"] = reported.fingerprint;
  j["confidence"] = std::string(rules::ToString(f.confidence));
  j["severity"] = std::string(rules::ToString(f.severity));
  j["entropy"] = Round(f.entropy, 100);
  j["validated"] = f.validated;
  if (!f.decoded.empty()) j["decoded"] = f.decoded;
  j["context"] = ContextForOutput(f, options).text;
  if (const rules::RuleSpec* spec = RuleOf(options, f.rule_id);
      spec != nullptr && !spec->remediation.empty()) {
    j["remediation"] = spec->remediation;
  }
  if (const auto* git = std::get_if<GitOrigin>(&reported.origin)) {
    j["git"] = GitJson(*git, f.secret, options);
  }
  return j;
}

Json SummaryJson(const Summary& summary) {
  Json j;
  j["scan_kind"] = ScanKindName(summary.kind);
  j["files_scanned"] = summary.files_scanned;
  j["bytes_scanned"] = summary.bytes_scanned;
  j["findings"] = summary.findings;
  j["sensitive_files"] = summary.sensitive_files;
  j["errors"] = summary.errors;
  j["skipped"] = Json::object();
  for (const auto& [reason, count] : summary.skipped) j["skipped"][reason] = count;
  j["suppressed"] = Json::object();
  for (const auto& [reason, count] : summary.suppressed) j["suppressed"][reason] = count;
  j["elapsed_seconds"] = Round(summary.elapsed_seconds, 1000);
  j["config_file"] = summary.config_file;
  return j;
}

Json DiagnosticJson(const Diagnostic& diagnostic) {
  Json j;
  j["path"] = diagnostic.path;
  j["kind"] = diagnostic.kind;
  j["message"] = diagnostic.message;
  // SARIF's words: "error" makes the scan incomplete, "note" is a skip by policy.
  j["level"] = std::string(DiagnosticLevel(diagnostic.kind));
  return j;
}

Json ShardJson(const ReportOptions& options) {
  if (options.shard_count == 0) return Json();
  Json j;
  j["index"] = options.shard_index;
  j["count"] = options.shard_count;
  return j;
}

std::string Dump(const Json& value, int indent) {
  return value.dump(indent, ' ', /*ensure_ascii=*/false, Json::error_handler_t::replace);
}

std::string DumpNested(const Json& value, int indent) {
  const std::string flat = Dump(value, 2);
  const std::string newline = "\n" + std::string(static_cast<size_t>(indent), ' ');
  std::string out;
  out.reserve(flat.size() + flat.size() / 8);
  for (char c : flat) {
    if (c == '\n') {
      out += newline;  // string values never hold a raw newline: dump escapes them
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace magpie::report::internal
