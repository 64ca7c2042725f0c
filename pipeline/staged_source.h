// What `git commit` would record now (git/staged.h): each staged file's index content, of which
// only the findings starting on a line the staged change adds are kept.
#ifndef MAGPIE_PIPELINE_STAGED_SOURCE_H_
#define MAGPIE_PIPELINE_STAGED_SOURCE_H_

#include <cstdint>
#include <memory>
#include <string>

#include "base/status.h"
#include "git/staged.h"
#include "pipeline/source.h"
#include "suppress/path_patterns.h"

namespace magpie::pipeline {

class StagedSource : public Source {
 public:
  // Reads the index of the repository containing `repo`. `excluder` (may be null, see
  // SetExcluder) must outlive the source.
  // Errors: not a repository, a bare repository, an unreadable index.
  static Result<std::unique_ptr<StagedSource>> Open(const std::string& repo,
                                                    const git::StagedOptions& options,
                                                    const suppress::PathExcluder* excluder);

  // The path patterns to leave out, when they were not known at Open. Before scanning.
  void SetExcluder(const suppress::PathExcluder* excluder) { excluder_ = excluder; }

  size_t size() const override { return staged_.files.size(); }
  SourceItem Load(size_t index) const override;
  void KeepReported(size_t index, std::vector<scanner::Finding>* findings) const override;
  uint64_t total_bytes() const override { return total_bytes_; }

  // The index equals HEAD's tree: there is nothing to check.
  bool nothing_staged() const { return staged_.nothing_staged; }

 private:
  StagedSource() = default;
  git::StagedChange staged_;
  uint64_t total_bytes_ = 0;
  const suppress::PathExcluder* excluder_ = nullptr;
};

}  // namespace magpie::pipeline

#endif  // MAGPIE_PIPELINE_STAGED_SOURCE_H_
