// Every distinct blob of a repository's history, once, with where it came from.
//
// History::Open walks the commits reachable from the chosen refs, earliest first (parents
// before children, ties by commit time), and diffs each commit's tree against its parents'
// trees, skipping subtrees whose object id did not change. A blob "introduced" by a commit is
// one that sits at a path where none of the commit's parents had that same blob (a new file, a
// changed file, a rename or copy target; for a merge, only content that differs from every
// parent). The first introduction in that order is the blob's provenance. The distinct blobs
// are then listed in pack order, the best order to read them in; the caller reads them by
// index, from as many threads as it likes (pipeline/history_source.h does).
//
// Usage:
//   magpie::git::HistoryOptions options;
//   options.since = "origin/main";  // only what this branch adds
//   auto history = magpie::git::History::Open(".", options, on_diagnostic);
//   if (!history.ok()) { print history.status(); exit 2; }
//   for (size_t i = 0; i < (*history)->size(); ++i) use((*history)->Provenance(i), (*history)->Read(i));
//
// Memory: per distinct blob, an id, a path and a few counters; blob bytes live only as long as
// the BlobRead. Nothing from libgit2 appears here.
// Process-wide effect: the first call configures libgit2's global object cache (trees and
// commits cached, blobs not) and turns off its per-read hash verification (a corrupt object
// still fails to inflate and becomes a diagnostic).
#ifndef MAGPIE_GIT_HISTORY_H_
#define MAGPIE_GIT_HISTORY_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/byte_stream.h"
#include "base/status.h"
#include "base/walk_snapshot.h"
#include "git/diagnostic.h"

