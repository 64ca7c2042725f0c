// Every distinct blob of a git history once (git/history.h), in pack order, with provenance
// as a report::GitOrigin. A blob is skipped as "excluded" only when every path it was
// introduced at is excluded by the suppression patterns (relative to the repository root);
// otherwise it is reported at its first path that is not. Submodules are counted, not recursed.
#ifndef MAGPIE_PIPELINE_HISTORY_SOURCE_H_
#define MAGPIE_PIPELINE_HISTORY_SOURCE_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "git/history.h"
#include "pipeline/source.h"
#include "suppress/path_patterns.h"

namespace magpie::pipeline {

// Which of the walked blobs become items ("scan this blob?"), decided once per blob after the
// walk: a shard's share (pipeline/shard.h). Empty: every blob. The provenance it is given has
// no commit (id, author, time, message): reading those for every blob would cost a commit
// lookup each.
using BlobSelector = std::function<bool(const git::BlobProvenance&)>;

// How the delta-aware scan went (HistoryOptions::deltas): every blob scanned is counted once,
// by its changes or whole with the reason ("base": a whole object in its pack, the start of
// its deltas; "not-in-pack", "pack-error", "base-not-scanned", "encoding", "long-match",
// "decode-budget", "layout").
struct DeltaStats {
  uint64_t by_region = 0;        // blobs scanned by their changes
  uint64_t region_bytes = 0;     // bytes the scanner read for them
  uint64_t region_of_bytes = 0;  // their whole size
  uint64_t whole_bytes = 0;      // bytes of the blobs scanned whole
  std::map<std::string, uint64_t> whole;  // blobs scanned whole, by reason
  size_t unread_packs = 0;       // packs the pack reader could not open
};

class HistorySource : public Source {
 public:
  // Walks the history (tree diffs on `threads` threads). `excluder` must outlive the source.
  // Errors: the repository cannot be opened, a revision does not resolve.
  // `known_binary` (may be empty) says which selected items an earlier run read whole and
  // found binary (the scan store, issue 13): they are reported as Read would report them,
  // without reading them. Only where binary blobs are skipped (HistoryOptions::is_binary).
  static Result<std::unique_ptr<HistorySource>> Open(const std::string& repo,
                                                     const git::HistoryOptions& options,
                                                     const suppress::PathExcluder* excluder,
                                                     const BlobSelector& select = {},
                                                     const BlobSelector& known_binary = {});

  size_t size() const override { return selected_ ? selected_->size() : history_->size(); }
  SourceItem Load(size_t index) const override;

  bool RecordsScans() const override { return deltas_; }
  void Scanned(size_t index, const ItemScan& scan) const override;
  DeltaStats delta_stats() const;

  uint64_t commits() const { return history_->commits(); }
  double walk_seconds() const { return history_->walk_seconds(); }
  const git::History& history() const { return *history_; }  // its walk snapshot (issue 13)

 private:
  HistorySource() = default;
  std::unique_ptr<git::History> history_;
  std::optional<std::vector<size_t>> selected_;  // item -> history index, with a selector
  BlobSelector known_binary_;  // see Open; empty: every item is read
  bool deltas_ = false;
  // Each blob's scan by id, for the blobs stored as its deltas: one small entry per blob
  // (findings are rare), so memory grows with the blob-id set only.
  // Loads finished: the last one frees the history's read caches (every item is loaded once).
  mutable std::atomic<size_t> loaded_{0};
  mutable std::mutex records_mu_;
  mutable std::unordered_map<std::string, std::shared_ptr<const scanner::ScanRecord>> records_;
  mutable DeltaStats stats_;  // under records_mu_
};

// A git diagnostic in the report's words.
report::Diagnostic ToReportDiagnostic(const git::GitDiagnostic& d);
// Adds a git listing's diagnostics to `prelude`: submodules are policy (not recursed), counted
// and noted for --verbose; everything else is a problem to report.
void AddGitDiagnostics(const std::vector<git::GitDiagnostic>& diagnostics, Prelude* prelude);

}  // namespace magpie::pipeline

#endif  // MAGPIE_PIPELINE_HISTORY_SOURCE_H_
