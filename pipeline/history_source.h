// Every distinct blob of a git history once (git/history.h), in pack order, with provenance
// as a report::GitOrigin. A blob is skipped as "excluded" only when every path it was
// introduced at is excluded by the suppression patterns (relative to the repository root);
// otherwise it is reported at its first path that is not. Submodules are counted, not recursed.
#ifndef MAGPIE_PIPELINE_HISTORY_SOURCE_H_
#define MAGPIE_PIPELINE_HISTORY_SOURCE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
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

class HistorySource : public Source {
 public:
  // Walks the history (tree diffs on `threads` threads). `excluder` must outlive the source.
  // Errors: the repository cannot be opened, a revision does not resolve.
  static Result<std::unique_ptr<HistorySource>> Open(const std::string& repo,
                                                     const git::HistoryOptions& options,
                                                     const suppress::PathExcluder* excluder,
                                                     const BlobSelector& select = {});

  size_t size() const override { return selected_ ? selected_->size() : history_->size(); }
  SourceItem Load(size_t index) const override;

  uint64_t commits() const { return history_->commits(); }
  double walk_seconds() const { return history_->walk_seconds(); }
  const git::History& history() const { return *history_; }  // its walk snapshot (issue 13)

 private:
  HistorySource() = default;
  std::unique_ptr<git::History> history_;
  std::optional<std::vector<size_t>> selected_;  // item -> history index, with a selector
};

// A git diagnostic in the report's words.
report::Diagnostic ToReportDiagnostic(const git::GitDiagnostic& d);
// Adds a git listing's diagnostics to `prelude`: submodules are policy (not recursed), counted
// and noted for --verbose; everything else is a problem to report.
void AddGitDiagnostics(const std::vector<git::GitDiagnostic>& diagnostics, Prelude* prelude);

}  // namespace magpie::pipeline

#endif  // MAGPIE_PIPELINE_HISTORY_SOURCE_H_