namespace magpie::git {

// One (commit, path) where a blob was introduced (HistoryOptions::record_introductions).
struct Introduction {
  std::string commit;         // hex id; empty for a tree or blob a tag names
  std::string path;
  uint64_t commit_order = 0;  // position of `commit` in the walk (earliest first)
};

struct BlobProvenance {
  std::string blob_id;       // hex object id
  // The introducing commit, topologically earliest. Empty (and path empty) for a blob found
  // only through include_unreachable, or one a tag points at directly (path = the tag's name).
  std::string path;          // '/'-separated path of the blob in `commit`
  std::string commit;        // hex id
  std::string author_name;
  std::string author_email;
  int64_t commit_time = 0;   // committer time, seconds since the epoch (UTC)
  std::string message;       // first line of the commit message
  // Position of `commit` in the walk, earliest first (parents before children): orders
  // commits whose times tie. UINT64_MAX when there is no commit.
  uint64_t commit_order = UINT64_MAX;
  // Other introductions of the same blob in the walked range: (commit, path) pairs beyond
  // the first where a commit added or changed a path to exactly this content. A file left
  // unchanged across commits does not count again; a copy, a revert or a cherry-pick does.
  int other_occurrences = 0;
  // The same blob (content) is somewhere in HEAD's tree, at any path. Blob-level: a secret
  // whose file was edited since has a new blob, so "is the secret still at HEAD" is best
  // answered by whether any blob with present_at_head also yields the same secret. False
  // when HEAD is unborn or not a commit.
  bool present_at_head = false;
  // Every introduction of the blob was at a path HistoryOptions::is_excluded excludes (then
  // `path` and `commit` are the first of them). Otherwise `path` and `commit` are the first
  // introduction at a path not excluded (issue 14: the same secret at an ignored vendor/ path
  // and at app/ is reported at app/, not skipped because vendor/ came first).
  bool excluded = false;
  // Every introduction of the blob in walk order, the first included; filled only with
  // HistoryOptions::record_introductions (forensics: `magpie git --all-occurrences`).
  std::vector<Introduction> introductions;
};

struct HistoryOptions {
  // Revisions to start from (anything git_revparse accepts: "main", "v1.0", "HEAD~3", an id).
  // Empty: every ref (branches, tags, remotes, stash, notes) and HEAD, like `git rev-list --all`.
  std::vector<std::string> refs;
  // If set, commits reachable from this revision are excluded (`git rev-list refs ^since`).
  // Blobs introduced by the remaining commits are yielded whole, not just their added lines.
  // For a pull-request check pass refs = {"HEAD"} and since = the base branch; with refs
  // empty, every other branch's new commits are scanned too.
  std::string since;
  // Also yield every other blob stored in the object database (dangling blobs, blobs of
  // commits only the reflog remembers; with refs/since, also those outside the range), with
  // blob_id and size only: no commit, no path.
  bool include_unreachable = false;
  uint64_t max_blob_size = uint64_t{50} << 20;  // larger blobs: kTooLarge diagnostic
  // Larger blobs are not read into memory but handed over as BlobRead::stream (piped from
  // `git cat-file`, git/blob_stream.h); is_binary is then the consumer's to apply.
  uint64_t stream_above = uint64_t{64} << 20;
  // Which blobs are binary: those are not handed over but reported (kBinary diagnostic).
  // Null: none is. The caller supplies the test (scanner::LooksBinary) because git/ may not
  // include scanner/, and files and blobs must be judged alike.
  bool (*is_binary)(std::string_view bytes) = nullptr;
  // Which blob paths the caller excludes (.magpieignore, the configuration's `exclude`); see
  // BlobProvenance::excluded. Null: none is. Called from the tree-diff threads at once, so it
  // must be thread-safe; git/ may not include suppress/, hence a predicate.
  std::function<bool(std::string_view path)> is_excluded;
  int threads = 0;  // for tree diffs and blob reads; 0 = one per core (capped at the cores)
  // Keep every (commit, path) introduction of every blob, not just the first and a count
  // (BlobProvenance::introductions). Costs a path per introduction: off by default.
  bool record_introductions = false;
  // An earlier walk to resume from (base/walk_snapshot.h: History::Open checks it as hostile
  // input and walks in full, saying why, when anything is off); used only when refs and since are empty and
  // record_introductions is off; must outlive Open. Null: walk every commit.
  const WalkSnapshot* resume_from = nullptr;
  // Keep what this walk learned (History::snapshot) when it was a walk of every ref that met
  // no problem (submodules apart).
  bool take_snapshot = false;
  // Say, for each blob read, how the packs store it (BlobRead::delta), for the delta-aware
  // scan (issue 13). Costs a pack index lookup and the inflation of the (small) delta per blob.
  bool deltas = false;
  // With `deltas`: blobs up to this size are not looked up (delta_note "small"): the caller
  // would scan them whole anyway (scanner::ChangeWindow), and the lookup has a cost.
  uint64_t delta_min_size = 0;
  // False: the blobs are left in no particular order, and a caller that reads only some of
  // them puts those in read order with History::SortInPackOrder (issue 13: a rescan reads a
  // few hundred of git/git's 262k blobs, and ordering them all cost more than reading them).
  bool pack_order = true;
  // Read blob bytes from the packs with magpie's own reader (git/pack_blobs.h: one inflation
  // per object in pack order, a shared delta-base cache of pack_cache_bytes); libgit2 reads
  // what it cannot (loose objects, thin packs, errors), counted in History::blob_reads; the
  // walk's diffs read trees from the packs too (git/tree_reader.h). Off: libgit2 reads every
  // blob and every tree the walk diffs (the reference the equivalence tests compare with).
  bool pack_reads = true;
  // 48 MiB (git's default is 96): on git/git's full mirror the same CPU and ~60 MB less private
  // memory than 96 (bench/README.md, "Private memory").
  uint64_t pack_cache_bytes = uint64_t{48} << 20;
};

// How History::Read got the blobs' bytes: from the packs by magpie's reader, or through
// libgit2, by why ("not-in-pack": loose or in a pack the reader could not open;
// "base-outside-pack": a ref-delta of a thin pack; "pack-error": corrupt, over the limits or
// not a blob there; "large": over the size held in memory, refused or streamed; "off":
// HistoryOptions::pack_reads off).
struct BlobReadStats {
  uint64_t from_packs = 0;
  std::map<std::string, uint64_t> by_libgit2;
  // With HistoryOptions::deltas: delta layouts (BlobRead::delta) made from the delta the pack
  // read had just applied, and those that needed a second lookup in the packs (the bytes came
  // from libgit2 or from the delta-base cache).
  uint64_t layouts_with_read = 0;
  uint64_t layouts_looked_up = 0;
};

// A byte run a delta copies from its base: target[target_begin, +length) ==
// base[base_begin, +length).
struct BlobCopy {
  uint64_t target_begin = 0;
  uint64_t length = 0;
  uint64_t base_begin = 0;
};

// A blob stored as a delta in a pack: its base (another blob) and what it copies from it, in
// target order; every byte not copied was inserted by the delta.
struct BlobDelta {
  std::string base_id;  // hex object id
  uint64_t base_size = 0;
  std::vector<BlobCopy> copies;
};

// One blob's bytes from History::Read, or why it was skipped.
struct BlobRead {
  std::string_view bytes;                // valid while this BlobRead lives
  std::optional<GitDiagnostic> skipped;  // too large, binary, unreadable: bytes empty
  std::shared_ptr<const void> owner;     // keeps `bytes` alive (libgit2's buffer)
  std::shared_ptr<ByteStream> stream;    // instead of `bytes`, for a blob above stream_above
  // With HistoryOptions::deltas, for a blob read as `bytes`: how its pack stores it when that
  // is as a delta; otherwise `delta_note` says why not ("base": a whole object in its pack,
  // "not-in-pack" (loose, or a pack left out), "pack-error", "small": below delta_min_size),
  // so every blob scanned whole is accounted for.
  std::optional<BlobDelta> delta;
  std::string delta_note;
  bool ok() const { return !skipped.has_value(); }
};

// The walked history: the list of distinct blobs in read order (pack order, which is also
// the best order to read them in), each with its provenance, and a thread-safe reader.
// Fits a pipeline whose input stage hands out indices 0..size()-1, whose parallel stage
// calls Read(i) and scans, and whose ordered output stage reports: output then comes in a
// deterministic order without buffering.
// Thread safety: after Open, every const member may be called from any number of threads;
// Read uses one libgit2 repository handle per calling thread.
class History {
 public:
  // Walks the history (tree diffs run in parallel on the current TBB arena). `repo_path`: a
  // work tree, any directory inside one, a .git directory or a bare repository. Errors: the
  // repository cannot be opened or a revision in `refs`/`since` does not resolve; every other
  // problem is a diagnostic and the walk goes on. `on_diagnostic` is called during Open only
  // (from the calling thread); Read reports its problems in BlobRead::skipped instead.
  static Result<std::unique_ptr<History>> Open(const std::string& repo_path,
                                               const HistoryOptions& options,
                                               const DiagnosticCallback& on_diagnostic);
  ~History();
  History(const History&) = delete;
  History& operator=(const History&) = delete;

