// History findings split over shard reports (issue 11 meets issue 13). A shard groups only the
// file versions in its share, so one secret at one path can come back as a partial finding
// from several shards. Each partial carries "regroup" in its git object (report/json_common.cc):
// the secret's identity across paths and the walk order of its first and last commits. Here
// the partials become the one finding a single machine reports (pipeline/history_group_sink.h
// computes the same fields from the versions themselves), and "regroup" is removed.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "merge/merge_internal.h"
#include "report/history_text.h"

namespace magpie::merge::internal {
namespace {

using Keyed = std::pair<FindingKey, Json>;

Status Bad(const std::string& what) { return InvalidArgument("not a magpie report: " + what); }

uint64_t Add(uint64_t a, uint64_t b) { return a > UINT64_MAX - b ? UINT64_MAX : a + b; }

bool IsSecretId(const Json& value) {
  if (!value.is_string()) return false;
  const std::string& id = value.get_ref<const std::string&>();
  return id.size() == 32 && std::all_of(id.begin(), id.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

bool IsBoolOrAbsent(const Json& object, const char* key) {
  const Json* value = Member(object, key);
  return value == nullptr || value->is_boolean();
}

bool BoolAt(const Json& object, const char* key) {
  const Json* value = Member(object, key);
  return value != nullptr && value->is_boolean() && value->get<bool>();
}

// The git object of a JSON finding or a SARIF result (properties.git); null when absent.
Json* GitOf(Json& finding, bool sarif) {
  Json* holder = sarif ? (finding.contains("properties") ? &finding["properties"] : nullptr)
                       : &finding;
  if (holder == nullptr || !holder->is_object()) return nullptr;
  const auto it = holder->find("git");
  return it == holder->end() || !it->is_object() ? nullptr : &*it;
}

const Json* RegroupOf(const Json& git) {
  const Json* regroup = Member(git, "regroup");
  return regroup != nullptr && regroup->is_object() ? regroup : nullptr;
}

// Why a finding is suppressed, as the summary counts it ("" when it is reported).
std::string ReasonOf(const Json& finding, bool sarif) {
  if (!sarif) return StringAt(finding, "reason");
  if (!SarifSuppressed(finding)) return {};
  std::string text = StringAt(finding["suppressions"][0], "justification");
  static const std::string kPrefix = "magpie: suppressed (";
  if (text.rfind(kPrefix, 0) == 0 && text.size() > kPrefix.size() && text.back() == ')') {
    return text.substr(kPrefix.size(), text.size() - kPrefix.size() - 1);
  }
  return text;
}

// git/ref_presence.h's report order: branches, remote-tracking branches, tags, then the rest.
int RefRank(const std::string& name) {
  if (name.rfind("refs/heads/", 0) == 0) return 0;
  if (name.rfind("refs/remotes/", 0) == 0) return 1;
  if (name.rfind("refs/tags/", 0) == 0) return 2;
  return 3;
}

report::SecretHistory HistoryOf(const Json& git) {
  report::SecretHistory h;
  h.last_commit = StringAt(git, "last_commit");
  h.versions = static_cast<int>(std::min<uint64_t>(NumberAt(git, "versions"), INT32_MAX));
  const Json* present_in = Member(git, "present_in");
  h.presence_checked = present_in != nullptr && present_in->is_array();
  if (h.presence_checked) {
    for (const Json& tip : *present_in) h.present_in.push_back(tip.get<std::string>());
  }
  h.present_elsewhere = BoolAt(git, "present_elsewhere");
  if (const Json* places = Member(git, "elsewhere")) {  // checked by CheckRegroup
    for (const Json& place : *places) {
      h.elsewhere.push_back({StringAt(place, "ref"), StringAt(place, "path")});
    }
  }
  return h;
}

// Tips and paths holding a secret's versions at other paths (git.elsewhere), in the order a
// single machine lists them: its tips' report order, then path.
using Places = std::set<std::tuple<int, std::string, std::string>>;

void AddPlaces(const Json& git, Places* places) {
  const Json* list = Member(git, "elsewhere");
  if (list == nullptr) return;
  for (const Json& place : *list) {
    const std::string ref = StringAt(place, "ref");
    places->emplace(RefRank(ref), ref, StringAt(place, "path"));
  }
}

struct Group {
  std::vector<Keyed*> members;
  Keyed* base = nullptr;        // the earliest version's partial: its place is the finding's
  std::string old_tail;         // SARIF: the history part of base's message as written
};

// Whether a list of strings, or absent.
bool IsStringsOrAbsent(const Json& object, const char* key) {
  const Json* list = Member(object, key);
  if (list == nullptr) return true;
  return list->is_array() &&
         std::all_of(list->begin(), list->end(), [](const Json& s) { return s.is_string(); });
}

// The blobs each secret was found in, over every shard (regroup.blobs), by
// (repository, secret id): what decides the tip versions a shard left unresolved.
using SecretBlobs = std::map<std::string, std::set<std::string>>;

// Folds a group's partials into its base: versions and copies summed, the latest last commit,
// the tips and the introductions united. A tip version one shard could not decide holds the
// secret when another shard's blob holding it is that version (pipeline/history_group_sink.h).
void Fold(const Group& group, bool sarif, const std::set<std::string>& secret_blobs) {
  Json& git = *GitOf(group.base->second, sarif);
  uint64_t versions = 0, copies = 0;
  bool at_head = false, presence_unknown = false;
  std::set<std::pair<int, std::string>> tips;
  std::map<std::tuple<uint64_t, std::string, std::string>, Json> occurrences;
  const Json* last = nullptr;
  auto last_key = [](const Json& g) {
    return std::make_pair(!StringAt(g, "last_commit").empty(),
                          NumberAt(*RegroupOf(g), "last_commit_order"));
  };
  for (Keyed* member : group.members) {
    const Json& g = *GitOf(member->second, sarif);
    versions = Add(versions, NumberAt(g, "versions"));
    copies = Add(copies, NumberAt(g, "other_occurrences"));
    at_head = at_head || BoolAt(g, "present_at_head");
    const Json* present_in = Member(g, "present_in");
    if (present_in == nullptr || !present_in->is_array()) {
      presence_unknown = true;  // one shard could not read the tips: not known, as there
    } else {
      for (const Json& tip : *present_in) {
        const std::string& name = tip.get_ref<const std::string&>();
        tips.emplace(RefRank(name), name);
      }
    }
    if (const Json* unresolved = Member(*RegroupOf(g), "unresolved_tips")) {
      for (const Json& version : *unresolved) {
        if (secret_blobs.count(StringAt(version, "blob")) == 0) continue;
        for (const Json& tip : version["tips"]) {
          const std::string& name = tip.get_ref<const std::string&>();
          tips.emplace(RefRank(name), name);
        }
      }
    }
    if (last == nullptr || last_key(g) > last_key(*last)) last = &g;
    if (const Json* list = Member(g, "occurrences")) {
      for (const Json& o : *list) {
        occurrences.try_emplace({NumberAt(o, "commit_order"), StringAt(o, "path"),
                                 StringAt(o, "commit")}, o);
      }
    }
  }
  const Json last_commit = (*last)["last_commit"];
  const Json last_time = (*last)["last_commit_time"];
  const uint64_t last_order = NumberAt(*RegroupOf(*last), "last_commit_order");
  git["last_commit"] = last_commit;
  git["last_commit_time"] = last_time;
  git["regroup"]["last_commit_order"] = last_order;
  git["versions"] = versions;
  git["other_occurrences"] = copies;
  git["present_at_head"] = at_head;
  if (presence_unknown) {
    git["present_in"] = nullptr;
  } else {
    Json names = Json::array();
    for (const auto& [rank, name] : tips) names.push_back(name);
    git["present_in"] = std::move(names);
  }
  if (!occurrences.empty()) {
    Json list = Json::array();
    for (auto& [key, o] : occurrences) list.push_back(std::move(o));
    git["occurrences"] = std::move(list);
  }
}

void Strip(Json& git) {
  git.erase("regroup");
  if (git.contains("occurrences") && git["occurrences"].is_array()) {
    for (Json& o : git["occurrences"]) o.erase("commit_order");
  }
}

}  // namespace

Status CheckRegroup(const Json& git) {
  const Json* regroup = Member(git, "regroup");
  if (regroup == nullptr) return Status();  // not a shard's history finding
  if (!regroup->is_object()) return Bad("a finding's git.regroup is not an object");
  const Json* id = Member(*regroup, "secret_id");
  if (id == nullptr || !IsSecretId(*id)) return Bad("a finding's secret id is not 32 hex digits");
  for (const char* key : {"commit_order", "last_commit_order"}) {
    const Json* order = Member(*regroup, key);
    if (order == nullptr || !IsCount(*order)) return Bad("a finding's regroup." + std::string(key));
  }
  for (const char* key : {"versions", "other_occurrences", "paths"}) {
    const Json* count = Member(git, key);
    if (count == nullptr || !IsCount(*count)) return Bad("a history finding's git." + std::string(key));
  }
  for (const char* key : {"present_at_head", "present_elsewhere"}) {
    if (!IsBoolOrAbsent(git, key)) return Bad("a history finding's git." + std::string(key));
  }
  for (const char* key : {"last_commit", "last_commit_time"}) {
    const Json* value = Member(git, key);
    if (value == nullptr || !value->is_string()) {
      return Bad("a history finding's git." + std::string(key));
    }
  }
  if (!IsStringsOrAbsent(*regroup, "blobs")) return Bad("a finding's regroup.blobs");
  if (!IsBoolOrAbsent(*regroup, "merge_only")) return Bad("a finding's regroup.merge_only");
  if (const Json* unresolved = Member(*regroup, "unresolved_tips")) {
    if (!unresolved->is_array()) return Bad("a finding's regroup.unresolved_tips");
    for (const Json& version : *unresolved) {
      const Json* blob = Member(version, "blob");
      const Json* tips = Member(version, "tips");
      if (blob == nullptr || !blob->is_string() || tips == nullptr ||
          !IsStringsOrAbsent(version, "tips")) {
        return Bad("a finding's regroup.unresolved_tips entry");
      }
    }
  }
  if (const Json* places = Member(git, "elsewhere")) {
    if (!places->is_array()) return Bad("a history finding's git.elsewhere is not a list");
    for (const Json& place : *places) {
      const Json* ref = Member(place, "ref");
      const Json* path = Member(place, "path");
      if (ref == nullptr || !ref->is_string() || path == nullptr || !path->is_string()) {
        return Bad("a history finding's git.elsewhere entry");
      }
    }
  }
  const Json* present_in = Member(git, "present_in");
  if (present_in == nullptr || !(present_in->is_null() || present_in->is_array())) {
    return Bad("a history finding's git.present_in is neither a list nor null");
  }
  if (present_in->is_array()) {
    for (const Json& tip : *present_in) {
      if (!tip.is_string()) return Bad("a history finding's git.present_in holds a non-name");
    }
  }
  if (const Json* list = Member(git, "occurrences")) {
    if (!list->is_array()) return Bad("a history finding's git.occurrences is not a list");
    for (const Json& o : *list) {
      const Json* order = Member(o, "commit_order");
      if (!o.is_object() || order == nullptr || !IsCount(*order) ||
          !Member(o, "commit") || !o["commit"].is_string() || !Member(o, "path") ||
          !o["path"].is_string() || !Member(o, "blob") || !o["blob"].is_string()) {
        return Bad("a history finding's occurrence");
      }
    }
  }
  return Status();
}

std::map<std::string, uint64_t> RegroupHistory(bool sarif, std::vector<Keyed>* findings,
                                               std::vector<Keyed>* suppressed) {
  std::map<std::string, uint64_t> merged_away;  // reason -> suppressed partials folded
  std::map<std::string, Group> groups;          // ordered: the output does not depend on hashing
  std::vector<Keyed> others;
  std::vector<Keyed>* lists[] = {findings, suppressed};
  for (std::vector<Keyed>* list : lists) {
    for (Keyed& keyed : *list) {
      Json* git = GitOf(keyed.second, sarif);
      const Json* regroup = git ? RegroupOf(*git) : nullptr;
      if (regroup == nullptr) continue;
      const std::string key = StringAt(*git, "repository") + '\0' + StringAt(*git, "path") + '\0' +
                              std::get<8>(keyed.first) + '\0' + std::get<9>(keyed.first) + '\0' +
                              StringAt(*regroup, "secret_id") + '\0' +
                              (list == suppressed ? "s" : "f") + ReasonOf(keyed.second, sarif);
      Group& group = groups[key];
      group.members.push_back(&keyed);
      // The earliest version: (commit order, commit time, blob, offset), as a single machine.
      auto place = [](const FindingKey& k) {
        return std::tie(std::get<3>(k), std::get<2>(k), std::get<5>(k), std::get<6>(k));
      };
      if (group.base == nullptr || place(keyed.first) < place(group.base->first)) {
        group.base = &keyed;
      }
    }
  }
  // Across paths, by (repository, secret): where else the secret is, and whether HEAD has it.
  struct Secret {
    std::set<std::string> paths;
    bool live = false;
    bool at_head = false;
    Places elsewhere;  // every shard's: each searched only its own versions' blobs
  };
  std::map<std::string, Secret> secrets;
  auto secret_key = [sarif](Json& finding) {
    const Json& git = *GitOf(finding, sarif);
    return StringAt(git, "repository") + '\0' + StringAt(*RegroupOf(git), "secret_id");
  };
  SecretBlobs secret_blobs;
  for (auto& [key, group] : groups) {
    for (Keyed* member : group.members) {
      const Json& git = *GitOf(member->second, sarif);
      if (const Json* blobs = Member(*RegroupOf(git), "blobs")) {
        std::set<std::string>& known = secret_blobs[secret_key(member->second)];
        for (const Json& blob : *blobs) known.insert(blob.get<std::string>());
      }
    }
  }
  for (auto& [key, group] : groups) {
    if (sarif) group.old_tail = report::HistoryMessageTail(HistoryOf(*GitOf(group.base->second, sarif)));
    Fold(group, sarif, secret_blobs[secret_key(group.base->second)]);
    const Json& git = *GitOf(group.base->second, sarif);
    Secret& secret = secrets[secret_key(group.base->second)];
    secret.paths.insert(StringAt(git, "path"));
    secret.live = secret.live || (git["present_in"].is_array() && !git["present_in"].empty());
    secret.at_head = secret.at_head || BoolAt(git, "present_at_head");
    for (Keyed* member : group.members) {
      AddPlaces(*GitOf(member->second, sarif), &secret.elsewhere);
    }
    if (group.members.size() > 1) {
      const std::string reason = ReasonOf(group.base->second, sarif);
      if (!reason.empty()) merged_away[reason] = Add(merged_away[reason], group.members.size() - 1);
    }
  }
  for (auto& [key, group] : groups) {
    Json& finding = group.base->second;
    Json& git = *GitOf(finding, sarif);
    const Secret& secret = secrets[secret_key(finding)];
    git["paths"] = secret.paths.size();
    git["present_at_head"] = secret.at_head;
    // As HistoryGroupSink: the other paths are said only for a secret nothing else keeps
    // (a shard that saw it deleted searched for its own versions, another may hold it live).
    const bool deleted_here = git["present_in"].is_array() && git["present_in"].empty();
    const bool searched = deleted_here && !secret.live && !secret.at_head;
    git.erase("elsewhere");
    if (searched && !secret.elsewhere.empty()) {
      Json places = Json::array();
      for (const auto& [rank, ref, path] : secret.elsewhere) {
        places.push_back({{"ref", ref}, {"path", path}});
      }
      git["elsewhere"] = std::move(places);
    }
    git["present_elsewhere"] =
        deleted_here && (secret.live || secret.at_head || !secret.elsewhere.empty());
    if (sarif && finding.contains("message") && finding["message"].is_object()) {
      Json& text = finding["message"]["text"];
      const std::string tail = report::HistoryMessageTail(HistoryOf(git));
      if (text.is_string()) {
        std::string message = text.get<std::string>();
        if (message.size() >= group.old_tail.size() &&
            message.compare(message.size() - group.old_tail.size(), std::string::npos,
                            group.old_tail) == 0) {
          text = message.substr(0, message.size() - group.old_tail.size()) + tail;
        }
      }
    }
    // Merge-only (suppressed, not to be listed): counted and placed above, then left out.
    if (!BoolAt(*RegroupOf(git), "merge_only")) Strip(git);
  }
  // Each group once, as its base (stripped above); the other partials, and the merge-only
  // groups, still carry "regroup".
  for (std::vector<Keyed>* list : lists) {
    list->erase(std::remove_if(list->begin(), list->end(),
                               [sarif](Keyed& keyed) {
                                 Json* git = GitOf(keyed.second, sarif);
                                 return git != nullptr && RegroupOf(*git) != nullptr;
                               }),
                list->end());
  }
  return merged_away;
}

}  // namespace magpie::merge::internal
