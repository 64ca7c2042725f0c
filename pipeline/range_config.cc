#include "pipeline/range_config.h"

#include <optional>
#include <set>
#include <sstream>
#include <utility>

#include "git/revision_file.h"
#include "scanner/fingerprint.h"
#include "suppress/ignore_file.h"
#include "suppress/repo_config.h"

namespace magpie::pipeline {
namespace {

std::set<std::string> LinesOf(const std::string& text) {
  std::set<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.insert(line);
  return lines;
}

// "added: LINE | LINE ...", at most about 200 bytes: what a reviewer needs to see first.
std::string AddedLines(const std::optional<std::string>& before, const std::string& after) {
  const std::set<std::string> old_lines = LinesOf(before.value_or(""));
  std::string added;
  std::istringstream in(after);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || old_lines.count(line) > 0) continue;
    if (!added.empty()) added += " | ";
    added += line;
    if (added.size() > 200) {
      added.resize(200);
      added += "...";
      break;
    }
  }
  return added.empty() ? "lines removed" : "added: " + added;
}

ItemResult Change(const std::string& path, const std::string& head,
                            const std::optional<std::string>& before,
                            const std::optional<std::string>& after) {
  scanner::Finding f;
  f.rule_id = std::string(kSuppressionChangedRule);
  f.rule_name = "Suppression changed in the scanned range";
  // Names this version of the file, so a baseline or ignore entry accepts this change only.
  f.secret = "sha256:" + scanner::Sha256Hex(after.value_or(""));
  f.context = after ? AddedLines(before, *after) : "file deleted";
  f.context_secret_offset = UINT32_MAX;  // the secret (a hash) is not in the context
  f.severity = rules::Severity::kHigh;
  f.confidence = rules::Confidence::kHigh;
  report::GitOrigin origin;
  origin.path = path;
  origin.message = "changed between the reviewed base and " + head;
  origin.present_at_head = after.has_value();
  ItemResult item;
  item.origin = origin;
  item.scanned = true;
  item.findings.push_back(std::move(f));
  return item;
}

}  // namespace

Result<suppress::ReviewedRepoFiles> ReadReviewedRepoFiles(const std::string& repo, const std::string& base) {
  suppress::ReviewedRepoFiles files;
  files.revision = base;
  auto config = git::ReadFileAtRevision(repo, base, std::string(suppress::kConfigFileName));
  if (!config.ok()) return config.status();
  auto ignore = git::ReadFileAtRevision(repo, base, std::string(suppress::kIgnoreFileName));
  if (!ignore.ok()) return ignore.status();
  files.config_text = *std::move(config);
  files.ignore_text = *std::move(ignore);
  return files;
}

Result<std::vector<ItemResult>> SuppressionChanges(const std::string& repo,
                                                            const suppress::ReviewedRepoFiles& reviewed,
                                                            const std::vector<std::string>& heads) {
  std::vector<ItemResult> changes;
  for (const std::string& head : heads) {
    Result<suppress::ReviewedRepoFiles> at_head = ReadReviewedRepoFiles(repo, head);
    if (!at_head.ok()) return at_head.status();
    if (at_head->config_text != reviewed.config_text) {
      changes.push_back(Change(std::string(suppress::kConfigFileName), head,
                               reviewed.config_text, at_head->config_text));
    }
    if (at_head->ignore_text != reviewed.ignore_text) {
      changes.push_back(Change(std::string(suppress::kIgnoreFileName), head,
                               reviewed.ignore_text, at_head->ignore_text));
    }
  }
  return changes;
}

}  // namespace magpie::pipeline