  size_t size() const;                     // distinct blobs to read
  // 0 <= i < size(). The commit's author, time and message are read on first use (from any
  // thread); with_commit = false leaves them (and nothing else) out, for choosing blobs.
  BlobProvenance Provenance(size_t i, bool with_commit = true) const;
  BlobRead Read(size_t i) const;
  // What Read(i) reports of a blob it reads whole and HistoryOptions::is_binary finds binary,
  // without reading it: for a rescan whose scan store knows the blob's bytes binary (issue
  // 13), so that its report says the same as a scan that reads it.
  GitDiagnostic BinaryDiagnostic(size_t i) const;
  // Frees what reading keeps for later reads (the pack reader's delta-base cache and buffers),
  // once the caller has read every blob it will: the steps after a scan then have that memory
  // (issue 13 §4). Not thread-safe: no Read may run meanwhile; a later Read still works.
  void ReleaseReadMemory();
  uint64_t commits() const;                // commits walked
  double walk_seconds() const;
  // With HistoryOptions::take_snapshot: what to keep for the next walk; null when the walk met
  // a problem or was not of every ref.
  const WalkSnapshot* snapshot() const;
  // Whether HistoryOptions::resume_from was used; when given but not used, why (for a notice).
  bool resumed() const;
  const std::string& resume_refused() const;
  std::string BlobId(size_t i) const;         // Provenance(i).blob_id, without the rest
  // Sorts `indices` (each < size()) into read order: the order Open gives with
  // HistoryOptions::pack_order, so a selection read in it comes out as from a sorted list.
  void SortInPackOrder(std::vector<size_t>* indices) const;
  // With HistoryOptions::deltas or pack_reads: packs magpie's reader could not open (their
  // blobs are read by libgit2, and scanned whole by the delta-aware scan).
  size_t unread_packs() const;
  // Counted over the Read calls so far.
  BlobReadStats blob_reads() const;

 private:
  struct Impl;
  explicit History(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace magpie::git

#endif  // MAGPIE_GIT_HISTORY_H_
