#include "git/commit_table.h"

#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <memory>
#include <utility>

#include "base/fault_injection.h"
#include "git/pack_reader.h"

namespace magpie::git::internal {
namespace {

bool ParseHexId(std::string_view hex, git_oid* out) {
  if (hex.size() != 2 * GIT_OID_RAWSZ) return false;
  for (size_t i = 0; i < GIT_OID_RAWSZ; ++i) {
    int value = 0;
    for (size_t k = 0; k < 2; ++k) {
      const char c = hex[2 * i + k];
      int digit;
      if (c >= '0' && c <= '9') {
        digit = c - '0';
      } else if (c >= 'a' && c <= 'f') {
        digit = c - 'a' + 10;
      } else {
        return false;  // libgit2 also takes upper case; git never writes it: left to libgit2
      }
      value = value * 16 + digit;
    }
    out->id[i] = static_cast<unsigned char>(value);
  }
  return true;
}

// Cuts the next line (without its '\n') off *text; false when no '\n' is left.
bool NextLine(std::string_view* text, std::string_view* line) {
  const size_t end = text->find('\n');
  if (end == std::string_view::npos) return false;
  *line = text->substr(0, end);
  text->remove_prefix(end + 1);
  return true;
}

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// "NAME <EMAIL> SECONDS ±HHMM" after its keyword: the '<' and the last '>' as libgit2 finds
// them, then exactly one space, 1-18 digits, one space and a four-digit zone, nothing more.
// (libgit2 is lenient past the '>'; anything it might read differently is left to it.)
bool ParseSignature(std::string_view line, int64_t* seconds) {
  const size_t open = line.rfind('<');
  const size_t close = line.rfind('>');
  if (open == std::string_view::npos || close == std::string_view::npos || close <= open) {
    return false;
  }
  std::string_view rest = line.substr(close + 1);
  if (rest.size() < 1 + 1 + 1 + 5 || rest[0] != ' ') return false;
  rest.remove_prefix(1);
  const size_t space = rest.find(' ');
  if (space == std::string_view::npos || space == 0 || space > 18) return false;
  int64_t value = 0;
  for (size_t i = 0; i < space; ++i) {
    if (rest[i] < '0' || rest[i] > '9') return false;
    value = value * 10 + (rest[i] - '0');
  }
  const std::string_view zone = rest.substr(space + 1);
  if (zone.size() != 5 || (zone[0] != '+' && zone[0] != '-')) return false;
  for (size_t i = 1; i < 5; ++i) {
    if (zone[i] < '0' || zone[i] > '9') return false;
  }
  *seconds = value;
  return true;
}

// Entries read per round, in pack order. git writes a pack's commits before its trees and
// blobs (pack-objects' write order), so the rounds stop at the first one without a commit
// after some were found: the rest of the pack is not even looked at. A pack written in
// another order loses only speed (its later commits are read through libgit2).
constexpr size_t kRound = 8192;
// A larger commit is left to libgit2 (git's own are a few KiB at most).
constexpr uint64_t kMaxCommit = uint64_t{1} << 24;

struct Found {
  git_oid id;
  CommitHeader header;
};

struct ThreadState {
  std::string record;
  std::string text;
  std::vector<Found> found;
  std::vector<const PackEntry*> deltas;  // in the rounds read: maybe commits
  uint64_t left = 0;
};

// Hashes `text` (a commit's) against the entry's id and parses it into state->found.
void Keep(const PackReader& pack, const PackEntry& entry, const std::string& text,
          ThreadState* state) {
  const ObjectId raw = pack.index().id(entry.index);
  git_oid id;
  std::memcpy(id.id, raw.data(), GIT_OID_RAWSZ);
  git_oid hashed;
  std::optional<CommitHeader> parsed;
  if (git_odb_hash(&hashed, text.data(), text.size(), GIT_OBJECT_COMMIT) != 0 ||
      git_oid_cmp(&hashed, &id) != 0 || !(parsed = ParseCommitHeader(text))) {
    ++state->left;
    return;
  }
  state->found.push_back({id, *std::move(parsed)});
}

// The deltas met in the rounds that held commits: git deltifies some commits against others
// (7% of curl's), which one at a time through libgit2 would cost the walk what the table
// saves. Their chains are resolved by headers first, so a tree's or a blob's is not inflated.
void ReadDeltas(const PackReader& pack, const std::vector<const PackEntry*>& deltas,
                tbb::enumerable_thread_specific<ThreadState>* states) {
  tbb::parallel_for(tbb::blocked_range<size_t>(0, deltas.size(), 64),
                    [&](const tbb::blocked_range<size_t>& range) {
                      ThreadState& state = states->local();
                      for (size_t i = range.begin(); i != range.end(); ++i) {
                        Result<PackObjectType> type = pack.ResolveType(*deltas[i]);
                        if (!type.ok() || *type != PackObjectType::kCommit) continue;
                        Result<PackObject> object = pack.Read(*deltas[i]);
                        if (!object.ok() || object->bytes.size() > kMaxCommit) {
                          ++state.left;
                          continue;
                        }
                        Keep(pack, *deltas[i], object->bytes, &state);
                      }
                    });
}

// Reads one pack's whole commits into the threads' states.
void ReadPack(const PackReader& pack, tbb::enumerable_thread_specific<ThreadState>* states) {
  const std::vector<PackEntry>& entries = pack.entries();
  bool seen = false;
  std::vector<const PackEntry*> deltas;  // of the rounds that held commits
  for (size_t start = 0; start < entries.size(); start += kRound) {
    const size_t end = std::min(entries.size(), start + kRound);
    std::atomic<bool> any{false};
    tbb::parallel_for(tbb::blocked_range<size_t>(start, end, 256),
                      [&](const tbb::blocked_range<size_t>& range) {
                        ThreadState& state = states->local();
                        for (size_t i = range.begin(); i != range.end(); ++i) {
                          const PackEntry& entry = entries[i];
                          Result<PackObjectHeader> header = pack.ReadHeader(entry);
                          if (!header.ok()) continue;
                          if (header->type == PackObjectType::kOfsDelta ||
                              header->type == PackObjectType::kRefDelta) {
                            // Maybe a commit, maybe not: finding out costs a chain walk.
                            state.deltas.push_back(&entry);
                            continue;
                          }
                          if (header->type != PackObjectType::kCommit) continue;
                          any.store(true, std::memory_order_relaxed);
                          if (header->size > kMaxCommit) {
                            ++state.left;
                            continue;
                          }
                          state.text.resize(static_cast<size_t>(header->size));
                          if (!pack.InflateTo(entry, *header, &state.record, state.text.data())
                                   .ok()) {
                            ++state.left;
                            continue;
                          }
                          Keep(pack, entry, state.text, &state);
                        }
                      });
    // Deltas in a round without commits (before them or after) are trees' and blobs'.
    for (ThreadState& state : *states) {
      if (any.load()) deltas.insert(deltas.end(), state.deltas.begin(), state.deltas.end());
      state.deltas.clear();
    }
    if (any.load()) {
      seen = true;
    } else if (seen) {
      break;
    }
  }
  ReadDeltas(pack, deltas, states);
}

}  // namespace

std::optional<CommitHeader> ParseCommitHeader(std::string_view text) {
  CommitHeader out;
  std::string_view line;
  if (!NextLine(&text, &line) || !StartsWith(line, "tree ") ||
      !ParseHexId(line.substr(5), &out.tree)) {
    return std::nullopt;
  }
  if (!NextLine(&text, &line)) return std::nullopt;
  while (StartsWith(line, "parent ")) {
    git_oid parent;
    if (!ParseHexId(line.substr(7), &parent)) return std::nullopt;
    out.parents.push_back(parent);
    if (!NextLine(&text, &line)) return std::nullopt;
  }
  int64_t ignored = 0;
  if (!StartsWith(line, "author ") || !ParseSignature(line.substr(7), &ignored)) {
    return std::nullopt;
  }
  // More author lines: libgit2 skips them unread.
  do {
    if (!NextLine(&text, &line)) return std::nullopt;
  } while (StartsWith(line, "author "));
  if (!StartsWith(line, "committer ") || !ParseSignature(line.substr(10), &out.time)) {
    return std::nullopt;
  }
  return out;
}

void CommitTable::Add(const git_oid& id, const CommitHeader& header) {
  commits_.push_back({id, header.tree, header.time, static_cast<uint32_t>(parents_.size()),
                      static_cast<uint32_t>(header.parents.size())});
  parents_.insert(parents_.end(), header.parents.begin(), header.parents.end());
}

void CommitTable::Seal() {
  const auto by_id = [](const Commit& a, const Commit& b) {
    return git_oid_cmp(&a.id, &b.id) < 0;
  };
  std::sort(commits_.begin(), commits_.end(), by_id);
  // The same id twice is the same commit (its bytes hashed to it): keep one.
  commits_.erase(std::unique(commits_.begin(), commits_.end(),
                             [](const Commit& a, const Commit& b) {
                               return git_oid_equal(&a.id, &b.id) != 0;
                             }),
                 commits_.end());
  commits_.shrink_to_fit();
}

const CommitTable::Commit* CommitTable::Find(const git_oid& id) const {
  auto it = std::lower_bound(
      commits_.begin(), commits_.end(), id,
      [](const Commit& c, const git_oid& key) { return git_oid_cmp(&c.id, &key) < 0; });
  if (it == commits_.end() || git_oid_equal(&it->id, &id) == 0) return nullptr;
  return &*it;
}

CommitTable ReadPackedCommits(const std::string& objects_dir) {
  CommitTable table;
  if (fault::Triggered(fault::Point::kCommitTableRead)) return table;
  size_t unopened = 0;
  const std::vector<std::unique_ptr<PackReader>> packs = OpenPacks(objects_dir, {}, &unopened);
  tbb::enumerable_thread_specific<ThreadState> states;
  for (const auto& pack : packs) ReadPack(*pack, &states);
  for (ThreadState& state : states) {
    for (const Found& found : state.found) table.Add(found.id, found.header);
    table.left_to_libgit2 += state.left;
  }
  table.Seal();
  return table;
}

}  // namespace magpie::git::internal
