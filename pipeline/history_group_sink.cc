#include "pipeline/history_group_sink.h"

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <tuple>
#include <utility>
#include <variant>

#include "base/phase_timer.h"

#include "git/ref_presence.h"
#include "scanner/fingerprint.h"

namespace magpie::pipeline {
namespace {

// (rule, secret) as one key; the secret last, so that a NUL inside it cannot make two keys
// collide (rule ids, paths and reasons hold none). A sensitive file has no secret: the file
// itself is what lives on, so its key is (rule, path); else one .env at HEAD would mark every
// deleted one present (issue 15).
std::string SecretKey(const scanner::Finding& f, const std::string& path) {
  if (f.sensitive_file) return f.rule_id + '\0' + '\1' + path;
  return f.rule_id + '\0' + f.secret;
}

std::string GroupKey(const scanner::Finding& f, const std::string& path,
                     const std::string& reason) {
  return f.rule_id + '\0' + path + '\0' + reason + '\0' + f.secret;
}

}  // namespace

void HistoryGroupSink::Add(ItemResult item) {
  const auto* origin = std::get_if<report::GitOrigin>(&item.origin);
  if (origin == nullptr || (item.findings.empty() && item.suppressed.empty())) {
    next_.Add(std::move(item));
    return;
  }
  const auto index = static_cast<uint32_t>(origins_.size());
  origins_.push_back(*origin);
  for (scanner::Finding& f : item.findings) Hold(index, std::move(f), "");
  for (suppress::SuppressedFinding& s : item.suppressed) {
    Hold(index, std::move(s.finding), s.reason);
  }
  // Counted (and its diagnostics shown) now; its findings come back at Flush, grouped.
  item.findings.clear();
  item.suppressed.clear();
  next_.Add(std::move(item));
}

void HistoryGroupSink::Hold(uint32_t origin, scanner::Finding finding, const std::string& reason) {
  const report::GitOrigin& o = origins_[origin];
  const std::string secret = SecretKey(finding, o.path);
  secret_blobs_[secret].insert(o.blob_id);
  if (o.present_at_head) at_head_.insert(secret);
  const auto [it, inserted] = group_index_.try_emplace(GroupKey(finding, o.path, reason),
                                                       groups_.size());
  if (inserted) groups_.push_back({reason, {}});
  groups_[it->second].members.push_back({origin, std::move(finding)});
}

// Fills present_in (and presence_checked) of each group's history from the branch and tag tips.
void HistoryGroupSink::ResolvePresence(const std::vector<Group*>& groups,
                                       std::vector<report::SecretHistory>* out) {
  if (options_.repo.empty() || groups.empty()) return;
  PhaseTimer timer("present_in");
  Result<std::unique_ptr<git::RefPresence>> opened = git::RefPresence::Open(options_.repo);
  if (!opened.ok()) {
    ItemResult problem;
    problem.diagnostic = report::Diagnostic{
        "", kPresenceUnknown,
        "cannot tell which branches and tags still hold the secrets found: " +
            opened.status().message()};
    next_.Add(std::move(problem));
    return;
  }
  git::RefPresence& tips = **opened;
  std::map<std::string, std::vector<size_t>> by_path;  // path -> groups there
  for (size_t g = 0; g < groups.size(); ++g) {
    by_path[origins_[groups[g]->members.front().origin].path].push_back(g);
  }
  std::vector<std::vector<uint32_t>> holding(groups.size());
  std::vector<std::string> paths;
  paths.reserve(by_path.size());
  for (const auto& [path, at_path] : by_path) paths.push_back(path);
  const std::vector<TreePathFact> known =
      options_.known_trees ? options_.known_trees(paths) : std::vector<TreePathFact>();
  std::vector<TreePathFact> learned;
  const std::vector<std::vector<git::RefPresence::Version>> at_paths =
      tips.VersionsAt(paths, known, options_.keep_trees ? &learned : nullptr);
  size_t p = 0;
  for (const auto& [path, at_path] : by_path) {
    for (const git::RefPresence::Version& version : at_paths[p++]) {
      std::optional<std::optional<std::string>> bytes;  // read at most once, when needed
      for (size_t g : at_path) {
        const scanner::Finding& f = groups[g]->members.front().finding;
        bool holds = secret_blobs_[SecretKey(f, path)].count(version.blob_id) > 0;
        if (!holds && options_.check_unscanned_tips && !f.secret.empty()) {
          if (!bytes) bytes = tips.ReadBlob(version.blob_id, options_.max_blob_size);
          holds = *bytes && (*bytes)->find(f.secret) != std::string::npos;
        }
        if (holds) {
          holding[g].insert(holding[g].end(), version.tips.begin(), version.tips.end());
        } else if (!InShare(version.blob_id, options_.shard)) {
          // Another shard scanned that blob: whether a rule found the secret there is its to
          // say; the merge decides (SecretHistory::unresolved_tips).
          report::SecretHistory::TipVersion unresolved{version.blob_id, {}};
          for (uint32_t tip : version.tips) unresolved.tips.push_back(tips.tips()[tip]);
          (*out)[g].unresolved_tips.push_back(std::move(unresolved));
        }
      }
    }
  }
  for (size_t g = 0; g < groups.size(); ++g) {
    std::sort(holding[g].begin(), holding[g].end());
    report::SecretHistory& history = (*out)[g];
    history.presence_checked = true;
    for (uint32_t tip : holding[g]) history.present_in.push_back(tips.tips()[tip]);
  }
  const size_t unreadable = tips.unreadable_tips() + tips.unreadable_lookups();
  if (unreadable > 0) {
    ItemResult problem;
    problem.diagnostic = report::Diagnostic{
        "", kPresenceUnknown,
        std::to_string(unreadable) +
            " branch or tag tips (or trees in them) could not be read: a secret reported as "
            "deleted may still be in them"};
    next_.Add(std::move(problem));
  }
  std::vector<TreeBlobFact> learned_blobs;
  FindElsewhere(tips, groups, out, options_.keep_trees ? &learned_blobs : nullptr);
  if (!learned.empty() || !learned_blobs.empty()) options_.keep_trees(learned, learned_blobs);
}

// A secret that no tip holds at any path with a finding, and HEAD does not hold, would be
// called deleted; it is not when a tip holds one of its versions (the same blob) at another
// path: a rename or copy on a branch or tag only, which no finding names (the blob is reported
// once, at its first path). Fills elsewhere with those tips and paths.
void HistoryGroupSink::FindElsewhere(git::RefPresence& tips, const std::vector<Group*>& groups,
                                     std::vector<report::SecretHistory>* out,
                                     std::vector<TreeBlobFact>* learned) {
  std::unordered_set<std::string> live;  // secrets some tip holds at a finding's path
  for (size_t g = 0; g < groups.size(); ++g) {
    if (!(*out)[g].present_in.empty()) {
      const Member& first = groups[g]->members.front();
      live.insert(SecretKey(first.finding, origins_[first.origin].path));
    }
  }
  std::vector<std::pair<size_t, std::string>> deleted;  // (group, secret)
  std::set<std::string> blobs;
  for (size_t g = 0; g < groups.size(); ++g) {
    const Member& first = groups[g]->members.front();
    std::string secret = SecretKey(first.finding, origins_[first.origin].path);
    if (live.count(secret) > 0 || at_head_.count(secret) > 0) continue;
    const auto& held = secret_blobs_[secret];
    blobs.insert(held.begin(), held.end());
    deleted.emplace_back(g, std::move(secret));
  }
  if (deleted.empty()) return;
  PhaseTimer timer("presence search at other paths");
  std::vector<TreeBlobFact> known;
  if (options_.known_tree_blobs) {
    std::vector<RawOid> raw;
    for (const std::string& blob : blobs) {
      if (RawOid id; ParseRawOid(blob, &id)) raw.push_back(id);
    }
    known = options_.known_tree_blobs(raw);
  }
  const git::RefPresence::SearchResult search =
      tips.FindAnywhere(std::vector<std::string>(blobs.begin(), blobs.end()),
                        options_.max_search_trees, known, learned);
  search_stats_.findings += deleted.size();
  search_stats_.trees_read += search.trees_read;
  for (const auto& [g, secret] : deleted) {
    std::set<std::pair<uint32_t, std::string>> places;  // tips in report order
    for (const std::string& blob : secret_blobs_[secret]) {
      const auto it = search.places.find(blob);
      if (it == search.places.end()) continue;
      for (const git::RefPresence::Place& place : it->second) places.emplace(place.tip, place.path);
    }
    if (!places.empty()) ++search_stats_.found;
    for (const auto& [tip, path] : places) (*out)[g].elsewhere.push_back({tips.tips()[tip], path});
  }
  if (!search.complete()) {
    ItemResult problem;
    problem.diagnostic = report::Diagnostic{
        "", kPresenceUnknown,
        std::to_string(deleted.size()) +
            " history findings could not be looked for at other paths in every branch and tag (" +
            (search.truncated ? "stopped after " + std::to_string(search.trees_read) + " trees"
                              : std::to_string(search.trees_unreadable) +
                                    " trees could not be read") +
            "): one reported as deleted may still be there, renamed or copied"};
    next_.Add(std::move(problem));
  }
}

void HistoryGroupSink::Flush() {
  std::vector<Group*> groups;
  groups.reserve(groups_.size());
  auto member_less = [this](const Member& a, const Member& b) {
    const report::GitOrigin& x = origins_[a.origin];
    const report::GitOrigin& y = origins_[b.origin];
    return std::tie(x.commit_order, x.commit_time, x.blob_id, a.finding.start.offset) <
           std::tie(y.commit_order, y.commit_time, y.blob_id, b.finding.start.offset);
  };
  std::unordered_map<std::string, std::set<std::string>> paths;  // (rule, secret) -> paths
  for (Group& group : groups_) {
    std::sort(group.members.begin(), group.members.end(), member_less);
    const std::string& path = origins_[group.members.front().origin].path;
    paths[SecretKey(group.members.front().finding, path)].insert(path);
    groups.push_back(&group);
  }

  std::vector<report::SecretHistory> histories(groups.size());
  ResolvePresence(groups, &histories);
  std::unordered_map<std::string, std::set<std::string>> live_paths;  // (rule, secret) -> paths
  for (size_t g = 0; g < groups.size(); ++g) {
    if (!histories[g].present_in.empty()) {
      const std::string& path = origins_[groups[g]->members.front().origin].path;
      live_paths[SecretKey(groups[g]->members.front().finding, path)].insert(path);
    }
  }

  std::vector<ItemResult> out;
  out.reserve(groups.size());
  for (size_t g = 0; g < groups.size(); ++g) {
    Group& group = *groups[g];
    Member& first = group.members.front();
    const std::string secret = SecretKey(first.finding, origins_[first.origin].path);
    report::SecretHistory& history = histories[g];
    report::GitOrigin origin = origins_[first.origin];

    // The versions: each distinct blob once, oldest first.
    std::vector<const report::GitOrigin*> versions;
    std::set<std::string> seen_blobs;
    for (const Member& m : group.members) {
      if (seen_blobs.insert(origins_[m.origin].blob_id).second) {
        versions.push_back(&origins_[m.origin]);
      }
    }
    history.versions = static_cast<int>(versions.size());
    if (!options_.shard.whole()) {  // for the merge to resolve other shards' unresolved tips
      for (const report::GitOrigin* v : versions) history.blobs.push_back(v->blob_id);
      std::sort(history.blobs.begin(), history.blobs.end());
    }
    history.paths = static_cast<int>(paths[secret].size());
    const report::GitOrigin* last = versions.front();
    int copies = 0;
    std::map<std::tuple<uint64_t, std::string, std::string>, report::GitOccurrence> occurrences;
    for (const report::GitOrigin* v : versions) {
      if (!v->commit.empty() && v->commit_order >= last->commit_order) last = v;
      copies += v->other_occurrences;
      for (const report::GitOccurrence& o : v->occurrences) {
        occurrences.try_emplace({o.commit_order, o.path, o.commit}, o);
      }
    }
    history.last_commit = last->commit;
    history.last_commit_time = last->commit_time;
    history.last_commit_order = last->commit_order;
    history.secret_id = first.finding.sensitive_file
                            ? scanner::SecretId(first.finding.rule_id, '\1' + origin.path)
                            : scanner::SecretId(first.finding.rule_id, first.finding.secret);
    origin.present_at_head = origin.present_at_head || at_head_.count(secret) > 0;
    if (history.presence_checked && history.present_in.empty()) {
      // Another path's finding is in a tip, or HEAD holds the secret at a path no finding
      // names: a renamed or copied file keeps its blob, which is reported once, at its first
      // path, so no finding exists for the new path. Either way it is not deleted.
      const auto live = live_paths.find(secret);
      history.present_elsewhere = (live != live_paths.end() && !live->second.empty()) ||
                                  origin.present_at_head || !history.elsewhere.empty();
    }
    origin.other_occurrences = copies;  // beyond one introduction per version
    origin.occurrences.clear();
    for (auto& [key, occurrence] : occurrences) origin.occurrences.push_back(occurrence);
    origin.history = std::move(history);

    ItemResult item;
    item.origin = std::move(origin);
    item.scanned = true;
    item.regrouped = true;
    if (group.reason.empty()) {
      item.findings.push_back(std::move(first.finding));
    } else {
      item.suppressed.push_back({std::move(first.finding), group.reason});
    }
    out.push_back(std::move(item));
  }

  // Report order: by path, then first commit; pack order would change with every repack.
  auto item_less = [](const ItemResult& a, const ItemResult& b) {
    const auto& x = std::get<report::GitOrigin>(a.origin);
    const auto& y = std::get<report::GitOrigin>(b.origin);
    const scanner::Finding& f = a.findings.empty() ? a.suppressed.front().finding
                                                   : a.findings.front();
    const scanner::Finding& h = b.findings.empty() ? b.suppressed.front().finding
                                                   : b.findings.front();
    if (std::tie(x.path, x.commit_time, x.commit_order, x.blob_id) !=
        std::tie(y.path, y.commit_time, y.commit_order, y.blob_id)) {
      return std::tie(x.path, x.commit_time, x.commit_order, x.blob_id) <
             std::tie(y.path, y.commit_time, y.commit_order, y.blob_id);
    }
    return scanner::FindingLess(f, h);
  };
  std::stable_sort(out.begin(), out.end(), item_less);
  for (ItemResult& item : out) next_.Add(std::move(item));
  origins_.clear();
  groups_.clear();
  group_index_.clear();
  secret_blobs_.clear();
  at_head_.clear();
}

}  // namespace magpie::pipeline
