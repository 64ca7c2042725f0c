#include "pipeline/staged_source.h"

#include <utility>

#include "pipeline/history_source.h"

namespace magpie::pipeline {

Result<std::unique_ptr<StagedSource>> StagedSource::Open(const std::string& repo,
                                                         const git::StagedOptions& options,
                                                         const suppress::PathExcluder* excluder) {
  Result<git::StagedChange> staged = git::ScanStaged(repo, options);
  if (!staged.ok()) return staged.status();
  std::unique_ptr<StagedSource> source(new StagedSource());
  source->staged_ = *std::move(staged);
  source->excluder_ = excluder;
  for (const git::StagedFile& file : source->staged_.files) {
    source->total_bytes_ += file.content.size();
  }
  AddGitDiagnostics(source->staged_.diagnostics, &source->prelude_);
  return source;
}

SourceItem StagedSource::Load(size_t index) const {
  const git::StagedFile& file = staged_.files[index];
  SourceItem item;
  if (excluder_ != nullptr && excluder_->ExcludesRootRelative(file.path)) {
    item.skip_reason = "excluded";
    return item;
  }
  report::GitOrigin origin;
  origin.path = file.path;
  origin.blob_id = file.blob_id;
  origin.staged = true;
  item.origin = std::move(origin);
  item.bytes = file.content;  // owned by this source, which outlives the scan
  return item;
}

void StagedSource::KeepReported(size_t index, std::vector<scanner::Finding>* findings) const {
  const git::StagedFile& file = staged_.files[index];
  std::erase_if(*findings, [&](const scanner::Finding& f) {
    return !file.IsAdded(static_cast<int>(f.start.line));
  });
}

}  // namespace magpie::pipeline
