// Which branch and tag tips still hold a file version: where a secret found in history lives
// now (issue 11). A history finding is "deleted" only when no tip holds it.
//
// The tips are every branch (refs/heads/*), remote-tracking branch (refs/remotes/*, symbolic
// ones such as origin/HEAD left out: they name a listed ref) and tag (refs/tags/*, annotated
// ones peeled), plus HEAD when it is detached. A tip is a commit (its tree is looked at), a
// tree, or a blob (a tag naming a blob: it holds that blob at the path equal to its name).
//
// Cost: Open reads each tip once (one or two objects per ref). VersionsAt(paths) reads each
// tree on the way to the paths once for all of them, memoised on (tree id, place in the
// paths), so tips that share a subtree (tags of one release line) read it once between them;
// a tree is released as soon as its entries for the paths are known, and no tree is walked in
// full. Ask only for the paths that have findings: git/git's 4,294 refs cost a few
// milliseconds per path. FindAnywhere walks whole trees, each distinct tree once (memoised on
// its id), within a bound: ask it only about what would otherwise be called deleted.
//
// Usage:
//   auto tips = magpie::git::RefPresence::Open(repo_path);
//   if (!tips.ok()) { report tips.status(); }
//   for (const auto& version : (*tips)->VersionsAt("config/app.env"))
//     if (holds_secret(version.blob_id)) for (uint32_t r : version.tips) use((*tips)->tips()[r]);
//
// Thread safety: one thread at a time (one libgit2 repository handle, a memo).
#ifndef MAGPIE_GIT_REF_PRESENCE_H_
#define MAGPIE_GIT_REF_PRESENCE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "base/tree_path_fact.h"

namespace magpie::git {

class RefPresence {
 public:
  // One distinct blob at a path, and the tips holding it there.
  struct Version {
    std::string blob_id;         // hex
    std::vector<uint32_t> tips;  // indices into tips(), ascending
  };

  // Lists the tips of the repository at `repo_path` (as History::Open accepts it). Errors: the
  // repository cannot be opened. A ref that cannot be resolved (a damaged repository) is left
  // out and counted in unreadable_tips(); the history walk reports it.
  static Result<std::unique_ptr<RefPresence>> Open(const std::string& repo_path);
  ~RefPresence();
  RefPresence(const RefPresence&) = delete;
  RefPresence& operator=(const RefPresence&) = delete;

  // Full ref names ("refs/heads/main", "refs/tags/v1.0", "HEAD" when detached), in report
  // order: branches, remote-tracking branches, tags, then HEAD; by name within each.
  const std::vector<std::string>& tips() const;
  size_t unreadable_tips() const;

  // The distinct blobs at `path` ('/'-separated, relative to the root) among the tips, in
  // order of their first tip. A tip where `path` is absent, a tree or a submodule holds none.
  // Subtrees that cannot be read count as holding none and are counted in unreadable_lookups().
  std::vector<Version> VersionsAt(std::string_view path);
  // The same for each of `paths` at once (result[i] for paths[i]): each tree read once.
  std::vector<std::vector<Version>> VersionsAt(const std::vector<std::string>& paths);
  // The same, with what an earlier run learned (the scan store, issue 13): a tip whose tree
  // has a fact in `known` for each of `paths` is answered from them and its tree is not read,
  // so a rescan reads only the trees of tips that moved. `known` is hostile input: a fact
  // about a tree or path not asked about is ignored, and two facts that disagree about one
  // (tree, path) make it unknown (read). A well-formed fact that lies is believed, as a forged
  // clean item is (docs/security.md, "scan store"). *learned receives one fact per path for
  // each tree read here, and none at all when a tree or subtree could not be read in this call
  // (an unread subtree is no fact).
  std::vector<std::vector<Version>> VersionsAt(const std::vector<std::string>& paths,
                                               const std::vector<TreePathFact>& known,
                                               std::vector<TreePathFact>* learned);
  size_t unreadable_lookups() const;

  // Where blobs live now at any path (issue 11: a file renamed or copied on a branch or tag
  // that HEAD no longer has keeps its blob, so its secret is not deleted).
  struct Place {
    uint32_t tip;      // index into tips()
    std::string path;  // where that tip's tree holds the blob
  };
  struct SearchResult {
    // Blob id (hex) -> the tips and paths holding it, by (tip, path); blobs held nowhere are
    // absent.
    std::unordered_map<std::string, std::vector<Place>> places;
    uint64_t trees_read = 0;         // distinct trees read (the cost)
    uint64_t trees_unreadable = 0;   // trees that could not be read, or nested too deep
    bool truncated = false;          // stopped at max_trees: trees left unread
    bool complete() const { return trees_unreadable == 0 && !truncated; }
  };
  // Every (tip, path) holding one of `blob_ids` (hex; malformed ones hold nowhere), reading
  // each distinct tree reachable from the tips once, and at most `max_trees` of them. A tree
  // that cannot be read counts as holding none (SearchResult says so).
  SearchResult FindAnywhere(const std::vector<std::string>& blob_ids, uint64_t max_trees);
  // The same, with what an earlier run learned, as VersionsAt: a tip whose tree has a fact in
  // `known` for each of `blob_ids` is answered from them and costs no tree read; facts about
  // other trees or blobs are ignored, and two that disagree make the tree read. *learned
  // receives one fact per blob for each tip tree searched here, and none when the search was
  // not complete (a tree unreadable, or max_trees reached).
  SearchResult FindAnywhere(const std::vector<std::string>& blob_ids, uint64_t max_trees,
                            const std::vector<TreeBlobFact>& known,
                            std::vector<TreeBlobFact>* learned);

  // The bytes of a blob no larger than `max_size`; nullopt when it is larger or unreadable.
  std::optional<std::string> ReadBlob(std::string_view blob_id, uint64_t max_size);

 private:
  struct Impl;
  explicit RefPresence(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace magpie::git

#endif  // MAGPIE_GIT_REF_PRESENCE_H_
